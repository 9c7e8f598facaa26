# Écran Délégations : la liste, les effectifs et quotas d'une délégation, ses participants et l'examen de ses désignations.
delegations-counting = Décompte des délégations…
delegations-filter-placeholder = Code ou nom de la délégation
delegations-over-quota-only = Quota dépassé seulement
delegations-choose = Choisissez une délégation à gauche.
delegations-column-code = Code
delegations-column-name = Nom
delegations-column-all = Total
delegations-column-nominated = Dés.
delegations-column-approved = Appr.
delegations-column-quota = Quota
delegations-no-match = Aucune délégation ne correspond.
delegations-over = excès
delegations-summary =
    { $kind } · { $count ->
        [one] { $count } participant
       *[other] { $count } participants
    } · { $printed ->
        [one] { $printed } badge imprimé
       *[other] { $printed } badges imprimés
    }, { $handed } remis
delegations-focal-point = Point focal : { $name } { $email }
delegations-review-nominated = Examiner les désignations ({ $count })
delegations-print-all = Imprimer tous les badges
delegations-refresh = Actualiser
delegations-print-new =
    { $count ->
        [one] Imprimer { $count } nouveau badge
       *[other] Imprimer les { $count } nouveaux badges
    }
delegations-reading-participants = Lecture des participants…
delegations-category = Catégorie
delegations-heading-nominated = Désignés
delegations-heading-approved = Approuvés
delegations-heading-rejected = Rejetés
delegations-heading-cancelled = Annulés
delegations-places-quota = Places / quota
delegations-quota-over = { $quota }  dépassé
delegations-no-participant = Aucun participant pour l'instant.
delegations-review-title =
    { $count ->
        [one] Examen : { $count } participant désigné de { $delegation }
       *[other] Examen : { $count } participants désignés de { $delegation }
    }
delegations-review-hint = Vérifiez le nom, la fonction et la catégorie de chacun ; ouvrez une fiche pour la corriger au préalable.
delegations-past-quota = Ces approbations font dépasser son quota à { $delegation } : { $excess }. Un superviseur confirme en indiquant un motif, consigné dans le journal d'audit.
delegations-excess =
    { $approved ->
        [one] { $category } : { $approved } approuvé pour { $quota }
       *[other] { $category } : { $approved } approuvés pour { $quota }
    }
delegations-over-quota-reason = Motif de l'approbation hors quota (p. ex. suite du chef d'État, convenue avec le Protocole)
delegations-approve =
    { $count ->
        [one] Approuver { $count } participant
       *[other] Approuver ces { $count }
    }
delegations-approve-past-quota =
    { $count ->
        [one] Approuver { $count } participant hors quota
       *[other] Approuver ces { $count } hors quota
    }
delegations-back = Retour
delegations-approving = Approbation en cours…
delegations-participants = Participants ({ $count })
delegations-approved =
    { $count ->
        [one] { $count } participant approuvé.
       *[other] { $count } participants approuvés.
    }
delegations-approve-failed = Aucune approbation enregistrée : { $error }
delegations-status-nominated = Désigné
delegations-status-approved = Approuvé
delegations-status-rejected = Rejeté
delegations-status-cancelled = Annulé
delegations-kind-member-state = État membre
delegations-kind-observer-state = État observateur
delegations-kind-un-entity = Entité des Nations Unies
delegations-kind-intergovernmental = Organisation intergouvernementale
delegations-kind-regional = Organisation régionale
delegations-kind-financial = Institution financière
delegations-kind-ngo = ONG
delegations-kind-academia = Milieux universitaires
delegations-kind-media = Médias
delegations-kind-host = Pays hôte / organisateur
