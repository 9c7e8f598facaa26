# The Security vetting screen (supervisors): sending batches to the host's security service, importing its answers, the batches still waiting.
vetting-title = Contrôle de sécurité
vetting-not-allowed = { $name } ({ $role }) n’est pas autorisé(e) à mener le contrôle de sécurité.
vetting-loading = Chargement…
vetting-rule-off = L’habilitation par le service de sécurité du pays hôte n’est pas requise. Un administrateur peut modifier ce réglage dans Paramètres.
vetting-rule-all = L’habilitation par le service de sécurité du pays hôte est requise pour toutes les catégories. Un administrateur peut modifier ce réglage dans Paramètres.
vetting-rule-categories = L’habilitation par le service de sécurité du pays hôte est requise pour { $categories }. Un administrateur peut modifier ce réglage dans Paramètres.

## Sending a batch
vetting-send-title = Envoyer un lot
vetting-only-not-sent = Seulement les personnes jamais envoyées
vetting-with-photos = Photos dans une archive ZIP
vetting-xlsx = XLSX (sinon CSV)
vetting-send = Envoyer le lot
vetting-sending = Envoi…
vetting-send-note = Toute personne qui doit être habilitée et n’a pas de réponse définitive figure sur la liste ; elle est marquée comme envoyée, dans un même lot.
vetting-sent =
    Lot { $batch } : { $count ->
        [one] { $count } participant écrit
       *[other] { $count } participants écrits
    } dans { $file }.
vetting-sent-with-photos =
    Lot { $batch } : { $count ->
        [one] { $count } participant écrit
       *[other] { $count } participants écrits
    } dans { $file }, { $photos ->
        [one] { $photos } photo
       *[other] { $photos } photos
    } dans { $photos_file }.
vetting-not-sent = Aucun lot n’a été envoyé : { $error }

## Importing the answers
vetting-answers-title = Importer les réponses
vetting-answers-placeholder = Chemin du fichier de réponses (CSV ou XLSX), par ex. /home/desk/Downloads/vetting-answers.xlsx
vetting-path-first = Saisissez d’abord le chemin du fichier de réponses.
vetting-check = Vérifier
vetting-checking = Vérification…
vetting-apply = Appliquer les réponses
vetting-applying = Application…
vetting-nothing-changed = Rien n’a été modifié : { $error }
vetting-report-checked = Vérifié, rien n’est encore écrit : { $rows } ligne(s) : { $cleared } habilité(s), { $refused } refusé(s), { $more } demande(s) de complément d’information, { $unchanged } inchangé(s), { $unanswered } sans réponse, { $problems } problème(s).
vetting-report-applied = Appliqué : { $rows } ligne(s) : { $cleared } habilité(s), { $refused } refusé(s), { $more } demande(s) de complément d’information, { $unchanged } inchangé(s), { $unanswered } sans réponse, { $problems } problème(s).
vetting-revoked = Badges révoqués après un refus : { $serials }
vetting-line = Ligne { $line } : { $reference } — { $reason }

## The batches
vetting-batches-title = Lots
vetting-refresh = Actualiser
vetting-no-batch = Aucun lot n’a encore été envoyé.
vetting-col-batch = Lot
vetting-col-age = Depuis
vetting-col-sent-by = Envoyé par
vetting-col-people = Personnes
vetting-col-waiting = En attente
vetting-col-cleared = Habilités
vetting-col-refused = Refusés
vetting-col-more-info = Complément
vetting-col-file = Fichier
vetting-age-just-now = à l’instant
vetting-age-minutes = { $count } min
vetting-age-hours = { $count } h
vetting-age-days =
    { $count ->
        [one] { $count } jour
       *[other] { $count } jours
    }
