//! The participant's security clearance in one line: its state, the batch
//! and date it was sent, what the service asks for, and — for those who run
//! vetting only — why it refused.

use iced::Element;
use iced::widget::text;

use crate::domain::ClearanceState;
use crate::gui::{Session, style};
use crate::vetting::ClearanceView;

pub fn line<'a, M: 'a>(c: &ClearanceView, session: &Session) -> Element<'a, M> {
    let mut words = format!("Security clearance: {}", c.state.label());
    if let (Some(batch), Some(at)) = (c.batch, c.sent_at) {
        words.push_str(&format!(
            " (batch {batch}, sent {})",
            session.event.local_time(at)
        ));
    }
    if let Some(asked) = c.requested.as_deref().filter(|a| !a.is_empty()) {
        words.push_str(&format!(" — asked for: {asked}"));
    }
    if let Some(reason) = c.refusal_reason.as_deref().filter(|r| !r.is_empty()) {
        words.push_str(&format!(" — reason: {reason}"));
    }
    if !c.required {
        words.push_str(" — not required for this participant");
    }
    let colour = match (c.required, c.state) {
        (false, _) | (true, ClearanceState::Cleared) => style::OK,
        (true, ClearanceState::Refused) => style::ERROR,
        (true, _) => style::WARNING,
    };
    text(words).size(14).color(colour).into()
}
