//! The Vetting screen, for supervisors: send a batch to the host's security
//! service (CSV or XLSX, photos in a ZIP beside it), import its answers
//! (checked first with a dry run of the real import, then applied) and see
//! what each batch still waits for, with its age. Every job runs the core's
//! `vetting` functions off the UI thread.

use std::path::PathBuf;
use std::sync::Arc;

use iced::widget::{button, checkbox, column, pick_list, row, rule, scrollable, text, text_input};
use iced::{Element, Fill, Length, Task};

use crate::gui::Session;
use crate::gui::screen::participants::Choice;
use crate::gui::style;
use crate::gui::worker::{self, JobError, Outcome};
use accredit::auth::Permission;
use accredit::domain::ClearanceRule;
use accredit::t;
use accredit::transfer::xlsx::TableFormat;
use accredit::vetting::answers::AnswersReport;
use accredit::vetting::export::{VettingExportSummary, VettingSelection};
use accredit::vetting::{self, Batch};

pub const ANSWERS_INPUT: &str = "vetting-answers-path";

/// What the screen shows of the store.
#[derive(Debug, Clone)]
pub struct Overview {
    pub rule: ClearanceRule,
    pub batches: Vec<Batch>,
    pub now: i64,
}

#[derive(Debug, Clone)]
enum Job {
    Idle,
    Sending,
    Checking,
    Applying,
}

pub struct State {
    overview: Option<Overview>,
    delegation: Option<i64>,
    only_not_sent: bool,
    with_photos: bool,
    xlsx: bool,
    answers_path: String,
    checked: Option<Arc<AnswersReport>>,
    applied: Option<Arc<AnswersReport>>,
    sent: Option<Arc<VettingExportSummary>>,
    job: Job,
    error: Option<Problem>,
}

/// What went wrong last, kept until the view words it.
#[derive(Debug)]
enum Problem {
    /// Check or apply pressed before the answers' file was named.
    NoPath,
    NotSent(JobError),
    NothingChanged(JobError),
    Failed(JobError),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let said = match self {
            Problem::NoPath => t!("vetting-path-first"),
            Problem::NotSent(e) => t!("vetting-not-sent", error = e.to_string()),
            Problem::NothingChanged(e) => t!("vetting-nothing-changed", error = e.to_string()),
            Problem::Failed(e) => e.to_string(),
        };
        f.write_str(&said)
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Outcome<Overview>),
    DelegationChosen(Choice),
    OnlyNotSent(bool),
    WithPhotos(bool),
    Xlsx(bool),
    Send,
    Sent(Outcome<Arc<VettingExportSummary>>),
    AnswersPathChanged(String),
    Check,
    Checked(Outcome<Arc<AnswersReport>>),
    Apply,
    Applied(Outcome<Arc<AnswersReport>>),
    Refresh,
}

/// What the application must do after this screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Clearances (and perhaps badges) changed: reload the table.
    Changed,
}

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

impl State {
    pub fn new() -> State {
        State {
            overview: None,
            delegation: None,
            only_not_sent: false,
            with_photos: true,
            xlsx: true,
            answers_path: String::new(),
            checked: None,
            applied: None,
            sent: None,
            job: Job::Idle,
            error: None,
        }
    }

    pub fn load(session: &Session) -> Task<Message> {
        let (ws, actor) = (session.workspace.clone(), session.actor.clone());
        worker::spawn(
            move || {
                let conn = ws.connection()?;
                Ok(Overview {
                    rule: vetting::rule(&conn)?,
                    batches: vetting::batches(&conn, &actor)?,
                    now: accredit::clock::now(),
                })
            },
            Message::Loaded,
        )
    }

    fn busy(&self) -> bool {
        !matches!(self.job, Job::Idle)
    }

    pub fn update(
        &mut self,
        message: Message,
        session: &Session,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Loaded(Ok(o)) => self.overview = Some(o),
            Message::Loaded(Err(e)) => self.error = Some(Problem::Failed(e)),
            Message::Refresh => return (State::load(session), None),
            Message::DelegationChosen(c) => self.delegation = c.id,
            Message::OnlyNotSent(v) => self.only_not_sent = v,
            Message::WithPhotos(v) => self.with_photos = v,
            Message::Xlsx(v) => self.xlsx = v,
            Message::Send if !self.busy() => {
                self.job = Job::Sending;
                self.error = None;
                self.sent = None;
                let (ws, actor) = (session.workspace.clone(), session.actor.clone());
                let tz = session.event.tz();
                let selection = VettingSelection {
                    delegations: self.delegation.into_iter().collect(),
                    only_not_sent: self.only_not_sent,
                };
                let (xlsx, with_photos) = (self.xlsx, self.with_photos);
                let job = move || {
                    let pdf = crate::gui::system::new_print_path(&ws, &tz, "vetting")?;
                    let format = if xlsx {
                        TableFormat::Xlsx
                    } else {
                        TableFormat::Csv
                    };
                    let path = pdf.with_extension(format.as_str());
                    let photos = with_photos.then(|| pdf.with_extension("zip"));
                    let mut conn = ws.connection()?;
                    vetting::export::export(
                        &mut conn,
                        &actor,
                        &selection,
                        format,
                        &path,
                        photos.as_deref(),
                    )
                    .map(Arc::new)
                };
                return (worker::spawn(job, Message::Sent), None);
            }
            Message::Sent(outcome) => {
                self.job = Job::Idle;
                match outcome {
                    Ok(s) => {
                        self.sent = Some(s);
                        return (State::load(session), Some(Event::Changed));
                    }
                    Err(e) => self.error = Some(Problem::NotSent(e)),
                }
            }
            Message::AnswersPathChanged(p) if !self.busy() => {
                self.answers_path = p;
                self.checked = None;
                self.applied = None;
            }
            Message::Check if !self.busy() => {
                return (self.answers_job(session, true, Message::Checked), None);
            }
            Message::Checked(outcome) => {
                self.job = Job::Idle;
                match outcome {
                    Ok(r) => self.checked = Some(r),
                    Err(e) => self.error = Some(Problem::Failed(e)),
                }
            }
            Message::Apply if !self.busy() && self.checked.is_some() => {
                return (self.answers_job(session, false, Message::Applied), None);
            }
            Message::Applied(outcome) => {
                self.job = Job::Idle;
                match outcome {
                    Ok(r) => {
                        self.applied = Some(r);
                        self.checked = None;
                        return (State::load(session), Some(Event::Changed));
                    }
                    Err(e) => self.error = Some(Problem::NothingChanged(e)),
                }
            }
            Message::Send | Message::AnswersPathChanged(_) | Message::Check | Message::Apply => {}
        }
        (Task::none(), None)
    }

    fn answers_job(
        &mut self,
        session: &Session,
        dry_run: bool,
        done: fn(Outcome<Arc<AnswersReport>>) -> Message,
    ) -> Task<Message> {
        let trimmed = self.answers_path.trim().trim_matches(['"', '\'']);
        if trimmed.is_empty() {
            self.error = Some(Problem::NoPath);
            return Task::none();
        }
        let path = PathBuf::from(trimmed);
        self.error = None;
        self.applied = None;
        self.job = if dry_run {
            Job::Checking
        } else {
            Job::Applying
        };
        let (ws, actor) = (session.workspace.clone(), session.actor.clone());
        worker::spawn(
            move || {
                let mut conn = ws.connection()?;
                vetting::answers::import_answers(&mut conn, &actor, &path, dry_run).map(Arc::new)
            },
            done,
        )
    }

    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let mut page = column![text(t!("vetting-title")).size(24)]
            .spacing(12)
            .padding(16);
        if !session.actor.may(Permission::RunVetting) {
            return page
                .push(style::error_text(&t!(
                    "vetting-not-allowed",
                    name = session.actor.name.as_str(),
                    role = session.actor.role.to_string()
                )))
                .into();
        }
        let Some(o) = &self.overview else {
            return page.push(text(t!("vetting-loading"))).into();
        };
        let rule = match &o.rule {
            ClearanceRule::Off => t!("vetting-rule-off"),
            ClearanceRule::All => t!("vetting-rule-all"),
            ClearanceRule::Categories(codes) => {
                t!("vetting-rule-categories", categories = codes.join(", "))
            }
        };
        page = page.push(text(rule).size(14));
        if let Some(e) = &self.error {
            page = page.push(style::error_text(&e.to_string()));
        }
        page = page
            .push(rule::horizontal(1))
            .push(self.send_view(session))
            .push(rule::horizontal(1))
            .push(self.answers_view())
            .push(rule::horizontal(1))
            .push(batches_view(o));
        scrollable(page).height(Fill).into()
    }

    fn send_view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let busy = self.busy();
        let mut send = column![
            text(t!("vetting-send-title")).size(18),
            row![
                pick_list(
                    session.delegation_choices.as_slice(),
                    session.delegation_choice(self.delegation),
                    Message::DelegationChosen,
                )
                .width(Length::Fixed(320.0)),
                checkbox(self.only_not_sent)
                    .label(t!("vetting-only-not-sent"))
                    .on_toggle(Message::OnlyNotSent),
                checkbox(self.with_photos)
                    .label(t!("vetting-with-photos"))
                    .on_toggle(Message::WithPhotos),
                checkbox(self.xlsx)
                    .label(t!("vetting-xlsx"))
                    .on_toggle(Message::Xlsx),
                button(text(if matches!(self.job, Job::Sending) {
                    t!("vetting-sending")
                } else {
                    t!("vetting-send")
                }))
                .on_press_maybe((!busy).then_some(Message::Send)),
            ]
            .spacing(12)
            .align_y(iced::Center),
            text(t!("vetting-send-note")).size(13),
        ]
        .spacing(8);
        if let Some(s) = &self.sent {
            let said = match &s.photos_file {
                Some(photos_file) => t!(
                    "vetting-sent-with-photos",
                    batch = s.batch.to_string(),
                    count = s.people,
                    file = s.file.display().to_string(),
                    photos = s.photos,
                    photos_file = photos_file.display().to_string()
                ),
                None => t!(
                    "vetting-sent",
                    batch = s.batch.to_string(),
                    count = s.people,
                    file = s.file.display().to_string()
                ),
            };
            send = send.push(text(said).color(style::OK));
        }
        send.into()
    }

    fn answers_view(&self) -> Element<'_, Message> {
        let busy = self.busy();
        let mut input = text_input(&t!("vetting-answers-placeholder"), &self.answers_path)
            .id(ANSWERS_INPUT)
            .padding(8)
            .width(Fill);
        if !busy {
            input = input
                .on_input(Message::AnswersPathChanged)
                .on_submit(Message::Check);
        }
        let mut col = column![
            text(t!("vetting-answers-title")).size(18),
            row![
                input,
                button(text(if matches!(self.job, Job::Checking) {
                    t!("vetting-checking")
                } else {
                    t!("vetting-check")
                }))
                .style(button::secondary)
                .on_press_maybe((!busy).then_some(Message::Check)),
                button(text(if matches!(self.job, Job::Applying) {
                    t!("vetting-applying")
                } else {
                    t!("vetting-apply")
                }))
                .on_press_maybe((!busy && self.checked.is_some()).then_some(Message::Apply)),
            ]
            .spacing(8)
            .align_y(iced::Center),
        ]
        .spacing(8);
        if let Some(r) = &self.checked {
            col = col.push(report_view(r, false));
        }
        if let Some(r) = &self.applied {
            col = col.push(report_view(r, true));
        }
        col.into()
    }
}

/// What an answers file did (`applied`) or would do.
fn report_view(r: &AnswersReport, applied: bool) -> Element<'_, Message> {
    let said = if applied {
        t!(
            "vetting-report-applied",
            rows = r.rows,
            cleared = r.cleared,
            refused = r.refused,
            more = r.more_information,
            unchanged = r.unchanged,
            unanswered = r.unanswered,
            problems = r.problems.len()
        )
    } else {
        t!(
            "vetting-report-checked",
            rows = r.rows,
            cleared = r.cleared,
            refused = r.refused,
            more = r.more_information,
            unchanged = r.unchanged,
            unanswered = r.unanswered,
            problems = r.problems.len()
        )
    };
    let mut col = column![text(said).color(if r.problems.is_empty() {
        style::OK
    } else {
        style::WARNING
    }),]
    .spacing(4);
    if !r.revoked.is_empty() {
        col = col.push(
            text(t!(
                "vetting-revoked",
                serials = r
                    .revoked
                    .iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .color(style::ERROR),
        );
    }
    for p in r.problems.iter().take(200) {
        col = col.push(
            text(t!(
                "vetting-line",
                line = p.line.to_string(),
                reference = p.reference.as_str(),
                reason = p.reason.as_str()
            ))
            .size(13)
            .color(style::ERROR),
        );
    }
    for p in r.unanswered_rows.iter().take(200) {
        col = col.push(
            text(t!(
                "vetting-line",
                line = p.line.to_string(),
                reference = p.reference.as_str(),
                reason = p.reason.as_str()
            ))
            .size(13)
            .color(style::WARNING),
        );
    }
    col.into()
}

fn batches_view(o: &Overview) -> Element<'_, Message> {
    let header = row![
        style::cell(text(t!("vetting-col-batch")).size(13), Length::Fixed(60.0)),
        style::cell(text(t!("vetting-col-age")).size(13), Length::Fixed(90.0)),
        style::cell(
            text(t!("vetting-col-sent-by")).size(13),
            Length::Fixed(120.0)
        ),
        style::cell(text(t!("vetting-col-people")).size(13), Length::Fixed(70.0)),
        style::cell(
            text(t!("vetting-col-waiting")).size(13),
            Length::Fixed(70.0)
        ),
        style::cell(
            text(t!("vetting-col-cleared")).size(13),
            Length::Fixed(70.0)
        ),
        style::cell(
            text(t!("vetting-col-refused")).size(13),
            Length::Fixed(70.0)
        ),
        style::cell(
            text(t!("vetting-col-more-info")).size(13),
            Length::Fixed(80.0)
        ),
        style::cell(text(t!("vetting-col-file")).size(13), Fill),
    ];
    let mut col = column![
        row![
            text(t!("vetting-batches-title")).size(18),
            button(text(t!("vetting-refresh")))
                .style(button::secondary)
                .on_press(Message::Refresh)
        ]
        .spacing(12)
        .align_y(iced::Center),
        header
    ]
    .spacing(6);
    if o.batches.is_empty() {
        col = col.push(text(t!("vetting-no-batch")).size(14));
    }
    for b in &o.batches {
        let waiting = text(number(b.waiting)).color(if b.waiting > 0 {
            style::WARNING
        } else {
            style::OK
        });
        col = col.push(row![
            style::cell(text(b.id.to_string()), Length::Fixed(60.0)),
            style::cell(text(age(o.now - b.sent_at)), Length::Fixed(90.0)),
            style::cell(text(b.sent_by.clone()), Length::Fixed(120.0)),
            style::cell(text(number(b.people)), Length::Fixed(70.0)),
            style::cell(waiting, Length::Fixed(70.0)),
            style::cell(text(number(b.cleared)), Length::Fixed(70.0)),
            style::cell(text(number(b.refused)), Length::Fixed(70.0)),
            style::cell(text(number(b.more_information)), Length::Fixed(80.0)),
            style::cell(text(b.file_name.clone()), Fill),
        ]);
    }
    col.into()
}

/// A count in a table cell, as the interface's language writes it.
fn number(n: impl TryInto<i64>) -> String {
    accredit::i18n::number(accredit::i18n::current(), n.try_into().unwrap_or(i64::MAX))
}

/// How long ago a batch was sent, in words: "just now", "3 h", "2 days"
/// (as `vetting::age_label`, in the interface's language).
fn age(seconds: i64) -> String {
    let s = seconds.max(0);
    match s {
        0..=59 => t!("vetting-age-just-now"),
        60..=3599 => t!("vetting-age-minutes", count = s / 60),
        3600..=86_399 => t!("vetting-age-hours", count = s / 3600),
        _ => t!("vetting-age-days", count = s / 86_400),
    }
}
