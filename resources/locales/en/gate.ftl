# The gate screen: its set-up page, the verdicts, the override form, recent scans, enrolment, the package export and the scans' way home.
gate-title = Gate
gate-cannot-start = The gate cannot start
gate-opening = Opening the gate…
gate-no-checkpoint = the event has no checkpoint yet: add checkpoints in the event's settings
gate-package-line = Offline gate package { $path } — { $holders } badge holders, made { $made } by { $by }
gate-sign-in-to-scan = Sign in to scan
gate-operator = Operator
gate-password = Password
gate-sign-in = Sign in
gate-checkpoint = Checkpoint
gate-checkpoint-choice = { $checkpoint } (zone { $zone })
gate-direction = Direction
gate-entry = Entry
gate-exit = Exit
gate-station = Station
gate-station-placeholder = This gate's name
gate-second-language = Verdicts also in
gate-second-language-none = none
gate-start-scanning = Start scanning
gate-signed-in-as = Signed in as { $name } ({ $role })
gate-role-administrator = administrator
gate-role-supervisor = supervisor
gate-role-clerk = clerk
gate-role-gate = gate
gate-role-viewer = viewer

# Scanning.
gate-place-entry = { $checkpoint } · ENTRY
gate-place-exit = { $checkpoint } · EXIT
gate-scan-placeholder = Scan a badge
gate-change-checkpoint = Change checkpoint
gate-not-checked = NOT CHECKED
gate-not-recorded = The scan could not be recorded: { $error }
gate-scan-again = Scan the badge again.
gate-ready = Ready
gate-ready-hint = Scan a badge: the verdict appears here.
gate-accepted = ACCEPTED
gate-refused = REFUSED
gate-let-through-headline = LET THROUGH
gate-override = Override…
gate-override-title = Let this person through
gate-override-reason = Reason (required)
gate-override-supervisor = Supervisor
gate-override-password = Supervisor's password
gate-override-submit = Let through
gate-override-cancel = Cancel
gate-recent = Recent scans
gate-recent-none = None yet.
gate-recent-let-through = { $name } · let through
gate-no-photo = No photo
gate-holder-unknown = Holder not known to this gate
gate-override-reason-by = Reason: { $reason } (authorised by { $supervisor })
gate-zones = Zones
gate-badge-serial = Badge { $serial }
gate-warning-revocations-minutes = The revocation list is { $minutes } min old: ask the organisers for a new one (accredit gate update-revocations)
gate-warning-revocations-hours = The revocation list is { $hours } h old: ask the organisers for a new one (accredit gate update-revocations)
gate-warning-revocations-days = The revocation list is { $days } days old: ask the organisers for a new one (accredit gate update-revocations)

# The verdicts' words. $zone is the zone's number, $zone_name its name as
# stored; $from, $expired and $since are a time (gate-date-time,
# gate-day-time, or HH:MM alone on the scan's own day).
gate-verdict-entry = Entry to Zone { $zone } — { $zone_name }
gate-verdict-leaving = Leaving Zone { $zone } — { $zone_name }
gate-verdict-malformed = Not a badge code — scan again
gate-verdict-unsupported-version = Badge format not supported by this gate
gate-verdict-unknown-key = Badge not signed by this event — possible forgery
gate-verdict-bad-signature = Invalid signature — forged or altered badge
gate-verdict-wrong-event-code = Badge of another event ({ $event })
gate-verdict-wrong-event = Badge of another event
gate-verdict-not-yet-valid-from = Badge not valid yet — valid from { $from }
gate-verdict-not-yet-valid = Badge not valid yet
gate-verdict-expired-on = Badge expired on { $expired }
gate-verdict-expired = Badge expired
gate-verdict-revoked = Badge revoked
gate-verdict-zone-denied = No access to Zone { $zone } — { $zone_name }
gate-verdict-already-inside-since = Already inside since { $since }
gate-verdict-already-inside = Already inside
gate-verdict-unknown-badge = Badge unknown to this gate — check identity, call a supervisor
gate-verdict-not-a-badge = A letter, not a badge — no entry with it
gate-verdict-entry-only = This checkpoint is for entry only
gate-verdict-exit-only = This checkpoint is for exit only
gate-verdict-no-way-through = Not a way through Zone { $zone } — { $zone_name }
gate-verdict-let-through-by = Let through by { $supervisor }
gate-zone-number = Zone { $zone }
# A time in a verdict: $day is the day's number, $month the month as
# gate-month-short writes it (from the month's number), $year four digits,
# $time HH:MM.
gate-month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
gate-date-time = { $day } { $month } { $year } { $time }
gate-day-time = { $day } { $month } { $time }

# Enrolling a gate laptop.
gate-enrol-title = Enrol this laptop as a gate
gate-enrol-about = A gate opens only packages signed by its event's root. Type the root's fingerprint as the desk shows it (accredit keys root), to take the root from this package, or paste the root public key.
gate-enrol-fingerprint = Fingerprint, e.g. 3F2A 9C01 77B4 E0D2 5A6C 1188 C0DE 42F7
gate-enrol-root = …or the root public key (64 hex digits)
gate-enrol-station = Station name
gate-enrol-submit = Enrol this laptop

# The offline gate package.
gate-export-dialog = Save the gate package
gate-export-title = Offline gate package
gate-export-about = For a gate laptop with no network: the checkpoints it serves, every active badge's holder with a small photo, the trust and revocation lists.
gate-export-fingerprint = Enrol each gate laptop with this event's root fingerprint:
gate-export-writing = Writing the package…
gate-export-save = Save gate package…
gate-export-done = Wrote { $file }: { $holders } badge holders, { $photos } photos, revocation list { $revocations }.

# Scans on their way home.
gate-scans-filter = Gate scans
gate-scans-save-dialog = Save this gate's scans for the desk
gate-scans-import-dialog = Bring home the scans of an offline gate
gate-scans-save-title = Scans for the desk
gate-scans-save-about = Save the scans this gate made, signed by this station, to bring them to the desk on a USB stick.
gate-scans-save = Save the scans…
gate-scans-import-title = Scans from offline gates
gate-scans-import-about = Bring home the file an offline gate saved. Only a file signed by a station this event enrolled, and unchanged, is taken.
gate-scans-import = Bring scans home…
gate-scans-working = Working…
gate-scans-saved = Saved { $count } scans to { $file }.
gate-scans-imported = Imported { $count } new scans ({ $already } already here) from station { $station }.
gate-scans-refused = Scans refused: { $error }
