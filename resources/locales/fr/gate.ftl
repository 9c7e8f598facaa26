# L'écran du contrôle d'accès : sa page de réglage, les verdicts, la dérogation, les derniers passages, l'enregistrement du poste, l'export du paquet et le retour des passages.
gate-title = Contrôle d'accès
gate-cannot-start = Le contrôle d'accès ne peut pas démarrer
gate-opening = Ouverture du contrôle d'accès…
gate-no-checkpoint = L'événement n'a encore aucun point de contrôle : ajoutez-en dans les paramètres de l'événement
gate-package-line = Paquet de contrôle hors ligne { $path } — { $holders } titulaires de badge, créé le { $made } par { $by }
gate-sign-in-to-scan = Connectez-vous pour scanner
gate-operator = Opérateur
gate-password = Mot de passe
gate-sign-in = Se connecter
gate-checkpoint = Point de contrôle
gate-checkpoint-choice = { $checkpoint } (zone { $zone })
gate-direction = Sens
gate-entry = Entrée
gate-exit = Sortie
gate-station = Poste
gate-station-placeholder = Nom de ce poste
gate-second-language = Verdicts aussi en
gate-second-language-none = aucune
gate-start-scanning = Commencer le contrôle
gate-signed-in-as = Connecté : { $name } ({ $role })
gate-role-administrator = administrateur
gate-role-supervisor = superviseur
gate-role-clerk = agent d'accréditation
gate-role-gate = agent de contrôle
gate-role-viewer = observateur

# Le contrôle.
gate-place-entry = { $checkpoint } · ENTRÉE
gate-place-exit = { $checkpoint } · SORTIE
gate-scan-placeholder = Scanner un badge
gate-change-checkpoint = Changer de point de contrôle
gate-not-checked = NON CONTRÔLÉ
gate-not-recorded = Le passage n'a pas pu être enregistré : { $error }
gate-scan-again = Scannez à nouveau le badge.
gate-ready = Prêt
gate-ready-hint = Scannez un badge : le verdict s'affiche ici.
gate-accepted = ACCEPTÉ
gate-refused = REFUSÉ
gate-let-through-headline = PASSAGE PAR DÉROGATION
gate-override = Dérogation…
gate-override-title = Laisser passer cette personne
gate-override-reason = Motif (obligatoire)
gate-override-supervisor = Superviseur
gate-override-password = Mot de passe du superviseur
gate-override-submit = Laisser passer
gate-override-cancel = Annuler
gate-recent = Derniers passages
gate-recent-none = Aucun pour l'instant.
gate-recent-let-through = { $name } · dérogation
gate-no-photo = Pas de photo
gate-holder-unknown = Titulaire inconnu de ce poste
gate-override-reason-by = Motif : { $reason } (autorisé par { $supervisor })
gate-zones = Zones
gate-badge-serial = Badge nº { $serial }
gate-warning-revocations-minutes = La liste de révocation date de { $minutes } min : demandez-en une nouvelle aux organisateurs (accredit gate update-revocations)
gate-warning-revocations-hours = La liste de révocation date de { $hours } h : demandez-en une nouvelle aux organisateurs (accredit gate update-revocations)
gate-warning-revocations-days = La liste de révocation date de { $days } jours : demandez-en une nouvelle aux organisateurs (accredit gate update-revocations)

# Les verdicts.
gate-verdict-entry = Entrée dans la zone { $zone } — { $zone_name }
gate-verdict-leaving = Sortie de la zone { $zone } — { $zone_name }
gate-verdict-malformed = Pas un code de badge — scannez à nouveau
gate-verdict-unsupported-version = Format de badge non pris en charge par ce poste
gate-verdict-unknown-key = Badge non signé par cet événement — contrefaçon possible
gate-verdict-bad-signature = Signature invalide — badge falsifié ou modifié
gate-verdict-wrong-event-code = Badge d'un autre événement ({ $event })
gate-verdict-wrong-event = Badge d'un autre événement
gate-verdict-not-yet-valid-from = Badge pas encore valide — valide à partir du { $from }
gate-verdict-not-yet-valid = Badge pas encore valide
gate-verdict-expired-on = Badge expiré le { $expired }
gate-verdict-expired = Badge expiré
gate-verdict-revoked = Badge révoqué
gate-verdict-zone-denied = Pas d'accès à la zone { $zone } — { $zone_name }
gate-verdict-already-inside-since = Déjà à l'intérieur depuis { $since }
gate-verdict-already-inside = Déjà à l'intérieur
gate-verdict-unknown-badge = Badge inconnu de ce poste — vérifiez l'identité, appelez un superviseur
gate-verdict-not-a-badge = Une lettre, pas un badge — elle ne donne pas accès
gate-verdict-entry-only = Ce point de contrôle est réservé à l'entrée
gate-verdict-exit-only = Ce point de contrôle est réservé à la sortie
gate-verdict-no-way-through = Pas de passage par la zone { $zone } — { $zone_name }
gate-verdict-let-through-by = Passage autorisé par { $supervisor }
gate-zone-number = Zone { $zone }
gate-month-short = { $month ->
    [1] janv.
    [2] févr.
    [3] mars
    [4] avr.
    [5] mai
    [6] juin
    [7] juil.
    [8] août
    [9] sept.
    [10] oct.
    [11] nov.
   *[12] déc.
}
gate-date-time = { $day } { $month } { $year } à { $time }
gate-day-time = { $day } { $month } à { $time }

# L'enregistrement d'un ordinateur de contrôle.
gate-enrol-title = Enregistrer cet ordinateur comme poste de contrôle
gate-enrol-about = Un poste de contrôle n'ouvre que les paquets signés par la racine de son événement. Saisissez l'empreinte de la racine telle que l'affiche le bureau d'accréditation (accredit keys root) pour prendre la racine de ce paquet, ou collez la clé publique racine.
gate-enrol-fingerprint = Empreinte, p. ex. 3F2A 9C01 77B4 E0D2 5A6C 1188 C0DE 42F7
gate-enrol-root = …ou la clé publique racine (64 chiffres hexadécimaux)
gate-enrol-station = Nom du poste
gate-enrol-submit = Enregistrer cet ordinateur

# Le paquet de contrôle hors ligne.
gate-export-dialog = Enregistrer le paquet de contrôle
gate-export-title = Paquet de contrôle hors ligne
gate-export-about = Pour un ordinateur de contrôle sans réseau : les points de contrôle qu'il dessert, le titulaire de chaque badge actif avec une petite photo, les listes de confiance et de révocation.
gate-export-fingerprint = Enregistrez chaque ordinateur de contrôle avec l'empreinte de la racine de cet événement :
gate-export-writing = Écriture du paquet…
gate-export-save = Enregistrer le paquet…
gate-export-done = { $file } écrit : { $holders } titulaires de badge, { $photos } photos, liste de révocation nº { $revocations }.

# Le retour des passages.
gate-scans-filter = Passages du contrôle
gate-scans-save-dialog = Enregistrer les passages de ce poste pour le bureau
gate-scans-import-dialog = Rapatrier les passages d'un poste hors ligne
gate-scans-save-title = Passages pour le bureau
gate-scans-save-about = Enregistrez les passages de ce poste, signés par lui, pour les apporter au bureau d'accréditation sur une clé USB.
gate-scans-save = Enregistrer les passages…
gate-scans-import-title = Passages des postes hors ligne
gate-scans-import-about = Rapatriez le fichier enregistré par un poste hors ligne. Seul un fichier signé par un poste que l'événement a enregistré, et non modifié, est accepté.
gate-scans-import = Rapatrier des passages…
gate-scans-working = En cours…
gate-scans-saved = { $count ->
    [one] { $count } passage enregistré dans { $file }.
   *[other] { $count } passages enregistrés dans { $file }.
}
gate-scans-imported = { $count ->
    [one] { $count } nouveau passage importé ({ $already } déjà présents) depuis le poste { $station }.
   *[other] { $count } nouveaux passages importés ({ $already } déjà présents) depuis le poste { $station }.
}
gate-scans-refused = Passages refusés : { $error }
