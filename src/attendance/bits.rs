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
    }
}
