# Settings screen: event and badge, categories, zones, checkpoints, sessions, delegations, vetting and letters.

## The screen and what its sections share

settings-section-event = Event and badge
settings-section-categories = Categories
settings-section-zones = Zones
settings-section-checkpoints = Checkpoints
settings-section-sessions = Sessions
settings-section-delegations = Delegations
settings-section-vetting = Vetting and letters
settings-read-only = { $name } ({ $role }) may look at the set-up; only an administrator changes it.
settings-role-administrator = administrator
settings-role-supervisor = supervisor
settings-role-clerk = clerk
settings-role-gate = gate
settings-role-viewer = viewer
settings-loading = Reading the set-up…
settings-save = Save
settings-remove = Remove
settings-saving = Saving…
settings-badge-preview = Badge preview
settings-sample-long-name = Long name
settings-sample-arabic-name = Arabic name

## Event and badge

settings-event-code = Code (signed into every badge)
settings-event-name = Name
settings-event-venue = Venue
settings-event-time-zone = Time zone
settings-event-first-day = First day
settings-event-last-day = Last day
settings-event-badges-from = Badges valid from (local time)
settings-event-badges-until = Badges valid until (local time)
settings-event-title-band = Title band (empty: the event's name)
settings-event-footer = Footer line
settings-event-band-colour = Title band colour
settings-event-default-layout = Default layout
settings-event-layout-a6 = a6
settings-event-layout-card = card
settings-event-layout-a4x4 = a4x4
settings-event-logo = Logo (left of the title band)
settings-event-logo-new = New image, { $size } KB — not saved yet
settings-event-logo-stored = An image of { $size } KB
settings-event-logo-removed = None — removed, not saved yet
settings-event-logo-none = None
settings-event-logo-choose = Choose an image…
settings-event-logo-dialog = Choose the event's logo
settings-event-logo-filter = Images
settings-event-undo = Undo changes
settings-event-preview-note = A sample participant without a photo, drawn by the code that prints. Not saved settings show here first.
settings-event-nothing-to-change = Nothing to change.
settings-event-saved = Saved: { $settings }.
settings-event-saved-new-key = Saved: { $settings }. A new signing key ({ $key }) covers the new badge window: give the gates the new trust list.
settings-event-changed-code = code
settings-event-changed-name = name
settings-event-changed-venue = venue
settings-event-changed-time-zone = time_zone
settings-event-changed-start-date = start_date
settings-event-changed-end-date = end_date
settings-event-changed-badge-valid-from = badge_valid_from
settings-event-changed-badge-valid-until = badge_valid_until
settings-event-changed-title-band = title_band
settings-event-changed-footer = footer
settings-event-changed-band-colour = band_colour
settings-event-changed-default-layout = default_layout
settings-event-changed-logo = logo

## Categories

settings-category-title = Categories
settings-category-new = New category
settings-category-edit = Edit the category
settings-category-line = zones { $zones } · { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}
settings-category-zones-none = none
settings-category-code = Code
settings-category-name = Name (printed on the badge)
settings-category-name-example = Delegate
settings-category-colour = Colour
settings-category-default-zones = Default zones
settings-category-order = Order
settings-category-quota = Default quota per delegation
settings-category-quota-none = none
settings-category-added = Added the category { $code }.
settings-category-saved = Saved the category { $code }.
settings-category-removed = Removed the category { $code }.
settings-category-to-reprint = { $count ->
    [one] { $count } badge to reprint (reason data-change):
   *[other] { $count } badges to reprint (reason data-change):
}
settings-category-badge-zones = carries zones { $carries }, should open { $opens }
settings-category-badge-zones-not-printed = carries zones { $carries }, should open { $opens } (not printed yet)
settings-category-badges-more = … and { $count } more (accredit categories edit CODE --list-affected lists them all)

## Zones

settings-zone-title = Zones
settings-zone-new = New zone
settings-zone-heading = Zone { $number }
settings-zone-number-note = Badges carry and print zone numbers: a zone keeps its number; its code and name can change.
settings-zone-number = Number (1–64)
settings-zone-code = Code
settings-zone-name = Name (shown at the gates)
settings-zone-name-example = VIP lounge
settings-zone-not-used = not used
settings-zone-used-by-categories = categories { $categories }
settings-zone-used-by-checkpoints = { $count } checkpoint(s)
settings-zone-used-by-sessions = { $count } session(s)
settings-zone-used-by-badges = { $count } badge(s)
settings-zone-added = Added zone { $number } { $code }.
settings-zone-saved = Saved zone { $number } { $code }.
settings-zone-removed = Removed zone { $number }.

## Checkpoints

settings-checkpoint-title = Checkpoints
settings-checkpoint-new = New checkpoint
settings-checkpoint-edit = Edit the checkpoint
settings-checkpoint-none-yet = No checkpoint yet: add the venue's doors, each with the zone it opens into.
settings-checkpoint-line = zone { $zone } · { $directions }
settings-checkpoint-name-label = Name
settings-checkpoint-name-example = Gate A — main entrance
settings-checkpoint-zone = Zone it opens into
settings-checkpoint-directions = Directions
settings-checkpoint-both-ways = Entry and exit
settings-checkpoint-entry-only = Entry only
settings-checkpoint-exit-only = Exit only
settings-checkpoint-added = Added the checkpoint "{ $name }".
settings-checkpoint-saved = Saved the checkpoint "{ $name }".
settings-checkpoint-removed = Removed the checkpoint "{ $name }".

## Sessions

settings-session-title = Sessions
settings-session-new = New session
settings-session-edit = Edit the session
settings-session-none-yet = No session yet: add the programme (opening, plenary, signing ceremony…).
settings-session-line = { $start } – { $end } · zone { $zone }
settings-session-line-by-invitation = { $start } – { $end } · zone { $zone } · by invitation
settings-session-name-label = Name
settings-session-name-example = Opening ceremony
settings-session-zone = Zone
settings-session-start = Start ({ $time_zone })
settings-session-end = End
settings-session-time-placeholder = YYYY-MM-DDTHH:MM
settings-session-invitation-only = By invitation only
settings-session-delegations-invited = Delegations invited: { $count }
settings-session-filter-delegations = Filter delegations
settings-session-participants-invited = Participants invited: { $count }
settings-session-participant-id = participant { $id }
settings-session-find-participant = Find a participant by name or document
settings-session-find = Find
settings-session-finding = Finding…
settings-session-invite = Invite
settings-session-invited = Invited
settings-session-added = Added the session "{ $name }".
settings-session-saved = Saved the session "{ $name }".
settings-session-removed = Removed the session "{ $name }".

## Delegations

settings-delegation-title = Delegations ({ $count })
settings-delegation-new-custom = New custom delegation
settings-delegation-filter = Filter by code or name
settings-delegation-none-yet = No delegation yet: add them from the reference lists on the right.
settings-delegation-reference-title = Add from the reference lists
settings-delegation-reference-search = Search { $count } states and the usual organisations (e.g. cote, unodc)
settings-delegation-reference-add = Add
settings-delegation-reference-added = Added
settings-delegation-reference-none = Not in the lists: type it in below as a custom delegation.
settings-delegation-new = New delegation
settings-delegation-edit = Edit the delegation
settings-delegation-code = Code
settings-delegation-name = Name (printed on badges)
settings-delegation-kind = Kind
settings-delegation-focal-point = Focal point
settings-delegation-focal-point-email = Focal point's e-mail
settings-delegation-quotas = Quotas per category (empty: the category's default)
settings-delegation-quota-default = { $quota } (default)
settings-delegation-quota-none = none
settings-delegation-added = Added the delegation { $code } ({ $name }).
settings-delegation-saved = Saved the delegation { $code } ({ $name }).
settings-delegation-removed = Removed the delegation { $code } ({ $name }).
settings-delegation-kind-member-state = Member state
settings-delegation-kind-observer-state = Observer state
settings-delegation-kind-un-entity = UN entity
settings-delegation-kind-intergovernmental = Intergovernmental organisation
settings-delegation-kind-regional = Regional organisation
settings-delegation-kind-financial = Financial institution
settings-delegation-kind-ngo = NGO
settings-delegation-kind-academia = Academia
settings-delegation-kind-media = Media
settings-delegation-kind-host = Host / organiser

## Vetting and letters

settings-clearance-title = Security clearance
settings-clearance-help = Whether the host's security service must clear a participant before a badge is printed or handed over: off, all, or category codes separated by ; (e.g. MED;SEC).
settings-clearance-required = Clearance required
settings-clearance-placeholder = off, all, or MED;SEC
settings-clearance-save = Save clearance
settings-clearance-saved-off = Saved: clearance is not required.
settings-clearance-saved-all = Saved: clearance is required for every category.
settings-clearance-saved-categories = Saved: clearance is required for { $categories }.
settings-letter-title = Letters for delegates
settings-letter-kind-acknowledgement = Acknowledgement of accreditation
settings-letter-kind-visa = Visa support letter
settings-letter-subject = Subject
settings-letter-subject-placeholder = Subject line
settings-letter-body = Text (paragraphs separated by a blank line)
settings-letter-signatory = Signatory
settings-letter-signatory-placeholder = e.g. The Accreditation Office
settings-letter-placeholders = Placeholders: { $placeholders }
settings-letter-save = Save template
settings-letter-saved-acknowledgement = Saved: the Acknowledgement of accreditation template.
settings-letter-saved-visa = Saved: the Visa support letter template.
settings-letter-placeholder-name = the name as printed on the badge
settings-letter-placeholder-given-names = given names
settings-letter-placeholder-family-name = family name
settings-letter-placeholder-function = function or title
settings-letter-placeholder-delegation = the delegation's name
settings-letter-placeholder-category = the badge category's name
settings-letter-placeholder-nationality = nationality (ISO code)
settings-letter-placeholder-date-of-birth = date of birth
settings-letter-placeholder-document-type = identity document's type
settings-letter-placeholder-document-number = identity document's number
settings-letter-placeholder-document-expiry = identity document's expiry
settings-letter-placeholder-event = the event's name
settings-letter-placeholder-venue = the venue
settings-letter-placeholder-dates = the event's dates
settings-documents-language = Letters, receipts and reports are written in
settings-documents-language-help = Vietnamese and French documents are translated; the other languages give the English documents. A command's --lang chooses another language for one document.
settings-documents-language-saved = Documents are now written in { $language }.
