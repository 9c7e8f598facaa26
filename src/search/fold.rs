//! Folding words to the ASCII keys the index compares.

/// Family name then given names, each word folded to ASCII, so that names in
/// every script sort together by their Latin transliteration.
pub fn sort_name(family: &str, given: &str) -> String {
    family
        .split(' ')
        .chain(given.split(' '))
        .map(fold_word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lowercase ASCII transliteration of one word, diacritics dropped. Chinese
/// characters come out as pinyin syllables separated by spaces, so that
/// "jinping" and "ping" both find "近平".
pub fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        let t = any_ascii::any_ascii_char(c);
        let han = is_han(c);
        if han && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.extend(
            t.chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .map(|c| c.to_ascii_lowercase()),
        );
        if han {
            out.push(' ');
        }
    }
    // Han syllables also index as one run ("jinping").
    if out.contains(' ') {
        let joined: String = out.split(' ').collect();
        out = format!("{} {joined}", out.trim_end());
    }
    out.trim().to_string()
}

/// The consonant skeleton of a folded word: vowels dropped, common digraphs
/// and letters that Latin spellings of one name swap freely made one, doubled
/// letters collapsed. "mohammed", "muhammad" and "محمد" all give "mhmd";
/// "papadopoulos" and "Παπαδόπουλος" both give "pdpls".
pub fn skeleton(folded: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match (c, chars.peek()) {
            ('s' | 'c' | 'k' | 'z' | 't' | 'p' | 'g' | 'd', Some('h')) => {
                chars.next();
                c
            }
            _ => c,
        };
        let c = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' | ' ' => continue,
            'q' | 'c' => 'k',
            'z' => 's',
            'f' => 'p',
            other => other,
        };
        if c != last {
            out.push(c);
            last = c;
        }
    }
    out
}

/// Whether a word is written in a script whose Latin spellings vary
/// (Cyrillic, Greek, Arabic, Indic…), so the index also keeps its skeleton.
pub(crate) fn has_varying_transliteration(word: &str) -> bool {
    word.chars().any(|c| {
        matches!(c as u32,
            0x0370..=0x03FF | 0x1F00..=0x1FFF // Greek
            | 0x0400..=0x052F                 // Cyrillic
            | 0x0590..=0x08FF                 // Hebrew, Arabic, Syriac, Thaana
            | 0x0900..=0x0DFF                 // Indic scripts
            | 0x0E00..=0x0EFF                 // Thai, Lao
            | 0xFB50..=0xFEFF) // Arabic presentation forms
    })
}

/// The Arabic article "ال" glued to a name: the name without it.
pub(crate) fn without_arabic_article(word: &str) -> Option<&str> {
    word.strip_prefix("ال").filter(|rest| !rest.is_empty())
}

/// Document numbers and references: letters and digits only, lowercase.
pub fn code_key(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds() {
        assert_eq!(fold_word("Lương"), "luong");
        assert_eq!(fold_word("Đặng"), "dang");
        assert_eq!(fold_word("Лавров"), "lavrov");
        assert_eq!(fold_word("O'Brien"), "obrien");
        assert_eq!(skeleton("mohammed"), skeleton(&fold_word("محمد")));
        assert_eq!(skeleton("muhammad"), "mhmd");
        assert_eq!(
            skeleton("papadopoulos"),
            skeleton(&fold_word("Παπαδόπουλος"))
        );
        assert_eq!(skeleton("rajesh"), skeleton(&fold_word("राजेश")));
    }
}
