### Enquête annuelle auprès des membres : français.

survey-title = Enquête annuelle auprès des membres
survey-intro = Merci de votre participation. Cette enquête aide le réseau mondial à suivre ce qui a changé au cours de l’année écoulée pour les travailleur·ses du sexe et pour ses organisations membres. Elle prend environ 20 minutes. « Le réseau mondial » désigne le réseau mondial d’organisations pilotées par des travailleur·ses du sexe qui vous envoie cette enquête ; les réseaux régionaux de travailleur·ses du sexe sont toujours appelés réseaux régionaux. Vos réponses sont confidentielles : elles ne sont présentées que sous forme de totaux, jamais pour une seule organisation. Vous pouvez enregistrer le formulaire et le terminer plus tard avec le même lien. « L’année écoulée » désigne les 12 derniers mois. Ne partagez que ce que vous pouvez partager en toute sécurité.

## Sections

section-organisation = Votre organisation
section-global_network = L’appui du réseau mondial
section-law_policy = Lois et politiques
section-programmes = Programmes fondés sur les droits
section-leadership = Leadership et forums sur les politiques publiques
section-mobilisation = Journées internationales d’action
section-impact = Changements pour les travailleur·ses du sexe dans votre pays

## Votre organisation

q-registration_status = Votre organisation est-elle officiellement enregistrée ?
q-registration_status-help = Beaucoup d’organisations pilotées par des travailleur·ses du sexe ne peuvent pas s’enregistrer à cause de la loi. Choisissez la réponse la plus proche de votre situation.
q-registration_status-registered = Oui, elle est enregistrée
q-registration_status-registering = L’enregistrement est en cours
q-registration_status-hosted = Non, mais nous travaillons par l’intermédiaire d’une autre organisation enregistrée (structure porteuse)
q-registration_status-not_registered = Non, elle n’est pas enregistrée
q-registration_status-refused = L’enregistrement a été refusé ou la loi ne le permet pas

q-paid_staff = Combien de personnes salariées compte votre organisation ?
q-paid_staff-help = Comptez toutes les personnes rémunérées, à temps plein ou à temps partiel. Indiquez 0 s’il n’y en a aucune.

q-volunteers = Combien de bénévoles travaillent régulièrement avec votre organisation ?
q-volunteers-help = Une estimation suffit. Indiquez 0 s’il n’y en a aucun.

q-governance = Comment votre organisation est-elle gouvernée ?
q-governance-elected_board = Par un conseil d’administration élu par les membres
q-governance-appointed_board = Par un conseil d’administration désigné d’une autre manière
q-governance-collective = Les membres décident ensemble (fonctionnement collectif)
q-governance-no_formal = Pas encore de structure formelle

q-strategic_plan = Votre organisation a-t-elle un plan stratégique ?
q-strategic_plan-current = Oui, un plan en cours
q-strategic_plan-expired = Oui, mais il est arrivé à terme et n’a pas encore été renouvelé
q-strategic_plan-developing = Nous sommes en train d’en rédiger un
q-strategic_plan-no = Non

q-annual_budget = Quel a été le budget total de votre organisation au cours de l’année écoulée, en dollars américains ?
q-annual_budget-help = Une estimation suffit. Convertissez depuis votre monnaie avec un taux approximatif.
q-annual_budget-none = Aucun budget
q-annual_budget-below_5k = Moins de 5 000
q-annual_budget-between_5k_25k = De 5 000 à 24 999
q-annual_budget-between_25k_100k = De 25 000 à 99 999
q-annual_budget-between_100k_500k = De 100 000 à 499 999
q-annual_budget-above_500k = 500 000 ou plus
q-annual_budget-prefer_not = Je préfère ne pas répondre

q-funding_sources = D’où venait votre financement au cours de l’année écoulée ?
q-funding_sources-help = Plusieurs réponses possibles.
q-funding_sources-international_donors = Bailleurs de fonds et agences de développement internationaux
q-funding_sources-private_foundations = Fondations privées
q-funding_sources-un_agencies = Agences des Nations Unies ou Fonds mondial
q-funding_sources-government = Gouvernement national ou autorités locales
q-funding_sources-network_grants = Le réseau mondial
q-funding_sources-regional_network_grants = Un réseau régional de travailleur·ses du sexe
q-funding_sources-membership_fees = Cotisations des membres
q-funding_sources-individual_donations = Dons de particuliers
q-funding_sources-own_income = Revenus de vos propres activités
q-funding_sources-other = Autre

## L’appui du réseau mondial

q-tech_support = Au cours de l’année écoulée, votre organisation a-t-elle reçu un appui technique ou organisationnel du réseau mondial ?
q-tech_support-help = Par exemple une formation, un mentorat, des conseils, ou de l’aide pour une demande de subvention ou un rapport. Ne comptez que l’appui du réseau mondial lui-même, pas celui d’un réseau régional.
q-tech_support-yes = Oui
q-tech_support-no = Non
q-tech_support-unsure = Je ne sais pas

q-tech_support_areas = Dans quels domaines avez-vous reçu l’appui du réseau mondial ?
q-tech_support_areas-help = Plusieurs réponses possibles.
q-tech_support_areas-financial_management = Gestion financière
q-tech_support_areas-programme_management = Gestion de programmes
q-tech_support_areas-governance = Gouvernance et leadership
q-tech_support_areas-fundraising = Recherche de financements et relations avec les bailleurs
q-tech_support_areas-advocacy = Plaidoyer et travail sur les politiques publiques
q-tech_support_areas-communications = Communication
q-tech_support_areas-safety_security = Sécurité et protection
q-tech_support_areas-other = Autre

q-joint_capacity_programme = Au cours de l’année écoulée, votre organisation a-t-elle préparé ou mené un programme de renforcement des capacités avec le réseau mondial ?
q-joint_capacity_programme-help = Par exemple des formations, du mentorat ou des échanges entre organisations que vous avez préparés et menés ensemble. L’appui que vous avez seulement reçu relève de la première question de cette page.
q-joint_capacity_programme-yes = Oui
q-joint_capacity_programme-no = Non
q-joint_capacity_programme-unsure = Je ne sais pas

q-international_programmes = Au cours de l’année écoulée, le réseau mondial a-t-il aidé votre organisation à participer à un programme international ?
q-international_programmes-help = Par exemple un programme mené dans plusieurs pays ou régions, ou financé par le Fonds mondial ou une agence des Nations Unies, pour lequel le réseau mondial vous a apporté son aide (pour y adhérer, déposer une candidature ou y participer).
q-international_programmes-yes = Oui
q-international_programmes-no = Non
q-international_programmes-unsure = Je ne sais pas

q-network_tools_used = Au cours de l’année écoulée, quelles publications et quels outils du réseau mondial votre organisation a-t-elle utilisés ?
q-network_tools_used-help = Plusieurs réponses possibles. Comptez ce que vous avez utilisé dans votre travail, pas ce que vous avez seulement lu.
q-network_tools_used-advocacy_toolkits = Boîtes à outils de plaidoyer
q-network_tools_used-briefing_papers = Notes d’information et notes de politique
q-network_tools_used-community_guides = Guides courts destinés aux travailleur·ses du sexe
q-network_tools_used-case_studies = Études de cas et rapports de recherche
q-network_tools_used-statements = Déclarations sur des questions urgentes
q-network_tools_used-digest = Le bulletin d’information du réseau mondial
q-network_tools_used-none = Nous n’en avons utilisé aucun
q-network_tools_used-unsure = Je ne sais pas

q-network_tools_purposes = Comment les avez-vous utilisés ?
q-network_tools_purposes-help = Plusieurs réponses possibles.
q-network_tools_purposes-advocacy = Pour le plaidoyer auprès des pouvoirs publics, des parlementaires ou des bailleurs
q-network_tools_purposes-training = Pour former ou informer les travailleur·ses du sexe et nos membres
q-network_tools_purposes-programmes = Pour concevoir ou améliorer des programmes et des services
q-network_tools_purposes-funding = Dans des demandes de financement ou des rapports
q-network_tools_purposes-media = Dans le travail avec les médias ou la communication publique
q-network_tools_purposes-adapted = Nous les avons traduits ou adaptés à notre contexte
q-network_tools_purposes-other = Autre

q-network_tools_change = Leur utilisation a-t-elle contribué à un changement, par exemple d’une loi, d’une politique, d’un programme ou de la façon dont les services traitent les travailleur·ses du sexe ?
q-network_tools_change-yes = Oui
q-network_tools_change-no = Non
q-network_tools_change-too_early = Il est trop tôt pour le dire
q-network_tools_change-unsure = Je ne sais pas

## Lois et politiques

q-law_change = Au cours de l’année écoulée, les lois ou les politiques nationales sur le travail du sexe ont-elles changé dans votre pays ?
q-law_change-help = S’il y a eu des changements positifs et négatifs, choisissez celui qui a eu le plus d’effet sur les travailleur·ses du sexe.
q-law_change-improved = Oui, elles se sont améliorées
q-law_change-worsened = Oui, elles se sont dégradées
q-law_change-unchanged = Non, rien n’a changé
q-law_change-unsure = Je ne sais pas

q-law_areas = Quels domaines ces changements ont-ils touchés ?
q-law_areas-help = Plusieurs réponses possibles.
q-law_areas-criminalisation = Criminalisation du travail du sexe, des travailleur·ses du sexe ou des clients
q-law_areas-policing = Action de la police et application de la loi
q-law_areas-migration = Lois sur la migration et la lutte contre la traite
q-law_areas-health = Santé, y compris le VIH et la santé sexuelle et reproductive
q-law_areas-labour = Droits du travail et conditions de travail
q-law_areas-other = Autre

q-law_areas_other = Quel autre domaine ces changements ont-ils touché ?

q-law_details = Décrivez brièvement ces changements : qu’est-ce qui a changé, et quand ?
q-law_details-help = N’indiquez aucun nom ni aucun détail qui permettrait d’identifier une personne.

## Programmes fondés sur les droits

q-has_programmes = Existe-t-il dans votre pays des programmes fondés sur les droits destinés aux travailleur·ses du sexe ?
q-has_programmes-help = Par exemple des services de santé et de VIH, de l’aide juridique, une réponse aux violences ou une protection sociale qui respectent les droits des travailleur·ses du sexe, qu’ils soient menés par l’État, par des organisations non gouvernementales ou par des organisations de travailleur·ses du sexe.
q-has_programmes-yes = Oui
q-has_programmes-no = Non
q-has_programmes-unsure = Je ne sais pas

q-programme_change = Au cours de l’année écoulée, comment les programmes fondés sur les droits destinés aux travailleur·ses du sexe ont-ils évolué dans votre pays ?
q-programme_change-help = S’il n’y en avait pas il y a un an et qu’il n’y en a toujours pas, choisissez « Pas de changement ».
q-programme_change-improved = Ils se sont améliorés
q-programme_change-worsened = Ils se sont dégradés
q-programme_change-unchanged = Pas de changement
q-programme_change-unsure = Je ne sais pas

q-programme_codesign = Ces programmes ont-ils été conçus avec la participation des travailleur·ses du sexe ?
q-programme_codesign-help = Si cela varie d’un programme à l’autre, pensez aux plus importants.
q-programme_codesign-led = Oui, les travailleur·ses du sexe les ont pilotés ou co-conçus
q-programme_codesign-consulted = Oui, les travailleur·ses du sexe ont été consulté·es
q-programme_codesign-not_involved = Non, les travailleur·ses du sexe n’y ont pas été associé·es
q-programme_codesign-unsure = Je ne sais pas

## Leadership et forums sur les politiques publiques

q-supported_leaders = Au cours de l’année écoulée, combien de nouveaux ou jeunes leaders du mouvement des travailleur·ses du sexe de votre organisation ont été formés ou accompagnés avec l’appui du réseau mondial ?
q-supported_leaders-help = Comptez les formations et le mentorat assurés par le réseau mondial, et les formations que votre organisation a menées avec son appui (financement, supports ou formateurs). Comptez chaque personne une seule fois. Indiquez 0 s’il n’y en a eu aucun.

q-supported_leaders_by_experienced = Parmi ces leaders, combien ont été formés ou accompagnés par des leaders expérimentés du mouvement des travailleur·ses du sexe ?
q-supported_leaders_by_experienced-help = Comptez seulement les leaders de la question précédente : ce nombre ne peut pas dépasser votre réponse à cette question.

q-experienced_trainers = Au cours de l’année écoulée, combien de leaders expérimentés de votre organisation ont formé ou accompagné de nouveaux ou jeunes leaders avec l’appui du réseau mondial ?
q-experienced_trainers-help = Comptez aussi les leaders qui ont formé des personnes d’autres organisations. Comptez chaque personne une seule fois. Indiquez 0 s’il n’y en a eu aucun.

q-supported_forum_leaders = Au cours de l’année écoulée, combien de leaders travailleur·ses du sexe de votre organisation ont participé à des forums régionaux ou internationaux sur les politiques publiques avec l’appui du réseau mondial ?
q-supported_forum_leaders-help = Par exemple des réunions des Nations Unies, les processus du Fonds mondial, des consultations régionales ou des conférences internationales, pour lesquels le réseau mondial a aidé à la préparation, au voyage ou à une place dans la délégation. Comptez chaque personne une seule fois. Indiquez 0 s’il n’y en a eu aucun.

q-regional_network_member = Votre organisation est-elle membre d’un réseau régional de travailleur·ses du sexe ?
q-regional_network_member-yes = Oui
q-regional_network_member-no = Non
q-regional_network_member-applying = Nous avons demandé à adhérer ou l’adhésion est en cours

## Journées internationales d’action

q-days_of_action = Au cours de l’année écoulée, à quelles journées internationales d’action votre organisation a-t-elle participé ?
q-days_of_action-help = Toute activité compte, en personne ou en ligne, petite ou grande. Plusieurs réponses possibles.
q-days_of_action-labour_rights = 3 mars : droits du travail
q-days_of_action-access_to_justice = 2 juin : accès à la justice
q-days_of_action-pride_visibility = 14 septembre : fierté et visibilité
q-days_of_action-ending_violence = 17 décembre : mettre fin aux violences contre les travailleur·ses du sexe
q-days_of_action-none = Nous n’avons participé à aucune de ces journées

## Changements pour les travailleur·ses du sexe dans votre pays

q-impact_human_rights = Au cours de l’année écoulée, comment le respect des droits humains des travailleur·ses du sexe a-t-il évolué ?
q-impact_human_rights-much_worse = Beaucoup moins bien
q-impact_human_rights-worse = Moins bien
q-impact_human_rights-unchanged = Pas de changement
q-impact_human_rights-better = Mieux
q-impact_human_rights-much_better = Beaucoup mieux
q-impact_human_rights-unsure = Je ne sais pas

q-impact_stigma = Au cours de l’année écoulée, comment la stigmatisation et la discrimination envers les travailleur·ses du sexe ont-elles évolué ?
q-impact_stigma-help = « Mieux » signifie moins de stigmatisation et de discrimination.
q-impact_stigma-much_worse = Beaucoup moins bien
q-impact_stigma-worse = Moins bien
q-impact_stigma-unchanged = Pas de changement
q-impact_stigma-better = Mieux
q-impact_stigma-much_better = Beaucoup mieux
q-impact_stigma-unsure = Je ne sais pas

q-impact_violence = Au cours de l’année écoulée, comment la situation des violences contre les travailleur·ses du sexe a-t-elle évolué ?
q-impact_violence-help = « Mieux » signifie moins de violences.
q-impact_violence-much_worse = Beaucoup moins bien
q-impact_violence-worse = Moins bien
q-impact_violence-unchanged = Pas de changement
q-impact_violence-better = Mieux
q-impact_violence-much_better = Beaucoup mieux
q-impact_violence-unsure = Je ne sais pas

q-impact_laws = Au cours de l’année écoulée, comment les lois, les politiques et les pratiques qui touchent les travailleur·ses du sexe ont-elles évolué ?
q-impact_laws-much_worse = Beaucoup moins bien
q-impact_laws-worse = Moins bien
q-impact_laws-unchanged = Pas de changement
q-impact_laws-better = Mieux
q-impact_laws-much_better = Beaucoup mieux
q-impact_laws-unsure = Je ne sais pas

q-impact_recognition = Au cours de l’année écoulée, comment la reconnaissance du travail du sexe comme un travail, avec des droits du travail, a-t-elle évolué ?
q-impact_recognition-much_worse = Beaucoup moins bien
q-impact_recognition-worse = Moins bien
q-impact_recognition-unchanged = Pas de changement
q-impact_recognition-better = Mieux
q-impact_recognition-much_better = Beaucoup mieux
q-impact_recognition-unsure = Je ne sais pas

q-impact_working_conditions = Au cours de l’année écoulée, comment les conditions de travail des travailleur·ses du sexe ont-elles évolué ?
q-impact_working_conditions-much_worse = Beaucoup moins bien
q-impact_working_conditions-worse = Moins bien
q-impact_working_conditions-unchanged = Pas de changement
q-impact_working_conditions-better = Mieux
q-impact_working_conditions-much_better = Beaucoup mieux
q-impact_working_conditions-unsure = Je ne sais pas

q-impact_services = Au cours de l’année écoulée, comment l’accès des travailleur·ses du sexe à des services et à une aide de qualité, fondés sur des données probantes et sur le respect de leurs droits, a-t-il évolué ?
q-impact_services-much_worse = Beaucoup moins bien
q-impact_services-worse = Moins bien
q-impact_services-unchanged = Pas de changement
q-impact_services-better = Mieux
q-impact_services-much_better = Beaucoup mieux
q-impact_services-unsure = Je ne sais pas

q-impact_participation = Au cours de l’année écoulée, comment la participation significative des travailleur·ses du sexe à l’élaboration des programmes et des politiques a-t-elle évolué ?
q-impact_participation-much_worse = Beaucoup moins bien
q-impact_participation-worse = Moins bien
q-impact_participation-unchanged = Pas de changement
q-impact_participation-better = Mieux
q-impact_participation-much_better = Beaucoup mieux
q-impact_participation-unsure = Je ne sais pas

q-comments = Souhaitez-vous ajouter autre chose à l’intention du réseau mondial ?
q-comments-help = Facultatif. N’indiquez aucun nom ni aucun détail qui permettrait d’identifier une personne.

## Indicateurs (titres dans les tableaux de résultats)

indicator-org_developed = Organisations enregistrées, dotées d’un plan stratégique en cours et de personnel salarié
indicator-org_development_index = Indice de développement organisationnel (part des cinq critères remplis)
indicator-registered = Organisations enregistrées
indicator-paid_staff_mean = Personnel salarié par organisation (moyenne)
indicator-volunteers_mean = Bénévoles par organisation (moyenne)
indicator-governance_types = Mode de gouvernance des organisations
indicator-strategic_plan_current = Organisations ayant un plan stratégique en cours
indicator-budget_ranges = Budget annuel (dollars américains)
indicator-funding_sources = Sources de financement
indicator-tech_support_received = Organisations ayant reçu un appui technique ou organisationnel du réseau mondial
indicator-tech_support_area_mix = Domaines de l’appui du réseau mondial
indicator-joint_capacity_programmes = Organisations menant des programmes de renforcement des capacités avec le réseau mondial
indicator-international_programme_countries = Pays où le réseau mondial a aidé des organisations à participer à des programmes internationaux
indicator-network_tools_users = Organisations ayant utilisé les publications et outils du réseau mondial
indicator-network_tools_kinds = Publications et outils du réseau mondial utilisés, par type
indicator-network_tools_purposes = Usages des publications et outils du réseau mondial
indicator-network_tools_contributed = Organisations utilisatrices des publications et outils du réseau mondial qui les ont vus contribuer à un changement
indicator-law_improved_countries = Pays où les lois et politiques se sont améliorées
indicator-law_worsened_countries = Pays où les lois et politiques se sont dégradées
indicator-law_improved = Membres signalant une amélioration des lois et politiques
indicator-law_worsened = Membres signalant une dégradation des lois et politiques
indicator-law_change_areas = Domaines des changements de lois et de politiques
indicator-programmes_improved = Membres signalant une amélioration des programmes fondés sur les droits
indicator-programmes_worsened = Membres signalant une dégradation des programmes fondés sur les droits
indicator-programmes_codesigned = Programmes conçus avec les travailleur·ses du sexe (membres dont le pays a de tels programmes)
indicator-programmes_led = Programmes pilotés ou co-conçus par les travailleur·ses du sexe (membres dont le pays a de tels programmes)
indicator-supported_leaders_total = Nouveaux et jeunes leaders formés avec l’appui du réseau mondial
indicator-orgs_with_supported_leaders = Organisations dont au moins un nouveau ou jeune leader a été formé avec l’appui du réseau mondial
indicator-supported_leaders_by_experienced_total = Nouveaux et jeunes leaders formés par des leaders expérimentés
indicator-experienced_trainers_total = Leaders expérimentés qui forment de nouveaux et jeunes leaders
indicator-supported_forum_leaders_total = Leaders ayant participé à des forums régionaux et internationaux sur les politiques publiques avec l’appui du réseau mondial
indicator-regional_network_members = Membres appartenant aussi à un réseau régional
indicator-days_of_action_participants = Membres ayant participé à au moins une journée d’action
indicator-days_of_action_themes = Journées d’action, par thème
indicator-days_labour_rights = Membres ayant participé à la journée des droits du travail (3 mars)
indicator-days_access_to_justice = Membres ayant participé à la journée de l’accès à la justice (2 juin)
indicator-days_pride_visibility = Membres ayant participé à la journée de la fierté et de la visibilité (14 septembre)
indicator-days_ending_violence = Membres ayant participé à la journée contre les violences faites aux travailleur·ses du sexe (17 décembre)
indicator-impact_human_rights_improved = Membres signalant un meilleur respect des droits humains
indicator-impact_stigma_improved = Membres signalant moins de stigmatisation et de discrimination
indicator-impact_violence_improved = Membres signalant moins de violences
indicator-impact_laws_improved = Membres signalant de meilleures lois, politiques et pratiques
indicator-impact_recognition_improved = Membres signalant une meilleure reconnaissance du travail du sexe comme un travail
indicator-impact_working_conditions_improved = Membres signalant de meilleures conditions de travail
indicator-impact_services_improved = Membres signalant un meilleur accès à des services fondés sur des données probantes et sur les droits
indicator-impact_participation_improved = Membres signalant une participation plus significative
