# Remise des badges d'une délégation à son officier de liaison (écran Délégations).
liaison-hand-over-open =
    { $count ->
        [one] Remettre à l'officier de liaison ({ $count } imprimé)
       *[other] Remettre à l'officier de liaison ({ $count } imprimés)
    }
liaison-title = Retrait par l'officier de liaison
liaison-explanation = Les badges cochés sont remis immédiatement à cette personne ; le reçu les énumère, ainsi que ceux à venir, avec des lignes de signature.
liaison-chosen =
    { $count ->
        [one] { $chosen } sur { $count } badge imprimé choisi
       *[other] { $chosen } sur { $count } badges imprimés choisis
    }
liaison-badge-line = { $name } — { $category } — badge { $serial }
liaison-name-placeholder = Nom de l'officier de liaison
liaison-id-placeholder = Pièce d'identité vérifiée, p. ex. « passeport diplomatique D1234567 vu »
liaison-hand-over = Remettre et établir le reçu
liaison-handing-over = Remise en cours…
liaison-cancel = Annuler
liaison-handed-over =
    { $count ->
        [one] { $count } badge remis
       *[other] { $count } badges remis
    } à { $name } pour la délégation ; reçu n° { $receipt } ({ $remaining } à venir) dans { $path }.
liaison-open-receipt = Ouvrir le reçu
liaison-hand-over-failed = Aucun badge remis : { $error }
