### L'écran des opérateurs (administrateurs) : qui peut se connecter, son rôle, sa langue et son état.

operators-title = Opérateurs
operators-intro = Qui peut se connecter, et ce que son rôle lui permet de faire. Les opérateurs ne sont jamais supprimés : le journal d'audit les nomme.
operators-new-name = Nom du nouvel opérateur
operators-new-password = Mot de passe (8 caractères ou plus)
operators-add = Ajouter un opérateur
operators-column-operator = Opérateur
operators-column-role = Rôle
operators-column-language = Langue
operators-column-state = État
operators-state-disabled = désactivé
operators-state-locked = verrouillé après des échecs de connexion
operators-state-active = actif
operators-language-default = langue du poste
operators-disable = Désactiver
operators-enable = Activer
operators-set-password = Mot de passe…
operators-new-password-for = Nouveau mot de passe pour { $name } :
operators-password-placeholder = 8 caractères ou plus
operators-save = Enregistrer
operators-cancel = Annuler
operators-loading = Chargement des opérateurs…
operators-added = Opérateur { $name } ajouté ({ $role }).
operators-role-changed = { $name } est désormais { $role }.
operators-enabled = { $name } peut de nouveau se connecter.
operators-disabled = { $name } ne peut plus se connecter.
operators-password-set = Nouveau mot de passe défini pour { $name }.
