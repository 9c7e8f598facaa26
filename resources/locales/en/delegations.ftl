# The Delegations screen: the list, a delegation's counts and quotas, its participants, and the review of its nominations.
delegations-counting = Counting the delegations…
delegations-filter-placeholder = Find a delegation by code or name
delegations-over-quota-only = Over quota only
delegations-choose = Choose a delegation on the left.
delegations-column-code = Code
delegations-column-name = Name
delegations-column-all = All
delegations-column-nominated = Nom.
delegations-column-approved = Appr.
delegations-column-quota = Quota
delegations-no-match = No delegation matches.
# In the list's quota column, for a delegation past its quota.
delegations-over = over
# Under the delegation's name: its kind, then its counts.
delegations-summary = { $kind } · { $count } participants · { $printed } badges printed, { $handed } handed over
delegations-focal-point = Focal point: { $name } { $email }
delegations-review-nominated = Review nominated ({ $count })
delegations-print-all = Print all badges
delegations-refresh = Refresh
delegations-print-new =
    { $count ->
        [one] Print the { $count } new badge
       *[other] Print the { $count } new badges
    }
delegations-reading-participants = Reading the participants…
# The counts table, one row per category.
delegations-category = Category
delegations-heading-nominated = Nominated
delegations-heading-approved = Approved
delegations-heading-rejected = Rejected
delegations-heading-cancelled = Cancelled
delegations-places-quota = Places / quota
# $quota is "places / quota", e.g. "7 / 5".
delegations-quota-over = { $quota }  over
delegations-no-participant = No participant yet.
# The review of the nominations.
delegations-review-title =
    { $count ->
        [one] Review: { $count } nominated participant of { $delegation }
       *[other] Review: { $count } nominated participants of { $delegation }
    }
delegations-review-hint = Check each name, function and category; open one to correct it first.
# $excess lists the categories, each as delegations-excess, separated by commas.
delegations-past-quota = Approving these takes { $delegation } past its quota: { $excess }. A supervisor confirms with a reason, which goes into the audit trail.
delegations-excess = { $category }: { $approved } approved for { $quota }
delegations-over-quota-reason = Reason for approving past the quota (e.g. Head of State's party agreed with protocol)
delegations-approve = Approve these { $count }
delegations-approve-past-quota = Approve these { $count } past the quota
delegations-back = Back
delegations-approving = Approving…
delegations-participants = Participants ({ $count })
delegations-approved =
    { $count ->
        [one] Approved { $count } participant.
       *[other] Approved { $count } participants.
    }
delegations-approve-failed = Nothing was approved: { $error }
# A participant's status.
delegations-status-nominated = Nominated
delegations-status-approved = Approved
delegations-status-rejected = Rejected
delegations-status-cancelled = Cancelled
# A delegation's kind.
delegations-kind-member-state = Member state
delegations-kind-observer-state = Observer state
delegations-kind-un-entity = UN entity
delegations-kind-intergovernmental = Intergovernmental organisation
delegations-kind-regional = Regional organisation
delegations-kind-financial = Financial institution
delegations-kind-ngo = NGO
delegations-kind-academia = Academia
delegations-kind-media = Media
delegations-kind-host = Host / organiser
