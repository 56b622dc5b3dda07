## Résultats sous forme de classeur (canvass results --format xlsx, « Télécharger XLSX »)

xlsx-sheet-results = Résultats
xlsx-sheet-notes = Mode de lecture
xlsx-suppressed = masqué
xlsx-col-indicator = indicateur
xlsx-col-title = intitulé
xlsx-col-option = option
xlsx-col-region = région
xlsx-col-value = valeur
xlsx-col-respondents = répondants
xlsx-col-country = pays
xlsx-col-type = type de membre
xlsx-col-numerator = numérateur
xlsx-col-denominator = dénominateur
xlsx-col-previous = cycle précédent
xlsx-col-change = évolution
xlsx-col-suppressed = masqué
xlsx-notes-title = Cycle { $round } : résultats des indicateurs
xlsx-notes-suppression = Les petites cellules sont masquées pour protéger les répondants. Une cellule est masquée lorsqu’elle repose sur moins de { $min } répondants. Quand masquer une seule petite cellule ne suffit pas, parce qu’on pourrait la retrouver à partir du total et des autres régions, d’autres cellules sont masquées aussi, en commençant par la plus petite. Quand le total (ALL) est masqué, toutes les régions le sont.
xlsx-notes-marked = Une cellule masquée affiche le mot « masqué » sur fond gris, sans valeur ni effectif. Cette feuille n’indique jamais quelle règle a masqué quelle cellule.
xlsx-notes-share = Proportion : les répondants dont la réponse correspond, divisés par les répondants pris en compte pour l’indicateur, exprimée en pourcentage.
xlsx-notes-count = Nombre : le nombre de répondants dont la réponse correspond.
xlsx-notes-mean = Moyenne et somme : calculées sur les nombres donnés par les répondants qui ont répondu.
xlsx-notes-distribution = Répartition : pour chaque option, la proportion de répondants qui l’ont choisie ; pour une question à choix multiples, le total peut dépasser 100 %.
xlsx-notes-index = Indice : la proportion moyenne des composantes de l’indice que remplit chaque répondant.
xlsx-notes-denominator = Qui est compté : sauf mention contraire dans l’indicateur, les répondants qui ont répondu à sa question (réponses envoyées uniquement). Certains indicateurs ne comptent que les répondants qui remplissent une condition, ou toutes les organisations visées par le cycle. La colonne « répondants » donne, pour chaque cellule, le nombre de réponses envoyées sur lesquelles elle repose.

## Classeurs sur les pages Questionnaires et Résultats de la console

results-download-xlsx = Télécharger le XLSX
workbook-import = Importer un questionnaire depuis un XLSForm ou un dossier de questionnaire zippé
workbook-import-file = Classeur XLSForm (.xlsx : feuilles survey, choices, settings et, si besoin, indicators) ou dossier de questionnaire en .zip (survey.toml et un fichier .ftl par langue)
workbook-import-replace = Remplacer le questionnaire s’il existe déjà (ses fichiers actuels sont conservés dans une copie datée)
workbook-import-submit = Vérifier et enregistrer
workbook-survey-saved = Le questionnaire { $id } a passé la vérification et a été enregistré. Vous pouvez le prévisualiser ci-dessous dans chaque langue.
workbook-kept = Les fichiers précédents sont conservés dans { $path }.
workbook-not-saved = Rien n’a été enregistré. Corrigez ces problèmes dans le classeur, puis téléversez-le à nouveau :
workbook-too-large = Le fichier dépasse 10 Mo ; un classeur de questionnaire est bien plus petit. Vérifiez que vous avez choisi le bon fichier.
workbook-download-xlsform = Télécharger au format XLSForm
workbook-download-texts = Télécharger le classeur des traducteurs
workbook-texts-file = Classeur des traducteurs (.xlsx) à relire
workbook-texts-submit = Vérifier et enregistrer les textes
