#!/usr/bin/env python3
"""Writes the nasty-input corpus of tests/import.rs into this folder.

The files are committed; this script says how each was made (run it again
after changing one). Only the Python standard library is used: the
workbooks are written as raw SpreadsheetML, so that a formula can be left
without its saved value, as a spreadsheet program that never recalculated
would leave it.
"""

import os
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def cp1258(text):
    """Vietnamese in Windows-1258: base letters precomposed where the code
    page has them (ê, ơ, ư, ă, â, ô, đ), tone marks as combining characters."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], list(parts[1:])
        for i, m in enumerate(marks):
            composed = unicodedata.normalize("NFC", base + m)
            if len(composed) == 1:
                try:
                    composed.encode("cp1258")
                    base = composed
                    marks.pop(i)
                    break
                except UnicodeEncodeError:
                    pass
        out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)


# 1. UTF-8, comma, English headers, names in several scripts.
write("utf8-comma.csv", (
    "Delegation,Category,Family name,Given names,Gender,Date of birth,Passport number,Passport expiry,E-mail,Reference\n"
    "VNM,HOD,Nguyễn,Thị Bích Ngọc,F,1971-05-14,C7654321,2031-06-30,ngoc.nguyen@mofa.gov.vn,VNM-C01\n"
    "CHN,DEL,王,小明,M,1980-01-02,E12345678,2029-12-31,,CHN-C01\n"
    "EGY,DEL,عبد الله,محمد,M,15/08/1975,A1234567,2030-01-01,,EGY-C01\n"
).encode("utf-8"))

# 2. UTF-8 with a byte order mark, semicolons, French headers.
write("utf8-bom-semicolon.csv", (
    "\ufeffDélégation;Catégorie;Nom;Prénom(s);Sexe;Date de naissance;N° de passeport;Date d'expiration;Courriel;Référence\n"
    "FRA;DEL;Lefèvre;Hélène;F;03/02/1979;19FR12345;31/12/2032;helene.lefevre@diplomatie.gouv.fr;FRA-C01\n"
    "BEL;EXP;Van den Broeck;Jérôme;M;21.11.1966;EN123456;01.01.2030;;BEL-C01\n"
).encode("utf-8"))

# 3. Excel's "Unicode text": UTF-16 little endian with its mark, tabs, CRLF.
write("utf16le-tab.txt", (
    "\ufeffДелегация\tКатегория\tФамилия\tИмя\tОтчество\tДата рождения\tНомер паспорта\tСрок действия\r\n"
    "RUS\tDEL\tИванова\tМария\tСергеевна\t12.04.1985\t751234567\t01.09.2031\r\n"
    "BLR\tHOD\tКовальчук\tАлесь\t\t30.06.1970\tMP1234567\t15.03.2030\r\n"
).encode("utf-16-le"))

# 4. Windows-1252 (a French or Spanish PC's "CSV"), semicolons.
write("windows-1252.csv", (
    "Delegación;Categoría;Apellidos;Nombre;Fecha de nacimiento;Número de pasaporte;Correo electrónico\r\n"
    "ESP;DEL;Muñoz Peña;José Ángel;07/07/1977;PAA123456;jose.munoz@maec.es\r\n"
    "MEX;DEL;Gómez;María Fernanda;22/09/1988;G12345678;\r\n"
    "FRA;EXP;Bœuf;François;01/01/1960;18AB00001;\r\n"
).encode("cp1252"))

# 5. Windows-1251 (a Russian PC's "CSV"), commas.
write("windows-1251.csv", (
    "Делегация,Категория,Фамилия,Имя,Отчество,Дата рождения,Номер паспорта,Примечания\r\n"
    "RUS,DEL,Смирнов,Алексей,Петрович,01.03.1972,721234567,Вегетарианское питание\r\n"
    "RUS,SUP,Кузнецова,Ольга,Игоревна,19.10.1990,731234567,Переводчик с русского языка\r\n"
).encode("cp1251"))

# 6. Windows-1258 (a Vietnamese PC's "CSV"): tone marks as combining characters.
write("windows-1258.csv", cp1258(
    "Đoàn,Loại đại biểu,Họ,Tên đệm,Tên,Ngày sinh,Số hộ chiếu,Ghi chú\r\n"
    "VNM,DEL,Trần,Thị,Hương,12/12/1982,B1234567,Đại biểu của Bộ Ngoại giao\r\n"
    "VNM,LO,Phạm,Đức,Thắng,05/05/1991,B7654321,Cán bộ liên lạc, tiếng Việt và tiếng Anh\r\n"
    "VNM,DEL,Lê,Quốc,Bảo,30/04/1975,B2345678,Trưởng phòng hợp tác quốc tế\r\n"
))

# 7. Quoted fields with line breaks and quotes, blank lines, a row of bare
#    separators, CRLF: the rejected row's line number must still be exact.
write("quoted-newlines.csv", (
    "Delegation,Category,Family name,Given names,Notes\r\n"
    "\r\n"
    "GBR,DEL,O'Neill,Siobhán,\"Arrives 24 October\r\nleaves 27 October\"\r\n"
    ",,,,\r\n"
    "USA,DEL,Smith,\"John \"\"Jack\"\"\",\"Needs:\r\n- wheelchair access\r\n- interpreter\"\r\n"
    "\r\n"
    "USA,XXX,Doe,Jane,\r\n"
).encode("utf-8"))

# 8. Multilingual header cells and bracketed hints.
write("multilingual-headers.csv", (
    "Delegation / Délégation,Category / Catégorie,Nom / Surname / Фамилия,Prénom / Given name,Date of birth (DD/MM/YYYY),Shoe size\n"
    "CAN,DEL,Tremblay,Geneviève,14/07/1983,38\n"
).encode("utf-8"))

# 9. Truncated: cut inside a multi-byte character of the last row.
full = (
    "Delegation,Category,Family name,Given names,Date of birth\n"
    "DEU,DEL,Müller,Jürgen,01/01/1970\n"
    "DEU,DEL,Schröder,Käthe,02/02/1972\n"
).encode("utf-8")
cut = full.index("Schr".encode()) + len("Schr".encode()) + 1  # inside "ö"
write("truncated.csv", full[:cut])

# 10. Rows with one problem each.
long_name = "A" * 300
write("rejections.csv", (
    "Delegation,Category,Family name,Given names,Gender,Date of birth,Passport number,Passport expiry,E-mail\n"
    "ITA,DEL,Rossi,Mario,M,10/25/1970,YA1234567,2030-01-01,\n"
    "ITA,DEL,Bianchi,Luca,M,1970-02-30,YA1234568,2030-01-01,\n"
    "ITA,ZZZ,Verdi,Giulia,F,1980-01-01,YA1234569,2030-01-01,\n"
    "XXX,DEL,Neri,Paolo,M,1980-01-01,YA1234570,2030-01-01,\n"
    "ITA,DEL,Conti,Sara,F,1980-01-01,YA1234571,2025-10-01,\n"
    "ITA,DEL,Ricci,Anna,F,1980-01-01,YA1234572,2030-01-01,anna.ricci@\n"
    f"ITA,DEL,{long_name},Marco,M,1980-01-01,YA1234573,2030-01-01,\n"
    "ITA,DEL,,Elena,F,1980-01-01,YA1234574,2030-01-01,\n"
    "ITA,DEL,Greco,Luigi,?,1980-01-01,YA1234575,2030-01-01,\n"
    "ITA,DEL,Bruno,Chiara,F,1980-01-01,YA1234576,2030-01-01,chiara.bruno@esteri.it\n"
).encode("utf-8"))

# 11. Binary files named .csv.
write("binary.csv", bytes((i * 37 + 11) % 256 for i in range(4096)))
write("image.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)

# 12. No header: data only.
write("no-header.csv", b"FRA,DEL,Durand,Paul\nFRA,DEL,Morel,Lucie\n")


# Workbooks, as raw SpreadsheetML.
def col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def esc(t):
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cell(ref, value):
    """value: str (inline string), ('date', serial), ('num', n),
    ('formula', text, cached) with cached None for no saved value."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{esc(value)}</t></is></c>'
    kind = value[0]
    if kind == "date":
        return f'<c r="{ref}" s="1"><v>{value[1]}</v></c>'
    if kind == "num":
        return f'<c r="{ref}"><v>{value[1]}</v></c>'
    if kind == "formula":
        _, formula, cached, style = value
        s = f' s="{style}"' if style else ""
        if cached is None:
            return f'<c r="{ref}"{s}><f>{esc(formula)}</f></c>'
        if isinstance(cached, str):
            return f'<c r="{ref}" t="str"{s}><f>{esc(formula)}</f><v>{esc(cached)}</v></c>'
        return f'<c r="{ref}"{s}><f>{esc(formula)}</f><v>{cached}</v></c>'
    raise ValueError(value)


def workbook(name, sheet_name, rows, merges=()):
    sheet_rows = []
    for r, row in enumerate(rows):
        cells = "".join(cell(f"{col_letter(c)}{r + 1}", v) for c, v in enumerate(row))
        sheet_rows.append(f'<row r="{r + 1}">{cells}</row>')
    merge_xml = ""
    if merges:
        merge_xml = f'<mergeCells count="{len(merges)}">' + "".join(
            f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>"
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<sheetData>{"".join(sheet_rows)}</sheetData>{merge_xml}</worksheet>')
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>'),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{esc(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '</Relationships>'),
        "xl/styles.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
            '</styleSheet>'),
        "xl/worksheets/sheet1.xml": sheet,
    }
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, content in files.items():
            z.writestr(n, content)


def serial(y, m, d):
    import datetime
    return (datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days


# 13. A title, a blank row, then a two-row header whose "Passport" cell is
#     merged over "Number" and "Expiry"; dates as date cells, a passport
#     number typed as a number.
workbook("title-and-merged-header.xlsx", "Danh sách", [
    ["Delegation of Japan — nominations, signing ceremony, Hanoi 2025"],
    [],
    ["", "", "", "", "Passport", ""],
    ["Delegation", "Category", "Surname", "Given name", "Number", "Expiry", "Date of birth"],
    ["JPN", "HOD", "山田", "太郎", "TK1234567", ("date", serial(2032, 3, 31)), ("date", serial(1965, 4, 1))],
    ["JPN", "DEL", "Suzuki", "Hanako", ("num", 12345678), ("date", serial(2030, 8, 15)), ("date", serial(1978, 11, 3))],
], merges=["E3:F3"])

# 14. Formulas: one with its saved value (taken), one without (reported).
workbook("formulas.xlsx", "Sheet1", [
    ["Delegation", "Category", "Family name", "Given names", "Passport expiry", "Reference"],
    ["KOR", "DEL", "Kim", "Min-jun", ("formula", "DATE(2031,1,15)", serial(2031, 1, 15), 1), ("formula", "\"KOR-\"&ROW()", "KOR-2", None)],
    ["KOR", "DEL", ("formula", "UPPER(H3)", None, None), "Ji-woo", ("date", serial(2031, 1, 15)), "KOR-3"],
])

# 15. A truncated workbook: the first half of the file above.
with open(os.path.join(HERE, "title-and-merged-header.xlsx"), "rb") as f:
    data = f.read()
write("truncated.xlsx", data[: len(data) // 2])

# 16. France's nomination file as a French PC's spreadsheet saves it:
#     Windows-1252, semicolons, French headers, among them "Expiration du
#     passeport" (no alias says it whole: recognised from its words).
write("france-1252.csv", (
    "Délégation;Catégorie;Nom;Prénom;Fonction;Date de naissance;N° de passeport;Expiration du passeport;Courriel\r\n"
    "France;DEL;Lefèvre;Hélène;Conseillère juridique;14/02/1979;21FR45821;13/06/2031;helene.lefevre@diplomatie.gouv.fr\r\n"
    "France;DEL;Moreau;Jean-Loïc;Premier secrétaire;03/09/1985;19FR00347;02/10/2029;jean-loic.moreau@diplomatie.gouv.fr\r\n"
    "France;EXP;Dubœuf;Anaïs;Experte climat;27/11/1990;22FR11290;30/01/2032;\r\n"
    "France;DEL;Gauthier;François;Conseiller;08/05/1972;18FR77410;21/12/2027;francois.gauthier@diplomatie.gouv.fr\r\n"
    "France;EXP;N'Diaye;Aïssatou;Experte énergie;19/07/1988;23FR30118;04/04/2033;\r\n"
).encode("cp1252"))
