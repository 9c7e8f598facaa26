//! The navigation rail follows the operator's role.

use crate::gui::desk::Tab;
use accredit::auth::Actor;
use accredit::domain::Role;

fn actor(role: Role) -> Actor {
    Actor {
        operator: Some(1),
        name: role.as_str().into(),
        role,
    }
}

#[test]
fn the_rail_shows_only_what_the_role_may_do() {
    let tabs = |role| Tab::visible_to(&actor(role));
    assert_eq!(tabs(Role::Gate), [Tab::Gate]);
    assert_eq!(tabs(Role::Viewer), [Tab::Dashboard]);
    assert_eq!(
        tabs(Role::Clerk),
        [
            Tab::Participants,
            Tab::Import,
            Tab::Delegations,
            Tab::PrintQueue
        ]
    );
    assert_eq!(
        tabs(Role::Supervisor),
        [
            Tab::Participants,
            Tab::Import,
            Tab::Delegations,
            Tab::PrintQueue,
            Tab::Vetting,
            Tab::Gate,
            Tab::Dashboard
        ]
    );
    assert_eq!(tabs(Role::Administrator), Tab::ALL);
}
