//! A desk flow in other languages, clicked and typed through `iced_test` on
//! the whole application over a demo store: the participants table, a
//! search, a participant opened, edited, saved and printed. In Vietnamese
//! every word of these screens is translated; in Arabic the desk screens
//! fall back to English and only the frame (the navigation rail) speaks
//! Arabic. Each test sets its own thread's language, so the tests run in
//! parallel with English ones.

use super::app::*;
use super::harness::Demo;
use crate::gui::App;
use crate::gui::screen::participant::{self, SaveState};
use accredit::domain::ParticipantStatus;
use accredit::i18n::{Language, LanguageScope};

/// Asserts that the window shows each of `labels`, naming the first missing.
fn assert_shows(app: &App, labels: &[&str]) {
    let mut ui = simulator(app);
    for label in labels {
        assert!(ui.find(*label).is_ok(), "the window shows {label:?}");
    }
}

/// How many participants the demo's table lists.
fn total(app: &App) -> usize {
    desk(app).participants.listing().expect("listed").rows.len()
}

#[test]
fn a_clerk_searches_opens_edits_and_prints_in_vietnamese() {
    let _lang = LanguageScope::new(Language::Vietnamese);
    let demo = Demo::new(60);
    let mut app = signed_in(&demo, "clerk");
    let n = total(&app);

    // The table: its columns, filters and count.
    assert_shows(
        &app,
        &[
            // Sorted by name, as the table opens.
            "Họ tên ▲",
            "Đoàn",
            "Loại đại biểu",
            "Trạng thái",
            "Thẩm tra",
            &format!("{n} / {n} người tham dự"),
        ],
    );
    let p = find_participant(&demo, ParticipantStatus::Approved, false);
    open_by_search(&mut app, &p);

    // The participant's screen, in Vietnamese.
    assert_shows(
        &app,
        &[
            "← Danh sách",
            "Lưu  (Ctrl+S)",
            "Ctrl+S để lưu · Esc để quay lại danh sách · Tab để chuyển giữa các ô",
            "Họ tên",
            "Nhân thân",
            "Tên đệm và tên",
            "Họ",
            "Đã duyệt",
            "Thẻ",
            "In thẻ",
            "Lịch sử thẻ",
            "Nhật ký",
        ],
    );

    // Edited: the screen says so; saved: at a time written the Vietnamese
    // way (07/12/2026 09:30), and the history says what changed.
    type_into(&mut app, participant::FIRST_FIELD, " Maria");
    assert_shows(&app, &["Có thay đổi chưa lưu"]);
    click(&mut app, "Lưu  (Ctrl+S)");
    let SaveState::Saved(at) = detail(&app).save_state().clone() else {
        panic!("saved: {:?}", detail(&app).save_state());
    };
    assert_eq!(at.as_bytes().get(2), Some(&b'/'), "a day first: {at}");
    let given = format!("{} Maria", p.details.given_names);
    assert_shows(
        &app,
        &[
            &format!("✔ Đã lưu lúc {at}"),
            &format!(
                "Đã sửa: Tên đệm và tên: “{}” → “{given}”",
                p.details.given_names
            ),
        ],
    );

    // Printed: the job runs on a worker thread and still speaks Vietnamese.
    click(&mut app, "In thẻ");
    let notice = detail(&app).notice().expect("a notice").clone();
    assert!(notice.ok(), "{}", notice.to_string());
    assert!(
        notice.to_string().starts_with("Thẻ mới "),
        "{}",
        notice.to_string()
    );
    assert_shows(&app, &["In lại (cùng thẻ)", "Trao thẻ", "Thu hồi"]);

    click(&mut app, "← Danh sách");
    assert!(desk(&app).detail.is_none());
}

#[test]
fn a_clerk_searches_and_opens_in_arabic_with_the_desk_in_english() {
    let _lang = LanguageScope::new(Language::Arabic);
    let demo = Demo::new(60);
    let mut app = signed_in(&demo, "clerk");
    let n = total(&app);

    // The frame speaks Arabic; the table falls back to English.
    let participants_tab = accredit::t!("common-tab-participants");
    assert_eq!(participants_tab, "المشاركون");
    assert_shows(
        &app,
        &[
            participants_tab.as_str(),
            "Name ▲",
            "Delegation",
            "Clearance",
            &format!("{n} of {n} participants"),
        ],
    );
    let p = find_participant(&demo, ParticipantStatus::Approved, true);
    open_by_search(&mut app, &p);
    assert_shows(
        &app,
        &[
            participants_tab.as_str(),
            "← List",
            "Save  (Ctrl+S)",
            "Given names",
            "Approved",
            "Badge history",
            "History",
        ],
    );
    click(&mut app, "← List");
    assert!(desk(&app).detail.is_none());
}
