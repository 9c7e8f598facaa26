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

    /// Words that may stand beside an alias in a header of this field without
    /// naming it alone ("Passport" in "Passport valid until", "Date" in
    /// "Date d'expiration", "Nom" in "Nom de la délégation").
    fn extra_words(self) -> &'static [&'static str] {
        match self {
            Field::Delegation => &[
                "name",
                "code",
                "nom",
                "nombre",
                "код",
                "название",
                "tên",
                "mã",
                "member",
                "participating",
                "participante",
                "участник",
                "nhà nước",
            ],
            Field::Category => &[
                "code",
                "name",
                "nom",
                "nombre",
                "código",
                "код",
                "mã",
                "participant",
                "participante",
                "участника",
                "đại biểu",
                "type",
                "tipo",
                "accreditation",
                "accréditation",
                "acreditación",
                "аккредитации",
            ],
            // Never a word of the other name ("Nombre y apellido", "Nom et
            // prénom", "Họ và tên" are a whole name: ambiguous).
            Field::FamilyName => &["name", "primer", "segundo"],
            Field::GivenNames => &["name", "other", "autres", "otros", "gọi"],
            Field::MiddleNameAfter => &["name", "nombre", "second"],
            Field::MiddleNameBefore => &["tên"],
            Field::BadgeName => &[
                "name",
                "printed",
                "card",
                "carte",
                "tarjeta",
                "бейдж",
                "бейдже",
                "карточке",
                "thẻ",
                "in",
                "imprimé",
                "printed",
            ],
            Field::Function => &[
                "official",
                "officielle",
                "oficial",
                "occupation",
                "professionnel",
                "job",
                "current",
                "actuel",
                "actual",
            ],
            Field::Gender => &["m f", "h f", "м ж"],
            Field::Nationality => &["country", "pays", "país", "страна", "quốc gia"],
            Field::DateOfBirth => &[
                "date",
                "birth",
                "naissance",
                "nacimiento",
                "рождения",
                "sinh",
                "ngày",
                "tháng",
                "năm",
                "fecha",
                "дата",
                "day",
            ],
            Field::DocumentType => &[
                "document",
                "passport",
                "passeport",
                "pasaporte",
                "паспорт",
                "паспорта",
                "документа",
                "hộ chiếu",
                "giấy tờ",
                "kind",
                "travel",
                "voyage",
                "viaje",
                "id",
                "identity",
                "identité",
                "identidad",
            ],
            Field::DocumentNumber => &[
                "number",
                "no",
                "nr",
                "num",
                "numéro",
                "número",
                "номер",
                "số",
                "document",
                "passport",
                "passeport",
                "pasaporte",
                "паспорт",
                "паспорта",
                "документа",
                "hộ chiếu",
                "giấy tờ",
                "id",
                "identity",
                "identité",
                "identidad",
                "travel",
                "voyage",
                "viaje",
                "card",
                "carte",
                "tarjeta",
            ],
            Field::DocumentExpiry => &[
                "date",
                "fecha",
                "дата",
                "ngày",
                "passport",
                "passeport",
                "pasaporte",
                "паспорт",
                "паспорта",
                "документа",
                "hộ chiếu",
                "giấy tờ",
                "document",
                "documento",
                "valid",
                "validity",
                "validité",
                "validez",
                "until",
                "jusqu",
                "hasta",
                "до",
                "đến",
                "expiring",
                "expire",
                "expiry",
                "expiration",
                "travel",
                "voyage",
                "viaje",
                "id",
                "identity",
                "identité",
                "identidad",
            ],
            Field::Email => &[
                "address",
                "adresse",
                "dirección",
                "адрес",
                "địa chỉ",
                "contact",
            ],
            Field::Phone => &[
                "number",
                "no",
                "numéro",
                "número",
                "номер",
                "số",
                "contact",
                "mobile",
            ],
            Field::ZonesAdded => &[
                "zone",
                "zona",
                "зоны",
                "khu vực",
                "access",
                "accès",
                "acceso",
            ],
            Field::ZonesRemoved => &[
                "zone",
                "zona",
                "зоны",
                "khu vực",
                "access",
                "accès",
                "acceso",
            ],
            Field::Notes => &["other", "autres", "otras", "другие", "khác"],
            Field::Reference => &[
                "number",
                "no",
                "numéro",
                "número",
                "номер",
                "số",
                "code",
                "id",
            ],
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
                "название делегации",
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
                "hết hạn",
                "hạn sử dụng",
                "có giá trị đến",
                "valid till",
                "validity",
                "expires on",
                "validité",
                "expire le",
                "valable",
                "validez",
                "vence",
                "годен до",
                "действителен",
                "hiệu lực",
                "giá trị đến",
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
                "электронный адрес",
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
                "référence de la nomination",
                "referencia de la nominación",
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

/// Words that say nothing about the field, per language: "Expiration du
/// passeport" and "Passport — date d'expiration" name the same column. They
/// are compared before transliteration, so the Vietnamese "thẻ" (card) is
/// not the English "the".
const FILLER_WORDS: &[&str] = &[
    // English
    "of", "the", "a", "an", "and", "on", "in", "for", "to", "at", "by", "or", "as", "your", "its",
    "their", "please", "if", "any", "be", // French
    "de", "du", "des", "d", "la", "le", "les", "l", "au", "aux", "à", "et", "en", "sur", "pour",
    "par", "un", "une", "votre", // Spanish
    "del", "el", "los", "las", "y", "para", "por", "al", "su", // Russian
    "и", "в", "на", "для", "по", "с", // Vietnamese
    "của", "và", "trên", "ở", "cho", "theo", "trong", "các", "những", "được",
];

/// A header's significant words: split at anything that is not a letter or
/// digit, filler words dropped, each word folded (see [`fold`]) and a plural
/// "s" taken off ("Prénoms", "Given names").
fn words(text: &str) -> Vec<String> {
    let text = text.replace(['°', 'º'], "o").to_lowercase();
    let mut out: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() || FILLER_WORDS.contains(&word) {
            continue;
        }
        for part in fold(word).split(' ') {
            if part.is_empty() {
                continue;
            }
            let part = match part.strip_suffix('s') {
                Some(stem) if part.len() > 3 => stem,
                _ => part,
            };
            if !out.iter().any(|w| w == part) {
                out.push(part.to_string());
            }
        }
    }
    out
}

/// The aliases of every field, folded whole and as word sets, and each
/// field's vocabulary (every word of its aliases), built once.
struct Vocabulary {
    phrases: HashMap<String, Field>,
    /// (field, the significant words of one alias).
    aliases: Vec<(Field, Vec<String>)>,
    words: HashMap<Field, Vec<String>>,
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut phrases = HashMap::new();
    let mut aliases = Vec::new();
    let mut vocabulary: HashMap<Field, Vec<String>> = HashMap::new();
    for field in Field::ALL {
        let known = vocabulary.entry(field).or_default();
        for (text, is_alias) in field
            .aliases()
            .iter()
            .map(|a| (*a, true))
            .chain(field.extra_words().iter().map(|w| (*w, false)))
        {
            let alias_words = words(text);
            for w in &alias_words {
                if !known.contains(w) {
                    known.push(w.clone());
                }
            }
            if is_alias {
                phrases.entry(fold(text)).or_insert(field);
                if !alias_words.is_empty() {
                    aliases.push((field, alias_words));
                }
            }
        }
    }
    Vocabulary {
        phrases,
        aliases,
        words: vocabulary,
    }
});

/// What a header cell says, as far as the import can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recognition {
    Field(Field),
    /// Two fields or more could fit: the import does not guess.
    Ambiguous(Vec<Field>),
    Unknown,
}

impl Recognition {
    pub fn field(&self) -> Option<Field> {
        match self {
            Recognition::Field(f) => Some(*f),
            _ => None,
        }
    }
}

/// Recognises one header (no brackets, no multilingual parts). A known
/// phrase wins; otherwise a field fits when the header holds all the words
/// of one of its aliases, in any order, and no word foreign to the field
/// ("Expiration du passeport" holds "passeport", an alias of the document
/// number, but "expiration" is no word of the document number, so only the
/// expiry fits).
fn recognise_words(text: &str) -> Recognition {
    let vocabulary = &*VOCABULARY;
    let folded = fold(text);
    if folded.is_empty() {
        return Recognition::Unknown;
    }
    if let Some(f) = vocabulary.phrases.get(&folded) {
        return Recognition::Field(*f);
    }
    let header = words(text);
    if header.is_empty() {
        return Recognition::Unknown;
    }
    let mut named: Vec<Field> = Vec::new();
    for (field, alias) in &vocabulary.aliases {
        if !named.contains(field) && alias.iter().all(|w| header.contains(w)) {
            named.push(*field);
        }
    }
    let fitting: Vec<Field> = named
        .iter()
        .copied()
        .filter(|f| {
            let known = &vocabulary.words[f];
            header.iter().all(|w| known.contains(w))
        })
        .collect();
    match fitting.as_slice() {
        [one] => Recognition::Field(*one),
        [] if named.len() > 1 => {
            // "Nombre y apellido": words of two fields and no one field's.
            let mut named = named;
            named.sort();
            Recognition::Ambiguous(named)
        }
        [] => Recognition::Unknown,
        _ => {
            // A field one of whose aliases is the whole header beats those
            // that merely allow its words.
            let exact: Vec<Field> = fitting
                .iter()
                .copied()
                .filter(|f| {
                    vocabulary.aliases.iter().any(|(g, alias)| {
                        g == f
                            && alias.len() == header.len()
                            && alias.iter().all(|w| header.contains(w))
                    })
                })
                .collect();
            match exact.as_slice() {
                [one] => Recognition::Field(*one),
                _ => {
                    let mut fitting = fitting;
                    fitting.sort();
                    Recognition::Ambiguous(fitting)
                }
            }
        }
    }
}

/// What one header cell names. Tries the whole text, then the text without
/// bracketed hints, then each part of a multilingual header ("Nom / Surname
/// / Фамилия"), which must all agree.
pub fn recognise(header: &str) -> Recognition {
    let header = header.trim().trim_end_matches('*').trim();
    // Columns Accredit's own export writes and works out itself ("printed
    // name" is the name as the badge shows it, not a name to import) are
    // never read as a field, though their words may fit one.
    if is_known_ignored(header) {
        return Recognition::Unknown;
    }
    let bare = without_brackets(header);
    // The first reading that names one field wins; failing that, the first
    // that found several.
    let mut doubt = Recognition::Unknown;
    for reading in [recognise_words(header), recognise_words(&bare)] {
        match reading {
            Recognition::Field(f) => return Recognition::Field(f),
            Recognition::Ambiguous(_) if doubt == Recognition::Unknown => doubt = reading,
            _ => {}
        }
    }
    let mut found: Option<Field> = None;
    for part in bare.split(['/', '|', '\n', ';', '\\']) {
        match recognise_words(part) {
            Recognition::Field(f) => match found {
                None => found = Some(f),
                Some(g) if g == f => {}
                Some(g) => {
                    let mut both = vec![g, f];
                    both.sort();
                    return Recognition::Ambiguous(both);
                }
            },
            Recognition::Ambiguous(fields) => return Recognition::Ambiguous(fields),
            Recognition::Unknown => {}
        }
    }
    found.map_or(doubt, Recognition::Field)
}

/// The field one header cell names, if exactly one fits.
pub fn field_of(header: &str) -> Option<Field> {
    recognise(header).field()
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
    /// The fields the header could mean, when it could mean several (the
    /// import does not guess); empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub could_be: Vec<Field>,
}

/// A field the file has no column for although the import needs it or a
/// check relies on it, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingColumn {
    pub field: Field,
    /// Whether rows cannot be imported without it.
    pub required: bool,
    pub message: String,
}

/// The fields of a file's columns, found from its header row.
#[derive(Debug, Clone, Default)]
pub struct HeaderMap {
    /// For each column index, the field it fills.
    pub fields: Vec<Option<Field>>,
    /// For each column index, the header as written (for messages).
    pub names: Vec<String>,
    /// For each column index, the fields it could mean when several fit.
    pub ambiguous: Vec<Vec<Field>>,
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
            let (name, found) = if own.is_empty() {
                // A header cell merged vertically over two rows.
                let found = recognise(exact_above);
                map.uses_row_above |= found.field().is_some();
                (exact_above.to_string(), found)
            } else {
                match recognise(own) {
                    // Named in full under its group when that reads the same
                    // ("Passport Expiry").
                    Recognition::Field(f)
                        if !over.is_empty() && field_of(&format!("{over} {own}")) == Some(f) =>
                    {
                        map.uses_row_above = true;
                        (format!("{over} {own}"), Recognition::Field(f))
                    }
                    Recognition::Field(f) => (own.to_string(), Recognition::Field(f)),
                    own_reading if !over.is_empty() => {
                        let joined = format!("{over} {own}");
                        match recognise(&joined) {
                            Recognition::Field(f) => {
                                map.uses_row_above = true;
                                (joined, Recognition::Field(f))
                            }
                            _ => (own.to_string(), own_reading),
                        }
                    }
                    other => (own.to_string(), other),
                }
            };
            map.names.push(name);
            map.fields.push(found.field());
            map.ambiguous.push(match found {
                Recognition::Ambiguous(fields) => fields,
                _ => Vec::new(),
            });
        }
        // A field named twice: the first column wins, the others are reported.
        let mut seen: Vec<(Field, usize)> = Vec::new();
        for i in 0..map.fields.len() {
            let Some(f) = map.fields[i] else {
                if !map.ambiguous[i].is_empty() {
                    let fields = map.ambiguous[i]
                        .iter()
                        .map(|f| f.label())
                        .collect::<Vec<_>>()
                        .join(" or ");
                    map.ignored.push(IgnoredColumn {
                        column: map.names[i].clone(),
                        reason: format!(
                            "could be {fields}; not imported rather than guessed (rename the column)"
                        ),
                        could_be: map.ambiguous[i].clone(),
                    });
                } else if !map.names[i].is_empty() {
                    let reason = if is_known_ignored(&map.names[i]) {
                        "not imported (worked out by Accredit or kept by the desk)"
                    } else {
                        "not a column Accredit knows; ignored"
                    };
                    map.ignored.push(IgnoredColumn {
                        column: map.names[i].clone(),
                        reason: reason.into(),
                        could_be: Vec::new(),
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
                    could_be: Vec::new(),
                });
                map.fields[i] = None;
            } else {
                seen.push((f, i));
            }
        }
        map
    }

    /// The fields the import needs or a check relies on that no column
    /// gives. `has_default_delegation`: the import was told the delegation.
    pub fn missing(&self, has_default_delegation: bool) -> Vec<MissingColumn> {
        let mut missing = Vec::new();
        let mut need = |field: Field, required: bool, why: &str| {
            if !self.has(field) {
                missing.push(MissingColumn {
                    field,
                    required,
                    message: format!("No column for {}: {why}", field.label().to_lowercase()),
                });
            }
        };
        if !has_default_delegation {
            need(
                Field::Delegation,
                true,
                "every row must say its delegation (or import the file for one delegation)",
            );
        }
        need(Field::FamilyName, true, "every row needs the family name");
        need(
            Field::GivenNames,
            false,
            "badges will show the family name alone",
        );
        need(
            Field::Category,
            true,
            "every new participant needs a category",
        );
        need(
            Field::DateOfBirth,
            false,
            "the date of birth is not checked and people are told apart by name alone",
        );
        need(
            Field::DocumentNumber,
            false,
            "nobody's passport or ID number is recorded or matched",
        );
        need(
            Field::DocumentExpiry,
            false,
            "nobody's passport expiry is recorded, so the check that it outlasts the event will not run",
        );
        missing
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
    fn headers_are_read_from_their_words_in_any_order() {
        for header in [
            "Expiration du passeport",
            "Passeport — date d'expiration",
            "Passport valid until",
            "Hộ chiếu hết hạn",
            "Срок действия паспорта",
            "Date of expiry of the passport",
        ] {
            assert_eq!(
                recognise(header),
                Recognition::Field(Field::DocumentExpiry),
                "{header}"
            );
        }
        // "passeport" alone is the number; beside "délivrance" it is neither.
        assert_eq!(field_of("Passeport"), Some(Field::DocumentNumber));
        assert_eq!(
            recognise("Date de délivrance du passeport"),
            Recognition::Unknown
        );
        // The Vietnamese "thẻ" (card) is no English "the".
        assert_eq!(field_of("Tên trên thẻ"), Some(Field::BadgeName));
    }

    #[test]
    fn a_header_that_fits_two_fields_is_not_guessed() {
        assert_eq!(
            recognise("Nombre y apellido"),
            Recognition::Ambiguous(vec![Field::FamilyName, Field::GivenNames])
        );
        let map = HeaderMap::read(&cells(&["Nom", "Prénom", "Nombre y apellido"]), None);
        assert_eq!(map.fields[2], None);
        assert_eq!(
            map.ignored[0].could_be,
            [Field::FamilyName, Field::GivenNames]
        );
        assert!(
            map.ignored[0]
                .reason
                .starts_with("could be Family name or Given names")
        );
    }

    #[test]
    fn missing_columns_are_named_in_plain_words() {
        let map = HeaderMap::read(&cells(&["Nom", "Prénom", "Catégorie"]), None);
        let missing: Vec<Field> = map.missing(true).iter().map(|m| m.field).collect();
        assert_eq!(
            missing,
            [
                Field::DateOfBirth,
                Field::DocumentNumber,
                Field::DocumentExpiry
            ]
        );
        let without_delegation = map.missing(false);
        assert_eq!(without_delegation[0].field, Field::Delegation);
        assert!(without_delegation[0].required);
        assert!(
            without_delegation
                .iter()
                .any(|m| m.message.contains("passport expiry"))
        );
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
    fn the_export_header_reads_back_column_for_column() {
        let header = cells(&[
            "id",
            "delegation",
            "category",
            "given_names",
            "family_name",
            "printed_name",
            "badge_name",
            "function",
            "zones_added",
            "zones_removed",
            "badge_serial",
        ]);
        let map = HeaderMap::read(&header, None);
        assert_eq!(
            map.fields,
            vec![
                None,
                Some(Field::Delegation),
                Some(Field::Category),
                Some(Field::GivenNames),
                Some(Field::FamilyName),
                None,
                Some(Field::BadgeName),
                Some(Field::Function),
                Some(Field::ZonesAdded),
                Some(Field::ZonesRemoved),
                None,
            ]
        );
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
