# The frame of every screen (navigation rail, window title, status bar) and the widgets the screens share.

common-all-delegations = All delegations
common-all-categories = All categories

## Navigation rail and window title
common-tab-participants = Participants
common-tab-import = Import
common-tab-delegations = Delegations
common-tab-print-queue = Print queue
common-tab-vetting = Vetting
common-tab-gate = Gate
common-tab-dashboard = Dashboard
common-tab-operators = Operators
common-tab-settings = Settings
common-window-title-event = Accredit — { $event }
common-window-title-gate = Accredit — Gate
common-opening = Opening…
common-opening-gate = Opening the gate…
common-signed-in-as = { $name } ({ $role })
common-sign-out = Sign out
common-role-administrator = administrator
common-role-supervisor = supervisor
common-role-clerk = clerk
common-role-gate = gate
common-role-viewer = viewer

## The event's dates in the header
common-dates-same-month = { $start_day }–{ $end_day } { $month } { $year }
common-dates-same-year = { $start_day } { $start_month } – { $end_day } { $end_month } { $year }
common-dates-range = { $start } – { $end }

## Status bar
common-event-server = Event server: { $url }
common-data-directory = Data: { $path }
common-participants-count =
    { $count ->
        [one] { $count } participant
       *[other] { $count } participants
    }
common-status-participants = { $participants }: { $counts }
common-status-count = { $status } { $count }
common-status-nominated = Nominated
common-status-approved = Approved
common-status-rejected = Rejected
common-status-cancelled = Cancelled
common-backed-up = Backed up { $time }
common-backup-failed = Automatic backup failed: { $error }
common-counts-failed = Participant counts could not be read: { $error }
common-session-refresh-failed = The event could not be read again after the settings changed: { $error }

## Background jobs, the PDF viewer and the printer
common-error-internal = internal error: the operation stopped unexpectedly (details on stderr)
common-error-not-started = could not start the operation: { $error }
common-error-interrupted = the operation was interrupted
common-viewer-missing = could not open the PDF: { $program } is not installed; the file is { $path }
common-viewer-not-started = could not open the PDF: { $program } could not start ({ $error }); the file is { $path }
common-viewer-refused = { $program } could not open { $path } ({ $status })
common-viewer-refused-said = { $program } could not open { $path } ({ $status }): { $output }
common-printer-not-started = could not start lp ({ $error }); the file is { $path }
common-printer-refused = the printer refused { $path } ({ $status })
common-printer-refused-said = the printer refused { $path } ({ $status }): { $output }

## Pick lists
common-gender-female = Female
common-gender-male = Male
common-gender-other = Other
common-gender-not-given = Not given
common-document-passport = Passport
common-document-diplomatic-passport = Diplomatic passport
common-document-official-passport = Official/service passport
common-document-national-id = National ID card
common-document-laissez-passer = UN laissez-passer
common-document-other = Other
common-layout-a6 = A6 badge
common-layout-card = ID-1 card
common-layout-a4x4 = A4 sheet of 4
common-reprint-lost = Lost
common-reprint-damaged = Damaged
common-reprint-data-changed = Data changed

## Forms and the badge preview
common-confirm-title = Before this change applies
common-apply-anyway = Apply anyway
common-cancel = Cancel
common-colour-black-text = Text on it: black (contrast { $contrast }:1)
common-colour-white-text = Text on it: white (contrast { $contrast }:1)
common-preview-a6 = A6 (each badge of A4 × 4)
common-preview-card = Card (ID-1)
common-preview-drawing = Drawing the badge…
