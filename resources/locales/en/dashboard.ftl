# The organisers' dashboard (Attendance tab): its figures, arrivals chart, sessions and delegations, and the list of people behind a number.
dashboard-computing = Computing the figures…
dashboard-every-session = Every session
dashboard-title = Attendance
dashboard-report-for = Report for
dashboard-export-writing = Writing the { $format } report…
dashboard-export-saved = Saved to { $path }
dashboard-as-of-live = Figures as of { $time } ({ $zone }) · updates by itself · { $event }
dashboard-as-of-simulated = Figures as of { $time } ({ $zone }) · clock set by ACCREDIT_NOW · { $event }

## The arrivals chart
dashboard-arrivals-title = Arrivals over time
dashboard-legend-entries = Entries (passages into any zone)
dashboard-legend-first-arrivals = First arrivals
dashboard-chart-quarter-hours = Per 15 minutes
dashboard-chart-days = Per day
dashboard-chart-empty = Nobody has come through a checkpoint yet.
dashboard-chart-bar = { $when } · { $entries } entries · { $first } first arrivals (click for the people)

## Column headers
dashboard-col-code = Code
dashboard-col-delegation = Delegation
dashboard-col-nominated = Nominated
dashboard-col-approved = Approved
dashboard-col-printed = Printed
dashboard-col-collected = Collected
dashboard-col-arrived = Arrived
dashboard-col-present = Present
dashboard-col-first-arrival = First arrival
dashboard-col-kind = Kind
dashboard-col-registered = Registered
dashboard-col-category = Category
dashboard-col-zone = Zone
dashboard-col-inside-now = Inside now
dashboard-col-session = Session
dashboard-col-when = When
dashboard-col-invited = Invited
dashboard-col-attended = Attended
dashboard-col-of-invited = Of invited
dashboard-col-uninvited = Uninvited
dashboard-col-check-ins = Check-ins

## The pipeline's cards
dashboard-percent = { $percent } %
dashboard-card-nominated = Nominated
dashboard-card-nominated-note = received
dashboard-card-pending = Awaiting decision
dashboard-card-pending-note = not yet approved
dashboard-card-approved = Approved
dashboard-card-approved-note = { $count } rejected
dashboard-card-cleared = Cleared
dashboard-card-printed = Badges printed
dashboard-card-collected = Collected
dashboard-card-arrived = Arrived
dashboard-card-present = Present now
dashboard-card-present-note = inside a zone
dashboard-card-states = States here
dashboard-card-states-note = of { $count } registered
dashboard-share-of-approved = { $share } of approved
dashboard-share-of-printed = { $share } of printed

## Panels
dashboard-states = States
dashboard-organisations = Organisations
dashboard-over-quota =
    { $count ->
        [0] No delegation is over its quota.
        [one] { $count } delegation is over its quota (see Delegations, “Over quota only”).
       *[other] { $count } delegations are over their quota (see Delegations, “Over quota only”).
    }
dashboard-representation-title = States and organisations (delegations)
dashboard-representation-note = Registered: someone approved. Arrived: someone came in. Numbers list the people.
dashboard-categories-title = By category
dashboard-zones-title = Occupancy now
dashboard-sessions-title = Sessions
dashboard-session-when = { $start }–{ $end } · zone { $zone }
dashboard-sessions-note = Attended: came into the session's zone from 30 minutes before its start to its end, or checked in. Invited: approved and invited (invitation-only sessions).
dashboard-delegations-title = Delegations
dashboard-nobody-arrived-only = Only those with nobody arrived yet ({ $count })
dashboard-delegations-shown = { $shown } of { $total } delegations · click a column to sort, a number for the people
dashboard-no-delegation-matches = No delegation matches.

## Kinds of delegation
dashboard-kind-member-state = Member state
dashboard-kind-observer-state = Observer state
dashboard-kind-un-entity = UN entity
dashboard-kind-intergovernmental = Intergovernmental organisation
dashboard-kind-regional-organisation = Regional organisation
dashboard-kind-financial-institution = Financial institution
dashboard-kind-ngo = NGO
dashboard-kind-academia = Academia
dashboard-kind-media = Media
dashboard-kind-host = Host / organiser

## The figure behind a number, as the title of its list of people
dashboard-figure-nominated = Nominated
dashboard-figure-pending = Awaiting a decision
dashboard-figure-approved = Approved
dashboard-figure-cleared = Cleared by security
dashboard-figure-rejected = Rejected
dashboard-figure-cancelled = Cancelled
dashboard-figure-printed = Badge printed
dashboard-figure-collected = Badge collected
dashboard-figure-arrived = Arrived
dashboard-figure-not-arrived = Approved, not arrived yet
dashboard-figure-present = Present now
dashboard-figure-inside = Inside { $zone } now
dashboard-figure-inside-zone = Inside zone { $zone } now
dashboard-figure-first-arrival-at = First arrival at { $time }
dashboard-figure-first-arrival-on = First arrival on { $date }
dashboard-figure-invited = Invited · { $session }
dashboard-figure-attended = Attended · { $session }
dashboard-figure-attended-invited = Attended, invited · { $session }
dashboard-figure-attended-uninvited = Attended, not invited · { $session }
dashboard-figure-absent = Invited, not there · { $session }
dashboard-figure-checked-in = Checked in · { $session }
dashboard-figure-unknown-session = session { $id }
dashboard-figure-of = { $figure } · { $group }

## The list of people behind a number
dashboard-close = Close
dashboard-people-looking = Looking them up…
dashboard-people-count = { $count } people, by delegation and name
dashboard-people-count-first = { $count } people; the first { $shown } by delegation and name
dashboard-person-first-arrival = first arrival { $time }
dashboard-person-inside = inside zone { $zones }
dashboard-status-nominated = Nominated
dashboard-status-approved = Approved
dashboard-status-rejected = Rejected
dashboard-status-cancelled = Cancelled
