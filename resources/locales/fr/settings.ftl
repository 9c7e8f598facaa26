# Settings screen: event and badge, categories, zones, checkpoints, sessions, delegations, vetting and letters.

## The screen and what its sections share

settings-section-event = Événement et badge
settings-section-categories = Catégories
settings-section-zones = Zones
settings-section-checkpoints = Points de contrôle
settings-section-sessions = Séances
settings-section-delegations = Délégations
settings-section-vetting = Habilitations et lettres
settings-read-only = { $name } ({ $role }) peut consulter la configuration ; seul un administrateur peut la modifier.
settings-role-administrator = administrateur
settings-role-supervisor = superviseur
settings-role-clerk = agent d'accréditation
settings-role-gate = agent de contrôle
settings-role-viewer = lecteur
settings-loading = Lecture de la configuration…
settings-save = Enregistrer
settings-remove = Supprimer
settings-saving = Enregistrement…
settings-badge-preview = Aperçu du badge
settings-sample-long-name = Nom long
settings-sample-arabic-name = Nom arabe

## Event and badge

settings-event-code = Code (signé dans chaque badge)
settings-event-name = Nom
settings-event-venue = Lieu
settings-event-time-zone = Fuseau horaire
settings-event-first-day = Premier jour
settings-event-last-day = Dernier jour
settings-event-badges-from = Badges valides à partir du (heure locale)
settings-event-badges-until = Badges valides jusqu'au (heure locale)
settings-event-title-band = Bandeau de titre (vide : nom de l'événement)
settings-event-footer = Ligne de pied de page
settings-event-band-colour = Couleur du bandeau de titre
settings-event-default-layout = Format par défaut
settings-event-layout-a6 = a6
settings-event-layout-card = carte
settings-event-layout-a4x4 = a4x4
settings-event-logo = Logo (à gauche du bandeau de titre)
settings-event-logo-new = Nouvelle image, { $size } Ko — pas encore enregistrée
settings-event-logo-stored = Une image de { $size } Ko
settings-event-logo-removed = Aucun — supprimé, pas encore enregistré
settings-event-logo-none = Aucun
settings-event-logo-choose = Choisir une image…
settings-event-logo-dialog = Choisir le logo de l'événement
settings-event-logo-filter = Images
settings-event-undo = Annuler les modifications
settings-event-preview-note = Un participant fictif sans photo, dessiné par le code qui imprime les badges. Les réglages non enregistrés s'affichent d'abord ici.
settings-event-nothing-to-change = Aucune modification.
settings-event-saved = Enregistré : { $settings }.
settings-event-saved-new-key = Enregistré : { $settings }. Une nouvelle clé de signature ({ $key }) couvre la nouvelle période de validité des badges : transmettez la nouvelle liste de confiance aux points de contrôle.
settings-event-changed-code = code
settings-event-changed-name = nom
settings-event-changed-venue = lieu
settings-event-changed-time-zone = fuseau horaire
settings-event-changed-start-date = premier jour
settings-event-changed-end-date = dernier jour
settings-event-changed-badge-valid-from = début de validité des badges
settings-event-changed-badge-valid-until = fin de validité des badges
settings-event-changed-title-band = bandeau de titre
settings-event-changed-footer = pied de page
settings-event-changed-band-colour = couleur du bandeau
settings-event-changed-default-layout = format par défaut
settings-event-changed-logo = logo

## Categories

settings-category-title = Catégories
settings-category-new = Nouvelle catégorie
settings-category-edit = Modifier la catégorie
settings-category-line = zones { $zones } · { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}
settings-category-zones-none = aucune
settings-category-code = Code
settings-category-name = Nom (imprimé sur le badge)
settings-category-name-example = Délégué
settings-category-colour = Couleur
settings-category-default-zones = Zones par défaut
settings-category-order = Ordre
settings-category-quota = Quota par défaut par délégation
settings-category-quota-none = aucun
settings-category-added = Catégorie { $code } ajoutée.
settings-category-saved = Catégorie { $code } enregistrée.
settings-category-removed = Catégorie { $code } supprimée.
settings-category-to-reprint = { $count ->
    [one] { $count } badge à réimprimer (motif data-change) :
   *[other] { $count } badges à réimprimer (motif data-change) :
}
settings-category-badge-zones = porte les zones { $carries }, devrait ouvrir { $opens }
settings-category-badge-zones-not-printed = porte les zones { $carries }, devrait ouvrir { $opens } (pas encore imprimé)
settings-category-badges-more = … et { $count } de plus (accredit categories edit CODE --list-affected les liste tous)

## Zones

settings-zone-title = Zones
settings-zone-new = Nouvelle zone
settings-zone-heading = Zone { $number }
settings-zone-number-note = Les badges portent et impriment les numéros de zone : une zone garde son numéro ; son code et son nom peuvent changer.
settings-zone-number = Numéro (1–64)
settings-zone-code = Code
settings-zone-name = Nom (affiché aux points de contrôle)
settings-zone-name-example = Salon VIP
settings-zone-not-used = non utilisée
settings-zone-used-by-categories = catégories { $categories }
settings-zone-used-by-checkpoints = { $count ->
    [one] { $count } point de contrôle
   *[other] { $count } points de contrôle
}
settings-zone-used-by-sessions = { $count ->
    [one] { $count } séance
   *[other] { $count } séances
}
settings-zone-used-by-badges = { $count ->
    [one] { $count } badge
   *[other] { $count } badges
}
settings-zone-added = Zone { $number } { $code } ajoutée.
settings-zone-saved = Zone { $number } { $code } enregistrée.
settings-zone-removed = Zone { $number } supprimée.

## Checkpoints

settings-checkpoint-title = Points de contrôle
settings-checkpoint-new = Nouveau point de contrôle
settings-checkpoint-edit = Modifier le point de contrôle
settings-checkpoint-none-yet = Aucun point de contrôle : ajoutez les portes du site, chacune avec la zone à laquelle elle donne accès.
settings-checkpoint-line = zone { $zone } · { $directions }
settings-checkpoint-name-label = Nom
settings-checkpoint-name-example = Porte A — entrée principale
settings-checkpoint-zone = Zone desservie
settings-checkpoint-directions = Sens
settings-checkpoint-both-ways = Entrée et sortie
settings-checkpoint-entry-only = Entrée seulement
settings-checkpoint-exit-only = Sortie seulement
settings-checkpoint-added = Point de contrôle « { $name } » ajouté.
settings-checkpoint-saved = Point de contrôle « { $name } » enregistré.
settings-checkpoint-removed = Point de contrôle « { $name } » supprimé.

## Sessions

settings-session-title = Séances
settings-session-new = Nouvelle séance
settings-session-edit = Modifier la séance
settings-session-none-yet = Aucune séance : ajoutez le programme (ouverture, plénière, cérémonie de signature…).
settings-session-line = { $start } – { $end } · zone { $zone }
settings-session-line-by-invitation = { $start } – { $end } · zone { $zone } · sur invitation
settings-session-name-label = Nom
settings-session-name-example = Cérémonie d'ouverture
settings-session-zone = Zone
settings-session-start = Début ({ $time_zone })
settings-session-end = Fin
settings-session-time-placeholder = AAAA-MM-JJTHH:MM
settings-session-invitation-only = Sur invitation uniquement
settings-session-delegations-invited = Délégations invitées : { $count }
settings-session-filter-delegations = Filtrer les délégations
settings-session-participants-invited = Participants invités : { $count }
settings-session-participant-id = participant { $id }
settings-session-find-participant = Rechercher un participant par nom ou pièce d'identité
settings-session-find = Rechercher
settings-session-finding = Recherche…
settings-session-invite = Inviter
settings-session-invited = Invité
settings-session-added = Séance « { $name } » ajoutée.
settings-session-saved = Séance « { $name } » enregistrée.
settings-session-removed = Séance « { $name } » supprimée.

## Delegations

settings-delegation-title = Délégations ({ $count })
settings-delegation-new-custom = Nouvelle délégation hors liste
settings-delegation-filter = Filtrer par code ou nom
settings-delegation-none-yet = Aucune délégation : ajoutez-les à partir des listes de référence à droite.
settings-delegation-reference-title = Ajouter depuis les listes de référence
settings-delegation-reference-search = Rechercher parmi { $count } États et les organisations usuelles (ex. cote, unodc)
settings-delegation-reference-add = Ajouter
settings-delegation-reference-added = Ajoutée
settings-delegation-reference-none = Absente des listes : saisissez-la ci-dessous comme délégation hors liste.
settings-delegation-new = Nouvelle délégation
settings-delegation-edit = Modifier la délégation
settings-delegation-code = Code
settings-delegation-name = Nom (imprimé sur les badges)
settings-delegation-kind = Type
settings-delegation-focal-point = Point focal
settings-delegation-focal-point-email = Courriel du point focal
settings-delegation-quotas = Quotas par catégorie (vide : valeur par défaut de la catégorie)
settings-delegation-quota-default = { $quota } (par défaut)
settings-delegation-quota-none = aucun
settings-delegation-added = Délégation { $code } ({ $name }) ajoutée.
settings-delegation-saved = Délégation { $code } ({ $name }) enregistrée.
settings-delegation-removed = Délégation { $code } ({ $name }) supprimée.
settings-delegation-kind-member-state = État membre
settings-delegation-kind-observer-state = État observateur
settings-delegation-kind-un-entity = Entité des Nations Unies
settings-delegation-kind-intergovernmental = Organisation intergouvernementale
settings-delegation-kind-regional = Organisation régionale
settings-delegation-kind-financial = Institution financière
settings-delegation-kind-ngo = ONG
settings-delegation-kind-academia = Milieu universitaire
settings-delegation-kind-media = Médias
settings-delegation-kind-host = Pays hôte / organisateur

## Vetting and letters

settings-clearance-title = Habilitation de sécurité
settings-clearance-help = Indique si le service de sécurité du pays hôte doit habiliter un participant avant l'impression ou la remise de son badge : off (non), all (toutes les catégories), ou des codes de catégorie séparés par ; (ex. MED;SEC).
settings-clearance-required = Habilitation requise
settings-clearance-placeholder = off, all, ou MED;SEC
settings-clearance-save = Enregistrer l'habilitation
settings-clearance-saved-off = Enregistré : l'habilitation n'est pas requise.
settings-clearance-saved-all = Enregistré : l'habilitation est requise pour toutes les catégories.
settings-clearance-saved-categories = Enregistré : l'habilitation est requise pour { $categories }.
settings-letter-title = Lettres aux délégués
settings-letter-kind-acknowledgement = Confirmation d'accréditation
settings-letter-kind-visa = Lettre d'appui pour visa
settings-letter-subject = Objet
settings-letter-subject-placeholder = Ligne d'objet
settings-letter-body = Texte (paragraphes séparés par une ligne vide)
settings-letter-signatory = Signataire
settings-letter-signatory-placeholder = ex. Le Bureau des accréditations
settings-letter-placeholders = Champs disponibles : { $placeholders }
settings-letter-save = Enregistrer le modèle
settings-letter-saved-acknowledgement = Enregistré : le modèle de confirmation d'accréditation.
settings-letter-saved-visa = Enregistré : le modèle de lettre d'appui pour visa.
settings-letter-placeholder-name = le nom tel qu'imprimé sur le badge
settings-letter-placeholder-given-names = prénoms
settings-letter-placeholder-family-name = nom de famille
settings-letter-placeholder-function = fonction ou titre
settings-letter-placeholder-delegation = le nom de la délégation
settings-letter-placeholder-category = le nom de la catégorie du badge
settings-letter-placeholder-nationality = nationalité (code ISO)
settings-letter-placeholder-date-of-birth = date de naissance
settings-letter-placeholder-document-type = type de pièce d'identité
settings-letter-placeholder-document-number = numéro de pièce d'identité
settings-letter-placeholder-document-expiry = date d'expiration de la pièce d'identité
settings-letter-placeholder-event = le nom de l'événement
settings-letter-placeholder-venue = le lieu
settings-letter-placeholder-dates = les dates de l'événement
settings-documents-language = Lettres, reçus et rapports rédigés en
settings-documents-language-help = Les documents en vietnamien et en français sont traduits ; les autres langues donnent les documents en anglais. L'option --lang d'une commande choisit une autre langue pour un document.
settings-documents-language-saved = Les documents sont désormais rédigés en { $language }.
