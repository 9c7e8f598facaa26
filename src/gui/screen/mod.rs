//! One module per screen. Each has its own `State`, `Message`, an `update`
//! that returns a `Task` and, when the rest of the application must react, an
//! outbound `Event`; `view` only draws.

pub mod dashboard;
pub mod participants;
pub mod sign_in;
pub mod welcome;
