# The Letters row of the Delegations and participant screens.

letters-title = Letters:
letters-acknowledgement = Acknowledgement
letters-visa = Visa support
letters-kind-acknowledgement = Acknowledgement of accreditation
letters-kind-visa = Visa support letter
letters-writing = Writing letters…
letters-failed = No letter was written: { $error }
letters-written =
    { $count ->
        [one] Wrote { $count } letter ({ $kind }) in { $path }.
       *[other] Wrote { $count } letters ({ $kind }) in { $path }.
    }
letters-left-out = { $count } left out, e.g. { $name }: { $reason }.
letters-open = Open letters
