# Les documents qui prennent --lang : le rapport de présence (PDF, XLSX), le reçu de remise des badges à l’officier de liaison, et les lettres aux délégués.

## Commun à tous les documents

doc-page = Page { $page } sur { $pages }
# Les dates d’un événement : « 25–26 octobre 2025 », « 30 octobre – 2 novembre 2025 ».
doc-dates-same-month = { $start_day }–{ $end_day } { $month } { $year }
doc-dates-same-year = { $start_day } { $start_month } – { $end_day } { $end_month } { $year }
doc-dates-years = { $start } – { $end }
# Les pièces d’identité, telles qu’une lettre les nomme.
doc-document-passport = Passeport
doc-document-diplomatic-passport = Passeport diplomatique
doc-document-official-passport = Passeport de service
doc-document-national-id = Carte nationale d’identité
doc-document-laissez-passer = Laissez-passer des Nations Unies
doc-document-other = Autre pièce

## Rapport de présence : titre, cartes, graphique et pied de page du PDF

doc-report-title = Rapport de présence
doc-report-document-title = Rapport de présence — { $event }
doc-report-footer = { $event } · Rapport de présence · { $scope } · chiffres au { $as_of } ({ $zone })
doc-report-figures-as-of = Chiffres au { $moment } ({ $zone })
# Une date et une heure : « 25 octobre 2025 à 09:00 ».
doc-report-moment = { $date } à { $time }
doc-report-percent = { $percent } %
doc-report-continued = { $title } (suite)
doc-report-scope-all = Tous les participants
doc-report-scope-delegation = Délégation { $delegation }
doc-report-scope-session-delegation = { $session } · délégation { $delegation }
doc-report-card-invited = Invités
doc-report-card-approved-and-invited = approuvés et invités
doc-report-card-attended = Présents
doc-report-card-checked-in =
    { $count ->
        [one] { $count } pointé par le protocole
       *[other] { $count } pointés par le protocole
    }
doc-report-card-invited-there = Invités présents
doc-report-card-of-the-invited = { $share } des invités
doc-report-card-invited-not-there = Invités absents
doc-report-card-attended-not-invited = Présents non invités
doc-report-card-staff-security-media = personnel, sécurité, médias…
doc-report-card-states-at-session = États à la séance
doc-report-card-organisations-there = Organisations présentes
doc-report-card-of-states-invited =
    { $count ->
        [one] sur { $count } invité
       *[other] sur { $count } invités
    }
doc-report-card-of-organisations-invited =
    { $count ->
        [one] sur { $count } invitée
       *[other] sur { $count } invitées
    }
doc-report-card-with-someone-there = délégations présentes
doc-report-card-when = Horaire
doc-report-card-until = { $date }, fin à { $time }
doc-report-card-awaiting = { $count } en attente de décision
doc-report-card-rejected-cancelled =
    { $rejected ->
        [one] { $rejected } rejetée
       *[other] { $rejected } rejetées
    } · { $cancelled ->
        [one] { $cancelled } annulée
       *[other] { $cancelled } annulées
    }
doc-report-card-badges-printed = Badges imprimés
doc-report-card-of-the-approved = { $share } des approuvés
doc-report-card-badges-collected = Badges retirés
doc-report-card-of-those-printed = { $share } des imprimés
doc-report-card-inside-a-zone = dans au moins une zone
doc-report-card-states-represented = États représentés
doc-report-card-organisations-represented = Organisations représentées
doc-report-card-of-states-registered =
    { $count ->
        [one] sur { $count } inscrit
       *[other] sur { $count } inscrits
    }
doc-report-card-of-organisations-registered =
    { $count ->
        [one] sur { $count } inscrite
       *[other] sur { $count } inscrites
    }
doc-report-card-sessions-attended = Séances suivies
doc-report-card-of-programme = sur { $count } au programme
doc-report-card-first-arrival = Première arrivée
doc-report-open-value = ouverte
doc-report-chart-empty = Personne n’est encore passé par un point de contrôle.
doc-report-chart-entries = Entrées : passages dans une zone quelconque
doc-report-chart-first-arrivals = Premières arrivées : personnes entrant pour la première fois

## Rapport de présence : les tableaux (titres du PDF, noms des feuilles et en-têtes du XLSX)

doc-report-yes = oui
doc-report-about-title = À propos de ce rapport
doc-report-pipeline-title = Accréditation et présence
doc-report-representation-title = États et organisations représentés
doc-report-categories-title = Par catégorie
doc-report-zones-title = Occupation actuelle par zone
doc-report-sessions-title = Séances
doc-report-delegations-title = Délégations
doc-report-days-title = Arrivées par jour
doc-report-quarter-hours-title = Arrivées par quart d’heure
doc-report-session-title = Séance
doc-report-session-delegations-title = Délégations à la séance
doc-report-participants-title = Participants
doc-report-about-report = Rapport
doc-report-attendance = Présence
doc-report-about-event = Événement
doc-report-about-venue = Lieu
doc-report-about-dates = Dates
doc-report-about-covers = Portée
doc-report-about-as-of = Chiffres au
doc-report-stage-nominated = Inscriptions reçues
doc-report-stage-pending = En attente de décision
doc-report-stage-approved = Approuvées
doc-report-stage-rejected = Rejetées
doc-report-stage-cancelled = Annulées
doc-report-stage-printed = Badge imprimé
doc-report-stage-collected = Badge retiré
doc-report-stage-arrived = Arrivés au moins une fois
doc-report-stage-present = Présents actuellement
doc-report-pipeline-note = Participants à chaque étape.
doc-report-all-states = Tous les États
doc-report-all-organisations = Toutes les organisations
doc-report-representation-note = Délégations inscrites (au moins une personne approuvée) et arrivées (au moins une personne entrée) ; les organisations excluent les médias et le pays hôte.
doc-report-categories-note = Imprimés et retirés : un badge de la personne a été imprimé, remis.
doc-report-zones-note = Présents : leur dernier passage à l’entrée ou à la sortie de la zone était une entrée.
doc-report-sessions-note = Présents : entrés dans la zone de la séance entre 30 minutes avant son début et sa fin, ou pointés. Invités : approuvés et invités. Dont invités, non invités : les présents de chaque groupe.
doc-report-delegations-note = Personne encore : au moins une personne approuvée, personne d’arrivé.
doc-report-arrivals-note = Entrées : passages dans une zone quelconque. Premières arrivées : personnes entrant pour la première fois.
doc-report-session-delegations-note = Toute délégation invitée ou dont au moins une personne était présente.
doc-report-participants-session-note = Toute personne invitée (et approuvée) ou présente.
doc-report-participants-note = Présent dans : codes des zones. Séances : séances suivies.
doc-report-open-session = séance ouverte
doc-report-by-invitation = Sur invitation
doc-report-open = Ouverte
doc-report-figure-session = Séance
doc-report-figure-when = Horaire
doc-report-figure-zone = Zone
doc-report-figure-admission = Accès
doc-report-figure-invited = Invités
doc-report-figure-attended = Présents
doc-report-figure-attended-invited = Présents, invités
doc-report-figure-attended-uninvited = Présents, non invités
doc-report-figure-checked-in = Pointés
doc-report-figure-states-invited = États invités
doc-report-figure-states-attending = États présents
doc-report-figure-organisations-invited = Organisations invitées
doc-report-figure-organisations-attending = Organisations présentes
doc-report-col-field = Rubrique
doc-report-col-value = Valeur
doc-report-col-stage = Étape
doc-report-col-participants = Participants
doc-report-col-kind = Type
doc-report-col-delegations = Délégations
doc-report-col-registered = Inscrites
doc-report-col-arrived = Arrivés
doc-report-col-delegations-arrived = Arrivées
doc-report-col-approved-people = Personnes approuvées
doc-report-col-people-arrived = Personnes arrivées
doc-report-col-nominated = Inscrits
doc-report-col-approved = Approuvés
doc-report-col-printed = Imprimés
doc-report-col-collected = Retirés
doc-report-col-present = Présents
doc-report-col-code = Code
doc-report-col-category = Catégorie
doc-report-col-zone = Zone
doc-report-col-name = Nom
doc-report-col-inside = Présents
doc-report-col-session = Séance
doc-report-col-when = Horaire
doc-report-col-invited = Invités
doc-report-col-attended = Présents
doc-report-col-of-invited = Dont invités
doc-report-col-uninvited = Non invités
doc-report-col-check-ins = Pointages
doc-report-col-delegation = Délégation
doc-report-col-nobody-yet = Personne encore
doc-report-col-date = Date
doc-report-col-entries = Entrées
doc-report-col-first-arrivals = Premières arrivées
doc-report-col-from = Début
doc-report-col-figure = Indicateur
doc-report-col-absent = Absents
doc-report-col-checked-in = Pointé
doc-report-col-first-arrival = Première arrivée
doc-report-col-status = Statut
doc-report-col-inside-now = Présent dans
doc-report-col-sessions = Séances
doc-report-kind-member-state = État membre
doc-report-kind-observer-state = État observateur
doc-report-kind-un-entity = Entité des Nations Unies
doc-report-kind-intergovernmental = Organisation intergouvernementale
doc-report-kind-regional = Organisation régionale
doc-report-kind-financial = Institution financière
doc-report-kind-ngo = ONG
doc-report-kind-academia = Milieux universitaires
doc-report-kind-media = Médias
doc-report-kind-host = Pays hôte / organisateur
doc-report-status-nominated = Inscrit
doc-report-status-approved = Approuvé
doc-report-status-rejected = Rejeté
doc-report-status-cancelled = Annulé

## Reçu de remise des badges (officier de liaison d’une délégation)

doc-receipt-title = Reçu de remise des badges
doc-receipt-document-title = Reçu de remise des badges { $number } — { $delegation }
doc-receipt-footer = { $event } · Reçu de remise des badges n° { $number } · { $delegation }
doc-receipt-number-label = Reçu
doc-receipt-number = N° { $number }
doc-receipt-delegation = Délégation
doc-receipt-collected-by = Retirés par
doc-receipt-identity-document = Pièce d’identité
doc-receipt-handed-over = Remis le
doc-receipt-clerk = Agent d’accréditation
doc-receipt-badges = Badges
doc-receipt-badges-count = { $handed_over } remis, { $to_come } à venir
doc-receipt-badges-handed-over = Badges remis
doc-receipt-still-to-come = À venir
doc-receipt-col-name = Nom
doc-receipt-col-category = Catégorie
doc-receipt-col-serial = N° de série
doc-receipt-note-awaiting-clearance = en attente d’habilitation
doc-receipt-note-not-approved = pas encore approuvé
doc-receipt-note-not-printed = pas encore imprimé
doc-receipt-statement = L’officier de liaison a reçu pour la délégation les badges énumérés ci-dessus et remettra chacun d’eux à son titulaire.
doc-receipt-handed-over-by = Remis par (bureau d’accréditation)
doc-receipt-received-by = Reçus par (officier de liaison)

## Lettres aux délégués

doc-letter-kind-acknowledgement = Confirmation d’accréditation
doc-letter-kind-visa = Lettre d’appui à une demande de visa
doc-letter-document-title = { $kind } — { $event }
doc-letter-footer = { $event } · { $kind } · participant { $participant }
doc-letter-code-line = { $kind } · participant { $participant }
doc-letter-code-note = Code signé : scanné au bureau d’accréditation, il ouvre le dossier de ce participant. Cette lettre n’est pas un badge et ne donne pas accès au site.
# Les modèles par défaut. Chaque { $name } devient le champ {name} du modèle qu’un administrateur peut modifier ; les paragraphes sont séparés par une ligne vide.
doc-letter-signatory = Le Bureau des accréditations
doc-letter-acknowledgement-subject = Accréditation — { $event }
doc-letter-acknowledgement-body =
    Madame, Monsieur,

    Les organisateurs de « { $event } », qui se tient à { $venue } ({ $dates }), confirment l’accréditation de { $name } en qualité de { $function } (délégation : { $delegation } ; catégorie : { $category }).

    Nous vous prions de retirer votre badge au bureau d’accréditation, muni(e) de la pièce d’identité indiquée lors de votre inscription ({ $document_type } n° { $document_number }).

    Nous nous réjouissons de vous accueillir.
doc-letter-visa-subject = Demande de visa en vue de la participation à « { $event } »
doc-letter-visa-body =
    Aux autorités consulaires concernées,

    Les organisateurs de « { $event } », qui se tient à { $venue } ({ $dates }), certifient que { $name }, né(e) le { $date_of_birth }, de nationalité { $nationality }, titulaire du document { $document_type } n° { $document_number } valable jusqu’au { $document_expiry }, est accrédité(e) en qualité de { $function } (délégation : { $delegation }).

    Nous vous serions reconnaissants de bien vouloir faciliter la délivrance du visa nécessaire à sa participation à la conférence.

    La présente lettre ne donne pas accès au site de la conférence ; seul le badge d’accréditation y donne accès.
