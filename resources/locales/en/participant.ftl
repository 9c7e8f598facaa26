# One participant at the desk: the form, photo, status, badge actions, badge history and audit trail.

## Opening, the header and saving
participant-unreadable = Participant { $id } could not be read: { $error }
participant-back-to-list = Back to the list
participant-opening = Opening participant { $id }…
participant-id-tag = · participant { $id }
participant-not-saved = Not saved: { $reason }
participant-saved-at = ✔ Saved at { $time }
participant-unsaved = Unsaved changes
participant-back = ← List
participant-revert = Revert
participant-save-shortcut = Save  (Ctrl+S)
participant-save = Save
participant-discard-question = This participant has unsaved changes.
participant-discard = Discard changes
participant-keep-editing = Keep editing
participant-keys-hint = Ctrl+S saves · Esc goes back to the list · Tab moves between fields
participant-no-changes = there are no changes to save
participant-fix-fields-first =
    { $count ->
        [one] fix the 1 field marked in red first
       *[other] fix the { $count } fields marked in red first
    }
participant-fix-fields =
    { $count ->
        [one] fix the 1 field marked in red
       *[other] fix the { $count } fields marked in red
    }

## The form
participant-section-name = Name
participant-section-delegation = Delegation and category
participant-section-identity = Identity
participant-section-contact = Contact
participant-section-access = Access and notes
participant-label-delegation = Delegation
participant-label-category = Category
participant-label-gender = Gender
participant-label-document-type = Document type
participant-field-given-names = Given names
participant-field-family-name = Family name
participant-field-badge-name = Name on the badge (if not given names + FAMILY NAME)
participant-field-function = Function / title
participant-field-nationality = Nationality (ISO alpha-3)
participant-field-date-of-birth = Date of birth
participant-field-document-number = Document number
participant-field-document-expiry = Document expiry
participant-field-email = E-mail
participant-field-phone = Phone
participant-field-zones-added = Zones added (e.g. 4;5)
participant-field-zones-removed = Zones removed
participant-field-notes = Notes
participant-field-reference = Delegation's reference

## The photo
participant-section-photo = Photo
participant-no-photo = No photo
participant-photo-path = Path of a photo file
participant-choose-file = Choose file…
participant-use-photo = Use this photo
participant-photo-hint = Cropped to 3:4 and resized by Accredit. No dialog? Type the path.
participant-photo-path-needed = Type the path of the photo file, or choose it.
participant-photo-dialog-title = Choose the participant's photo
participant-photo-dialog-filter = Photos
participant-photo-not-a-file = { $path } is not a file
participant-photo-too-large = { $path } is { $size } MB; a photo file must be under { $limit } MB

## Status
participant-status = Status
participant-approve = Approve
participant-renominate = Back to nominated
participant-needs-supervisor = Approving, rejecting and cancelling need a supervisor.
participant-status-reason = Reason (needed to reject, or to approve past a quota)
participant-reject = Reject
participant-cancel = Cancel

## The badge
participant-badge = Badge
participant-clearance = Security clearance: { $state }
participant-clearance-batch = (batch { $batch }, sent { $time })
participant-clearance-asked = asked for: { $asked }
participant-clearance-reason = reason: { $reason }
participant-clearance-not-required = not required for this participant
participant-badge-line-unprinted = Badge { $serial } · zones { $zones } · not printed yet
participant-badge-line-printed = Badge { $serial } · zones { $zones } · printed { $count }×, last { $time }
participant-badge-line-printed-untimed = Badge { $serial } · zones { $zones } · printed { $count }×
participant-handed-over = Handed over { $time } by { $operator }: { $check }
participant-changed-since-issue = The details or photo changed after badge { $serial } was issued: reprint it (data changed) if the badge must show them.
participant-no-badge-yet = No badge yet.
participant-only-approved = Only approved participants get a badge.
participant-print = Print badge
participant-print-again = Print again (same badge)
participant-print-again-question = Badge { $serial } was handed over: its holder has a card. Print a second card with the same serial?
participant-print-again-yes = Yes, print it again
participant-print-again-no = No
participant-badge-not-valid = This badge is not valid for the event: { $warning }.
participant-print-anyway = Print anyway
participant-dont-print = Don't print
participant-reprint-label = Reprint, new serial:
participant-reprint = Reprint
participant-id-check = ID document checked
participant-id-check-seen = { $document } { $number } seen
participant-hand-over = Hand over
participant-revoke-reason = Reason to revoke
participant-revoke-reason-supervisor = Reason to revoke (a supervisor revokes)
participant-revoke = Revoke
participant-open-pdf = Open PDF
participant-send-to-printer = Send to printer

## What an action is doing, what it did, and why it failed ({ $error } is the application's own explanation)
participant-busy-save = Saving…
participant-busy-approve = Approving…
participant-busy-reject = Rejecting…
participant-busy-cancel = Cancelling…
participant-busy-renominate = Putting back to nominated…
participant-busy-print = Printing…
participant-busy-reprint = Reprinting…
participant-busy-revoke = Revoking…
participant-busy-hand-over = Handing over…
participant-busy-photo = Replacing the photo…
participant-busy-open-pdf = Opening the PDF…
participant-busy-send-pdf = Sending to the printer…
participant-failed-save = Saving failed: { $error }
participant-failed-approve = Approving failed: { $error }
participant-failed-reject = Rejecting failed: { $error }
participant-failed-cancel = Cancelling failed: { $error }
participant-failed-renominate = Putting back to nominated failed: { $error }
participant-failed-print = Printing failed: { $error }
participant-failed-reprint = Reprinting failed: { $error }
participant-failed-revoke = Revoking failed: { $error }
participant-failed-hand-over = Handing over failed: { $error }
participant-failed-photo = Replacing the photo failed: { $error }
participant-failed-open-pdf = Opening the PDF failed: { $error }
participant-failed-send-pdf = Sending to the printer failed: { $error }
participant-done-approved = Approved
participant-done-rejected = Rejected
participant-done-cancelled = Cancelled
participant-done-renominated = Back to nominated
participant-done-printed-new = New badge { $serial } → { $path }
participant-done-printed-again = Badge printed again: { $serial } → { $path }
participant-done-reprinted = New badge { $serial } ({ $reason }) → { $path }
participant-done-reprinted-replacing = New badge { $serial } ({ $reason }) (badge { $old } revoked) → { $path }
participant-done-revoked = Badge { $serial } revoked: no gate lets it through any more
participant-done-handed-over = Badge { $serial } handed over ({ $check })
participant-done-photo = Photo replaced from { $path }
participant-done-opened = Opened { $path }
participant-done-sent = Sent to the printer: { $answer }

## Badge history
participant-badge-history = Badge history
participant-no-badge-ever = No badge was ever issued.
participant-badge-serial = Badge { $serial }
participant-badge-active = active
participant-badge-revoked = revoked
participant-badge-issued = issued { $time } by { $operator }
participant-badge-printed = printed { $time } by { $operator } ({ $kind })
participant-badge-handed-over = handed over { $time } by { $operator }: { $check }
participant-badge-revoked-at = revoked { $time }: { $reason }
participant-print-kind-new = new
participant-print-kind-again = again
participant-print-kind-lost = lost
participant-print-kind-damaged = damaged
participant-print-kind-data-change = data-change

## The audit trail
participant-history = History
participant-history-created = Nominated
participant-history-edited = Edited: { $changes }
participant-history-photo = Photo replaced
participant-history-approved = Approved
participant-history-rejected = Rejected: { $reason }
participant-history-cancelled = Cancelled
participant-history-cancelled-because = Cancelled: { $reason }
participant-history-renominated = Back to nominated
participant-history-badge-issued = New badge { $serial } (zones { $zones })
participant-history-badge-printed = Badge { $serial } printed ({ $kind })
participant-history-badge-reprinted = Badge { $serial } printed to replace a badge ({ $reason })
participant-history-badge-revoked = Badge { $serial } revoked: { $reason }
participant-history-badge-handed-over = Badge { $serial } handed over: { $check }
participant-history-change = { $field }: { $before } → { $after }
participant-history-details = details
participant-history-empty = (empty)
participant-history-quoted = “{ $value }”
participant-history-field-given-names = Given names
participant-history-field-family-name = Family name
participant-history-field-badge-name = Badge name
participant-history-field-function = Function
participant-history-field-gender = Gender
participant-history-field-nationality = Nationality
participant-history-field-date-of-birth = Date of birth
participant-history-field-document = Document
participant-history-field-email = E-mail
participant-history-field-phone = Phone
participant-history-field-zones-added = Zones added
participant-history-field-zones-removed = Zones removed
participant-history-field-notes = Notes
participant-history-field-reference = Reference
participant-history-field-delegation = Delegation
participant-history-field-category = Category
