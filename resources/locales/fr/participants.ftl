# Le tableau des participants (guichet) : recherche, filtres, colonnes, statuts et états d'habilitation.
participants-search = Rechercher par nom, numéro de pièce d'identité ou référence  (Ctrl+F)
participants-all-statuses = Tous les statuts
participants-any-clearance = Toutes habilitations
participants-shown-of-total =
    { $shown } sur { $total } { $total ->
        [one] participant
       *[other] participants
    }
participants-loading = Chargement des participants…
participants-loading-table = Chargement…
participants-no-match = Aucun participant ne correspond.
participants-column-name = Nom
participants-column-delegation = Délégation
participants-column-category = Catégorie
participants-column-status = Statut
participants-column-badge = Badge
participants-column-collected = Retiré
participants-column-clearance = Habilitation
participants-collected-yes = oui
participants-status-nominated = Désigné
participants-status-approved = Approuvé
participants-status-rejected = Refusé
participants-status-cancelled = Annulé
participants-clearance-not-sent = Non envoyé
participants-clearance-sent = Envoyé
participants-clearance-cleared = Habilité
participants-clearance-refused = Refusé
participants-clearance-more-information = Complément d'information demandé
