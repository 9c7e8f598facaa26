# La rangée Lettres des écrans Délégations et participant.

letters-title = Lettres :
letters-acknowledgement = Confirmation
letters-visa = Appui au visa
letters-kind-acknowledgement = Confirmation d’accréditation
letters-kind-visa = Lettre d’appui pour le visa
letters-writing = Rédaction des lettres…
letters-failed = Aucune lettre n’a été rédigée : { $error }
letters-written =
    { $count ->
        [one] { $count } lettre rédigée ({ $kind }) dans { $path }.
       *[other] { $count } lettres rédigées ({ $kind }) dans { $path }.
    }
letters-left-out =
    { $count ->
        [one] { $count } personne écartée, par ex. { $name } : { $reason }.
       *[other] { $count } personnes écartées, par ex. { $name } : { $reason }.
    }
letters-open = Ouvrir les lettres
