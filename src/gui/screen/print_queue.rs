//! The print queue: choose who (delegation, category, only never printed)
//! and the layout, see how many badges will be made and who is skipped and
//! why, make the PDF off the UI thread with a progress bar and a Cancel
//! button, then open it or send it to a printer. A cancelled or failed job
//! changes nothing (the core commits only once the PDF is on disk).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use iced::widget::{
    Column, button, checkbox, column, container, pick_list, progress_bar, row, scrollable, space,
    text,
};
use iced::{Center, Color, Element, Fill, Length, Task};

use crate::gui::Session;
use crate::gui::screen::choices::LayoutChoice;
use crate::gui::screen::participants::Choice;
use crate::gui::style;
use crate::gui::system;
use crate::gui::worker::{self, JobError, Outcome, Progress};
use accredit::desk::printing::{self, PrintSummary, Selection, Skipped};
use accredit::domain::{CategoryId, DelegationId, Layout, ParticipantId};
use accredit::t;

const LABEL: Color = Color::from_rgb(0.35, 0.37, 0.40);
/// Skipped participants listed by name (the rest are counted).
const SKIPPED_SHOWN: usize = 200;

pub struct State {
    delegation: Option<DelegationId>,
    category: Option<CategoryId>,
    /// Just these participants (the badges of an approval), else everyone
    /// of the delegation and category.
    participants: Vec<ParticipantId>,
    /// True: the badges never printed (the default); false: the explicit
    /// second choice, those printed before.
    only_unprinted: bool,
    /// Confirmed: badges already handed over are printed again too.
    handed_over_again: bool,
    layout: Layout,
    preview: Option<PrintSummary>,
    /// Bumped on every change of the selection; older previews are dropped.
    generation: u64,
    previewing: bool,
    job: Option<Job>,
    finished: Option<Finished>,
    notice: Option<Notice>,
    printer: bool,
}

struct Job {
    done: usize,
    total: usize,
    cancel: Arc<AtomicBool>,
}

/// A PDF made: what the core did and where the file is.
#[derive(Debug, Clone)]
pub struct Finished {
    pub summary: PrintSummary,
    pub path: PathBuf,
}

/// What the last job said, worded by `Display`.
#[derive(Debug)]
enum Notice {
    /// The count of what would print could not be made.
    NotPreviewed(JobError),
    Cancelled,
    NotPrinted(JobError),
    /// The PDF opened in the viewer.
    Opened(PathBuf),
    /// The PDF went to this printer (the system's words for it).
    Sent(String),
    /// The PDF could not be opened or sent.
    NotHandedOn(JobError),
}

impl Notice {
    fn colour(&self) -> iced::Color {
        match self {
            Notice::Opened(_) | Notice::Sent(_) => style::OK,
            Notice::Cancelled => style::WARNING,
            Notice::NotPreviewed(_) | Notice::NotPrinted(_) | Notice::NotHandedOn(_) => {
                style::ERROR
            }
        }
    }
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let said = match self {
            Notice::NotPreviewed(e) | Notice::NotHandedOn(e) => e.to_string(),
            Notice::Cancelled => t!("print-queue-cancelled"),
            Notice::NotPrinted(e) => t!("print-queue-failed", error = e.to_string()),
            Notice::Opened(path) => t!("print-queue-opened", path = path.display().to_string()),
            Notice::Sent(printer) => t!("print-queue-sent", printer = printer),
        };
        f.write_str(&said)
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Delegation(Choice),
    Category(Choice),
    /// true: the badges never printed; false: those printed before, again.
    OnlyUnprinted(bool),
    HandedOverAgain(bool),
    Layout(LayoutChoice),
    Previewed(u64, Outcome<PrintSummary>),
    Generate,
    Progress(Progress<Finished>),
    Cancel,
    OpenPdf,
    SendPdf,
    /// The PDF opened in the viewer.
    Opened(Outcome<PathBuf>),
    /// The PDF went to a printer (the system's words for it).
    Sent(Outcome<String>),
    Open(ParticipantId),
}

pub enum Event {
    /// Badges were issued or printed.
    Changed,
    /// Open a participant's detail.
    Open(ParticipantId),
}

impl State {
    pub fn new(session: &Session) -> State {
        State {
            delegation: None,
            category: None,
            participants: Vec::new(),
            only_unprinted: true,
            handed_over_again: false,
            layout: session.event.default_layout,
            preview: None,
            generation: 0,
            previewing: false,
            job: None,
            finished: None,
            notice: None,
            printer: system::printer_available(),
        }
    }

    pub fn selection(&self) -> Selection {
        Selection {
            delegations: self.delegation.into_iter().collect(),
            categories: self.category.into_iter().collect(),
            participants: self.participants.clone(),
            only_unprinted: self.only_unprinted,
            confirmed: false,
            only_printed_before: !self.only_unprinted,
            handed_over_again: self.handed_over_again,
        }
    }

    #[cfg(test)]
    pub fn preview(&self) -> Option<&PrintSummary> {
        self.preview.as_ref()
    }

    #[cfg(test)]
    pub fn finished(&self) -> Option<&Finished> {
        self.finished.as_ref()
    }

    #[cfg(test)]
    pub fn is_printing(&self) -> bool {
        self.job.is_some()
    }

    pub fn has_preview(&self) -> bool {
        self.preview.is_some() || self.previewing
    }

    /// Takes a delegation's badges (from the delegations screen): those
    /// never printed; the others are offered as a choice of their own.
    pub fn select_delegation(&mut self, session: &Session, id: DelegationId) -> Task<Message> {
        if self.job.is_some() {
            return Task::none();
        }
        self.delegation = Some(id);
        self.category = None;
        self.participants.clear();
        self.only_unprinted = true;
        self.handed_over_again = false;
        self.finished = None;
        self.notice = None;
        self.refresh(session)
    }

    /// Makes at once the badges of participants just approved (never
    /// printed ones only: nobody gets a second card by this).
    pub fn print_now(
        &mut self,
        session: &Session,
        delegation: DelegationId,
        ids: Vec<ParticipantId>,
    ) -> Task<Message> {
        if self.job.is_some() {
            return Task::none();
        }
        self.delegation = Some(delegation);
        self.category = None;
        self.only_unprinted = true;
        self.handed_over_again = false;
        self.preview = Some(PrintSummary {
            new: ids.len(),
            badges: ids.len(),
            ..Default::default()
        });
        self.participants = ids;
        self.generation += 1;
        self.generate(session)
    }

    /// Counts again what the selection would print, off the UI thread.
    pub fn refresh(&mut self, session: &Session) -> Task<Message> {
        self.generation += 1;
        self.previewing = true;
        let generation = self.generation;
        let selection = self.selection();
        let (ws, actor) = (session.workspace.clone(), session.actor.clone());
        worker::spawn(
            move || printing::preview(&*ws.connection()?, &actor, &selection),
            move |outcome| Message::Previewed(generation, outcome),
        )
    }

    pub fn update(
        &mut self,
        message: Message,
        session: &Session,
    ) -> (Task<Message>, Option<Event>) {
        let choosing = matches!(
            message,
            Message::Delegation(_)
                | Message::Category(_)
                | Message::OnlyUnprinted(_)
                | Message::HandedOverAgain(_)
                | Message::Layout(_)
        );
        if choosing && self.job.is_some() {
            return (Task::none(), None);
        }
        match message {
            Message::Delegation(c) => {
                self.delegation = c.id;
                self.participants.clear();
                return (self.changed(session), None);
            }
            Message::Category(c) => {
                self.category = c.id;
                self.participants.clear();
                return (self.changed(session), None);
            }
            Message::OnlyUnprinted(v) => {
                self.only_unprinted = v;
                self.handed_over_again = false;
                return (self.changed(session), None);
            }
            Message::HandedOverAgain(v) => {
                self.handed_over_again = v;
                return (self.changed(session), None);
            }
            Message::Layout(l) => self.layout = l.0,
            Message::Previewed(generation, outcome) => {
                if generation == self.generation {
                    self.previewing = false;
                    match outcome {
                        Ok(summary) => self.preview = Some(summary),
                        Err(e) => {
                            self.preview = None;
                            self.notice = Some(Notice::NotPreviewed(e));
                        }
                    }
                }
            }
            Message::Generate => return (self.generate(session), None),
            Message::Progress(Progress::Step(n)) => {
                if let Some(job) = &mut self.job {
                    job.done = n;
                }
            }
            Message::Progress(Progress::Done(outcome)) => {
                let cancelled = self
                    .job
                    .take()
                    .is_some_and(|j| j.cancel.load(Ordering::Relaxed));
                match outcome {
                    Ok(finished) => {
                        self.notice = None;
                        self.finished = Some(finished);
                        return (self.refresh(session), Some(Event::Changed));
                    }
                    Err(_) if cancelled => self.notice = Some(Notice::Cancelled),
                    Err(e) => self.notice = Some(Notice::NotPrinted(e)),
                }
            }
            Message::Cancel => {
                if let Some(job) = &self.job {
                    job.cancel.store(true, Ordering::Relaxed);
                }
            }
            Message::OpenPdf => {
                if let Some(f) = &self.finished {
                    let path = f.path.clone();
                    let task = worker::spawn(
                        move || {
                            system::open_in_viewer(&path)?;
                            Ok(path)
                        },
                        Message::Opened,
                    );
                    return (task, None);
                }
            }
            Message::SendPdf => {
                if let Some(f) = &self.finished {
                    let path = f.path.clone();
                    let task = worker::spawn(move || system::send_to_printer(&path), Message::Sent);
                    return (task, None);
                }
            }
            Message::Opened(Ok(path)) => self.notice = Some(Notice::Opened(path)),
            Message::Sent(Ok(printer)) => self.notice = Some(Notice::Sent(printer)),
            Message::Opened(Err(e)) | Message::Sent(Err(e)) => {
                self.notice = Some(Notice::NotHandedOn(e));
            }
            Message::Open(id) => return (Task::none(), Some(Event::Open(id))),
        }
        (Task::none(), None)
    }

    fn changed(&mut self, session: &Session) -> Task<Message> {
        self.finished = None;
        self.notice = None;
        self.refresh(session)
    }

    fn generate(&mut self, session: &Session) -> Task<Message> {
        if self.job.is_some() {
            return Task::none();
        }
        let total = self.preview.as_ref().map(|p| p.badges).unwrap_or(0);
        let cancel = Arc::new(AtomicBool::new(false));
        self.job = Some(Job {
            done: 0,
            total,
            cancel: cancel.clone(),
        });
        self.finished = None;
        self.notice = None;
        let mut selection = self.selection();
        // The preview showed why these badges are not valid for the event,
        // and the button said "Print anyway": pressing it confirms.
        selection.confirmed = self
            .preview
            .as_ref()
            .is_some_and(|p| !p.validity_warnings.is_empty());
        let layout = self.layout;
        let label = self.file_label(session);
        let tz = session.event.tz();
        let (ws, actor) = (session.workspace.clone(), session.actor.clone());
        worker::spawn_with_progress(
            move |report| {
                let mut conn = ws.connection()?;
                let path = system::new_print_path(&ws, &tz, &label)?;
                let summary =
                    printing::print(&ws, &mut conn, &actor, &selection, layout, &path, &|n| {
                        report(n);
                        !cancel.load(Ordering::Relaxed)
                    })?;
                Ok(Finished { summary, path })
            },
            Message::Progress,
        )
    }

    /// `VNM-DEL`, `all`…: the codes of the selection, for the file name.
    fn file_label(&self, session: &Session) -> String {
        let code = |c: Option<&Choice>| {
            c.and_then(|c| {
                c.id.map(|_| c.label.split(" — ").next().unwrap_or("").to_string())
            })
        };
        let parts: Vec<String> = [
            code(session.delegation_choice(self.delegation)),
            code(session.category_choice(self.category)),
        ]
        .into_iter()
        .flatten()
        .collect();
        if parts.is_empty() {
            "all".into()
        } else {
            parts.join("-")
        }
    }

    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let choose = row![
            labelled(
                t!("print-queue-delegation"),
                pick_list(
                    session.delegation_choices.as_slice(),
                    session.delegation_choice(self.delegation),
                    Message::Delegation
                )
                .width(400)
                .into()
            ),
            labelled(
                t!("print-queue-category"),
                pick_list(
                    session.category_choices.as_slice(),
                    session.category_choice(self.category),
                    Message::Category
                )
                .width(240)
                .into()
            ),
            labelled(
                t!("print-queue-layout"),
                pick_list(
                    LayoutChoice::ALL,
                    Some(LayoutChoice(self.layout)),
                    Message::Layout
                )
                .width(160)
                .into()
            ),
        ]
        .spacing(16)
        .align_y(Center);
        let mut page = column![text(t!("print-queue-title")).size(22), choose]
            .spacing(14)
            .padding(16);
        page = page.push(self.plan_view());
        if let Some(job) = &self.job {
            page = page.push(job_view(job));
        }
        if let Some(f) = &self.finished {
            page = page.push(self.finished_view(f));
        }
        // Below the result, so that its buttons never move under the pointer.
        if let Some(notice) = &self.notice {
            page = page.push(text(notice.to_string()).color(notice.colour()));
        }
        page.push(self.skipped_view()).into()
    }

    fn plan_view(&self) -> Element<'_, Message> {
        let Some(p) = &self.preview else {
            return text(t!("print-queue-counting")).color(LABEL).into();
        };
        let headline = if p.badges == 0 && self.finished.is_some() {
            t!("print-queue-all-printed")
        } else if p.badges == 0 {
            t!("print-queue-nothing-to-print")
        } else if self.only_unprinted {
            t!("print-queue-will-make", count = p.badges, new = p.new)
        } else {
            t!("print-queue-will-reprint", count = p.badges)
        };
        let headline = if self.participants.is_empty() {
            headline
        } else {
            t!(
                "print-queue-just-approved",
                count = self.participants.len(),
                headline = headline,
            )
        };
        let idle = self.job.is_none() && !self.previewing;
        // Once a PDF is made, the same selection again is a second print run:
        // said so, and not the obvious button any more.
        let n = p.badges;
        let (again, label, style): (bool, _, fn(&iced::Theme, button::Status) -> button::Style) =
            if !p.validity_warnings.is_empty() {
                (
                    false,
                    t!("print-queue-print-anyway", count = n),
                    button::danger,
                )
            } else if self.finished.is_some() {
                (
                    true,
                    t!("print-queue-make-another", count = n),
                    button::secondary,
                )
            } else if !self.only_unprinted {
                (
                    false,
                    t!("print-queue-print-them-again", count = n),
                    button::primary,
                )
            } else {
                (
                    false,
                    t!("print-queue-make-pdf", count = n),
                    button::primary,
                )
            };
        // Done, and nothing left to print: no "Again:" about nothing.
        let again = again && !(self.finished.is_some() && p.badges == 0);
        let headline = if again {
            t!("print-queue-again", headline = headline)
        } else {
            headline
        };
        let headline = if self.previewing {
            t!("print-queue-counting-again", headline = headline)
        } else {
            headline
        };
        let make = button(text(label))
            .padding([10, 18])
            .style(style)
            .on_press_maybe((idle && p.badges > 0).then_some(Message::Generate));
        let plan = container(
            row![
                column![
                    text(headline).size(18),
                    text(if p.skipped.is_empty() {
                        t!("print-queue-skipped", count = 0)
                    } else {
                        t!(
                            "print-queue-skipped-why",
                            count = p.skipped.len(),
                            reasons = reason_summary(&p.skipped),
                        )
                    })
                    .size(14)
                    .color(LABEL),
                ]
                .extend(p.validity_warnings.iter().map(|w| {
                    text(t!("print-queue-not-valid", warning = w))
                        .size(14)
                        .color(style::WARNING)
                        .into()
                }))
                .spacing(4)
                .width(Fill),
                make,
            ]
            .spacing(16)
            .align_y(Center),
        )
        .padding(12)
        .style(container::bordered_box);
        column![plan, self.other_choice(p, idle)].spacing(8).into()
    }

    /// The badges printed before: offered as a choice of their own, with
    /// their count; those handed over need a word of confirmation.
    fn other_choice<'a>(&'a self, p: &'a PrintSummary, idle: bool) -> Element<'a, Message> {
        if self.only_unprinted {
            if p.already_printed == 0 || !self.participants.is_empty() {
                return space().into();
            }
            return row![
                text(t!("print-queue-printed-before", count = p.already_printed))
                    .size(14)
                    .color(LABEL),
                button(text(t!(
                    "print-queue-print-again",
                    count = p.already_printed
                )))
                .style(button::secondary)
                .on_press_maybe(idle.then_some(Message::OnlyUnprinted(false))),
            ]
            .spacing(12)
            .align_y(Center)
            .into();
        }
        let mut col = column![
            row![
                text(t!("print-queue-second-card"))
                    .size(14)
                    .color(style::WARNING),
                button(text(t!("print-queue-back-to-unprinted")))
                    .style(button::text)
                    .on_press_maybe(idle.then_some(Message::OnlyUnprinted(true))),
            ]
            .spacing(12)
            .align_y(Center)
        ]
        .spacing(6);
        if p.handed_over > 0 {
            col = col.push(
                checkbox(self.handed_over_again)
                    .label(t!("print-queue-handed-over-too", count = p.handed_over))
                    .on_toggle_maybe(idle.then_some(Message::HandedOverAgain)),
            );
        }
        col.into()
    }

    fn finished_view<'a>(&'a self, f: &'a Finished) -> Element<'a, Message> {
        let s = &f.summary;
        let mut actions =
            row![button(text(t!("print-queue-open-pdf"))).on_press(Message::OpenPdf),].spacing(10);
        if self.printer {
            actions = actions.push(
                button(text(t!("print-queue-send")))
                    .style(button::secondary)
                    .on_press(Message::SendPdf),
            );
        }
        container(
            column![
                text(made_line(s)).size(18).color(style::OK),
                text(if s.skipped.is_empty() {
                    t!(
                        "print-queue-made-counts",
                        new = s.new,
                        reprinted = s.reprinted,
                        skipped = 0,
                    )
                } else {
                    t!(
                        "print-queue-made-counts-why",
                        new = s.new,
                        reprinted = s.reprinted,
                        skipped = s.skipped.len(),
                        reasons = reason_summary(&s.skipped),
                    )
                }),
                text(f.path.display().to_string()).size(13).color(LABEL),
                actions,
            ]
            .spacing(6),
        )
        .padding(12)
        .width(Fill)
        .style(container::bordered_box)
        .into()
    }

    /// Who is (or was) left out, by name, to open and fix.
    fn skipped_view(&self) -> Element<'_, Message> {
        let skipped = match (&self.finished, &self.preview) {
            (Some(f), _) => &f.summary.skipped,
            (None, Some(p)) => &p.skipped,
            (None, None) => return space().into(),
        };
        if skipped.is_empty() {
            return space().into();
        }
        let mut list = Column::new();
        for (i, s) in skipped.iter().take(SKIPPED_SHOWN).enumerate() {
            list = list.push(
                button(
                    row![
                        text(s.name.as_str()).width(Length::FillPortion(2)),
                        text(s.reason.as_str())
                            .color(LABEL)
                            .width(Length::FillPortion(3)),
                    ]
                    .spacing(8),
                )
                .width(Fill)
                .padding([4, 8])
                .style(move |theme, status| style::row_button(theme, status, false, i))
                .on_press(Message::Open(s.participant)),
            );
        }
        if skipped.len() > SKIPPED_SHOWN {
            list = list.push(
                text(t!(
                    "print-queue-and-more",
                    count = skipped.len() - SKIPPED_SHOWN
                ))
                .color(LABEL)
                .size(13),
            );
        }
        let title = if skipped.len() > SKIPPED_SHOWN {
            t!(
                "print-queue-skipped-first",
                count = skipped.len(),
                shown = SKIPPED_SHOWN,
            )
        } else {
            t!("print-queue-skipped-all", count = skipped.len())
        };
        column![
            text(title).size(18),
            scrollable(list).spacing(6).height(Fill),
        ]
        .spacing(6)
        .into()
    }
}

fn job_view(job: &Job) -> Element<'_, Message> {
    let cancelling = job.cancel.load(Ordering::Relaxed);
    let status = if cancelling {
        t!("print-queue-cancelling")
    } else if job.done == 0 {
        t!("print-queue-issuing", count = job.total)
    } else {
        t!("print-queue-rendered", done = job.done, count = job.total)
    };
    row![
        column![
            progress_bar(0.0..=job.total.max(1) as f32, job.done as f32).girth(14),
            text(status).size(14),
        ]
        .spacing(6)
        .width(Fill),
        button(text(t!("print-queue-cancel")))
            .style(button::danger)
            .on_press_maybe((!cancelling).then_some(Message::Cancel)),
    ]
    .spacing(16)
    .align_y(Center)
    .into()
}

fn labelled(label: String, input: Element<'_, Message>) -> Element<'_, Message> {
    column![text(label).size(13).color(LABEL), input]
        .spacing(3)
        .into()
}

/// "✔ 4 badges on 1 page (a6 layout, 0.3 MB)".
fn made_line(s: &PrintSummary) -> String {
    let layout = match s.layout.parse::<Layout>() {
        Ok(Layout::A6) => t!("print-queue-layout-a6"),
        Ok(Layout::Card) => t!("print-queue-layout-card"),
        Ok(Layout::A4x4) => t!("print-queue-layout-a4x4"),
        Err(_) => s.layout.clone(),
    };
    // Megabytes to one decimal, the decimal mark the language's: the whole
    // part and the tenth are placed apart ("0.3 MB", "0,3 Mo").
    let tenths = (s.bytes as u64 * 10 + 524_288) / 1_048_576;
    t!(
        "print-queue-made",
        count = s.badges,
        pages = s.pages,
        layout = layout,
        megabytes = tenths / 10,
        tenths = tenths % 10,
    )
}

/// 16830 as "16,830" (as the language groups thousands).
fn count(n: usize) -> String {
    accredit::i18n::number(
        accredit::i18n::current(),
        i64::try_from(n).unwrap_or(i64::MAX),
    )
}

/// "not approved yet 45, rejected 12": skipped participants counted by the
/// first words of their reason, most frequent first.
pub fn reason_summary(skipped: &[Skipped]) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for s in skipped {
        let key = s
            .reason
            .split([':', '('])
            .next()
            .unwrap_or(&s.reason)
            .trim();
        // "badge 100042 already printed": counted without the serial.
        let key = match key
            .strip_prefix("badge ")
            .and_then(|rest| rest.split_once(' '))
        {
            Some((serial, what)) if serial.chars().all(|c| c.is_ascii_digit()) => what,
            _ => key,
        }
        .to_string();
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
        .iter()
        .map(|(k, n)| format!("{k} {}", count(*n)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::tests::harness::offline_session;
    use accredit::domain::Role;

    fn summary(new: usize, reprinted: usize, skipped: &[(&str, &str)]) -> PrintSummary {
        PrintSummary {
            new,
            reprinted,
            badges: new + reprinted,
            skipped: skipped
                .iter()
                .enumerate()
                .map(|(i, (name, reason))| Skipped {
                    participant: i as i64 + 1,
                    name: (*name).into(),
                    reason: (*reason).into(),
                })
                .collect(),
            ..Default::default()
        }
    }

    fn finished() -> Finished {
        Finished {
            summary: summary(3, 1, &[]),
            path: PathBuf::from("/tmp/badges.pdf"),
        }
    }

    #[test]
    fn the_selection_follows_the_choices() {
        let session = offline_session(Role::Clerk);
        let mut state = State::new(&session);
        assert_eq!(
            state.selection(),
            Selection {
                only_unprinted: true,
                ..Default::default()
            }
        );
        let _ = state.update(
            Message::Delegation(session.delegation_choices[1].clone()),
            &session,
        );
        let _ = state.update(
            Message::Category(session.category_choices[2].clone()),
            &session,
        );
        let _ = state.update(Message::OnlyUnprinted(false), &session);
        assert_eq!(
            state.selection(),
            Selection {
                delegations: vec![1],
                categories: vec![3],
                participants: vec![],
                only_unprinted: false,
                confirmed: false,
                only_printed_before: true,
                handed_over_again: false,
            }
        );
        assert_eq!(state.file_label(&session), "VNM-DEL");
        let _ = state.select_delegation(&session, 2);
        assert_eq!(state.selection().delegations, vec![2]);
        assert!(state.selection().categories.is_empty());
    }

    #[test]
    fn an_older_preview_never_replaces_a_newer_one() {
        let session = offline_session(Role::Clerk);
        let mut state = State::new(&session);
        let _ = state.refresh(&session);
        let first = state.generation;
        let _ = state.update(
            Message::Delegation(session.delegation_choices[1].clone()),
            &session,
        );
        let _ = state.update(
            Message::Previewed(state.generation, Ok(summary(2, 0, &[]))),
            &session,
        );
        let _ = state.update(Message::Previewed(first, Ok(summary(90, 0, &[]))), &session);
        assert_eq!(state.preview().unwrap().new, 2);
        assert!(!state.previewing);
    }

    #[test]
    fn printing_shows_progress_and_its_result() {
        let session = offline_session(Role::Clerk);
        let mut state = State::new(&session);
        let _ = state.update(
            Message::Previewed(state.generation, Ok(summary(3, 1, &[]))),
            &session,
        );
        let _ = state.update(Message::Generate, &session);
        assert!(state.is_printing());
        assert_eq!(state.job.as_ref().unwrap().total, 4);
        // The choices are frozen while the job runs.
        let _ = state.update(Message::OnlyUnprinted(false), &session);
        assert!(state.only_unprinted);
        let _ = state.update(Message::Progress(Progress::Step(2)), &session);
        assert_eq!(state.job.as_ref().unwrap().done, 2);
        let (_, event) = state.update(Message::Progress(Progress::Done(Ok(finished()))), &session);
        assert!(matches!(event, Some(Event::Changed)));
        assert!(!state.is_printing());
        assert_eq!(state.finished().unwrap().summary.new, 3);
    }

    #[test]
    fn a_cancelled_job_says_nothing_changed() {
        let session = offline_session(Role::Clerk);
        let mut state = State::new(&session);
        let _ = state.update(
            Message::Previewed(state.generation, Ok(summary(300, 0, &[]))),
            &session,
        );
        let _ = state.update(Message::Generate, &session);
        let _ = state.update(Message::Cancel, &session);
        assert!(state.job.as_ref().unwrap().cancel.load(Ordering::Relaxed));
        let (_, event) = state.update(
            Message::Progress(Progress::Done(Err(JobError::from(
                accredit::Error::Cancelled("printing was cancelled; nothing was changed".into()),
            )))),
            &session,
        );
        assert!(event.is_none());
        let notice = state.notice.as_ref().unwrap();
        let text = notice.to_string();
        assert!(matches!(notice, Notice::Cancelled), "{text}");
        assert!(text.contains("nothing changed"), "{text}");
        // A failure that is no cancellation is an error.
        let _ = state.update(Message::Generate, &session);
        let _ = state.update(
            Message::Progress(Progress::Done(Err(JobError::from(accredit::Error::Other(
                "prints/x.pdf: No space left on device".into(),
            ))))),
            &session,
        );
        assert!(matches!(state.notice, Some(Notice::NotPrinted(_))));
        assert!(state.finished().is_none());
    }

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(count(7), "7");
        assert_eq!(count(1000), "1,000");
        assert_eq!(count(16830), "16,830");
        assert_eq!(count(100000), "100,000");
        assert_eq!(
            t!("print-queue-make-pdf", count = 1usize),
            "Make the PDF (1 badge)"
        );
    }

    #[test]
    fn the_result_is_worded_in_the_operators_language() {
        use accredit::i18n::{Language, LanguageScope};
        let mut s = summary(3000, 0, &[]);
        s.pages = 750;
        s.layout = "card".into();
        s.bytes = 1_572_864;
        assert_eq!(
            made_line(&s),
            "✔ 3,000 badges on 750 pages (card layout, 1.5 MB)"
        );
        {
            let _fr = LanguageScope::new(Language::French);
            assert_eq!(
                made_line(&s),
                "✔ 3\u{202F}000 badges sur 750 pages (format carte ID-1, 1,5 Mo)"
            );
            assert_eq!(
                t!("print-queue-make-pdf", count = 1usize),
                "Produire le PDF (1 badge)"
            );
        }
        let _vi = LanguageScope::new(Language::Vietnamese);
        assert_eq!(
            made_line(&s),
            "✔ 3.000 thẻ trên 750 trang (khổ thẻ ID-1, 1,5 MB)"
        );
        assert_eq!(count(16830), "16.830");
    }

    #[test]
    fn skipped_reasons_are_counted() {
        let s = summary(
            0,
            0,
            &[
                ("A", "not approved yet"),
                ("B", "rejected (No reply)"),
                ("C", "not approved yet"),
                ("D", "badge 100042 already printed"),
                (
                    "E",
                    "badge 100043 already handed over: printing it again needs confirmation",
                ),
                (
                    "F",
                    "badge 100044 already handed over: printing it again needs confirmation",
                ),
                ("G", "never printed (printed with the new badges)"),
            ],
        );
        assert_eq!(
            reason_summary(&s.skipped),
            "already handed over 2, not approved yet 2, already printed 1, never printed 1, rejected 1"
        );
    }
}
