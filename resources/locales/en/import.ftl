# The import wizard (Import tab): nomination lists and photos, the dry-run report and the import itself.
import-title = Import
import-nominations-intro = A delegation's nomination list, as CSV (any encoding) or a spreadsheet (XLSX). Nothing is written until you confirm.
import-photos-intro = A folder or ZIP archive of photos, each named after the participant's reference or document number (e.g. VNM-0001.jpg).
import-not-allowed = { $name } ({ $role }) may not import nominations or photos.
import-kind-nominations = Nomination list
import-kind-photos = Photos
import-path-placeholder-nominations = Path of the CSV or XLSX file, e.g. /home/desk/Downloads/nominations-VNM.xlsx
import-path-placeholder-photos = Path of the folder or ZIP archive of photos
import-choose-file = Choose file…
import-choose-folder = Choose folder…
import-choose-zip = Choose ZIP…
import-check = Check
import-delegation = Delegation:
import-each-row-names-its-delegation = Each row names its delegation
import-save-template = Save the template for delegations…
import-no-file-chosen = No file chosen. If no file chooser opened, type the path in the field.
import-chooser-unavailable = The file chooser is not available here ({ $error }); type the path instead.
import-choose-file-first = Choose a CSV or XLSX file first.
import-choose-photos-first = Choose a folder or ZIP archive of photos first.
import-template-writing = Writing the template…
import-template-saved = Template saved: { $path } ({ $delegations } delegations, { $categories } categories in its lists).
import-save-dialog-unavailable = No save dialog is available here ({ $error }); use `accredit import --template -o nominations.xlsx`.
import-template-not-saved = The template was not saved: { $error }
import-nothing-imported = Nothing was imported: { $error }

## What the desk should know before choosing a file
import-guide-columns = Columns are recognised by their names in English, French, Russian, Spanish or Vietnamese (Family name, Nom, Фамилия, Apellido, Họ…); other columns are listed and left aside.
import-guide-updates = A row naming someone already nominated — same reference, document number, or name and date of birth within the delegation — updates that person instead of adding another.
import-guide-problems = Rows with a problem are listed with their line, column and reason; the other rows can be imported, and the corrected file imported again later.
import-guide-template = The spreadsheet to send to delegations: “Save the template for delegations…” above (the CLI's accredit import --template -o nominations.xlsx writes the same).
import-guide-photo-names = Each file is named after the participant's reference or document number: VNM-0001.jpg, C1234567 Nguyen.png.
import-guide-photo-sizes = Photos are turned upright, cropped to 3:4 and stored at most 600 × 800. Files that are not images, smaller than 300 × 400 or too large to open safely are listed with the reason.

## The system's file dialogs
import-dialog-photo-folder = Folder of photos
import-dialog-photo-zip = ZIP archive of photos
import-dialog-zip-filter = ZIP archive
import-dialog-nomination-list = Nomination list
import-dialog-nomination-filter = Nomination lists
import-dialog-all-files = All files
import-dialog-template = Save the template for delegations
import-dialog-workbook-filter = Excel workbook

## The report
import-checking = Checking every row…
import-importing = Importing…
import-separated-by = separated by “{ $separator }”
import-sheet = sheet “{ $sheet }”
import-header-line = header on line { $line }
import-count-rows = rows
import-count-files = files
import-count-to-import = to import
import-count-to-update = to update
import-count-imported = imported
import-count-updated = updated
import-count-unchanged = unchanged
import-count-rejected = rejected
import-columns-read = Columns read: { $columns }
import-columns-not-imported = Columns not imported: { $columns }
import-rejected-rows = Rejected rows
import-rejected-files = Rejected files
import-to-check = To check
import-col-line = Line
import-col-column = Column
import-col-reason = Reason
import-col-participant = Participant
import-col-notice = Notice
import-col-file = File
import-more-problems = … and { $count } more problems (`accredit import FILE --dry-run` lists them all).
import-confirm-participants =
    { $count ->
        [one] Import { $count } participant
       *[other] Import { $count } participants
    }
import-confirm-photos =
    { $count ->
        [one] Import { $count } photo
       *[other] Import { $count } photos
    }
import-nothing-to-import = Nothing to import from this file.
import-start-over = Start over
import-done-nominations = Done: { $imported } imported, { $updated } updated, { $unchanged } unchanged, { $rejected } rejected. The participants are nominated and shown in Participants.
import-done-photos = Done: { $imported } photos imported, { $unchanged } unchanged, { $rejected } rejected.
import-review =
    { $count ->
        [one] Review and approve { $delegation }'s { $count } nomination
       *[other] Review and approve { $delegation }'s { $count } nominations
    }
import-file-changed = The file changed between the check and the import: the figures below are what was actually imported.
import-participants-changed = Participants changed between the check and the import (another import or edit): the figures below are what was actually imported.

## The fields of a nomination list, where its columns go
import-field-delegation = Delegation
import-field-category = Category
import-field-family-name = Family name
import-field-given-names = Given names
import-field-middle-name = Middle name
import-field-middle-name-before = Middle name (Vietnamese tên đệm)
import-field-badge-name = Name on badge
import-field-function = Function
import-field-gender = Gender
import-field-nationality = Nationality
import-field-date-of-birth = Date of birth
import-field-document-type = Document type
import-field-document-number = Document number
import-field-document-expiry = Document expiry
import-field-email = E-mail
import-field-phone = Phone
import-field-zones-added = Zones added
import-field-zones-removed = Zones removed
import-field-notes = Notes
import-field-reference = Reference
