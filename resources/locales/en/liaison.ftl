# The hand-over of a delegation's badges to its liaison officer (on the Delegations screen).
liaison-hand-over-open = Hand over to liaison officer ({ $count } printed)
liaison-title = Collection by the liaison officer
liaison-explanation = The ticked badges go to this person at once; the receipt lists them, and those still to come, with signature lines.
liaison-chosen = { $chosen } of { $count } printed badges chosen
# One badge waiting: the holder's name, category code and badge serial.
liaison-badge-line = { $name } — { $category } — badge { $serial }
liaison-name-placeholder = Liaison officer's name
liaison-id-placeholder = Identity document checked, e.g. "diplomatic passport D1234567 seen"
liaison-hand-over = Hand over and write receipt
liaison-handing-over = Handing over…
liaison-cancel = Cancel
liaison-handed-over = Handed { $count } badge(s) to { $name } for the delegation; receipt No. { $receipt } ({ $remaining } still to come) in { $path }.
liaison-open-receipt = Open receipt
liaison-hand-over-failed = Nothing was handed over: { $error }
