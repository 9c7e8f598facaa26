//! Name pools of the demo, one per language, in their own scripts.

use std::collections::HashMap;

use serde::Deserialize;

use crate::domain::Gender;
use crate::reference::parse_csv;

use super::rng::Rng;

pub const LANGUAGES: [&str; 10] = ["vi", "ru", "ar", "zh", "el", "fr", "es", "tr", "hi", "en"];

fn file(lang: &str) -> &'static str {
    match lang {
        "vi" => include_str!("../../resources/demo/names/vi.csv"),
        "ru" => include_str!("../../resources/demo/names/ru.csv"),
        "ar" => include_str!("../../resources/demo/names/ar.csv"),
        "zh" => include_str!("../../resources/demo/names/zh.csv"),
        "el" => include_str!("../../resources/demo/names/el.csv"),
        "fr" => include_str!("../../resources/demo/names/fr.csv"),
        "es" => include_str!("../../resources/demo/names/es.csv"),
        "tr" => include_str!("../../resources/demo/names/tr.csv"),
        "hi" => include_str!("../../resources/demo/names/hi.csv"),
        _ => include_str!("../../resources/demo/names/en.csv"),
    }
}

#[derive(Deserialize)]
struct Row {
    part: String,
    gender: String,
    value: String,
}

/// Given and family names of one language, by gender where it matters.
#[derive(Default)]
pub struct Pool {
    given: HashMap<char, Vec<String>>,
    family: HashMap<char, Vec<String>>,
}

impl Pool {
    #[allow(
        clippy::expect_used,
        reason = "data compiled into the program, checked by the tests: a failure is a build defect"
    )]
    fn load(lang: &str) -> Pool {
        let mut pool = Pool::default();
        let rows: Vec<Row> =
            parse_csv(&format!("demo/names/{lang}.csv"), file(lang)).expect("name pools are valid");
        for r in rows {
            let g = r.gender.chars().next().unwrap_or('-');
            let map = if r.part == "given" {
                &mut pool.given
            } else {
                &mut pool.family
            };
            map.entry(g).or_default().push(r.value);
        }
        pool
    }

    /// (given names, family name) for someone of `gender`.
    pub fn name(&self, rng: &mut Rng, gender: Gender) -> (String, String) {
        let key = if gender == Gender::Female { 'f' } else { 'm' };
        let pick = |map: &HashMap<char, Vec<String>>, rng: &mut Rng| -> String {
            let list = map
                .get(&key)
                .or_else(|| map.get(&'-'))
                .or_else(|| map.values().next());
            list.map(|l| rng.pick(l).clone()).unwrap_or_default()
        };
        let given = pick(&self.given, rng);
        let family = pick(&self.family, rng);
        (given, family)
    }
}

pub struct Pools(HashMap<&'static str, Pool>);

impl Pools {
    pub fn load() -> Pools {
        Pools(LANGUAGES.iter().map(|l| (*l, Pool::load(l))).collect())
    }

    pub fn get(&self, lang: &str) -> &Pool {
        self.0.get(lang).unwrap_or_else(|| &self.0["en"])
    }
}
