# La fiche d'un participant au guichet : formulaire, photo, statut, actions sur le badge, historique du badge et journal.

## Ouverture, en-tête et enregistrement
participant-unreadable = Impossible de lire le participant { $id } : { $error }
participant-back-to-list = Retour à la liste
participant-opening = Ouverture du participant { $id }…
participant-id-tag = · participant { $id }
participant-not-saved = Non enregistré : { $reason }
participant-saved-at = ✔ Enregistré le { $time }
participant-unsaved = Modifications non enregistrées
participant-back = ← Liste
participant-revert = Rétablir
participant-save-shortcut = Enregistrer  (Ctrl+S)
participant-save = Enregistrer
participant-discard-question = Ce participant a des modifications non enregistrées.
participant-discard = Abandonner les modifications
participant-keep-editing = Continuer la saisie
participant-keys-hint = Ctrl+S enregistre · Échap revient à la liste · Tab passe d'un champ à l'autre
participant-no-changes = aucune modification à enregistrer
participant-fix-fields-first =
    { $count ->
        [one] corrigez d'abord le champ marqué en rouge
       *[other] corrigez d'abord les { $count } champs marqués en rouge
    }
participant-fix-fields =
    { $count ->
        [one] corrigez le champ marqué en rouge
       *[other] corrigez les { $count } champs marqués en rouge
    }

## Le formulaire
participant-section-name = Nom
participant-section-delegation = Délégation et catégorie
participant-section-identity = Identité
participant-section-contact = Coordonnées
participant-section-access = Accès et remarques
participant-label-delegation = Délégation
participant-label-category = Catégorie
participant-label-gender = Genre
participant-label-document-type = Type de pièce
participant-field-given-names = Prénom(s)
participant-field-family-name = Nom de famille
participant-field-badge-name = Nom sur le badge (si autre que prénoms + NOM)
participant-field-function = Fonction / titre
participant-field-nationality = Nationalité (ISO alpha-3)
participant-field-date-of-birth = Date de naissance
participant-field-document-number = Numéro de la pièce
participant-field-document-expiry = Expiration de la pièce
participant-field-email = Courriel
participant-field-phone = Téléphone
participant-field-zones-added = Zones ajoutées (p. ex. 4;5)
participant-field-zones-removed = Zones retirées
participant-field-notes = Remarques
participant-field-reference = Référence de la délégation

## La photo
participant-section-photo = Photo
participant-no-photo = Aucune photo
participant-photo-path = Chemin d'un fichier photo
participant-choose-file = Parcourir…
participant-use-photo = Utiliser la photo
participant-photo-hint = Recadrée en 3:4 et redimensionnée par Accredit. Pas de fenêtre de choix ? Saisissez le chemin.
participant-photo-path-needed = Saisissez le chemin du fichier photo, ou choisissez-le.
participant-photo-dialog-title = Choisir la photo du participant
participant-photo-dialog-filter = Photos
participant-photo-not-a-file = { $path } n'est pas un fichier
participant-photo-too-large = { $path } fait { $size } Mo ; un fichier photo doit faire moins de { $limit } Mo

## Statut
participant-status = Statut
participant-approve = Approuver
participant-renominate = Repasser en « Désigné »
participant-needs-supervisor = Approuver, refuser et annuler relèvent d'un superviseur.
participant-status-reason = Motif (refus ou dépassement de quota)
participant-reject = Refuser
participant-cancel = Annuler

## Le badge
participant-badge = Badge
participant-clearance = Habilitation de sécurité : { $state }
participant-clearance-batch = (lot { $batch }, envoyé le { $time })
participant-clearance-asked = demandé : { $asked }
participant-clearance-reason = motif : { $reason }
participant-clearance-not-required = non requise pour ce participant
participant-badge-line-unprinted = Badge { $serial } · zones { $zones } · pas encore imprimé
participant-badge-line-printed = Badge { $serial } · zones { $zones } · imprimé { $count } fois, dernière fois le { $time }
participant-badge-line-printed-untimed = Badge { $serial } · zones { $zones } · imprimé { $count } fois
participant-handed-over = Remis le { $time } par { $operator } : { $check }
participant-changed-since-issue = Les données ou la photo ont changé après l'émission du badge { $serial } : réimprimez-le (données modifiées) si le badge doit les montrer.
participant-no-badge-yet = Pas encore de badge.
participant-only-approved = Seuls les participants approuvés reçoivent un badge.
participant-print = Imprimer le badge
participant-print-again = Réimprimer (même badge)
participant-print-again-question = Le badge { $serial } a été remis : son titulaire a une carte. Imprimer une seconde carte avec le même numéro de série ?
participant-print-again-yes = Oui, l'imprimer à nouveau
participant-print-again-no = Non
participant-badge-not-valid = Ce badge n'est pas valable pour l'événement : { $warning }.
participant-print-anyway = Imprimer quand même
participant-dont-print = Ne pas imprimer
participant-reprint-label = Nouveau numéro :
participant-reprint = Remplacer
participant-id-check = Pièce d'identité vérifiée
participant-id-check-seen = Pièce vue : { $document } { $number }
participant-hand-over = Remettre
participant-revoke-reason = Motif de la révocation
participant-revoke-reason-supervisor = Motif de la révocation (réservée à un superviseur)
participant-revoke = Révoquer
participant-open-pdf = Ouvrir le PDF
participant-send-to-printer = Envoyer à l'imprimante

## Ce qu'une action fait, ce qu'elle a fait, et pourquoi elle a échoué ({ $error } est l'explication de l'application)
participant-busy-save = Enregistrement…
participant-busy-approve = Approbation…
participant-busy-reject = Refus…
participant-busy-cancel = Annulation…
participant-busy-renominate = Retour à « Désigné »…
participant-busy-print = Impression…
participant-busy-reprint = Remplacement du badge…
participant-busy-revoke = Révocation…
participant-busy-hand-over = Remise du badge…
participant-busy-photo = Remplacement de la photo…
participant-busy-open-pdf = Ouverture du PDF…
participant-busy-send-pdf = Envoi à l'imprimante…
participant-failed-save = Échec de l'enregistrement : { $error }
participant-failed-approve = Échec de l'approbation : { $error }
participant-failed-reject = Échec du refus : { $error }
participant-failed-cancel = Échec de l'annulation : { $error }
participant-failed-renominate = Échec du retour à « Désigné » : { $error }
participant-failed-print = Échec de l'impression : { $error }
participant-failed-reprint = Échec du remplacement du badge : { $error }
participant-failed-revoke = Échec de la révocation : { $error }
participant-failed-hand-over = Échec de la remise du badge : { $error }
participant-failed-photo = Échec du remplacement de la photo : { $error }
participant-failed-open-pdf = Échec de l'ouverture du PDF : { $error }
participant-failed-send-pdf = Échec de l'envoi à l'imprimante : { $error }
participant-done-approved = Approuvé
participant-done-rejected = Refusé
participant-done-cancelled = Annulé
participant-done-renominated = Repassé en « Désigné »
participant-done-printed-new = Nouveau badge { $serial } → { $path }
participant-done-printed-again = Badge réimprimé : { $serial } → { $path }
participant-done-reprinted = Nouveau badge { $serial } ({ $reason }) → { $path }
participant-done-reprinted-replacing = Nouveau badge { $serial } ({ $reason }) (badge { $old } révoqué) → { $path }
participant-done-revoked = Badge { $serial } révoqué : aucun point de contrôle ne le laisse plus passer
participant-done-handed-over = Badge { $serial } remis ({ $check })
participant-done-photo = Photo remplacée depuis { $path }
participant-done-opened = Ouvert : { $path }
participant-done-sent = Envoyé à l'imprimante : { $answer }

## Historique du badge
participant-badge-history = Historique du badge
participant-no-badge-ever = Aucun badge n'a jamais été émis.
participant-badge-serial = Badge { $serial }
participant-badge-active = actif
participant-badge-revoked = révoqué
participant-badge-issued = émis le { $time } par { $operator }
participant-badge-printed = imprimé le { $time } par { $operator } ({ $kind })
participant-badge-handed-over = remis le { $time } par { $operator } : { $check }
participant-badge-revoked-at = révoqué le { $time } : { $reason }
participant-print-kind-new = nouveau
participant-print-kind-again = réimpression
participant-print-kind-lost = perdu
participant-print-kind-damaged = endommagé
participant-print-kind-data-change = données modifiées

## Le journal
participant-history = Journal
participant-history-created = Désigné
participant-history-edited = Modifié : { $changes }
participant-history-photo = Photo remplacée
participant-history-approved = Approuvé
participant-history-rejected = Refusé : { $reason }
participant-history-cancelled = Annulé
participant-history-cancelled-because = Annulé : { $reason }
participant-history-renominated = Repassé en « Désigné »
participant-history-badge-issued = Nouveau badge { $serial } (zones { $zones })
participant-history-badge-printed = Badge { $serial } imprimé ({ $kind })
participant-history-badge-reprinted = Badge { $serial } imprimé en remplacement d'un autre ({ $reason })
participant-history-badge-revoked = Badge { $serial } révoqué : { $reason }
participant-history-badge-handed-over = Badge { $serial } remis : { $check }
participant-history-change = { $field } : { $before } → { $after }
participant-history-details = données
participant-history-empty = (vide)
participant-history-quoted = « { $value } »
participant-history-field-given-names = Prénom(s)
participant-history-field-family-name = Nom de famille
participant-history-field-badge-name = Nom sur le badge
participant-history-field-function = Fonction
participant-history-field-gender = Genre
participant-history-field-nationality = Nationalité
participant-history-field-date-of-birth = Date de naissance
participant-history-field-document = Pièce d'identité
participant-history-field-email = Courriel
participant-history-field-phone = Téléphone
participant-history-field-zones-added = Zones ajoutées
participant-history-field-zones-removed = Zones retirées
participant-history-field-notes = Remarques
participant-history-field-reference = Référence
participant-history-field-delegation = Délégation
participant-history-field-category = Catégorie
