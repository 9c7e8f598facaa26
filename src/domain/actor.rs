//! Who is acting, with their role; what they may do is [`Permission`].

use super::{OperatorId, Permission, Role};
use crate::error::{Error, Result};

/// Who is acting: the signed-in operator, with their role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub operator: Option<OperatorId>,
    pub name: String,
    pub role: Role,
}

impl Actor {
    /// The application itself, for setting up a new store (the demo, `init`)
    /// before any operator exists. It has every permission.
    pub fn system() -> Actor {
        Actor {
            operator: None,
            name: "system".into(),
            role: Role::Administrator,
        }
    }

    pub fn may(&self, permission: Permission) -> bool {
        permission.allowed_for(self.role)
    }

    /// An error naming the operator, their role and the refused action.
    pub fn require(&self, permission: Permission) -> Result<()> {
        if self.may(permission) {
            Ok(())
        } else {
            Err(Error::PermissionDenied {
                operator: self.name.clone(),
                role: self.role.as_str().into(),
                action: permission.describe(),
            })
        }
    }
}
