# The documents that take --lang: the attendance report (PDF, XLSX), the liaison officer's badge collection receipt, and the letters to delegates.

## Shared by every document

doc-page = Page { $page } of { $pages }
# An event's dates: "25–26 October 2025", "30 October – 2 November 2025".
doc-dates-same-month = { $start_day }–{ $end_day } { $month } { $year }
doc-dates-same-year = { $start_day } { $start_month } – { $end_day } { $end_month } { $year }
doc-dates-years = { $start } – { $end }
# Identity documents, as a letter names them.
doc-document-passport = Passport
doc-document-diplomatic-passport = Diplomatic passport
doc-document-official-passport = Official/service passport
doc-document-national-id = National ID card
doc-document-laissez-passer = UN laissez-passer
doc-document-other = Other

## Attendance report: the PDF's title, cards, chart and footer

doc-report-title = Attendance report
doc-report-document-title = Attendance report — { $event }
doc-report-footer = { $event } · Attendance report · { $scope } · figures as of { $as_of } ({ $zone })
doc-report-figures-as-of = Figures as of { $moment } ({ $zone })
# A date and a time: "25 October 2025, 09:00".
doc-report-moment = { $date }, { $time }
doc-report-percent = { $percent } %
doc-report-continued = { $title } (continued)
doc-report-scope-all = All participants
doc-report-scope-delegation = Delegation { $delegation }
doc-report-scope-session-delegation = { $session } · delegation { $delegation }
doc-report-card-invited = Invited
doc-report-card-approved-and-invited = approved and invited
doc-report-card-attended = Attended
doc-report-card-checked-in = { $count } checked in by protocol
doc-report-card-invited-there = Invited and there
doc-report-card-of-the-invited = { $share } of the invited
doc-report-card-invited-not-there = Invited, not there
doc-report-card-attended-not-invited = Attended, not invited
doc-report-card-staff-security-media = staff, security, media…
doc-report-card-states-at-session = States at the session
doc-report-card-organisations-there = Organisations there
doc-report-card-of-states-invited = of { $count } invited
doc-report-card-of-organisations-invited = of { $count } invited
doc-report-card-with-someone-there = delegations with someone there
doc-report-card-when = When
doc-report-card-until = { $date } until { $time }
doc-report-card-awaiting = { $count } awaiting a decision
doc-report-card-rejected-cancelled = { $rejected } rejected · { $cancelled } cancelled
doc-report-card-badges-printed = Badges printed
doc-report-card-of-the-approved = { $share } of the approved
doc-report-card-badges-collected = Badges collected
doc-report-card-of-those-printed = { $share } of those printed
doc-report-card-inside-a-zone = inside at least one zone
doc-report-card-states-represented = States represented
doc-report-card-organisations-represented = Organisations represented
doc-report-card-of-states-registered = of { $count } registered
doc-report-card-of-organisations-registered = of { $count } registered
doc-report-card-sessions-attended = Sessions attended
doc-report-card-of-programme = of { $count } in the programme
doc-report-card-first-arrival = First arrival
doc-report-open-value = open
doc-report-chart-empty = Nobody has come through a checkpoint yet.
doc-report-chart-entries = Entries: passages into any zone
doc-report-chart-first-arrivals = First arrivals: people coming in for the first time

## Attendance report: the tables (PDF headings, XLSX sheet names and header rows)

doc-report-yes = yes
doc-report-about-title = About this report
doc-report-pipeline-title = Accreditation and attendance
doc-report-representation-title = States and organisations represented
doc-report-categories-title = By category
doc-report-zones-title = Occupancy per zone now
doc-report-sessions-title = Sessions
doc-report-delegations-title = Delegations
doc-report-days-title = Arrivals per day
doc-report-quarter-hours-title = Arrivals per quarter-hour
doc-report-session-title = Session
doc-report-session-delegations-title = Delegations at the session
doc-report-participants-title = Participants
doc-report-about-report = Report
doc-report-attendance = Attendance
doc-report-about-event = Event
doc-report-about-venue = Venue
doc-report-about-dates = Dates
doc-report-about-covers = Covers
doc-report-about-as-of = Figures as of
doc-report-stage-nominated = Nominations received
doc-report-stage-pending = Awaiting a decision
doc-report-stage-approved = Approved
doc-report-stage-rejected = Rejected
doc-report-stage-cancelled = Cancelled
doc-report-stage-printed = Badge printed
doc-report-stage-collected = Badge collected
doc-report-stage-arrived = Arrived at least once
doc-report-stage-present = Present now
doc-report-pipeline-note = Participants at each stage.
doc-report-all-states = All states
doc-report-all-organisations = All organisations
doc-report-representation-note = Delegations registered (someone approved) and arrived (someone came in); organisations exclude media and the host.
doc-report-categories-note = Printed and collected: a badge of theirs was printed, handed over.
doc-report-zones-note = Inside: their last passage into or out of the zone was an entry.
doc-report-sessions-note = Attended: came into the session's zone from 30 minutes before its start to its end, or checked in. Invited: approved and invited. Of invited, uninvited: those who attended.
doc-report-delegations-note = Nobody yet: someone approved, nobody arrived.
doc-report-arrivals-note = Entries: passages into any zone. First arrivals: people coming in for the first time.
doc-report-session-delegations-note = Every delegation invited or with someone who attended.
doc-report-participants-session-note = Everyone invited (and approved) or attending.
doc-report-participants-note = Inside now: zone codes. Sessions: sessions attended.
doc-report-open-session = open session
doc-report-by-invitation = By invitation
doc-report-open = Open
doc-report-figure-session = Session
doc-report-figure-when = When
doc-report-figure-zone = Zone
doc-report-figure-admission = Admission
doc-report-figure-invited = Invited
doc-report-figure-attended = Attended
doc-report-figure-attended-invited = Attended, invited
doc-report-figure-attended-uninvited = Attended, not invited
doc-report-figure-checked-in = Checked in
doc-report-figure-states-invited = States invited
doc-report-figure-states-attending = States attending
doc-report-figure-organisations-invited = Organisations invited
doc-report-figure-organisations-attending = Organisations attending
doc-report-col-field = Field
doc-report-col-value = Value
doc-report-col-stage = Stage
doc-report-col-participants = Participants
doc-report-col-kind = Kind
doc-report-col-delegations = Delegations
doc-report-col-registered = Registered
doc-report-col-arrived = Arrived
doc-report-col-delegations-arrived = Arrived
doc-report-col-approved-people = Approved people
doc-report-col-people-arrived = People arrived
doc-report-col-nominated = Nominated
doc-report-col-approved = Approved
doc-report-col-printed = Printed
doc-report-col-collected = Collected
doc-report-col-present = Present
doc-report-col-code = Code
doc-report-col-category = Category
doc-report-col-zone = Zone
doc-report-col-name = Name
doc-report-col-inside = Inside
doc-report-col-session = Session
doc-report-col-when = When
doc-report-col-invited = Invited
doc-report-col-attended = Attended
doc-report-col-of-invited = Of invited
doc-report-col-uninvited = Uninvited
doc-report-col-check-ins = Check-ins
doc-report-col-delegation = Delegation
doc-report-col-nobody-yet = Nobody yet
doc-report-col-date = Date
doc-report-col-entries = Entries
doc-report-col-first-arrivals = First arrivals
doc-report-col-from = From
doc-report-col-figure = Figure
doc-report-col-absent = Absent
doc-report-col-checked-in = Checked in
doc-report-col-first-arrival = First arrival
doc-report-col-status = Status
doc-report-col-inside-now = Inside now
doc-report-col-sessions = Sessions
doc-report-kind-member-state = Member state
doc-report-kind-observer-state = Observer state
doc-report-kind-un-entity = UN entity
doc-report-kind-intergovernmental = Intergovernmental organisation
doc-report-kind-regional = Regional organisation
doc-report-kind-financial = Financial institution
doc-report-kind-ngo = NGO
doc-report-kind-academia = Academia
doc-report-kind-media = Media
doc-report-kind-host = Host / organiser
doc-report-status-nominated = Nominated
doc-report-status-approved = Approved
doc-report-status-rejected = Rejected
doc-report-status-cancelled = Cancelled

## Badge collection receipt (a delegation's liaison officer)

doc-receipt-title = Badge collection receipt
doc-receipt-document-title = Badge collection receipt { $number } — { $delegation }
doc-receipt-footer = { $event } · Badge collection receipt No. { $number } · { $delegation }
doc-receipt-number-label = Receipt
doc-receipt-number = No. { $number }
doc-receipt-delegation = Delegation
doc-receipt-collected-by = Collected by
doc-receipt-identity-document = Identity document
doc-receipt-handed-over = Handed over
doc-receipt-clerk = Desk clerk
doc-receipt-badges = Badges
doc-receipt-badges-count = { $handed_over } handed over, { $to_come } still to come
doc-receipt-badges-handed-over = Badges handed over
doc-receipt-still-to-come = Still to come
doc-receipt-col-name = Name
doc-receipt-col-category = Category
doc-receipt-col-serial = Serial
doc-receipt-note-awaiting-clearance = awaiting clearance
doc-receipt-note-not-approved = not approved yet
doc-receipt-note-not-printed = not printed yet
doc-receipt-statement = The liaison officer received the badges listed above for the delegation and will hand each to its holder.
doc-receipt-handed-over-by = Handed over by (accreditation desk)
doc-receipt-received-by = Received by (liaison officer)

## Letters to delegates

doc-letter-kind-acknowledgement = Acknowledgement of accreditation
doc-letter-kind-visa = Visa support letter
doc-letter-document-title = { $kind } — { $event }
doc-letter-footer = { $event } · { $kind } · participant { $participant }
doc-letter-code-line = { $kind } · participant { $participant }
doc-letter-code-note = Signed code: scanned at the accreditation desk, it opens this participant's record. This letter is not a badge and gives no access to the venue.
# The default templates. Each { $name } becomes a {name} placeholder of the template an administrator may edit; paragraphs are separated by a blank line.
doc-letter-signatory = The Accreditation Office
doc-letter-acknowledgement-subject = Accreditation to { $event }
doc-letter-acknowledgement-body =
    Dear { $name },

    The organisers of { $event }, held at { $venue } on { $dates }, acknowledge your accreditation as { $function } of the delegation of { $delegation } ({ $category }).

    Please collect your badge at the accreditation desk with the identity document you were nominated with ({ $document_type } { $document_number }).

    We look forward to welcoming you.
doc-letter-visa-subject = Visa application in support of participation in { $event }
doc-letter-visa-body =
    To the consular authorities concerned,

    The organisers of { $event }, held at { $venue } on { $dates }, confirm that { $name }, born on { $date_of_birth }, national of { $nationality }, holder of { $document_type } { $document_number } valid until { $document_expiry }, is accredited as { $function } of the delegation of { $delegation }.

    We would be grateful for any assistance in granting the visa needed to attend the conference.

    This letter does not give access to the venue; the accreditation badge does.
