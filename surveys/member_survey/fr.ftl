### Enquête annuelle auprès des membres : français.

survey-title = Enquête annuelle auprès des membres
survey-intro = Merci de votre participation. Cette enquête aide le réseau à suivre ce qui a changé au cours de l'année écoulée pour les travailleuses et travailleurs du sexe et pour les organisations membres. Elle prend environ 20 minutes. Vos réponses sont confidentielles : elles sont seulement présentées sous forme de totaux régionaux, jamais pour une seule organisation. Vous pouvez enregistrer le formulaire et le terminer plus tard avec le même lien. « L'année écoulée » désigne les 12 derniers mois. Ne partagez que ce que vous pouvez partager en toute sécurité.

## Sections

section-organisation = Votre organisation
section-law_policy = Lois et politiques
section-programmes = Programmes fondés sur les droits
section-leadership = Leadership et forums politiques
section-mobilisation = Journées internationales d'action
section-impact = Changements pour les travailleurs du sexe dans votre pays

## Votre organisation

q-registration_status = Votre organisation est-elle officiellement enregistrée ?
q-registration_status-help = Beaucoup d'organisations dirigées par des travailleurs du sexe ne peuvent pas s'enregistrer à cause de la loi. Choisissez la réponse la plus proche de votre situation.
q-registration_status-registered = Oui, elle est enregistrée
q-registration_status-registering = L'enregistrement est en cours
q-registration_status-hosted = Non, mais nous travaillons par l'intermédiaire d'une autre organisation enregistrée (structure d'accueil)
q-registration_status-not_registered = Non, elle n'est pas enregistrée
q-registration_status-refused = L'enregistrement a été refusé ou la loi ne le permet pas

q-paid_staff = Combien de personnes salariées compte votre organisation ?
q-paid_staff-help = Comptez toutes les personnes rémunérées, à temps plein ou à temps partiel. Indiquez 0 s'il n'y en a aucune.

q-volunteers = Combien de bénévoles travaillent régulièrement avec votre organisation ?
q-volunteers-help = Une estimation suffit. Indiquez 0 s'il n'y en a aucun.

q-governance = Comment votre organisation est-elle gouvernée ?
q-governance-elected_board = Par un conseil d'administration élu par les membres
q-governance-appointed_board = Par un conseil d'administration désigné d'une autre manière
q-governance-collective = Les membres décident ensemble (fonctionnement collectif)
q-governance-no_formal = Pas encore de structure formelle

q-strategic_plan = Votre organisation a-t-elle un plan stratégique ?
q-strategic_plan-current = Oui, un plan en cours
q-strategic_plan-expired = Oui, mais il est arrivé à terme et n'a pas encore été renouvelé
q-strategic_plan-developing = Nous sommes en train d'en rédiger un
q-strategic_plan-no = Non

q-annual_budget = Quel a été le budget total de votre organisation au cours de l'année écoulée, en dollars américains ?
q-annual_budget-help = Une estimation suffit. Convertissez depuis votre monnaie avec un taux approximatif.
q-annual_budget-none = Aucun budget
q-annual_budget-below_5k = Moins de 5 000
q-annual_budget-between_5k_25k = De 5 000 à 24 999
q-annual_budget-between_25k_100k = De 25 000 à 99 999
q-annual_budget-between_100k_500k = De 100 000 à 499 999
q-annual_budget-above_500k = 500 000 ou plus
q-annual_budget-prefer_not = Je préfère ne pas répondre

q-funding_sources = D'où venait votre financement au cours de l'année écoulée ?
q-funding_sources-help = Plusieurs réponses possibles.
q-funding_sources-international_donors = Bailleurs de fonds et agences de développement internationaux
q-funding_sources-private_foundations = Fondations privées
q-funding_sources-un_agencies = Agences des Nations Unies ou Fonds mondial
q-funding_sources-government = Gouvernement national ou autorités locales
q-funding_sources-network_grants = Le réseau ou un réseau régional de travailleurs du sexe
q-funding_sources-membership_fees = Cotisations des membres
q-funding_sources-individual_donations = Dons de particuliers
q-funding_sources-own_income = Revenus de vos propres activités
q-funding_sources-other = Autre

q-tech_support = Au cours de l'année écoulée, votre organisation a-t-elle reçu un appui technique ou organisationnel du réseau ?
q-tech_support-help = Par exemple une formation, un mentorat, des conseils, ou de l'aide pour une demande de subvention ou un rapport.
q-tech_support-yes = Oui
q-tech_support-no = Non
q-tech_support-unsure = Je ne sais pas

q-tech_support_areas = Dans quels domaines avez-vous reçu cet appui ?
q-tech_support_areas-help = Plusieurs réponses possibles.
q-tech_support_areas-financial_management = Gestion financière
q-tech_support_areas-programme_management = Gestion de programmes
q-tech_support_areas-governance = Gouvernance et leadership
q-tech_support_areas-fundraising = Recherche de financements et relations avec les bailleurs
q-tech_support_areas-advocacy = Plaidoyer et travail politique
q-tech_support_areas-communications = Communication
q-tech_support_areas-safety_security = Sécurité et protection
q-tech_support_areas-other = Autre

## Lois et politiques

q-law_change = Au cours de l'année écoulée, les lois ou les politiques nationales sur le travail du sexe ont-elles changé dans votre pays ?
q-law_change-help = S'il y a eu des changements positifs et négatifs, choisissez celui qui a eu le plus d'effet sur les travailleurs du sexe.
q-law_change-improved = Oui, elles se sont améliorées
q-law_change-worsened = Oui, elles se sont dégradées
q-law_change-unchanged = Non, rien n'a changé
q-law_change-unsure = Je ne sais pas

q-law_areas = Quels domaines ces changements ont-ils touchés ?
q-law_areas-help = Plusieurs réponses possibles.
q-law_areas-criminalisation = Criminalisation du travail du sexe, des travailleurs du sexe ou des clients
q-law_areas-policing = Action de la police et application de la loi
q-law_areas-migration = Lois sur la migration et la lutte contre la traite
q-law_areas-health = Santé, y compris le VIH et la santé sexuelle et reproductive
q-law_areas-labour = Droits du travail et conditions de travail
q-law_areas-other = Autre

q-law_areas_other = Quel autre domaine ces changements ont-ils touché ?

q-law_details = Décrivez brièvement ces changements : qu'est-ce qui a changé, et quand ?
q-law_details-help = N'indiquez aucun nom ni aucun détail qui permettrait d'identifier une personne.

## Programmes fondés sur les droits

q-programme_change = Au cours de l'année écoulée, comment les programmes fondés sur les droits destinés aux travailleurs du sexe ont-ils évolué dans votre pays ?
q-programme_change-help = Par exemple les services de santé et de VIH, l'aide juridique, la réponse aux violences ou la protection sociale.
q-programme_change-improved = Ils se sont améliorés
q-programme_change-worsened = Ils se sont dégradés
q-programme_change-unchanged = Pas de changement
q-programme_change-unsure = Je ne sais pas

q-programme_codesign = Les travailleurs du sexe ont-ils participé à la conception de ces programmes ?
q-programme_codesign-led = Oui, les travailleurs du sexe les ont conçus ou co-conçus
q-programme_codesign-consulted = Oui, les travailleurs du sexe ont été consultés
q-programme_codesign-not_involved = Non, les travailleurs du sexe n'y ont pas été associés
q-programme_codesign-no_programmes = Il n'existe pas de tels programmes
q-programme_codesign-unsure = Je ne sais pas

## Leadership et forums politiques

q-leaders_trained = Au cours de l'année écoulée, combien de nouveaux ou jeunes leaders du mouvement des travailleurs du sexe votre organisation a-t-elle formés ou accompagnés ?
q-leaders_trained-help = Indiquez 0 s'il n'y en a eu aucun.

q-leaders_by_experienced = Parmi eux, combien ont été formés ou accompagnés par des leaders expérimentés du mouvement des travailleurs du sexe ?
q-leaders_by_experienced-help = Comptez seulement les leaders de la question précédente.

q-forum_leaders = Au cours de l'année écoulée, combien de leaders travailleurs du sexe de votre organisation ont participé à des forums politiques régionaux ou internationaux ?
q-forum_leaders-help = Par exemple des réunions des Nations Unies, les processus du Fonds mondial, des consultations régionales ou des conférences internationales. Indiquez 0 s'il n'y en a eu aucun.

q-regional_network_member = Votre organisation est-elle membre d'un réseau régional de travailleurs du sexe ?
q-regional_network_member-yes = Oui
q-regional_network_member-no = Non
q-regional_network_member-applying = Nous avons demandé à adhérer ou l'adhésion est en cours

## Journées internationales d'action

q-days_of_action = Au cours de l'année écoulée, à quelles journées internationales d'action votre organisation a-t-elle participé ?
q-days_of_action-help = Toute activité compte, en personne ou en ligne, petite ou grande. Plusieurs réponses possibles.
q-days_of_action-labour_rights = 3 mars : droits du travail
q-days_of_action-access_to_justice = 2 juin : accès à la justice
q-days_of_action-pride_visibility = 14 septembre : fierté et visibilité
q-days_of_action-ending_violence = 17 décembre : mettre fin aux violences contre les travailleurs du sexe
q-days_of_action-none = Nous n'avons participé à aucune de ces journées

## Changements pour les travailleurs du sexe dans votre pays

q-impact_human_rights = Au cours de l'année écoulée, comment le respect des droits humains des travailleurs du sexe a-t-il évolué ?
q-impact_human_rights-help = 1 = bien pire, 3 = pas de changement, 5 = bien mieux

q-impact_stigma = Au cours de l'année écoulée, comment la stigmatisation et la discrimination envers les travailleurs du sexe ont-elles évolué ?
q-impact_stigma-help = 1 = bien pire (plus de stigmatisation), 3 = pas de changement, 5 = bien mieux (moins de stigmatisation)

q-impact_violence = Au cours de l'année écoulée, comment les violences contre les travailleurs du sexe ont-elles évolué ?
q-impact_violence-help = 1 = bien pire (plus de violences), 3 = pas de changement, 5 = bien mieux (moins de violences)

q-impact_laws = Au cours de l'année écoulée, comment les lois, les politiques et les pratiques qui touchent les travailleurs du sexe ont-elles évolué ?
q-impact_laws-help = 1 = bien pire, 3 = pas de changement, 5 = bien mieux

q-impact_recognition = Au cours de l'année écoulée, comment la reconnaissance du travail du sexe comme un travail, avec des droits du travail, a-t-elle évolué ?
q-impact_recognition-help = 1 = bien pire, 3 = pas de changement, 5 = bien mieux

q-impact_working_conditions = Au cours de l'année écoulée, comment les conditions de travail des travailleurs du sexe ont-elles évolué ?
q-impact_working_conditions-help = 1 = bien pire, 3 = pas de changement, 5 = bien mieux

q-impact_services = Au cours de l'année écoulée, comment l'accès des travailleurs du sexe à des services de qualité fondés sur les droits a-t-il évolué ?
q-impact_services-help = 1 = bien pire, 3 = pas de changement, 5 = bien mieux

q-impact_participation = Au cours de l'année écoulée, comment la participation significative des travailleurs du sexe aux programmes et aux politiques a-t-elle évolué ?
q-impact_participation-help = 1 = bien pire, 3 = pas de changement, 5 = bien mieux

q-comments = Souhaitez-vous ajouter autre chose à l'intention du réseau ?
q-comments-help = Facultatif. N'indiquez aucun nom ni aucun détail qui permettrait d'identifier une personne.

## Indicateurs (titres dans les tableaux de résultats)

indicator-registered = Organisations enregistrées
indicator-paid_staff_mean = Personnel salarié par organisation (moyenne)
indicator-strategic_plan_current = Organisations ayant un plan stratégique en cours
indicator-budget_ranges = Budget annuel (dollars américains)
indicator-funding_sources = Sources de financement
indicator-tech_support_received = Organisations ayant reçu un appui technique du réseau
indicator-law_improved = Membres signalant une amélioration des lois et politiques
indicator-law_worsened = Membres signalant une dégradation des lois et politiques
indicator-law_change_areas = Domaines des changements de lois et de politiques
indicator-programmes_improved = Membres signalant une amélioration des programmes fondés sur les droits
indicator-programmes_codesigned = Membres signalant des programmes conçus avec les travailleurs du sexe
indicator-orgs_training_leaders = Organisations ayant formé au moins un nouveau ou jeune leader
indicator-leaders_trained_total = Nouveaux et jeunes leaders formés
indicator-leaders_trained_by_experienced_total = Nouveaux et jeunes leaders formés par des leaders expérimentés
indicator-forum_leaders_total = Leaders ayant participé à des forums politiques régionaux et internationaux
indicator-regional_network_members = Membres appartenant aussi à un réseau régional
indicator-days_of_action_participants = Membres ayant participé à au moins une journée d'action
indicator-days_of_action_themes = Journées d'action, par thème
indicator-impact_human_rights_improved = Membres signalant un meilleur respect des droits humains
indicator-impact_stigma_improved = Membres signalant moins de stigmatisation et de discrimination
indicator-impact_violence_improved = Membres signalant moins de violences
indicator-impact_laws_improved = Membres signalant de meilleures lois, politiques et pratiques
indicator-impact_recognition_improved = Membres signalant une meilleure reconnaissance du travail du sexe comme un travail
indicator-impact_working_conditions_improved = Membres signalant de meilleures conditions de travail
indicator-impact_services_improved = Membres signalant un meilleur accès aux services fondés sur les droits
indicator-impact_participation_improved = Membres signalant une participation plus significative
