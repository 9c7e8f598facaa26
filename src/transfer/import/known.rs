//! Who is already in the store, and who the file has named so far, by every
//! key a row may match on. Loaded once per import so that a row costs no
//! lookup in the store. Keys are kept as 64-bit hashes (about 200 bytes a
//! participant in all, instead of the strings themselves); a hit is always
//! confirmed against the stored participant before it is used, so a hash
//! collision can never merge two people.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use jiff::civil::Date;

use super::rows::{Keys, document_key, name_key};
use crate::domain::{DelegationId, Participant, ParticipantId};
use crate::store::participants::Identity;

/// A key's hash; 0 stands for "no key" (an empty reference, say).
type Key = u64;

fn key(text: &str) -> Key {
    if text.is_empty() {
        return 0;
    }
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    // 0 is kept for "none".
    h.finish().max(1)
}

/// One id, or a few (two people may share a name and a date of birth).
#[derive(Debug, Clone)]
enum Ids {
    One(ParticipantId),
    Many(Vec<ParticipantId>),
}

impl Ids {
    fn add(&mut self, id: ParticipantId) {
        match self {
            Ids::One(first) if *first == id => {}
            Ids::One(first) => *self = Ids::Many(vec![*first, id]),
            Ids::Many(ids) if ids.contains(&id) => {}
            Ids::Many(ids) => ids.push(id),
        }
    }

    fn as_slice(&self) -> &[ParticipantId] {
        match self {
            Ids::One(id) => std::slice::from_ref(id),
            Ids::Many(ids) => ids,
        }
    }
}

fn add<K: Hash + Eq>(map: &mut HashMap<K, Ids>, k: K, id: ParticipantId) {
    use std::collections::hash_map::Entry;
    match map.entry(k) {
        Entry::Occupied(mut e) => e.get_mut().add(id),
        Entry::Vacant(e) => {
            e.insert(Ids::One(id));
        }
    }
}

/// The keys of one known participant.
#[derive(Debug, Clone, Copy, Default)]
struct Who {
    delegation: DelegationId,
    reference: Key,
    document: Key,
    date_of_birth: Option<Date>,
}

/// Which key matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    Reference,
    Document,
    NameAndBirth,
    /// The name alone, with no other key of the row or of the participant
    /// to confirm it (nor to contradict it).
    NameOnly,
}

impl Match {
    pub fn describe(self) -> &'static str {
        match self {
            Match::Reference => "reference",
            Match::Document => "document number",
            Match::NameAndBirth => "name and date of birth",
            Match::NameOnly => "name",
        }
    }

    /// Whether the stored participant really has the row's key (the index
    /// compares hashes).
    pub fn confirmed(self, keys: &Keys, p: &Participant) -> bool {
        let d = &p.details;
        let name = || name_key(&d.family_name, &d.given_names) == keys.name;
        match self {
            Match::Reference => d.reference.eq_ignore_ascii_case(&keys.reference),
            Match::Document => document_key(&d.document.number) == keys.document,
            Match::NameAndBirth => name() && d.date_of_birth == keys.date_of_birth,
            Match::NameOnly => name(),
        }
    }
}

/// How a row finds its person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    New,
    Existing(ParticipantId, Match),
    /// The key names someone of the delegation whose reference differs
    /// from the row's.
    OtherReference(ParticipantId, Match),
    /// The key names several people of the delegation.
    Several(Vec<ParticipantId>, Match),
}

#[derive(Default)]
pub struct Known {
    by_reference: HashMap<(DelegationId, Key), ParticipantId>,
    by_document: HashMap<Key, Ids>,
    by_person: HashMap<(Key, Date), Ids>,
    by_name: HashMap<(DelegationId, Key), Ids>,
    who: HashMap<ParticipantId, Who>,
    /// The participants this file has named already, and on which line.
    named_at: HashMap<ParticipantId, u64>,
}

impl Known {
    pub fn load(identities: Vec<Identity>) -> Known {
        let mut known = Known::default();
        for p in &identities {
            known.add(p);
        }
        known
    }

    pub fn add(&mut self, p: &Identity) {
        let reference = key(&p.reference.to_uppercase());
        if reference != 0 {
            self.by_reference.insert((p.delegation, reference), p.id);
        }
        let document = key(&document_key(&p.document_number));
        if document != 0 {
            add(&mut self.by_document, document, p.id);
        }
        let name = key(&name_key(&p.family_name, &p.given_names));
        if name != 0 {
            if let Some(dob) = p.date_of_birth {
                add(&mut self.by_person, (name, dob), p.id);
            }
            add(&mut self.by_name, (p.delegation, name), p.id);
        }
        self.who.insert(
            p.id,
            Who {
                delegation: p.delegation,
                reference,
                document,
                date_of_birth: p.date_of_birth,
            },
        );
    }

    /// Notes that the file named this participant on `line`.
    pub fn named(&mut self, id: ParticipantId, line: u64) {
        self.named_at.insert(id, line);
    }

    /// The line where the file named this participant before, if it did.
    pub fn named_on(&self, id: ParticipantId) -> Option<u64> {
        self.named_at.get(&id).copied()
    }

    pub fn delegation_of(&self, id: ParticipantId) -> DelegationId {
        self.who.get(&id).map(|w| w.delegation).unwrap_or_default()
    }

    pub fn find(&self, delegation: DelegationId, keys: &Keys) -> Found {
        let reference = key(&keys.reference.to_uppercase());
        if reference != 0
            && let Some(&id) = self.by_reference.get(&(delegation, reference))
        {
            return Found::Existing(id, Match::Reference);
        }
        let document = key(&keys.document);
        let name = key(&keys.name);
        let by_document = (document != 0)
            .then(|| self.by_document.get(&document))
            .flatten();
        let by_person = keys
            .date_of_birth
            .filter(|_| name != 0)
            .and_then(|dob| self.by_person.get(&(name, dob)));
        for (ids, how) in [
            (by_document, Match::Document),
            (by_person, Match::NameAndBirth),
        ] {
            let same: Vec<ParticipantId> = ids
                .map(Ids::as_slice)
                .unwrap_or_default()
                .iter()
                .copied()
                .filter(|&id| self.delegation_of(id) == delegation)
                .collect();
            match same.as_slice() {
                [] => continue,
                [id] => {
                    let stored = self.who.get(id).map(|w| w.reference).unwrap_or(0);
                    if reference != 0 && stored != 0 && stored != reference {
                        return Found::OtherReference(*id, how);
                    }
                    return Found::Existing(*id, how);
                }
                _ => return Found::Several(same, how),
            }
        }
        // Last: the name, with no key of either side contradicting it.
        let compatible: Vec<ParticipantId> = self
            .by_name
            .get(&(delegation, name))
            .map(Ids::as_slice)
            .unwrap_or_default()
            .iter()
            .copied()
            .filter(|id| {
                let w = self.who.get(id).copied().unwrap_or_default();
                (w.reference == 0 || reference == 0)
                    && (w.document == 0 || document == 0)
                    && (w.date_of_birth.is_none() || keys.date_of_birth.is_none())
            })
            .collect();
        match compatible.as_slice() {
            [] => Found::New,
            [id] => Found::Existing(*id, Match::NameOnly),
            _ => Found::Several(compatible, Match::NameOnly),
        }
    }

    /// Someone of another delegation with the same document number, or the
    /// same name and date of birth: reported, never merged.
    pub fn likely_duplicate(
        &self,
        delegation: DelegationId,
        keys: &Keys,
    ) -> Option<(ParticipantId, Match)> {
        let document = key(&keys.document);
        let name = key(&keys.name);
        let by_document = (document != 0)
            .then(|| self.by_document.get(&document))
            .flatten()
            .map(|ids| (ids, Match::Document));
        let by_person = keys
            .date_of_birth
            .filter(|_| name != 0)
            .and_then(|dob| self.by_person.get(&(name, dob)))
            .map(|ids| (ids, Match::NameAndBirth));
        [by_document, by_person]
            .into_iter()
            .flatten()
            .find_map(|(ids, how)| {
                ids.as_slice()
                    .iter()
                    .find(|&&id| self.delegation_of(id) != delegation)
                    .map(|&id| (id, how))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity(
        id: i64,
        delegation: i64,
        reference: &str,
        doc: &str,
        name: (&str, &str),
    ) -> Identity {
        Identity {
            id,
            delegation,
            reference: reference.into(),
            document_number: doc.into(),
            family_name: name.0.into(),
            given_names: name.1.into(),
            date_of_birth: Some(Date::constant(1980, 1, 1)),
        }
    }

    fn keys(reference: &str, doc: &str, name: (&str, &str)) -> Keys {
        Keys {
            reference: reference.into(),
            document: document_key(doc),
            name: name_key(name.0, name.1),
            date_of_birth: Some(Date::constant(1980, 1, 1)),
        }
    }

    #[test]
    fn finds_by_each_key_in_turn() {
        let known = Known::load(vec![
            identity(1, 10, "A-1", "P1", ("Nguyễn", "An")),
            identity(2, 10, "", "P2", ("Trần", "Bình")),
            identity(3, 20, "", "P3", ("Lê", "Chi")),
        ]);
        assert_eq!(
            known.find(10, &keys("a-1", "", ("x", "y"))),
            Found::Existing(1, Match::Reference)
        );
        assert_eq!(
            known.find(10, &keys("", "p-2", ("x", "y"))),
            Found::Existing(2, Match::Document)
        );
        assert_eq!(
            known.find(10, &keys("", "", ("NGUYEN", "an"))),
            Found::Existing(1, Match::NameAndBirth)
        );
        assert_eq!(
            known.find(10, &keys("B-9", "P1", ("x", "y"))),
            Found::OtherReference(1, Match::Document)
        );
        // Another delegation's person is never found, only reported.
        assert_eq!(known.find(10, &keys("", "P3", ("Lê", "Chi"))), Found::New);
        assert_eq!(
            known.likely_duplicate(10, &keys("", "P3", ("x", "y"))),
            Some((3, Match::Document))
        );
    }
}
