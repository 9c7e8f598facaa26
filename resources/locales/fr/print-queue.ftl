# Écran File d'impression : choix des badges, décompte, production du PDF et résultat.
print-queue-title = File d'impression
print-queue-delegation = Délégation
print-queue-category = Catégorie
print-queue-layout = Format
print-queue-counting = Décompte des badges…
print-queue-all-printed = Tous les badges de cette sélection sont imprimés.
print-queue-nothing-to-print = Aucun badge à imprimer pour cette sélection.
print-queue-will-make =
    { $count ->
        [one] { $count } badge jamais imprimé sera produit ({ $new } avec un nouveau numéro de série).
       *[other] { $count } badges jamais imprimés seront produits ({ $new } avec un nouveau numéro de série).
    }
print-queue-will-reprint =
    { $count ->
        [one] { $count } badge déjà imprimé sera réimprimé.
       *[other] { $count } badges déjà imprimés seront réimprimés.
    }
print-queue-just-approved =
    { $count ->
        [one] Le participant qui vient d'être approuvé : { $headline }
       *[other] Les { $count } participants qui viennent d'être approuvés : { $headline }
    }
print-queue-again = De nouveau : { $headline }
print-queue-counting-again = { $headline }  (nouveau décompte…)
print-queue-print-anyway =
    { $count ->
        [one] Imprimer quand même ({ $count } badge)
       *[other] Imprimer quand même ({ $count } badges)
    }
print-queue-make-another =
    { $count ->
        [one] Produire un autre PDF ({ $count } badge)
       *[other] Produire un autre PDF ({ $count } badges)
    }
print-queue-print-them-again =
    { $count ->
        [one] Les réimprimer ({ $count } badge)
       *[other] Les réimprimer ({ $count } badges)
    }
print-queue-make-pdf =
    { $count ->
        [one] Produire le PDF ({ $count } badge)
       *[other] Produire le PDF ({ $count } badges)
    }
print-queue-skipped =
    { $count ->
        [one] { $count } écarté
       *[other] { $count } écartés
    }
print-queue-skipped-why =
    { $count ->
        [one] { $count } écarté : { $reasons }
       *[other] { $count } écartés : { $reasons }
    }
print-queue-not-valid = ⚠ Non valable pour l'événement : { $warning }
print-queue-printed-before =
    { $count ->
        [one] { $count } badge de cette sélection, déjà imprimé, n'est pas inclus.
       *[other] { $count } badges de cette sélection, déjà imprimés, ne sont pas inclus.
    }
print-queue-print-again =
    { $count ->
        [one] Réimprimer { $count } badge déjà imprimé…
       *[other] Réimprimer les { $count } déjà imprimés…
    }
print-queue-second-card = Réimprimer met en circulation une deuxième carte portant le même numéro de série ; détruisez la première.
print-queue-back-to-unprinted = Revenir aux badges jamais imprimés
print-queue-handed-over-too =
    { $count ->
        [one] Oui, réimprimer aussi { $count } badge déjà remis (son titulaire a une carte)
       *[other] Oui, réimprimer aussi les { $count } déjà remis (leurs titulaires ont une carte)
    }
print-queue-made =
    ✔ { $count ->
        [one] { $count } badge
       *[other] { $count } badges
    } sur { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    } (format { $layout }, { $megabytes },{ $tenths } Mo)
print-queue-layout-a6 = A6
print-queue-layout-card = carte ID-1
print-queue-layout-a4x4 = A4 ×4
print-queue-made-counts =
    { $new ->
        [one] { $new } nouveau
       *[other] { $new } nouveaux
    }, { $reprinted ->
        [one] { $reprinted } réimprimé
       *[other] { $reprinted } réimprimés
    }, { $skipped ->
        [one] { $skipped } écarté
       *[other] { $skipped } écartés
    }
print-queue-made-counts-why =
    { $new ->
        [one] { $new } nouveau
       *[other] { $new } nouveaux
    }, { $reprinted ->
        [one] { $reprinted } réimprimé
       *[other] { $reprinted } réimprimés
    }, { $skipped ->
        [one] { $skipped } écarté
       *[other] { $skipped } écartés
    } ({ $reasons })
print-queue-open-pdf = Ouvrir le PDF
print-queue-send = Envoyer à l'imprimante
print-queue-opened = Ouvert : { $path }
print-queue-sent = Envoyé : { $printer }
print-queue-skipped-first = Écartés : { $count } (les { $shown } premiers sont listés ; ouvrez-en un pour le corriger)
print-queue-skipped-all = Écartés : { $count } (ouvrez-en un pour le corriger)
print-queue-and-more =
    { $count ->
        [one] … et { $count } autre
       *[other] … et { $count } autres
    }
print-queue-cancelling = Annulation…
print-queue-issuing =
    { $count ->
        [one] Émission et rendu de { $count } badge…
       *[other] Émission et rendu de { $count } badges…
    }
print-queue-rendered =
    { $done ->
        [one] { $done } badge rendu sur { $count }…
       *[other] { $done } badges rendus sur { $count }…
    }
print-queue-cancel = Annuler
print-queue-cancelled = Annulé : aucun badge n'a été émis ni imprimé, rien n'a changé.
print-queue-failed = Aucun badge imprimé : { $error }
