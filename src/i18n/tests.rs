//! The catalogue test: every language holds the keys it must, the code uses
//! no key English lacks, no catalogue keeps a key the code never uses, and a
//! message's placeholders are the same in every language.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::*;

/// The files a partial language (Arabic, Chinese, Russian, Spanish) must
/// hold whole: the words every screen shares, dates, sign-in and the gate.
const PARTIAL_FILES: [&str; 4] = ["common.ftl", "dates.ftl", "sign-in.ftl", "gate.ftl"];

/// One language's catalogue: file name → message id → placeholder names.
type Catalogue = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

fn read_catalogues(root: &Path) -> BTreeMap<String, Catalogue> {
    let mut all = BTreeMap::new();
    for language in Language::ALL {
        let dir = root.join(language.code());
        let mut catalogue = Catalogue::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "ftl") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let resource =
                fluent_syntax::parser::parse(text.as_str()).unwrap_or_else(|(_, errors)| {
                    panic!("{} does not parse: {errors:?}", path.display())
                });
            let mut messages = BTreeMap::new();
            for entry in resource.body {
                if let ast::Entry::Message(m) = entry {
                    let mut names = BTreeSet::new();
                    if let Some(value) = &m.value {
                        pattern_variables(value, &mut names);
                    }
                    for attribute in &m.attributes {
                        pattern_variables(&attribute.value, &mut names);
                    }
                    let id = m.id.name.to_owned();
                    assert!(
                        messages.insert(id.clone(), names).is_none(),
                        "{} defines {id} twice",
                        path.display()
                    );
                }
            }
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            catalogue.insert(name, messages);
        }
        all.insert(language.code().to_owned(), catalogue);
    }
    all
}

fn pattern_variables(pattern: &ast::Pattern<&str>, names: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, names);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, names: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, names);
            for variant in variants {
                pattern_variables(&variant.value, names);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, names),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, names: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            names.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, names);
            }
            for a in &arguments.named {
                inline_variables(&a.value, names);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, names),
        _ => {}
    }
}

/// Every key that `t!`/`tr!` name in the sources under `src`.
fn keys_used(src: &Path) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let mut dirs = vec![src.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("i18n/tests.rs")
            {
                // This file's own examples are not the application's keys.
                let text = std::fs::read_to_string(&path).unwrap();
                keys.extend(keys_in(&text));
            }
        }
    }
    keys
}

/// The first string literal after each `t!(`, `tr!(` and `lookup(`.
fn keys_in(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let calls = ["t!(", "tr!(", "lookup("];
    for (start, _) in calls.iter().flat_map(|call| text.match_indices(call)) {
        // Only the macros themselves, not e.g. `print!(` or `assert!(`.
        let before = text[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &text[start..];
        if let Some(open) = rest.find('"') {
            let after = &rest[open + 1..];
            if let Some(close) = after.find('"') {
                let key = &after[..close];
                if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    keys.push(key.to_owned());
                }
            }
        }
    }
    keys
}

/// What is wrong with the catalogues, one line each; empty when all is well.
fn problems(catalogues: &BTreeMap<String, Catalogue>, used: &BTreeSet<String>) -> Vec<String> {
    let mut problems = Vec::new();
    let english = &catalogues["en"];
    let english_keys: BTreeMap<&String, &BTreeSet<String>> =
        english.values().flat_map(|m| m.iter()).collect();
    for key in used {
        if !english_keys.contains_key(key) {
            problems.push(format!("the code uses {key}, which English lacks"));
        }
    }
    for key in english_keys.keys() {
        if !used.contains(*key) {
            problems.push(format!("en holds {key}, which the code never uses"));
        }
    }
    for language in Language::ALL
        .into_iter()
        .filter(|l| *l != Language::English)
    {
        let catalogue = &catalogues[language.code()];
        for (file, messages) in english {
            let required = language.is_complete() || PARTIAL_FILES.contains(&file.as_str());
            let Some(theirs) = catalogue.get(file) else {
                if required {
                    problems.push(format!("{}/{file} is missing", language.code()));
                }
                continue;
            };
            for (key, names) in messages {
                match theirs.get(key) {
                    None => problems.push(format!("{}/{file} lacks {key}", language.code())),
                    Some(their_names) => {
                        let same = if file == "dates.ftl" {
                            // Each language writes a date from the pieces it needs.
                            their_names
                                .iter()
                                .all(|n| super::format::DATE_ARGS.contains(&n.as_str()))
                        } else {
                            their_names == names
                        };
                        if !same {
                            problems.push(format!(
                                "{}/{file}: {key} has placeholders {their_names:?}, English {names:?}",
                                language.code()
                            ));
                        }
                    }
                }
            }
        }
        for (file, messages) in catalogue {
            for key in messages.keys() {
                if english.get(file).is_none_or(|m| !m.contains_key(key)) {
                    problems.push(format!(
                        "{}/{file} holds {key}, which en/{file} lacks",
                        language.code()
                    ));
                }
            }
        }
    }
    problems
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_language_holds_its_keys_and_the_code_uses_every_key() {
    let catalogues = read_catalogues(&root().join("resources/locales"));
    let used = keys_used(&root().join("src"));
    let problems = problems(&catalogues, &used);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_catalogue_test_fails_when_one_key_is_removed_from_one_language() {
    let catalogues = read_catalogues(&root().join("resources/locales"));
    let used = keys_used(&root().join("src"));
    for language in ["vi", "ar"] {
        let mut broken = catalogues.clone();
        let messages = broken
            .get_mut(language)
            .unwrap()
            .get_mut("dates.ftl")
            .unwrap();
        messages.remove("month-3");
        assert_eq!(
            problems(&broken, &used),
            vec![format!("{language}/dates.ftl lacks month-3")]
        );
    }
    let mut broken = catalogues.clone();
    let messages = broken.get_mut("fr").unwrap().get_mut("dates.ftl").unwrap();
    messages.insert("date-long".into(), ["weekday".to_owned()].into());
    assert_eq!(
        problems(&broken, &used),
        vec!["fr/dates.ftl: date-long has placeholders {\"weekday\"}, English {\"day_number\", \"month_name\", \"year\"}".to_owned()]
    );
    let mut unused = used.clone();
    unused.insert("no-such-key".into());
    assert_eq!(
        problems(&catalogues, &unused),
        vec!["the code uses no-such-key, which English lacks".to_owned()]
    );
}

#[test]
fn keys_are_read_from_both_macros_and_nothing_else() {
    let source = r#"t!("a-b"); tr!(lang, "c", n = 1); print!("x"); assert!("y"); t!(
        "d"); i18n::lookup(l, "e", &[])"#;
    assert_eq!(keys_in(source), ["a-b", "d", "c", "e"]);
}

#[test]
fn numbers_are_grouped_as_each_language_writes_them() {
    assert_eq!(number(Language::English, 3000), "3,000");
    assert_eq!(number(Language::Vietnamese, 3000), "3.000");
    assert_eq!(number(Language::French, 3000), "3\u{202F}000");
    assert_eq!(
        number(Language::Russian, 1234567),
        "1\u{00A0}234\u{00A0}567"
    );
    assert_eq!(number(Language::Spanish, 3000), "3000");
    assert_eq!(number(Language::Spanish, 30000), "30.000");
    assert_eq!(number(Language::English, -999), "-999");
}

#[test]
fn dates_take_their_words_from_the_catalogue() {
    let date = jiff::civil::date(2026, 12, 7);
    assert_eq!(date_short(Language::English, date), "2026-12-07");
    assert_eq!(date_short(Language::Vietnamese, date), "07/12/2026");
    assert_eq!(date_long(Language::English, date), "7 December 2026");
    assert_eq!(date_long(Language::French, date), "7 décembre 2026");
    assert_eq!(
        date_long(Language::Vietnamese, date),
        "ngày 7 tháng 12 năm 2026"
    );
    assert_eq!(date_long(Language::Russian, date), "7 декабря 2026 г.");
    assert_eq!(date_long(Language::Chinese, date), "2026年12月7日");
}

#[test]
fn a_thread_may_speak_another_language_for_a_while() {
    let before = current();
    {
        let _vi = LanguageScope::new(Language::Vietnamese);
        assert_eq!(current(), Language::Vietnamese);
        assert_eq!(t!("month-1"), "tháng 1");
        {
            let _ar = LanguageScope::new(Language::Arabic);
            assert_eq!(t!("month-1"), "يناير");
        }
        assert_eq!(current(), Language::Vietnamese);
    }
    assert_eq!(current(), before);
    assert_eq!(tr!(Language::French, "month-8"), "août");
    assert_eq!(
        tr!(Language::Arabic, "no-such-key-here"),
        "no-such-key-here"
    );
}
