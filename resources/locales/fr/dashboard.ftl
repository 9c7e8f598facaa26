# The organisers' dashboard (Attendance tab): its figures, arrivals chart, sessions and delegations, and the list of people behind a number.
dashboard-computing = Calcul des chiffres…
dashboard-every-session = Toutes les séances
dashboard-title = Présences
dashboard-report-for = Rapport pour
dashboard-export-writing = Rédaction du rapport { $format }…
dashboard-export-saved = Enregistré dans { $path }
dashboard-as-of-live = Chiffres au { $time } ({ $zone }) · mise à jour automatique · { $event }
dashboard-as-of-simulated = Chiffres au { $time } ({ $zone }) · horloge fixée par ACCREDIT_NOW · { $event }

## The arrivals chart
dashboard-arrivals-title = Arrivées au fil du temps
dashboard-legend-entries = Entrées (passages dans toute zone)
dashboard-legend-first-arrivals = Premières arrivées
dashboard-chart-quarter-hours = Par 15 minutes
dashboard-chart-days = Par jour
dashboard-chart-empty = Personne n’est encore passé par un point de contrôle.
dashboard-chart-bar =
    { $when } · { $entries ->
        [one] { $entries } entrée
       *[other] { $entries } entrées
    } · { $first ->
        [one] { $first } première arrivée
       *[other] { $first } premières arrivées
    } (cliquer pour la liste)

## Column headers
dashboard-col-code = Code
dashboard-col-delegation = Délégation
dashboard-col-nominated = Proposés
dashboard-col-approved = Approuvés
dashboard-col-printed = Imprimés
dashboard-col-collected = Retirés
dashboard-col-arrived = Arrivés
dashboard-col-present = Présents
dashboard-col-first-arrival = Première arrivée
dashboard-col-kind = Type
dashboard-col-registered = Inscrits
dashboard-col-category = Catégorie
dashboard-col-zone = Zone
dashboard-col-inside-now = Présents
dashboard-col-session = Séance
dashboard-col-when = Horaire
dashboard-col-invited = Invités
dashboard-col-attended = Présents
dashboard-col-of-invited = Dont invités
dashboard-col-uninvited = Non invités
dashboard-col-check-ins = Émargés

## The pipeline's cards
dashboard-percent = { $percent } %
dashboard-card-nominated = Proposés
dashboard-card-nominated-note = reçus
dashboard-card-pending = En attente
dashboard-card-pending-note = pas encore approuvés
dashboard-card-approved = Approuvés
dashboard-card-approved-note =
    { $count ->
        [one] { $count } refusé
       *[other] { $count } refusés
    }
dashboard-card-cleared = Habilités
dashboard-card-printed = Imprimés
dashboard-card-collected = Retirés
dashboard-card-arrived = Arrivés
dashboard-card-present = Présents
dashboard-card-present-note = dans une zone
dashboard-card-states = États présents
dashboard-card-states-note = sur { $count } inscrits
dashboard-share-of-approved = { $share } des approuvés
dashboard-share-of-printed = { $share } des imprimés

## Panels
dashboard-states = États
dashboard-organisations = Organisations
dashboard-over-quota =
    { $count ->
        [0] Aucune délégation ne dépasse son quota.
        [one] { $count } délégation dépasse son quota (voir Délégations, « Au-delà du quota seulement »).
       *[other] { $count } délégations dépassent leur quota (voir Délégations, « Au-delà du quota seulement »).
    }
dashboard-representation-title = États et organisations (délégations)
dashboard-representation-note = Inscrits : au moins une personne approuvée. Arrivés : au moins une personne entrée. Les nombres donnent la liste des personnes.
dashboard-categories-title = Par catégorie
dashboard-zones-title = Occupation actuelle
dashboard-sessions-title = Séances
dashboard-session-when = { $start }–{ $end } · zone { $zone }
dashboard-sessions-note = Présents : entrés dans la zone de la séance entre 30 minutes avant son début et sa fin, ou ayant émargé. Invités : approuvés et invités (séances sur invitation).
dashboard-delegations-title = Délégations
dashboard-nobody-arrived-only = Seulement celles dont personne n’est encore arrivé ({ $count })
dashboard-delegations-shown = { $shown } délégations sur { $total } · cliquer sur une colonne pour trier, sur un nombre pour la liste
dashboard-no-delegation-matches = Aucune délégation ne correspond.

## Kinds of delegation
dashboard-kind-member-state = État membre
dashboard-kind-observer-state = État observateur
dashboard-kind-un-entity = Entité des Nations Unies
dashboard-kind-intergovernmental = Organisation intergouvernementale
dashboard-kind-regional-organisation = Organisation régionale
dashboard-kind-financial-institution = Institution financière
dashboard-kind-ngo = ONG
dashboard-kind-academia = Milieu universitaire
dashboard-kind-media = Médias
dashboard-kind-host = Pays hôte / organisateur

## The figure behind a number, as the title of its list of people
dashboard-figure-nominated = Proposés
dashboard-figure-pending = En attente de décision
dashboard-figure-approved = Approuvés
dashboard-figure-cleared = Habilités par la sécurité
dashboard-figure-rejected = Refusés
dashboard-figure-cancelled = Annulés
dashboard-figure-printed = Badge imprimé
dashboard-figure-collected = Badge retiré
dashboard-figure-arrived = Arrivés
dashboard-figure-not-arrived = Approuvés, pas encore arrivés
dashboard-figure-present = Présents
dashboard-figure-inside = Dans { $zone } en ce moment
dashboard-figure-inside-zone = Dans la zone { $zone } en ce moment
dashboard-figure-first-arrival-at = Première arrivée à { $time }
dashboard-figure-first-arrival-on = Première arrivée le { $date }
dashboard-figure-invited = Invités · { $session }
dashboard-figure-attended = Présents · { $session }
dashboard-figure-attended-invited = Présents, invités · { $session }
dashboard-figure-attended-uninvited = Présents, non invités · { $session }
dashboard-figure-absent = Invités, absents · { $session }
dashboard-figure-checked-in = Ont émargé · { $session }
dashboard-figure-unknown-session = séance { $id }
dashboard-figure-of = { $figure } · { $group }

## The list of people behind a number
dashboard-close = Fermer
dashboard-people-looking = Recherche en cours…
dashboard-people-count =
    { $count ->
        [one] { $count } participant
       *[other] { $count } participants
    }, par délégation et par nom
dashboard-people-count-first = { $count } participants ; les { $shown } premiers par délégation et par nom
dashboard-person-first-arrival = première arrivée : { $time }
dashboard-person-inside = dans la zone { $zones }
dashboard-status-nominated = Proposé(e)
dashboard-status-approved = Approuvé(e)
dashboard-status-rejected = Refusé(e)
dashboard-status-cancelled = Annulé(e)
