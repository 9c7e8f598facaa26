### L'écran de connexion : le formulaire, le choix de la langue, les opérateurs de la démonstration (et les noms des rôles, repris par l'écran des opérateurs).

sign-in-title = Connexion
sign-in-operator = Opérateur
sign-in-password = Mot de passe
sign-in-submit = Se connecter
sign-in-language = Langue
sign-in-open-another-directory = Ouvrir un autre répertoire de données…
sign-in-demo-intro = Ceci est la conférence de démonstration. Se connecter en tant que :
sign-in-demo-operator = { $name } ({ $role }) — mot de passe { $password }
sign-in-role-administrator = administrateur
sign-in-role-supervisor = superviseur
sign-in-role-clerk = agent d'accréditation
sign-in-role-gate = agent de contrôle
sign-in-role-viewer = lecture seule
