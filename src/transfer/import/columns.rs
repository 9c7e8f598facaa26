//! Which column holds what: header names matched case- and
//! accent-insensitively against aliases in English, French, Russian, Spanish
//! and Vietnamese, including headers written in several languages at once
//! ("Nom / Surname") and two-row headers ("Passport" over "Number | Expiry").

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

/// A participant field an import column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Delegation,
    Category,
    FamilyName,
    GivenNames,
    /// A patronymic or English middle name: written after the given names.
    MiddleNameAfter,
    /// A Vietnamese "tên đệm": written before the given name.
    MiddleNameBefore,
    BadgeName,
    Function,
    Gender,
    Nationality,
    DateOfBirth,
    DocumentType,
    DocumentNumber,
    DocumentExpiry,
    Email,
    Phone,
    ZonesAdded,
    ZonesRemoved,
    Notes,
    Reference,
}

impl Field {
    pub const ALL: [Field; 20] = [
        Field::Delegation,
        Field::Category,
        Field::FamilyName,
        Field::GivenNames,
        Field::MiddleNameAfter,
        Field::MiddleNameBefore,
        Field::BadgeName,
        Field::Function,
        Field::Gender,
        Field::Nationality,
        Field::DateOfBirth,
        Field::DocumentType,
        Field::DocumentNumber,
        Field::DocumentExpiry,
        Field::Email,
        Field::Phone,
        Field::ZonesAdded,
        Field::ZonesRemoved,
        Field::Notes,
        Field::Reference,
    ];

    /// The name of the participant field (as in `FieldError::field` and the
    /// CLI's JSON).
    pub fn key(self) -> &'static str {
        match self {
            Field::Delegation => "delegation",
            Field::Category => "category",
            Field::FamilyName => "family_name",
            Field::GivenNames | Field::MiddleNameAfter | Field::MiddleNameBefore => "given_names",
            Field::BadgeName => "badge_name",
            Field::Function => "function",
            Field::Gender => "gender",
            Field::Nationality => "nationality",
            Field::DateOfBirth => "date_of_birth",
            Field::DocumentType => "document_type",
            Field::DocumentNumber => "document_number",
            Field::DocumentExpiry => "document_expiry",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::ZonesAdded => "zones_added",
            Field::ZonesRemoved => "zones_removed",
            Field::Notes => "notes",
            Field::Reference => "reference",
        }
    }

    /// The column's name in the template and in messages.
    pub fn label(self) -> &'static str {
        match self {
            Field::Delegation => "Delegation",
            Field::Category => "Category",
            Field::FamilyName => "Family name",
            Field::GivenNames => "Given names",
            Field::MiddleNameAfter => "Middle name",
            Field::MiddleNameBefore => "Middle name (Vietnamese tên đệm)",
            Field::BadgeName => "Name on badge",
            Field::Function => "Function",
            Field::Gender => "Gender",
            Field::Nationality => "Nationality",
            Field::DateOfBirth => "Date of birth",
            Field::DocumentType => "Document type",
            Field::DocumentNumber => "Document number",
            Field::DocumentExpiry => "Document expiry",
            Field::Email => "E-mail",
            Field::Phone => "Phone",
            Field::ZonesAdded => "Zones added",
            Field::ZonesRemoved => "Zones removed",
            Field::Notes => "Notes",
            Field::Reference => "Reference",
        }
    }

    /// Header names that mean this field, as people write them (they are
    /// compared folded, see [`fold`]).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Delegation => &[
                "delegation",
                "delegation code",
                "country",
                "organisation",
                "organization",
                "country/organisation",
                "country/organization",
                "state",
                "member state",
                "délégation",
                "pays",
                "pays/organisation",
                "delegación",
                "país",
                "organización",
                "país/organización",
                "делегация",
                "страна",
                "организация",
                "đoàn",
                "đoàn đại biểu",
                "quốc gia",
                "tổ chức",
                "quốc gia/tổ chức",
            ],
            Field::Category => &[
                "category",
                "category code",
                "participant category",
                "type of participant",
                "catégorie",
                "categoría",
                "категория",
                "phân loại",
                "loại đại biểu",
                "hạng mục",
                "loại",
            ],
            Field::FamilyName => &[
                "family name",
                "family names",
                "surname",
                "surnames",
                "last name",
                "last names",
                "lastname",
                "family",
                "nom",
                "nom de famille",
                "noms",
                "фамилия",
                "apellido",
                "apellidos",
                "họ",
            ],
            Field::GivenNames => &[
                "given names",
                "given name",
                "first name",
                "first names",
                "firstname",
                "forename",
                "forenames",
                "christian name",
                "prénom",
                "prénoms",
                "имя",
                "nombre",
                "nombres",
                "tên",
                "tên gọi",
            ],
            Field::MiddleNameAfter => &[
                "middle name",
                "middle names",
                "patronymic",
                "отчество",
                "segundo nombre",
            ],
            Field::MiddleNameBefore => &["tên đệm", "tên lót", "chữ lót"],
            Field::BadgeName => &[
                "badge name",
                "name on badge",
                "name on the badge",
                "name as printed",
                "nom sur le badge",
                "nom sur badge",
                "nom imprimé",
                "имя на бейдже",
                "nombre en la credencial",
                "nombre en el gafete",
                "nombre impreso",
                "tên trên thẻ",
                "tên in trên thẻ",
            ],
            Field::Function => &[
                "function",
                "title",
                "position",
                "job title",
                "functional title",
                "role",
                "designation",
                "fonction",
                "titre",
                "poste",
                "qualité",
                "должность",
                "cargo",
                "función",
                "puesto",
                "chức vụ",
                "chức danh",
            ],
            Field::Gender => &[
                "gender",
                "sex",
                "sexe",
                "genre",
                "пол",
                "sexo",
                "género",
                "giới tính",
            ],
            Field::Nationality => &[
                "nationality",
                "citizenship",
                "nationalité",
                "гражданство",
                "национальность",
                "nacionalidad",
                "quốc tịch",
            ],
            Field::DateOfBirth => &[
                "date of birth",
                "birth date",
                "birthdate",
                "dob",
                "d.o.b.",
                "born",
                "date de naissance",
                "né le",
                "дата рождения",
                "fecha de nacimiento",
                "nacimiento",
                "ngày sinh",
                "ngày tháng năm sinh",
            ],
            Field::DocumentType => &[
                "document type",
                "type of document",
                "id type",
                "type of id",
                "passport type",
                "type of passport",
                "type de document",
                "type de passeport",
                "тип документа",
                "вид документа",
                "тип паспорта",
                "tipo de documento",
                "tipo de pasaporte",
                "loại giấy tờ",
                "loại hộ chiếu",
            ],
            Field::DocumentNumber => &[
                "document number",
                "document no",
                "document",
                "passport number",
                "passport no",
                "passport",
                "passport #",
                "id number",
                "id no",
                "travel document number",
                "numéro de passeport",
                "n° de passeport",
                "no de passeport",
                "passeport",
                "numéro de document",
                "numéro du document",
                "номер паспорта",
                "номер документа",
                "паспорт",
                "número de pasaporte",
                "pasaporte",
                "n° de pasaporte",
                "número de documento",
                "số hộ chiếu",
                "hộ chiếu",
                "số giấy tờ",
            ],
            Field::DocumentExpiry => &[
                "document expiry",
                "document expiry date",
                "expiry date",
                "expiry",
                "date of expiry",
                "expiration date",
                "expiration",
                "passport expiry",
                "passport expiry date",
                "valid until",
                "expires",
                "date d'expiration",
                "date d'expiration du passeport",
                "valable jusqu'au",
                "срок действия",
                "действителен до",
                "дата окончания срока действия",
                "fecha de vencimiento",
                "fecha de caducidad",
                "vencimiento",
                "caducidad",
                "válido hasta",
                "ngày hết hạn",
                "hạn sử dụng",
                "có giá trị đến",
            ],
            Field::Email => &[
                "email",
                "e-mail",
                "mail",
                "email address",
                "e-mail address",
                "courriel",
                "adresse électronique",
                "adresse e-mail",
                "электронная почта",
                "эл. почта",
                "e-mail адрес",
                "почта",
                "correo",
                "correo electrónico",
                "thư điện tử",
            ],
            Field::Phone => &[
                "phone",
                "telephone",
                "phone number",
                "telephone number",
                "mobile",
                "mobile phone",
                "mobile number",
                "cell phone",
                "tel",
                "téléphone",
                "portable",
                "numéro de téléphone",
                "телефон",
                "мобильный телефон",
                "teléfono",
                "teléfono móvil",
                "móvil",
                "celular",
                "điện thoại",
                "số điện thoại",
            ],
            Field::ZonesAdded => &[
                "zones added",
                "extra zones",
                "additional zones",
                "added zones",
                "zones supplémentaires",
                "zones ajoutées",
                "zonas adicionales",
                "дополнительные зоны",
                "khu vực bổ sung",
            ],
            Field::ZonesRemoved => &[
                "zones removed",
                "removed zones",
                "zones retirées",
                "zonas retiradas",
                "исключённые зоны",
                "khu vực bị bỏ",
            ],
            Field::Notes => &[
                "notes",
                "note",
                "remarks",
                "comments",
                "comment",
                "observations",
                "special requirements",
                "remarques",
                "commentaires",
                "примечания",
                "примечание",
                "комментарий",
                "observaciones",
                "notas",
                "comentarios",
                "ghi chú",
            ],
            Field::Reference => &[
                "reference",
                "ref",
                "reference number",
                "ref no",
                "ref number",
                "delegation reference",
                "your reference",
                "nomination reference",
                "nomination id",
                "référence",
                "référence de la délégation",
                "референс",
                "регистрационный номер",
                "referencia",
                "mã tham chiếu",
                "mã số",
                "mã",
            ],
        }
    }
}

/// Every alias folded, built once.
static ALIASES: LazyLock<HashMap<String, Field>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for field in Field::ALL {
        for alias in field.aliases() {
            map.entry(fold(alias)).or_insert(field);
        }
    }
    map
});

/// Columns that exports write and imports leave aside on purpose (they are
/// worked out, or belong to the desk rather than the delegation).
const KNOWN_IGNORED: &[&str] = &[
    "id",
    "printed name",
    "status",
    "status reason",
    "zones",
    "has photo",
    "created at",
    "updated at",
    "badge serial",
    "badge status",
    "badge printed",
    "print count",
    "collected",
    "collected at",
    "collected by",
    "no",
    "n",
    "#",
    "№",
    "stt",
    "số thứ tự",
];

/// A header folded for matching: transliterated to ASCII, lower case,
/// punctuation made spaces. "Date de naissance*" and "DATE DE NAISSANCE"
/// fold alike; so do "Фамилия" and "familiia".
pub fn fold(text: &str) -> String {
    // "N°" is "No", not "N deg".
    let text = text.replace(['°', 'º'], "o");
    let ascii = any_ascii::any_ascii(&text).to_lowercase();
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

fn lookup(folded: &str) -> Option<Field> {
    ALIASES.get(folded).copied()
}

/// Removes parenthesised and bracketed parts ("Date of birth (DD/MM/YYYY)").
fn without_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The field one header cell names, if any. Tries the whole text, then the
/// text without bracketed hints, then each part of a multilingual header
/// ("Nom / Surname / Фамилия"), which must all agree.
pub fn field_of(header: &str) -> Option<Field> {
    let header = header.trim().trim_end_matches('*').trim();
    if let Some(f) = lookup(&fold(header)) {
        return Some(f);
    }
    let bare = without_brackets(header);
    if let Some(f) = lookup(&fold(&bare)) {
        return Some(f);
    }
    let mut found: Option<Field> = None;
    for part in bare.split(['/', '|', '\n', ';', '\\']) {
        let folded = fold(part);
        if folded.is_empty() {
            continue;
        }
        match (lookup(&folded), found) {
            (Some(f), None) => found = Some(f),
            (Some(f), Some(g)) if f == g => {}
            (Some(_), Some(_)) => return None,
            (None, _) => {}
        }
    }
    found
}

fn is_known_ignored(header: &str) -> bool {
    let folded = fold(&without_brackets(header));
    KNOWN_IGNORED.iter().any(|k| fold(k) == folded)
}

/// One column of the file as the import reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnUse {
    /// The header as written in the file.
    pub column: String,
    /// The participant field it fills.
    pub field: Field,
}

/// A column the import leaves aside, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IgnoredColumn {
    pub column: String,
    pub reason: String,
}

/// The fields of a file's columns, found from its header row.
#[derive(Debug, Clone, Default)]
pub struct HeaderMap {
    /// For each column index, the field it fills.
    pub fields: Vec<Option<Field>>,
    /// For each column index, the header as written (for messages).
    pub names: Vec<String>,
    pub ignored: Vec<IgnoredColumn>,
    /// Whether the row above was part of the header (a two-row header).
    pub uses_row_above: bool,
}

impl HeaderMap {
    /// Reads a header row. `above` is the row before it, for two-row headers
    /// where a merged cell ("Passport") spans the columns below it.
    pub fn read(cells: &[String], above: Option<&[String]>) -> HeaderMap {
        let filled_above = above.map(forward_fill);
        let mut map = HeaderMap::default();
        for (i, cell) in cells.iter().enumerate() {
            let own = cell.trim();
            let over = filled_above
                .as_ref()
                .and_then(|a| a.get(i))
                .map(|s| s.trim())
                .unwrap_or("");
            let exact_above = above.and_then(|a| a.get(i)).map(|s| s.trim()).unwrap_or("");
            let (name, field) = if own.is_empty() {
                // A header cell merged vertically over two rows.
                let field = field_of(exact_above);
                map.uses_row_above |= field.is_some();
                (exact_above.to_string(), field)
            } else {
                match field_of(own) {
                    // Named in full under its group when that reads the same
                    // ("Passport Expiry").
                    Some(f)
                        if !over.is_empty() && field_of(&format!("{over} {own}")) == Some(f) =>
                    {
                        map.uses_row_above = true;
                        (format!("{over} {own}"), Some(f))
                    }
                    Some(f) => (own.to_string(), Some(f)),
                    None if !over.is_empty() => {
                        let joined = format!("{over} {own}");
                        match field_of(&joined) {
                            Some(f) => {
                                map.uses_row_above = true;
                                (joined, Some(f))
                            }
                            None => (own.to_string(), None),
                        }
                    }
                    None => (own.to_string(), None),
                }
            };
            map.names.push(name);
            map.fields.push(field);
        }
        // A field named twice: the first column wins, the others are reported.
        let mut seen: Vec<(Field, usize)> = Vec::new();
        for i in 0..map.fields.len() {
            let Some(f) = map.fields[i] else {
                if !map.names[i].is_empty() {
                    let reason = if is_known_ignored(&map.names[i]) {
                        "not imported (worked out by Accredit or kept by the desk)"
                    } else {
                        "not a column Accredit knows; ignored"
                    };
                    map.ignored.push(IgnoredColumn {
                        column: map.names[i].clone(),
                        reason: reason.into(),
                    });
                }
                continue;
            };
            if let Some((_, first)) = seen.iter().find(|(g, _)| *g == f) {
                map.ignored.push(IgnoredColumn {
                    column: map.names[i].clone(),
                    reason: format!(
                        "also reads as {}; only the first such column (\"{}\") is used",
                        f.label(),
                        map.names[*first]
                    ),
                });
                map.fields[i] = None;
            } else {
                seen.push((f, i));
            }
        }
        map
    }

    pub fn has(&self, field: Field) -> bool {
        self.fields.contains(&Some(field))
    }

    /// How many distinct fields the header names.
    pub fn recognised(&self) -> usize {
        self.fields.iter().flatten().count()
    }

    /// Whether this row reads as the header of a nomination list.
    pub fn is_header(&self) -> bool {
        (self.has(Field::FamilyName) || self.has(Field::GivenNames)) && self.recognised() >= 2
    }

    /// The header as written of the column filling `field`.
    pub fn column_of(&self, field: Field) -> Option<&str> {
        self.fields
            .iter()
            .position(|f| *f == Some(field))
            .map(|i| self.names[i].as_str())
    }

    pub fn uses(&self) -> Vec<ColumnUse> {
        self.fields
            .iter()
            .zip(&self.names)
            .filter_map(|(f, n)| {
                f.map(|field| ColumnUse {
                    column: n.clone(),
                    field,
                })
            })
            .collect()
    }
}

/// Blank cells take the value on their left, as a merged cell looks.
fn forward_fill(cells: &[String]) -> Vec<String> {
    let mut last = String::new();
    cells
        .iter()
        .map(|c| {
            if !c.trim().is_empty() {
                last = c.trim().to_string();
            }
            last.clone()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headers_in_five_languages() {
        for (header, field) in [
            ("Family name", Field::FamilyName),
            ("SURNAME", Field::FamilyName),
            ("Nom", Field::FamilyName),
            ("Фамилия", Field::FamilyName),
            ("Apellido", Field::FamilyName),
            ("Họ", Field::FamilyName),
            ("Prénom(s)", Field::GivenNames),
            ("Имя", Field::GivenNames),
            ("Tên", Field::GivenNames),
            ("Tên đệm", Field::MiddleNameBefore),
            ("Отчество", Field::MiddleNameAfter),
            ("Date de naissance (JJ/MM/AAAA)", Field::DateOfBirth),
            ("Ngày sinh", Field::DateOfBirth),
            ("Дата рождения", Field::DateOfBirth),
            ("Fecha de nacimiento", Field::DateOfBirth),
            ("N° de passeport", Field::DocumentNumber),
            ("Số hộ chiếu", Field::DocumentNumber),
            ("Номер паспорта", Field::DocumentNumber),
            ("E-mail*", Field::Email),
            ("Courriel", Field::Email),
            ("Délégation", Field::Delegation),
            ("Catégorie", Field::Category),
            ("given_names", Field::GivenNames),
            ("document_expiry", Field::DocumentExpiry),
        ] {
            assert_eq!(field_of(header), Some(field), "{header}");
        }
        assert_eq!(field_of("Shoe size"), None);
    }

    #[test]
    fn multilingual_header_cells_must_agree() {
        assert_eq!(field_of("Nom / Surname / Фамилия"), Some(Field::FamilyName));
        assert_eq!(field_of("Surname / Prénom"), None);
    }

    #[test]
    fn two_row_headers_are_joined() {
        let above = cells(&["", "", "Passport", "", ""]);
        let header = cells(&["Surname", "First name", "Number", "Expiry", "Shoe size"]);
        let map = HeaderMap::read(&header, Some(&above));
        assert_eq!(
            map.fields,
            vec![
                Some(Field::FamilyName),
                Some(Field::GivenNames),
                Some(Field::DocumentNumber),
                Some(Field::DocumentExpiry),
                None
            ]
        );
        assert_eq!(map.names[2], "Passport Number");
        assert_eq!(map.ignored.len(), 1);
        assert!(map.is_header());
    }

    #[test]
    fn a_field_named_twice_keeps_the_first_column() {
        let map = HeaderMap::read(&cells(&["Nom", "Surname", "Prénom"]), None);
        assert_eq!(
            map.fields,
            vec![Some(Field::FamilyName), None, Some(Field::GivenNames)]
        );
        assert!(map.ignored[0].reason.contains("\"Nom\""));
    }
}
