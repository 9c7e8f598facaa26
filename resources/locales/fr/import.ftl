# The import wizard (Import tab): nomination lists and photos, the dry-run report and the import itself.
import-title = Importer
import-nominations-intro = La liste des personnes désignées par une délégation, en CSV (tout encodage) ou en tableur (XLSX). Rien n’est écrit avant votre confirmation.
import-photos-intro = Un dossier ou une archive ZIP de photos, chacune nommée d’après la référence ou le numéro de document du participant (par ex. VNM-0001.jpg).
import-not-allowed = { $name } ({ $role }) n’est pas autorisé(e) à importer des listes ou des photos.
import-kind-nominations = Liste de désignations
import-kind-photos = Photos
import-path-placeholder-nominations = Chemin du fichier CSV ou XLSX, par ex. /home/desk/Downloads/nominations-VNM.xlsx
import-path-placeholder-photos = Chemin du dossier ou de l’archive ZIP de photos
import-choose-file = Choisir un fichier…
import-choose-folder = Choisir un dossier…
import-choose-zip = Choisir un ZIP…
import-check = Vérifier
import-delegation = Délégation :
import-each-row-names-its-delegation = Chaque ligne indique sa délégation
import-save-template = Enregistrer le modèle pour les délégations…
import-no-file-chosen = Aucun fichier choisi. Si aucune fenêtre de choix ne s’est ouverte, saisissez le chemin dans le champ.
import-chooser-unavailable = Le choix de fichier n’est pas disponible ici ({ $error }) ; saisissez plutôt le chemin.
import-choose-file-first = Choisissez d’abord un fichier CSV ou XLSX.
import-choose-photos-first = Choisissez d’abord un dossier ou une archive ZIP de photos.
import-template-writing = Écriture du modèle…
import-template-saved = Modèle enregistré : { $path } ({ $delegations } délégations, { $categories } catégories dans ses listes).
import-save-dialog-unavailable = Aucune fenêtre d’enregistrement n’est disponible ici ({ $error }) ; utilisez `accredit import --template -o nominations.xlsx`.
import-template-not-saved = Le modèle n’a pas été enregistré : { $error }
import-nothing-imported = Rien n’a été importé : { $error }

## What the desk should know before choosing a file
import-guide-columns = Les colonnes sont reconnues à leur nom en anglais, espagnol, français, russe ou vietnamien (Family name, Nom, Фамилия, Apellido, Họ…) ; les autres colonnes sont signalées et laissées de côté.
import-guide-updates = Une ligne désignant une personne déjà proposée — même référence, même numéro de document, ou même nom et date de naissance dans la délégation — met cette personne à jour au lieu d’en ajouter une autre.
import-guide-problems = Les lignes qui posent problème sont listées avec leur numéro, leur colonne et le motif ; les autres lignes peuvent être importées, et le fichier corrigé réimporté plus tard.
import-guide-template = Le tableur à envoyer aux délégations : « Enregistrer le modèle pour les délégations… » ci-dessus (la commande accredit import --template -o nominations.xlsx produit le même).
import-guide-photo-names = Chaque fichier porte le nom de la référence ou du numéro de document du participant : VNM-0001.jpg, C1234567 Nguyen.png.
import-guide-photo-sizes = Les photos sont redressées, recadrées au format 3:4 et enregistrées en 600 × 800 au plus. Les fichiers qui ne sont pas des images, plus petits que 300 × 400 ou trop volumineux pour être ouverts sans risque sont listés avec le motif.

## The system's file dialogs
import-dialog-photo-folder = Dossier de photos
import-dialog-photo-zip = Archive ZIP de photos
import-dialog-zip-filter = Archive ZIP
import-dialog-nomination-list = Liste de désignations
import-dialog-nomination-filter = Listes de désignations
import-dialog-all-files = Tous les fichiers
import-dialog-template = Enregistrer le modèle pour les délégations
import-dialog-workbook-filter = Classeur Excel

## The report
import-checking = Vérification de chaque ligne…
import-importing = Import en cours…
import-separated-by = séparateur « { $separator } »
import-sheet = feuille « { $sheet } »
import-header-line = en-tête à la ligne { $line }
import-count-rows = lignes
import-count-files = fichiers
import-count-to-import = à importer
import-count-to-update = à mettre à jour
import-count-imported = importés
import-count-updated = mis à jour
import-count-unchanged = inchangés
import-count-rejected = rejetés
import-columns-read = Colonnes lues : { $columns }
import-columns-not-imported = Colonnes non importées : { $columns }
import-rejected-rows = Lignes rejetées
import-rejected-files = Fichiers rejetés
import-to-check = À vérifier
import-col-line = Ligne
import-col-column = Colonne
import-col-reason = Motif
import-col-participant = Participant
import-col-notice = Remarque
import-col-file = Fichier
import-more-problems = … et { $count } autres problèmes (`accredit import FILE --dry-run` les liste tous).
import-confirm-participants =
    { $count ->
        [one] Importer { $count } participant
       *[other] Importer { $count } participants
    }
import-confirm-photos =
    { $count ->
        [one] Importer { $count } photo
       *[other] Importer { $count } photos
    }
import-nothing-to-import = Rien à importer depuis ce fichier.
import-start-over = Recommencer
import-done-nominations = Terminé : { $imported } importés, { $updated } mis à jour, { $unchanged } inchangés, { $rejected } rejetés. Les participants sont proposés et figurent dans Participants.
import-done-photos = Terminé : { $imported } photos importées, { $unchanged } inchangées, { $rejected } rejetées.
import-review =
    { $count ->
        [one] Examiner et approuver la désignation de { $delegation } ({ $count })
       *[other] Examiner et approuver les { $count } désignations de { $delegation }
    }
import-file-changed = Le fichier a changé entre la vérification et l’import : les chiffres ci-dessous sont ceux de l’import réellement effectué.
import-participants-changed = Les participants ont changé entre la vérification et l’import (autre import ou modification) : les chiffres ci-dessous sont ceux de l’import réellement effectué.

## The fields of a nomination list, where its columns go
import-field-delegation = Délégation
import-field-category = Catégorie
import-field-family-name = Nom
import-field-given-names = Prénoms
import-field-middle-name = Deuxième prénom
import-field-middle-name-before = Nom intermédiaire (tên đệm vietnamien)
import-field-badge-name = Nom sur le badge
import-field-function = Fonction
import-field-gender = Sexe
import-field-nationality = Nationalité
import-field-date-of-birth = Date de naissance
import-field-document-type = Type de document
import-field-document-number = Numéro de document
import-field-document-expiry = Expiration du document
import-field-email = Courriel
import-field-phone = Téléphone
import-field-zones-added = Zones ajoutées
import-field-zones-removed = Zones retirées
import-field-notes = Remarques
import-field-reference = Référence
