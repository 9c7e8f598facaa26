//! The liaison hand-over on the Delegations screen: the liaison officer's
//! name and identity document, then every printed badge of the delegation
//! not yet handed over (all ticked; the clerk may untick some) goes to them
//! at once, against a receipt (a PDF in the
//! prints folder, opened in the viewer on request). The core function is the
//! CLI's `badges hand-over --delegation`.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use iced::widget::{button, checkbox, column, container, row, scrollable, text, text_input};
use iced::{Center, Element, Fill, Task};

use crate::gui::worker::{self, JobError, Outcome};
use crate::gui::{Session, style, system};
use accredit::auth::Permission;
use accredit::desk::liaison::{self, LiaisonRequest, LiaisonSummary, ReceiptLine};
use accredit::domain::{DelegationId, ParticipantId};
use accredit::t;

pub const NAME_INPUT: &str = "liaison-name";
pub const ID_INPUT: &str = "liaison-id-check";

#[derive(Debug, Default)]
pub struct State {
    /// Whether the operator may hand badges over (set when a delegation is chosen).
    allowed: bool,
    open: bool,
    collected_by: String,
    id_check: String,
    /// The badges waiting, read when the form opens.
    waiting: Vec<ReceiptLine>,
    /// Those the clerk unticked: they stay at the desk.
    left_out: BTreeSet<ParticipantId>,
    busy: bool,
    done: Option<(Arc<LiaisonSummary>, PathBuf)>,
    failure: Option<Failure>,
}

/// What went wrong last, kept until the view words it.
#[derive(Debug)]
enum Failure {
    Loading(JobError),
    HandingOver(JobError),
    Opening(JobError),
}

#[derive(Debug, Clone)]
pub enum Message {
    Open,
    Close,
    Name(String),
    IdCheck(String),
    Waiting(Outcome<Vec<ReceiptLine>>),
    Toggled(ParticipantId, bool),
    HandOver,
    HandedOver(Outcome<(Arc<LiaisonSummary>, PathBuf)>),
    OpenReceipt,
    Opened(Outcome<()>),
}

pub enum Event {
    /// Badges were handed over: counts and lists reload.
    Changed,
}

impl State {
    fn ticked(&self) -> Vec<ParticipantId> {
        self.waiting
            .iter()
            .map(|l| l.participant)
            .filter(|p| !self.left_out.contains(p))
            .collect()
    }

    /// Forgets the form (another delegation was chosen).
    pub fn reset(&mut self, session: &Session) {
        *self = State {
            allowed: session.actor.may(Permission::HandOverBadges),
            ..State::default()
        };
    }

    pub fn update(
        &mut self,
        message: Message,
        session: &Session,
        delegation: Option<(DelegationId, String)>,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Open => {
                self.open = true;
                self.done = None;
                self.failure = None;
                self.waiting.clear();
                self.left_out.clear();
                let Some((id, _)) = delegation else {
                    return (Task::none(), None);
                };
                let (ws, actor) = (session.workspace.clone(), session.actor.clone());
                let load = worker::spawn(
                    move || liaison::waiting(&*ws.connection()?, &actor, id),
                    Message::Waiting,
                );
                return (
                    Task::batch([iced::widget::operation::focus(NAME_INPUT), load]),
                    None,
                );
            }
            Message::Waiting(Ok(lines)) => self.waiting = lines,
            Message::Waiting(Err(e)) => self.failure = Some(Failure::Loading(e)),
            Message::Toggled(id, on) => {
                if on {
                    self.left_out.remove(&id);
                } else {
                    self.left_out.insert(id);
                }
            }
            Message::Close => self.reset(session),
            Message::Name(v) => self.collected_by = v,
            Message::IdCheck(v) => self.id_check = v,
            Message::HandOver if !self.busy => {
                let Some((id, code)) = delegation else {
                    return (Task::none(), None);
                };
                self.busy = true;
                self.failure = None;
                let request = LiaisonRequest {
                    delegation: id,
                    collected_by: self.collected_by.clone(),
                    id_check: self.id_check.clone(),
                    // Untouched, the whole delegation (as the CLI without
                    // --participant); otherwise exactly the ticked ones.
                    participants: if self.left_out.is_empty() {
                        Vec::new()
                    } else {
                        self.ticked()
                    },
                };
                let (ws, actor, tz) = (
                    session.workspace.clone(),
                    session.actor.clone(),
                    session.event.tz(),
                );
                let job = move || {
                    let path = system::new_print_path(&ws, &tz, &format!("receipt-{code}"))?;
                    let mut conn = ws.connection()?;
                    // The receipt is the event's document: its language.
                    let language = accredit::setup::document_language(&conn)?;
                    let s = liaison::hand_over_in(&mut conn, &actor, &request, &path, language)?;
                    Ok((Arc::new(s), path))
                };
                return (worker::spawn(job, Message::HandedOver), None);
            }
            Message::HandOver => {}
            Message::HandedOver(outcome) => {
                self.busy = false;
                match outcome {
                    Ok(done) => {
                        self.done = Some(done);
                        self.open = false;
                        self.collected_by.clear();
                        self.id_check.clear();
                        return (Task::none(), Some(Event::Changed));
                    }
                    Err(e) => self.failure = Some(Failure::HandingOver(e)),
                }
            }
            Message::OpenReceipt => {
                if let Some((_, path)) = &self.done {
                    let path = path.clone();
                    return (
                        worker::spawn(move || system::open_in_viewer(&path), Message::Opened),
                        None,
                    );
                }
            }
            Message::Opened(Ok(())) => {}
            Message::Opened(Err(e)) => self.failure = Some(Failure::Opening(e)),
        }
        (Task::none(), None)
    }

    /// The button that opens the form, or the form, or what it did.
    pub fn view(&self, printed_waiting: u64) -> Element<'_, Message> {
        if !self.allowed {
            return column![].into();
        }
        let mut col = column![].spacing(8);
        if let Some((s, path)) = &self.done {
            col = col.push(
                text(t!(
                    "liaison-handed-over",
                    count = s.handed_over.len(),
                    name = &s.collected_by,
                    receipt = s.collection.to_string(),
                    remaining = s.still_to_come.len(),
                    path = path.display().to_string(),
                ))
                .color(style::OK),
            );
            col = col.push(
                button(text(t!("liaison-open-receipt")))
                    .style(button::secondary)
                    .on_press(Message::OpenReceipt),
            );
        }
        if let Some(failure) = &self.failure {
            let said = match failure {
                Failure::HandingOver(e) => t!("liaison-hand-over-failed", error = e.to_string()),
                Failure::Loading(e) | Failure::Opening(e) => e.to_string(),
            };
            col = col.push(style::error_text(&said));
        }
        if !self.open {
            return col
                .push(
                    button(text(t!("liaison-hand-over-open", count = printed_waiting)))
                        .style(button::secondary)
                        .on_press_maybe((printed_waiting > 0).then_some(Message::Open)),
                )
                .into();
        }
        let chosen = self.waiting.len() - self.left_out.len();
        let may_hand_over = !self.busy && (self.waiting.is_empty() || chosen > 0);
        let name_placeholder = t!("liaison-name-placeholder");
        let id_placeholder = t!("liaison-id-placeholder");
        let mut name = text_input(&name_placeholder, &self.collected_by)
            .id(NAME_INPUT)
            .padding(8)
            .width(Fill);
        let mut id = text_input(&id_placeholder, &self.id_check)
            .id(ID_INPUT)
            .padding(8)
            .width(Fill);
        if !self.busy {
            name = name.on_input(Message::Name);
            id = id.on_input(Message::IdCheck);
            if may_hand_over {
                id = id.on_submit(Message::HandOver);
            }
        }
        let mut badges = column![].spacing(2);
        for line in &self.waiting {
            let participant = line.participant;
            let serial = line.serial.map(|s| s.to_string()).unwrap_or_default();
            badges = badges.push(
                checkbox(!self.left_out.contains(&participant))
                    .label(t!(
                        "liaison-badge-line",
                        name = &line.name,
                        category = &line.category,
                        serial = serial,
                    ))
                    .on_toggle_maybe(
                        (!self.busy).then_some(move |on| Message::Toggled(participant, on)),
                    ),
            );
        }
        let form = column![
            text(t!("liaison-title")).size(16),
            text(t!("liaison-explanation")).size(13),
            text(t!(
                "liaison-chosen",
                chosen = chosen,
                count = self.waiting.len(),
            ))
            .size(13),
            container(scrollable(badges)).max_height(200),
            name,
            id,
            row![
                button(text(if self.busy {
                    t!("liaison-handing-over")
                } else {
                    t!("liaison-hand-over")
                }))
                .on_press_maybe(may_hand_over.then_some(Message::HandOver)),
                button(text(t!("liaison-cancel")))
                    .style(button::text)
                    .on_press_maybe((!self.busy).then_some(Message::Close)),
            ]
            .spacing(10)
            .align_y(Center),
        ]
        .spacing(8);
        col.push(container(form).padding(10).style(container::bordered_box))
            .into()
    }
}
