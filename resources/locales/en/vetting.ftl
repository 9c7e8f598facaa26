# The Security vetting screen (supervisors): sending batches to the host's security service, importing its answers, the batches still waiting.
vetting-title = Security vetting
vetting-not-allowed = { $name } ({ $role }) may not run security vetting.
vetting-loading = Loading…
vetting-rule-off = Clearance by the host's security service is not required. An administrator changes this in Settings.
vetting-rule-all = Clearance by the host's security service is required for every category. An administrator changes this in Settings.
vetting-rule-categories = Clearance by the host's security service is required for { $categories }. An administrator changes this in Settings.

## Sending a batch
vetting-send-title = Send a batch
vetting-only-not-sent = Only people never sent
vetting-with-photos = Photos in a ZIP archive
vetting-xlsx = XLSX (else CSV)
vetting-send = Send batch
vetting-sending = Sending…
vetting-send-note = Everyone who needs clearance and has no final answer is on the list; they are marked sent, as one batch.
vetting-sent = Batch { $batch }: { $count } participant(s) written to { $file }.
vetting-sent-with-photos = Batch { $batch }: { $count } participant(s) written to { $file }, { $photos } photo(s) to { $photos_file }.
vetting-not-sent = No batch was sent: { $error }

## Importing the answers
vetting-answers-title = Import the answers
vetting-answers-placeholder = Path of the answered file (CSV or XLSX), e.g. /home/desk/Downloads/vetting-answers.xlsx
vetting-path-first = Type the path of the answered file first.
vetting-check = Check
vetting-checking = Checking…
vetting-apply = Apply answers
vetting-applying = Applying…
vetting-nothing-changed = Nothing was changed: { $error }
vetting-report-checked = Checked, nothing written yet: { $rows } row(s): { $cleared } cleared, { $refused } refused, { $more } more information requested, { $unchanged } unchanged, { $unanswered } without an answer, { $problems } problem(s).
vetting-report-applied = Applied: { $rows } row(s): { $cleared } cleared, { $refused } refused, { $more } more information requested, { $unchanged } unchanged, { $unanswered } without an answer, { $problems } problem(s).
vetting-revoked = Badges revoked after a refusal: { $serials }
vetting-line = Line { $line }: { $reference } — { $reason }

## The batches
vetting-batches-title = Batches
vetting-refresh = Refresh
vetting-no-batch = No batch was sent yet.
vetting-col-batch = Batch
vetting-col-age = Age
vetting-col-sent-by = Sent by
vetting-col-people = People
vetting-col-waiting = Waiting
vetting-col-cleared = Cleared
vetting-col-refused = Refused
vetting-col-more-info = More info
vetting-col-file = File
vetting-age-just-now = just now
vetting-age-minutes = { $count } min
vetting-age-hours = { $count } h
vetting-age-days =
    { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
