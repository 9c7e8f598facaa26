### The operators screen (administrators): who may sign in, their role, their language and state.

operators-title = Operators
operators-intro = Who may sign in, and what their role lets them do. Operators are never deleted: the audit trail names them.
operators-new-name = New operator's name
operators-new-password = Password (8 characters or more)
operators-add = Add operator
operators-column-operator = Operator
operators-column-role = Role
operators-column-language = Language
operators-column-state = State
operators-state-disabled = disabled
operators-state-locked = locked after failed sign-ins
operators-state-active = active
operators-language-default = machine default
operators-disable = Disable
operators-enable = Enable
operators-set-password = Set password…
operators-new-password-for = New password for { $name }:
operators-password-placeholder = 8 characters or more
operators-save = Save
operators-cancel = Cancel
operators-loading = Loading operators…
operators-added = Added { $name } ({ $role }).
operators-role-changed = { $name } is now { $role }.
operators-enabled = { $name } can sign in again.
operators-disabled = { $name } can no longer sign in.
operators-password-set = New password set for { $name }.
