use crate::store::Db;
use std::path::PathBuf;

use super::*;
use crate::domain::{ParticipantStatus, Role};
use crate::store;

fn demo() -> Db {
    let mut conn = store::open_in_memory().unwrap();
    let tx = conn.transaction().unwrap();
    crate::demo::build(&tx, 60, crate::demo::Dates::seed(), None).unwrap();
    tx.commit().unwrap();
    conn
}

fn clerk() -> Actor {
    Actor {
        operator: Some(3),
        name: "clerk".into(),
        role: Role::Clerk,
    }
}

struct Files(tempfile::TempDir);

impl Files {
    fn new() -> Files {
        Files(tempfile::tempdir().unwrap())
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

fn count(conn: &Db) -> i64 {
    conn.query_row("SELECT count(*) FROM participants", [], |r| r.get(0))
        .unwrap()
}

fn import(conn: &mut Db, path: &Path, dry_run: bool) -> ImportReport {
    import_nominations(
        conn,
        &clerk(),
        path,
        &ImportOptions {
            delegation: None,
            dry_run,
        },
    )
    .unwrap()
}

const LIST: &str = "\
Delegation,Category,Family name,Given names,Date of birth,Passport number,Passport expiry,E-mail,Reference
FRA,DEL,Dupont,Marie-Hélène,12/03/1975,19AB12345,2030-01-01,marie.dupont@example.fr,FRA-T01
VNM,HOD,Nguyễn,Văn An,1968-07-01,C1234567,01.01.2031,,VNM-T01
";

#[test]
fn imports_a_list_and_reimports_it_without_duplicates() {
    let mut conn = demo();
    let files = Files::new();
    let before = count(&conn);
    let path = files.write("list.csv", LIST);
    let report = import(&mut conn, &path, false);
    assert_eq!(
        (
            report.rows,
            report.imported,
            report.updated,
            report.unchanged,
            report.rejected
        ),
        (2, 2, 0, 0, 0),
        "{report:#?}"
    );
    assert_eq!(report.encoding.as_deref(), Some("UTF-8"));
    assert_eq!(report.separator.as_deref(), Some(","));
    assert_eq!(count(&conn), before + 2);
    let p = store::participants::get(&conn, report.participants[1]).unwrap();
    assert_eq!(p.details.family_name, "Nguyễn");
    assert_eq!(p.details.given_names, "Văn An");
    assert_eq!(p.details.document.number, "C1234567");
    assert_eq!(p.status, ParticipantStatus::Nominated);

    // The same file again changes nothing.
    let again = import(&mut conn, &path, false);
    assert_eq!((again.imported, again.unchanged), (0, 2), "{again:#?}");
    assert_eq!(count(&conn), before + 2);

    // A corrected file updates the same people, matched by reference.
    let corrected = LIST.replace("Marie-Hélène", "Marie-Hélène Anne");
    let path = files.write("corrected.csv", corrected);
    let third = import(&mut conn, &path, false);
    assert_eq!((third.updated, third.unchanged), (1, 1), "{third:#?}");
    assert_eq!(count(&conn), before + 2);
    let p = store::participants::get(&conn, third.participants[0]).unwrap();
    assert_eq!(p.details.given_names, "Marie-Hélène Anne");
}

#[test]
fn without_reference_people_are_matched_by_document_then_name_and_birth() {
    let mut conn = demo();
    let files = Files::new();
    let first = files.write(
        "a.csv",
        "Delegation;Category;Nom;Prénom;Date de naissance;N° de passeport\n\
         FRA;DEL;Martin;Luc;01/02/1980;P111\n\
         FRA;DEL;Bernard;Anne;03/04/1981;\n",
    );
    let report = import(&mut conn, &first, false);
    assert_eq!(report.imported, 2, "{report:#?}");
    let second = files.write(
        "b.csv",
        "Delegation;Category;Nom;Prénom;Date de naissance;N° de passeport\n\
         FRA;EXP;MARTIN;Luc;01/02/1980;p 111\n\
         FRA;DEL;Bernard;Anne;03/04/1981;P222\n",
    );
    let report = import(&mut conn, &second, false);
    assert_eq!((report.imported, report.updated), (0, 2), "{report:#?}");
}

#[test]
fn rejected_rows_name_line_column_and_reason() {
    let mut conn = demo();
    let files = Files::new();
    let path = files.write(
        "bad.csv",
        "Delegation,Category,Family name,Given names,Date of birth,Passport expiry,E-mail\n\
         FRA,DEL,Durand,Paul,10/25/1980,,\n\
         \n\
         FRA,XYZ,Petit,Jean,,,\n\
         FRA,DEL,Roux,Léa,,2025-10-01,lea@\n\
         ,DEL,Blanc,Eve,,,\n\
         FRA,DEL,,Zoé,,,\n\
         FRA,DEL,Moreau,Tom,,,\n",
    );
    let before = count(&conn);
    let report = import(&mut conn, &path, false);
    assert_eq!(
        (report.rows, report.imported, report.rejected),
        (6, 1, 5),
        "{report:#?}"
    );
    assert_eq!(count(&conn), before + 1);
    let find = |line: u64, column: &str| {
        report
            .problems
            .iter()
            .find(|p| p.line == line && p.column == column)
            .unwrap_or_else(|| panic!("no problem at line {line}, {column}: {report:#?}"))
            .reason
            .clone()
    };
    assert!(find(2, "Date of birth").contains("month/day/year"));
    assert!(find(4, "Category").contains("\"XYZ\" is not a category"));
    assert!(find(5, "Passport expiry").contains("before the event ends"));
    assert!(find(5, "E-mail").contains("not an e-mail"));
    assert!(find(6, "Delegation").contains("is empty"));
    assert!(find(7, "Family name").contains("required"));
}

#[test]
fn a_dry_run_counts_exactly_and_writes_nothing() {
    let mut conn = demo();
    let files = Files::new();
    let path = files.write("list.csv", LIST);
    let before = count(&conn);
    let audit_before = store::audit::head(&conn).unwrap().0;
    let dry = import(&mut conn, &path, true);
    assert!(dry.dry_run);
    assert_eq!(dry.imported, 2);
    assert_eq!(count(&conn), before);
    assert_eq!(store::audit::head(&conn).unwrap().0, audit_before);
    let real = import(&mut conn, &path, false);
    assert_eq!(
        (real.imported, real.updated, real.unchanged, real.rejected),
        (dry.imported, dry.updated, dry.unchanged, dry.rejected)
    );
}

#[test]
fn a_failure_half_way_writes_nothing() {
    let mut conn = demo();
    // The store refuses the third row, as a full disk would.
    conn.execute_batch(
        "CREATE TRIGGER refuse_boom BEFORE INSERT ON participants WHEN NEW.family_name = 'Boom'
         BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
    )
    .unwrap();
    let files = Files::new();
    let path = files.write(
        "list.csv",
        "Delegation,Category,Family name\nFRA,DEL,One\nFRA,DEL,Two\nFRA,DEL,Boom\nFRA,DEL,Four\n",
    );
    let before = count(&conn);
    let err =
        import_nominations(&mut conn, &clerk(), &path, &ImportOptions::default()).unwrap_err();
    assert!(err.to_string().contains("disk full"), "{err}");
    assert_eq!(count(&conn), before);
}

#[test]
fn every_change_is_audited_and_the_chain_holds() {
    let mut conn = demo();
    let files = Files::new();
    let path = files.write("list.csv", LIST);
    let report = import(&mut conn, &path, false);
    for id in &report.participants {
        let history = crate::audit::participant_history(&conn, &clerk(), *id).unwrap();
        assert_eq!(history.len(), 1);
        assert_eq!(history[0].action, "participant.import");
        assert_eq!(history[0].operator, "clerk");
    }
    let entries = store::audit::list(&conn, &Default::default()).unwrap();
    let last = entries.last().unwrap();
    assert_eq!(last.action, "import.nominations");
    assert_eq!(last.entity_id, report.sha256);
    assert!(crate::audit::verify(&conn).unwrap().is_intact());
}

#[test]
fn likely_duplicates_across_delegations_are_reported_not_merged() {
    let mut conn = demo();
    let files = Files::new();
    let path = files.write(
        "list.csv",
        "Delegation,Category,Family name,Given names,Passport number\n\
         FRA,DEL,Garcia,Ana,X999\n\
         ESP,DEL,García,Ana,X999\n",
    );
    let report = import(&mut conn, &path, false);
    assert_eq!(report.imported, 2, "{report:#?}");
    let notice = &report.notices[0];
    assert_eq!(notice.kind, NoticeKind::Duplicate);
    assert_eq!(notice.line, 3);
    assert_eq!(notice.participant, Some(report.participants[0]));
    assert!(notice.message.contains("FRA"), "{}", notice.message);
}

#[test]
fn the_same_person_twice_in_a_file_is_taken_once() {
    let mut conn = demo();
    let files = Files::new();
    let path = files.write(
        "list.csv",
        "Delegation,Category,Family name,Reference\nFRA,DEL,Lefèvre,R1\nFRA,DEL,Lefevre,r1\n",
    );
    let report = import(&mut conn, &path, false);
    assert_eq!((report.imported, report.rejected), (1, 1));
    assert!(report.problems[0].reason.contains("same person as line 2"));
}

#[test]
fn delegation_option_fills_empty_cells_and_refuses_other_delegations() {
    let mut conn = demo();
    let files = Files::new();
    let path = files.write(
        "list.csv",
        "Category,Family name,Delegation\nDEL,Ivanov,\nDEL,Petrov,RUS\nDEL,Smith,GBR\n",
    );
    let report = import_nominations(
        &mut conn,
        &clerk(),
        &path,
        &ImportOptions {
            delegation: Some("rus".into()),
            dry_run: false,
        },
    )
    .unwrap();
    assert_eq!((report.imported, report.rejected), (2, 1), "{report:#?}");
    assert!(
        report.problems[0]
            .reason
            .contains("for GBR but the file is imported for RUS")
    );
    let no_column = files.write("n.csv", "Category,Family name\nDEL,Ivanova\n");
    let err =
        import_nominations(&mut conn, &clerk(), &no_column, &ImportOptions::default()).unwrap_err();
    assert!(err.to_string().contains("no Delegation column"), "{err}");
}

#[test]
fn names_are_cleaned_but_kept_as_written() {
    let mut conn = demo();
    let files = Files::new();
    // Decomposed Vietnamese, a zero-width space, a non-breaking space.
    let path = files.write(
        "list.csv",
        "Delegation,Category,Family name,Given names\nVNM,DEL,\"  Lu\u{031B}o\u{031B}ng\u{200B} \",\"Cu\u{031B}o\u{031B}\u{0300}ng\u{00A0}\"\n",
    );
    let report = import(&mut conn, &path, false);
    let p = store::participants::get(&conn, report.participants[0]).unwrap();
    assert_eq!(p.details.family_name, "Lương");
    assert_eq!(p.details.given_names, "Cường");
}

#[test]
fn permission_is_required() {
    let mut conn = demo();
    let files = Files::new();
    let path = files.write("list.csv", LIST);
    let gate = Actor {
        operator: Some(4),
        name: "gate".into(),
        role: Role::Gate,
    };
    let err = import_nominations(&mut conn, &gate, &path, &ImportOptions::default()).unwrap_err();
    assert!(matches!(err, Error::PermissionDenied { .. }));
}

#[test]
fn a_name_alone_matches_only_when_no_key_contradicts_it() {
    let mut conn = demo();
    let files = Files::new();
    let first = files.write(
        "a.csv",
        "Delegation,Category,Family name,Given names\nGBR,DEL,Jones,Carys\n",
    );
    assert_eq!(import(&mut conn, &first, false).imported, 1);
    // The corrected list adds a date of birth and a function: same person.
    let second = files.write(
        "b.csv",
        "Delegation,Category,Family name,Given names,Date of birth,Function\nGBR,DEL,Jones,Carys,01/01/1980,Counsellor\n",
    );
    let report = import(&mut conn, &second, false);
    assert_eq!((report.imported, report.updated), (0, 1), "{report:#?}");
    assert_eq!(report.notices[0].kind, NoticeKind::NameOnly);
    // Another date of birth is another person.
    let third = files.write(
        "c.csv",
        "Delegation,Category,Family name,Given names,Date of birth\nGBR,DEL,Jones,Carys,02/02/1990\n",
    );
    assert_eq!(import(&mut conn, &third, false).imported, 1);
}
