# The Print queue screen: choosing the badges, the count, the PDF being made, and what was made.
print-queue-title = Print queue
print-queue-delegation = Delegation
print-queue-category = Category
print-queue-layout = Layout
print-queue-counting = Counting the badges…
print-queue-all-printed = Every badge of this selection is printed.
print-queue-nothing-to-print = No badge to print for this selection.
print-queue-will-make =
    { $count ->
        [one] { $count } badge never printed will be made ({ $new } with a new serial).
       *[other] { $count } badges never printed will be made ({ $new } with a new serial).
    }
print-queue-will-reprint =
    { $count ->
        [one] { $count } badge printed before will be printed again.
       *[other] { $count } badges printed before will be printed again.
    }
# $headline is one of the sentences above.
print-queue-just-approved = The { $count } just approved: { $headline }
# Once a PDF is made, the same selection again.
print-queue-again = Again: { $headline }
print-queue-counting-again = { $headline }  (counting again…)
print-queue-print-anyway =
    { $count ->
        [one] Print anyway ({ $count } badge)
       *[other] Print anyway ({ $count } badges)
    }
print-queue-make-another =
    { $count ->
        [one] Make another PDF ({ $count } badge)
       *[other] Make another PDF ({ $count } badges)
    }
print-queue-print-them-again =
    { $count ->
        [one] Print them again ({ $count } badge)
       *[other] Print them again ({ $count } badges)
    }
print-queue-make-pdf =
    { $count ->
        [one] Make the PDF ({ $count } badge)
       *[other] Make the PDF ({ $count } badges)
    }
print-queue-skipped = { $count } skipped
# $reasons counts the reasons (from the core, in English), e.g. "not approved yet 45, rejected 12".
print-queue-skipped-why = { $count } skipped: { $reasons }
# $warning comes from the core.
print-queue-not-valid = ⚠ Not valid for the event: { $warning }
print-queue-printed-before =
    { $count ->
        [one] { $count } badge of this selection printed before is not included.
       *[other] { $count } badges of this selection printed before are not included.
    }
print-queue-print-again = Print again the { $count } already printed…
print-queue-second-card = Printing again puts a second card with the same serial into the world; destroy the first.
print-queue-back-to-unprinted = Back to the badges never printed
print-queue-handed-over-too = Yes, print again the { $count } already handed over too (their holders have a card)
# The PDF made. The size is $megabytes and $tenths of a megabyte: "0.3 MB".
print-queue-made =
    ✔ { $count ->
        [one] { $count } badge
       *[other] { $count } badges
    } on { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    } ({ $layout } layout, { $megabytes }.{ $tenths } MB)
print-queue-layout-a6 = a6
print-queue-layout-card = card
print-queue-layout-a4x4 = a4x4
print-queue-made-counts = { $new } new, { $reprinted } printed again, { $skipped } skipped
print-queue-made-counts-why = { $new } new, { $reprinted } printed again, { $skipped } skipped ({ $reasons })
print-queue-open-pdf = Open PDF
print-queue-send = Send to printer
print-queue-opened = Opened { $path }
# $printer is what the printing system answered (its request id).
print-queue-sent = Sent: { $printer }
print-queue-skipped-first = Skipped: { $count } (the first { $shown } listed; open one to fix it)
print-queue-skipped-all = Skipped: { $count } (open one to fix it)
print-queue-and-more = … and { $count } more
print-queue-cancelling = Cancelling…
print-queue-issuing =
    { $count ->
        [one] Issuing and rendering { $count } badge…
       *[other] Issuing and rendering { $count } badges…
    }
print-queue-rendered =
    { $count ->
        [one] Rendered { $done } of { $count } badge…
       *[other] Rendered { $done } of { $count } badges…
    }
print-queue-cancel = Cancel
print-queue-cancelled = Cancelled: no badge was issued or printed, nothing changed.
print-queue-failed = No badge was printed: { $error }
