//! Participant search as a desk clerk types: case- and diacritics-insensitive
//! ("luong cuong" finds "Lương Cường"), across scripts by transliteration
//! ("lavrov" finds "Лавров", "papadopoulos" finds "Παπαδόπουλος"), Arabic
//! names from their Latin spelling by consonant skeleton ("mohammed" finds
//! "محمد"), and by document number or the delegation's reference.
//!
//! Every word of the query must be the start of some word of the
//! participant's. The index keeps each word once per participant in one
//! sorted array, so a keystroke costs a few binary searches and a bit set.

mod fold;

pub use fold::{fold_word, skeleton, sort_name};

use crate::domain::ParticipantId;
use crate::store::participants::SearchSource;

/// One word of one participant: a range of the arena.
#[derive(Clone, Copy)]
struct Posting {
    start: u32,
    len: u16,
    row: u32,
}

/// Prefix postings over an arena of words, sorted by word.
#[derive(Default)]
struct Postings {
    arena: String,
    list: Vec<Posting>,
}

impl Postings {
    fn push(&mut self, word: &str, row: u32) {
        if word.is_empty() || word.len() > u16::MAX as usize {
            return;
        }
        let start = self.arena.len() as u32;
        self.arena.push_str(word);
        self.list.push(Posting {
            start,
            len: word.len() as u16,
            row,
        });
    }

    fn word(&self, p: &Posting) -> &str {
        &self.arena[p.start as usize..p.start as usize + p.len as usize]
    }

    fn finish(&mut self) {
        let arena = std::mem::take(&mut self.arena);
        let mut list = std::mem::take(&mut self.list);
        let word = |p: &Posting| &arena[p.start as usize..p.start as usize + p.len as usize];
        list.sort_unstable_by(|a, b| word(a).cmp(word(b)).then(a.row.cmp(&b.row)));
        list.dedup_by(|a, b| a.row == b.row && word(a) == word(b));
        self.arena = arena;
        self.list = list;
    }

    /// Marks in `hits` every row having a word that starts with `prefix`.
    fn mark_prefix(&self, prefix: &str, hits: &mut BitSet) {
        let from = self.list.partition_point(|p| self.word(p) < prefix);
        for p in &self.list[from..] {
            if !self.word(p).starts_with(prefix) {
                break;
            }
            hits.insert(p.row as usize);
        }
    }
}

/// A set of row numbers (positions in the order given to
/// [`SearchIndex::build`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BitSet(Vec<u64>);

impl BitSet {
    pub fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    pub fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    fn new(n: usize) -> Self {
        BitSet(vec![0; n.div_ceil(64)])
    }
    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn intersect(&mut self, other: &BitSet) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }
    pub fn ones(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, bits)| {
            let mut bits = *bits;
            std::iter::from_fn(move || {
                if bits == 0 {
                    return None;
                }
                let t = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                Some(w * 64 + t)
            })
        })
    }
}

/// The in-memory search index over every participant of the store.
#[derive(Default)]
pub struct SearchIndex {
    ids: Vec<ParticipantId>,
    words: Postings,
    skeletons: Postings,
}

impl SearchIndex {
    pub fn build(sources: impl IntoIterator<Item = SearchSource>) -> SearchIndex {
        let mut index = SearchIndex::default();
        for s in sources {
            index.add(&s);
        }
        index.words.finish();
        index.skeletons.finish();
        index
    }

    fn add(&mut self, s: &SearchSource) {
        let row = self.ids.len() as u32;
        self.ids.push(s.id);
        for text in [&s.given_names, &s.family_name, &s.badge_name] {
            for whole in split_words(text) {
                // "Jean-Pierre" is found as "jean", "pierre" and "jeanpierre".
                let parts = whole.split('-').filter(|p| !p.is_empty());
                for raw in std::iter::once(whole).chain(parts) {
                    let folded = fold_word(raw);
                    for part in folded.split(' ') {
                        self.words.push(part, row);
                    }
                    if fold::has_varying_transliteration(raw) {
                        self.skeletons.push(&skeleton(&folded), row);
                        if let Some(rest) = fold::without_arabic_article(raw) {
                            self.skeletons.push(&skeleton(&fold_word(rest)), row);
                        }
                    }
                }
            }
        }
        for code in [&s.document_number, &s.reference] {
            let key = fold::code_key(code);
            self.words.push(&key, row);
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The participants matching every word of `query`, in the order they
    /// were given to [`SearchIndex::build`]. An empty query matches everyone.
    pub fn search(&self, query: &str) -> Vec<ParticipantId> {
        match self.matching_rows(query) {
            None => self.ids.clone(),
            Some(r) => r.ones().map(|i| self.ids[i]).collect(),
        }
    }

    /// The rows (positions in build order) matching `query`; `None` when the
    /// query is empty and everything matches.
    pub fn matching_rows(&self, query: &str) -> Option<BitSet> {
        let mut result: Option<BitSet> = None;
        for raw in split_words(query) {
            let mut hits = BitSet::new(self.ids.len());
            let folded = fold_word(raw);
            for part in folded.split(' ').filter(|p| !p.is_empty()) {
                self.words.mark_prefix(part, &mut hits);
            }
            // A document number typed with its dashes or spaces.
            let code = fold::code_key(raw);
            if !code.is_empty() && code != folded {
                self.words.mark_prefix(&code, &mut hits);
            }
            // Latin spellings of names written in other scripts.
            let article = ["al", "el"].iter().find_map(|a| folded.strip_prefix(a));
            for word in std::iter::once(folded.as_str()).chain(article) {
                let sk = skeleton(word);
                if sk.len() >= 2 {
                    self.skeletons.mark_prefix(&sk, &mut hits);
                }
            }
            match &mut result {
                None => result = Some(hits),
                Some(r) => r.intersect(&hits),
            }
        }
        result
    }
}

fn split_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/' | '(' | ')'))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(id: i64, given: &str, family: &str) -> SearchSource {
        SearchSource {
            id,
            given_names: given.into(),
            family_name: family.into(),
            badge_name: String::new(),
            document_number: format!("C{id:07}"),
            reference: format!("REF-{id}"),
        }
    }

    fn index() -> SearchIndex {
        SearchIndex::build([
            source(1, "Cường", "Lương"),
            source(2, "Sergey", "Лавров"),
            source(3, "Γιώργος", "Παπαδόπουλος"),
            source(4, "محمد", "العتيبي"),
            source(5, "近平", "习"),
            source(6, "Thị Phương Thảo", "Nguyễn"),
            source(7, "Ayşe", "Yıldız"),
            source(8, "François", "Lefèvre"),
            source(9, "राजेश", "शर्मा"),
        ])
    }

    #[test]
    fn diacritics_and_case() {
        let i = index();
        assert_eq!(i.search("luong cuong"), vec![1]);
        assert_eq!(i.search("LƯƠNG"), vec![1]);
        assert_eq!(i.search("nguyen thao"), vec![6]);
        assert_eq!(i.search("phuong"), vec![6]);
        assert_eq!(i.search("yildiz"), vec![7]);
        assert_eq!(i.search("ayse"), vec![7]);
        assert_eq!(i.search("lefevre fran"), vec![8]);
    }

    #[test]
    fn transliteration() {
        let i = index();
        assert_eq!(i.search("lavrov"), vec![2]);
        assert_eq!(i.search("Лавров"), vec![2]);
        assert_eq!(i.search("papadopoulos"), vec![3]);
        assert_eq!(i.search("mohammed"), vec![4]);
        assert_eq!(i.search("muhammad"), vec![4]);
        assert_eq!(i.search("xi jinping"), vec![5]);
        assert_eq!(i.search("sharma"), vec![9]);
        assert_eq!(i.search("rajesh sharma"), vec![9]);
        assert_eq!(i.search("al-otaibi"), vec![4]);
        assert_eq!(i.search("otaibi mohamed"), vec![4]);
    }

    #[test]
    fn documents_and_references() {
        let i = index();
        assert_eq!(i.search("C0000003"), vec![3]);
        assert_eq!(i.search("c0000003"), vec![3]);
        assert_eq!(i.search("REF-7"), vec![7]);
        assert_eq!(i.search(""), (1..=9).collect::<Vec<_>>());
        assert!(i.search("zzzz").is_empty());
    }
}
