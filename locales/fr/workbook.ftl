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
