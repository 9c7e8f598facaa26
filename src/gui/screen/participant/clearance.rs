//! The participant's security clearance in one line: its state, the batch
//! and date it was sent, what the service asks for, and — for those who run
//! vetting only — why it refused.

use iced::Element;
use iced::widget::text;

use crate::gui::screen::participants::clearance_label;
use crate::gui::{Session, style};
use accredit::domain::ClearanceState;
use accredit::t;
use accredit::vetting::ClearanceView;

pub fn line<'a, M: 'a>(c: &ClearanceView, session: &Session) -> Element<'a, M> {
    let state = clearance_label(c.state);
    let mut words = t!("participant-clearance", state = state);
    if let (Some(batch), Some(at)) = (c.batch, c.sent_at) {
        words.push(' ');
        words.push_str(&t!(
            "participant-clearance-batch",
            batch = batch.to_string(),
            time = super::local_time(session, at)
        ));
    }
    if let Some(asked) = c.requested.as_deref().filter(|a| !a.is_empty()) {
        words.push_str(" — ");
        words.push_str(&t!("participant-clearance-asked", asked = asked));
    }
    if let Some(reason) = c.refusal_reason.as_deref().filter(|r| !r.is_empty()) {
        words.push_str(" — ");
        words.push_str(&t!("participant-clearance-reason", reason = reason));
    }
    if !c.required {
        words.push_str(" — ");
        words.push_str(&t!("participant-clearance-not-required"));
    }
    let colour = match (c.required, c.state) {
        (false, _) | (true, ClearanceState::Cleared) => style::OK,
        (true, ClearanceState::Refused) => style::ERROR,
        (true, _) => style::WARNING,
    };
    text(words).size(14).color(colour).into()
}
