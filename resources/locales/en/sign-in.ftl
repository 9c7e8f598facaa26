### The sign-in screen: the form, the language picker, the demo's operators (and the role names the operators screen shows too).

sign-in-title = Sign in
sign-in-operator = Operator
sign-in-password = Password
sign-in-submit = Sign in
sign-in-language = Language
sign-in-open-another-directory = Open another data directory…
sign-in-demo-intro = This is the demo conference. Sign in as:
sign-in-demo-operator = { $name } ({ $role }) — password { $password }
sign-in-role-administrator = administrator
sign-in-role-supervisor = supervisor
sign-in-role-clerk = clerk
sign-in-role-gate = gate
sign-in-role-viewer = viewer
