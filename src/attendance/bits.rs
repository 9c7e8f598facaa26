/// A set of people, by their position in [`super::Facts::people`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeopleSet {
    words: Vec<u64>,
}

impl PeopleSet {
    pub fn with_capacity(people: usize) -> PeopleSet {
        PeopleSet {
            words: vec![0; people.div_ceil(64)],
        }
    }

    pub fn insert(&mut self, i: usize) {
        if let Some(w) = self.words.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }

    pub fn contains(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    pub fn count(&self) -> u32 {
        self.words.iter().map(|w| w.count_ones()).sum()
    }

    /// The people in either set.
    pub fn union(&self, other: &PeopleSet) -> PeopleSet {
        self.combine(other, |a, b| a | b)
    }

    /// The people in both sets.
    pub fn intersection(&self, other: &PeopleSet) -> PeopleSet {
        self.combine(other, |a, b| a & b)
    }

    fn combine(&self, other: &PeopleSet, op: impl Fn(u64, u64) -> u64) -> PeopleSet {
        let len = self.words.len().max(other.words.len());
        let word = |s: &PeopleSet, i: usize| s.words.get(i).copied().unwrap_or(0);
        PeopleSet {
            words: (0..len)
                .map(|i| op(word(self, i), word(other, i)))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_hold_what_was_put_in() {
        let mut s = PeopleSet::with_capacity(130);
        for i in [0, 63, 64, 129] {
            s.insert(i);
        }
        s.insert(500);
        let held: Vec<usize> = (0..600).filter(|&i| s.contains(i)).collect();
        assert_eq!(held, [0, 63, 64, 129]);
        assert_eq!(s.count(), 4);
        let mut t = PeopleSet::with_capacity(70);
        t.insert(63);
        t.insert(1);
        assert_eq!(s.union(&t).count(), 5);
        let both = s.intersection(&t);
        assert_eq!((both.count(), both.contains(63)), (1, true));
    }
}
