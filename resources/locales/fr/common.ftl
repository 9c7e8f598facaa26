# Le cadre de chaque écran (barre de navigation, titre de la fenêtre, barre d’état) et les éléments communs aux écrans.

common-all-delegations = Toutes les délégations
common-all-categories = Toutes les catégories

## Barre de navigation et titre de la fenêtre
common-tab-participants = Participants
common-tab-import = Importation
common-tab-delegations = Délégations
common-tab-print-queue = File d’impression
common-tab-vetting = Habilitations
common-tab-gate = Point de contrôle
common-tab-dashboard = Tableau de bord
common-tab-operators = Opérateurs
common-tab-settings = Paramètres
common-window-title-event = Accredit — { $event }
common-window-title-gate = Accredit — Point de contrôle
common-opening = Ouverture…
common-opening-gate = Ouverture du point de contrôle…
common-signed-in-as = { $name } ({ $role })
common-sign-out = Se déconnecter
common-role-administrator = administrateur
common-role-supervisor = superviseur
common-role-clerk = agent d’accréditation
common-role-gate = agent de contrôle
common-role-viewer = consultation

## Les dates de l’événement, en tête
common-dates-same-month = { $start_day }–{ $end_day } { $month } { $year }
common-dates-same-year = { $start_day } { $start_month } – { $end_day } { $end_month } { $year }
common-dates-range = { $start } – { $end }

## Barre d’état
common-event-server = Serveur de l’événement : { $url }
common-data-directory = Données : { $path }
common-participants-count =
    { $count ->
        [one] { $count } participant
       *[other] { $count } participants
    }
common-status-participants = { $participants } : { $counts }
common-status-count = { $status } { $count }
common-status-nominated = Désignés
common-status-approved = Approuvés
common-status-rejected = Refusés
common-status-cancelled = Annulés
common-backed-up = Dernière sauvegarde : { $time }
common-backup-failed = Échec de la sauvegarde automatique : { $error }
common-counts-failed = Impossible de lire le décompte des participants : { $error }
common-session-refresh-failed = Impossible de relire l’événement après la modification des paramètres : { $error }

## Tâches de fond, visionneuse PDF et imprimante
common-error-internal = erreur interne : l’opération s’est arrêtée de manière inattendue (détails sur stderr)
common-error-not-started = impossible de lancer l’opération : { $error }
common-error-interrupted = l’opération a été interrompue
common-viewer-missing = impossible d’ouvrir le PDF : { $program } n’est pas installé ; le fichier est { $path }
common-viewer-not-started = impossible d’ouvrir le PDF : { $program } n’a pas pu démarrer ({ $error }) ; le fichier est { $path }
common-viewer-refused = { $program } n’a pas pu ouvrir { $path } ({ $status })
common-viewer-refused-said = { $program } n’a pas pu ouvrir { $path } ({ $status }) : { $output }
common-printer-not-started = impossible de lancer lp ({ $error }) ; le fichier est { $path }
common-printer-refused = l’imprimante a refusé { $path } ({ $status })
common-printer-refused-said = l’imprimante a refusé { $path } ({ $status }) : { $output }

## Listes de choix
common-gender-female = Femme
common-gender-male = Homme
common-gender-other = Autre
common-gender-not-given = Non précisé
common-document-passport = Passeport
common-document-diplomatic-passport = Passeport diplomatique
common-document-official-passport = Passeport officiel/de service
common-document-national-id = Carte d’identité nationale
common-document-laissez-passer = Laissez-passer des Nations Unies
common-document-other = Autre
common-layout-a6 = Badge A6
common-layout-card = Carte ID-1
common-layout-a4x4 = Feuille A4 de 4
common-reprint-lost = Perdu
common-reprint-damaged = Endommagé
common-reprint-data-changed = Données modifiées

## Formulaires et aperçu du badge
common-confirm-title = Avant d’appliquer cette modification
common-apply-anyway = Appliquer quand même
common-cancel = Annuler
common-colour-black-text = Texte sur cette couleur : noir (contraste { $contrast }:1)
common-colour-white-text = Texte sur cette couleur : blanc (contraste { $contrast }:1)
common-preview-a6 = A6 (chaque badge de la feuille A4 × 4)
common-preview-card = Carte (ID-1)
common-preview-drawing = Préparation de l’aperçu du badge…
