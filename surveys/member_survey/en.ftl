### Annual member survey: English (default language, complete).

survey-title = Annual member survey
survey-intro = Thank you for taking part. This survey helps the global network follow what changed in the past year for sex workers and for its member organisations. It takes about 20 minutes. “The global network” means the global network of sex worker-led organisations that sends you this survey; regional sex worker networks are always called regional networks. Your answers are confidential: they are only reported as totals, never for a single organisation. You can save the form and finish it later with the same link. “The past year” means the last 12 months. Only share what you can share safely.

## Sections

section-organisation = Your organisation
section-global_network = Support from the global network
section-law_policy = Laws and policies
section-programmes = Rights-based programmes
section-leadership = Leadership and policy forums
section-mobilisation = International days of action
section-impact = Changes for sex workers in your country

## Your organisation

q-registration_status = Is your organisation officially registered?
q-registration_status-help = Many sex worker-led organisations cannot register because of the law. Choose the answer closest to your situation.
q-registration_status-registered = Yes, it is registered
q-registration_status-registering = Registration is in progress
q-registration_status-hosted = No, but we work through another registered organisation (fiscal host)
q-registration_status-not_registered = No, it is not registered
q-registration_status-refused = Registration was refused or is not allowed by law

q-paid_staff = How many paid staff does your organisation have?
q-paid_staff-help = Count everyone who is paid, full-time or part-time. Enter 0 if there are none.

q-volunteers = How many volunteers work regularly with your organisation?
q-volunteers-help = An estimate is fine. Enter 0 if there are none.

q-governance = How is your organisation governed?
q-governance-elected_board = By a board elected by the members
q-governance-appointed_board = By a board chosen in another way
q-governance-collective = Members make decisions together (collective)
q-governance-no_formal = No formal structure yet

q-strategic_plan = Does your organisation have a strategic plan?
q-strategic_plan-current = Yes, a current plan
q-strategic_plan-expired = Yes, but it has ended and is not renewed yet
q-strategic_plan-developing = We are writing one now
q-strategic_plan-no = No

q-annual_budget = What was your organisation's total budget for the past year, in US dollars?
q-annual_budget-help = An estimate is fine. Convert from your currency at an approximate rate.
q-annual_budget-none = No budget
q-annual_budget-below_5k = Less than 5,000
q-annual_budget-between_5k_25k = 5,000 to 24,999
q-annual_budget-between_25k_100k = 25,000 to 99,999
q-annual_budget-between_100k_500k = 100,000 to 499,999
q-annual_budget-above_500k = 500,000 or more
q-annual_budget-prefer_not = I prefer not to say

q-funding_sources = Where did your funding come from in the past year?
q-funding_sources-help = Choose all that apply.
q-funding_sources-international_donors = International donors and development agencies
q-funding_sources-private_foundations = Private foundations
q-funding_sources-un_agencies = UN agencies or the Global Fund
q-funding_sources-government = National or local government
q-funding_sources-network_grants = The global network
q-funding_sources-regional_network_grants = A regional sex worker network
q-funding_sources-membership_fees = Membership fees
q-funding_sources-individual_donations = Donations from individuals
q-funding_sources-own_income = Income from your own activities
q-funding_sources-other = Other

## Support from the global network

q-tech_support = In the past year, did your organisation receive technical or organisational support from the global network?
q-tech_support-help = For example training, mentoring, advice, or help with a grant application or a report. Count only support from the global network itself, not from a regional network.
q-tech_support-yes = Yes
q-tech_support-no = No
q-tech_support-unsure = Not sure

q-tech_support_areas = In which areas did the global network support you?
q-tech_support_areas-help = Choose all that apply.
q-tech_support_areas-financial_management = Financial management
q-tech_support_areas-programme_management = Programme management
q-tech_support_areas-governance = Governance and leadership
q-tech_support_areas-fundraising = Fundraising and donor relations
q-tech_support_areas-advocacy = Advocacy and policy work
q-tech_support_areas-communications = Communications
q-tech_support_areas-safety_security = Safety and security
q-tech_support_areas-other = Other

q-joint_capacity_programme = In the past year, did your organisation plan or run a capacity-building programme together with the global network?
q-joint_capacity_programme-help = For example training, mentoring or exchanges between organisations that you prepared and ran together. Support you only received is covered by the first question of this page.
q-joint_capacity_programme-yes = Yes
q-joint_capacity_programme-no = No
q-joint_capacity_programme-unsure = Not sure

q-international_programmes = In the past year, did the global network help your organisation take part in an international programme?
q-international_programmes-help = For example a programme run in several countries or regions, or one funded by the Global Fund or a UN agency, that the global network helped you join, apply to or take part in.
q-international_programmes-yes = Yes
q-international_programmes-no = No
q-international_programmes-unsure = Not sure

q-network_tools_used = In the past year, which publications and tools of the global network did your organisation use?
q-network_tools_used-help = Choose all that apply. Reading them counts only if you used them in your work.
q-network_tools_used-advocacy_toolkits = Advocacy toolkits
q-network_tools_used-briefing_papers = Briefing papers and policy briefs
q-network_tools_used-community_guides = Short guides for sex workers
q-network_tools_used-case_studies = Case studies and research reports
q-network_tools_used-statements = Statements on urgent issues
q-network_tools_used-digest = The global network's digest or newsletter
q-network_tools_used-none = We did not use any of them
q-network_tools_used-unsure = Not sure

q-network_tools_purposes = How did you use them?
q-network_tools_purposes-help = Choose all that apply.
q-network_tools_purposes-advocacy = In advocacy with government, lawmakers or donors
q-network_tools_purposes-training = To train or inform sex workers and our members
q-network_tools_purposes-programmes = To design or improve programmes and services
q-network_tools_purposes-funding = In funding proposals or reports
q-network_tools_purposes-media = In media work or public communication
q-network_tools_purposes-adapted = We translated or adapted them for our context
q-network_tools_purposes-other = Other

q-network_tools_change = Did using them help bring about a change, for example in a law, a policy, a programme or the way services treat sex workers?
q-network_tools_change-yes = Yes
q-network_tools_change-no = No
q-network_tools_change-too_early = It is too early to tell
q-network_tools_change-unsure = Not sure

## Laws and policies

q-law_change = In the past year, did national laws or policies on sex work change in your country?
q-law_change-help = If some changes were good and others bad, choose the one with the biggest effect on sex workers.
q-law_change-improved = Yes, they improved
q-law_change-worsened = Yes, they became worse
q-law_change-unchanged = No, nothing changed
q-law_change-unsure = Not sure

q-law_areas = Which areas did the changes affect?
q-law_areas-help = Choose all that apply.
q-law_areas-criminalisation = Criminalisation of sex work, sex workers or clients
q-law_areas-policing = Policing and law enforcement
q-law_areas-migration = Migration and anti-trafficking laws
q-law_areas-health = Health, including HIV and sexual and reproductive health
q-law_areas-labour = Labour rights and working conditions
q-law_areas-other = Other

q-law_areas_other = Which other area did the changes affect?

q-law_details = Please describe the changes briefly: what changed, and when?
q-law_details-help = Do not include names or details that could identify a person.

## Rights-based programmes

q-has_programmes = Are there rights-based programmes for sex workers in your country?
q-has_programmes-help = For example health and HIV services, legal support, responses to violence or social protection that respect sex workers' rights, run by the government, by non-governmental organisations or by sex workers themselves.
q-has_programmes-yes = Yes
q-has_programmes-no = No
q-has_programmes-unsure = Not sure

q-programme_change = In the past year, how did rights-based programmes for sex workers change in your country?
q-programme_change-help = If there were none a year ago and there are none now, choose “No change”.
q-programme_change-improved = They improved
q-programme_change-worsened = They became worse
q-programme_change-unchanged = No change
q-programme_change-unsure = Not sure

q-programme_codesign = Did sex workers take part in designing these programmes?
q-programme_codesign-help = If it differs between programmes, think of the most important ones.
q-programme_codesign-led = Yes, sex workers led or co-designed them
q-programme_codesign-consulted = Yes, sex workers were consulted
q-programme_codesign-not_involved = No, sex workers were not involved
q-programme_codesign-unsure = Not sure

## Leadership and policy forums

q-supported_leaders = In the past year, how many new or young sex worker leaders from your organisation were trained or mentored with the global network's support?
q-supported_leaders-help = Count training or mentoring run by the global network, and training your organisation ran with its support (funding, materials or trainers). Count each person once. Enter 0 if there were none.

q-supported_leaders_by_experienced = How many of these leaders were trained or mentored by experienced sex worker leaders?
q-supported_leaders_by_experienced-help = Count only leaders from the previous question, so the number cannot be larger than your answer there.

q-experienced_trainers = In the past year, how many experienced sex worker leaders from your organisation trained or mentored new or young leaders with the global network's support?
q-experienced_trainers-help = Count them whether they trained people in your organisation or elsewhere. Count each person once. Enter 0 if there were none.

q-supported_forum_leaders = In the past year, how many sex worker leaders from your organisation took part in regional or international policy forums with the global network's support?
q-supported_forum_leaders-help = For example UN meetings, Global Fund processes, regional consultations or international conferences, where the global network helped with preparation, travel or a place in the delegation. Count each person once. Enter 0 if there were none.

q-regional_network_member = Is your organisation a member of a regional sex worker network?
q-regional_network_member-yes = Yes
q-regional_network_member-no = No
q-regional_network_member-applying = We have applied or are joining now

## International days of action

q-days_of_action = In the past year, on which international days of action did your organisation take part?
q-days_of_action-help = Any activity counts, in person or online, small or large. Choose all that apply.
q-days_of_action-labour_rights = 3 March: labour rights
q-days_of_action-access_to_justice = 2 June: access to justice
q-days_of_action-pride_visibility = 14 September: pride and visibility
q-days_of_action-ending_violence = 17 December: ending violence against sex workers
q-days_of_action-none = We did not take part in any of these days

## Changes for sex workers in your country

q-impact_human_rights = In the past year, how has respect for the human rights of sex workers changed?
q-impact_human_rights-much_worse = Much worse
q-impact_human_rights-worse = Worse
q-impact_human_rights-unchanged = No change
q-impact_human_rights-better = Better
q-impact_human_rights-much_better = Much better
q-impact_human_rights-unsure = I don't know

q-impact_stigma = In the past year, how have stigma and discrimination against sex workers changed?
q-impact_stigma-help = Better means less stigma and discrimination.
q-impact_stigma-much_worse = Much worse
q-impact_stigma-worse = Worse
q-impact_stigma-unchanged = No change
q-impact_stigma-better = Better
q-impact_stigma-much_better = Much better
q-impact_stigma-unsure = I don't know

q-impact_violence = In the past year, how has the situation of violence against sex workers changed?
q-impact_violence-help = Better means less violence.
q-impact_violence-much_worse = Much worse
q-impact_violence-worse = Worse
q-impact_violence-unchanged = No change
q-impact_violence-better = Better
q-impact_violence-much_better = Much better
q-impact_violence-unsure = I don't know

q-impact_laws = In the past year, how have laws, policies and practices affecting sex workers changed?
q-impact_laws-much_worse = Much worse
q-impact_laws-worse = Worse
q-impact_laws-unchanged = No change
q-impact_laws-better = Better
q-impact_laws-much_better = Much better
q-impact_laws-unsure = I don't know

q-impact_recognition = In the past year, how has the recognition of sex work as work, with labour rights, changed?
q-impact_recognition-much_worse = Much worse
q-impact_recognition-worse = Worse
q-impact_recognition-unchanged = No change
q-impact_recognition-better = Better
q-impact_recognition-much_better = Much better
q-impact_recognition-unsure = I don't know

q-impact_working_conditions = In the past year, how have the working conditions of sex workers changed?
q-impact_working_conditions-much_worse = Much worse
q-impact_working_conditions-worse = Worse
q-impact_working_conditions-unchanged = No change
q-impact_working_conditions-better = Better
q-impact_working_conditions-much_better = Much better
q-impact_working_conditions-unsure = I don't know

q-impact_services = In the past year, how has sex workers' access to good-quality services and support, based on evidence and on their rights, changed?
q-impact_services-much_worse = Much worse
q-impact_services-worse = Worse
q-impact_services-unchanged = No change
q-impact_services-better = Better
q-impact_services-much_better = Much better
q-impact_services-unsure = I don't know

q-impact_participation = In the past year, how has the meaningful participation of sex workers in designing programmes and policies changed?
q-impact_participation-much_worse = Much worse
q-impact_participation-worse = Worse
q-impact_participation-unchanged = No change
q-impact_participation-better = Better
q-impact_participation-much_better = Much better
q-impact_participation-unsure = I don't know

q-comments = Is there anything else you would like to tell the global network?
q-comments-help = Optional. Do not include names or details that could identify a person.

## Indicators (titles in results tables)

indicator-org_developed = Organisations that are registered, have a current strategic plan and paid staff
indicator-org_development_index = Organisational development index (share of five marks met)
indicator-registered = Registered organisations
indicator-paid_staff_mean = Paid staff per organisation (average)
indicator-volunteers_mean = Volunteers per organisation (average)
indicator-governance_types = How organisations are governed
indicator-strategic_plan_current = Organisations with a current strategic plan
indicator-budget_ranges = Annual budget (US dollars)
indicator-funding_sources = Funding sources
indicator-tech_support_received = Organisations that received technical or organisational support from the global network
indicator-tech_support_area_mix = Areas of support from the global network
indicator-joint_capacity_programmes = Organisations running capacity-building programmes with the global network
indicator-international_programme_countries = Countries where the global network helped organisations take part in international programmes
indicator-network_tools_users = Organisations that used the global network's publications and tools
indicator-network_tools_kinds = Publications and tools of the global network used, by kind
indicator-network_tools_purposes = How the global network's publications and tools were used
indicator-network_tools_contributed = Users of the global network's publications and tools who saw them help bring about a change
indicator-law_improved_countries = Countries where laws and policies improved
indicator-law_worsened_countries = Countries where laws and policies became worse
indicator-law_improved = Members reporting improved laws and policies
indicator-law_worsened = Members reporting worse laws and policies
indicator-law_change_areas = Areas of law and policy change
indicator-programmes_improved = Members reporting improved rights-based programmes
indicator-programmes_worsened = Members reporting worse rights-based programmes
indicator-programmes_codesigned = Programmes designed with sex workers (members whose country has such programmes)
indicator-programmes_led = Programmes led or co-designed by sex workers (members whose country has such programmes)
indicator-supported_leaders_total = New and young leaders trained with the global network's support
indicator-orgs_with_supported_leaders = Organisations with at least one new or young leader trained with the global network's support
indicator-supported_leaders_by_experienced_total = New and young leaders trained by experienced leaders
indicator-experienced_trainers_total = Experienced leaders who train new and young leaders
indicator-supported_forum_leaders_total = Leaders in regional and international policy forums with the global network's support
indicator-regional_network_members = Members that also belong to a regional network
indicator-days_of_action_participants = Members taking part in at least one day of action
indicator-days_of_action_themes = Days of action, by theme
indicator-days_labour_rights = Members taking part in the day of action for labour rights (3 March)
indicator-days_access_to_justice = Members taking part in the day of action for access to justice (2 June)
indicator-days_pride_visibility = Members taking part in the day of action for pride and visibility (14 September)
indicator-days_ending_violence = Members taking part in the day to end violence against sex workers (17 December)
indicator-impact_human_rights_improved = Members reporting more respect for human rights
indicator-impact_stigma_improved = Members reporting less stigma and discrimination
indicator-impact_violence_improved = Members reporting less violence
indicator-impact_laws_improved = Members reporting better laws, policies and practices
indicator-impact_recognition_improved = Members reporting more recognition of sex work as work
indicator-impact_working_conditions_improved = Members reporting better working conditions
indicator-impact_services_improved = Members reporting better access to evidence-based, rights-based services
indicator-impact_participation_improved = Members reporting more meaningful participation
