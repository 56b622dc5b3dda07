### Annual member survey: English (default language, complete).

survey-title = Annual member survey
survey-intro = Thank you for taking part. This survey helps the network follow what changed in the past year for sex workers and for member organisations. It takes about 20 minutes. Your answers are confidential: they are only reported as regional totals, never for a single organisation. You can save the form and finish it later with the same link. “The past year” means the last 12 months. Only share what you can share safely.

## Sections

section-organisation = Your organisation
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
q-funding_sources-network_grants = The network or a regional sex worker network
q-funding_sources-membership_fees = Membership fees
q-funding_sources-individual_donations = Donations from individuals
q-funding_sources-own_income = Income from your own activities
q-funding_sources-other = Other

q-tech_support = In the past year, did your organisation receive technical or organisational support from the network?
q-tech_support-help = For example training, mentoring, advice, or help with a grant application or a report.
q-tech_support-yes = Yes
q-tech_support-no = No
q-tech_support-unsure = Not sure

q-tech_support_areas = In which areas did you receive support?
q-tech_support_areas-help = Choose all that apply.
q-tech_support_areas-financial_management = Financial management
q-tech_support_areas-programme_management = Programme management
q-tech_support_areas-governance = Governance and leadership
q-tech_support_areas-fundraising = Fundraising and donor relations
q-tech_support_areas-advocacy = Advocacy and policy work
q-tech_support_areas-communications = Communications
q-tech_support_areas-safety_security = Safety and security
q-tech_support_areas-other = Other

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

q-programme_change = In the past year, how did rights-based programmes for sex workers change in your country?
q-programme_change-help = For example health and HIV services, legal support, responses to violence or social protection.
q-programme_change-improved = They improved
q-programme_change-worsened = They became worse
q-programme_change-unchanged = No change
q-programme_change-unsure = Not sure

q-programme_codesign = Did sex workers take part in designing these programmes?
q-programme_codesign-led = Yes, sex workers led or co-designed them
q-programme_codesign-consulted = Yes, sex workers were consulted
q-programme_codesign-not_involved = No, sex workers were not involved
q-programme_codesign-no_programmes = There are no such programmes
q-programme_codesign-unsure = Not sure

## Leadership and policy forums

q-leaders_trained = In the past year, how many new or young sex worker leaders did your organisation train or mentor?
q-leaders_trained-help = Enter 0 if there were none.

q-leaders_by_experienced = How many of them were trained or mentored by experienced sex worker leaders?
q-leaders_by_experienced-help = Count only the leaders from the previous question.

q-forum_leaders = In the past year, how many sex worker leaders from your organisation took part in regional or international policy forums?
q-forum_leaders-help = For example UN meetings, Global Fund processes, regional consultations or international conferences. Enter 0 if there were none.

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
q-impact_human_rights-help = 1 = much worse, 3 = no change, 5 = much better

q-impact_stigma = In the past year, how have stigma and discrimination against sex workers changed?
q-impact_stigma-help = 1 = much worse (more stigma), 3 = no change, 5 = much better (less stigma)

q-impact_violence = In the past year, how has violence against sex workers changed?
q-impact_violence-help = 1 = much worse (more violence), 3 = no change, 5 = much better (less violence)

q-impact_laws = In the past year, how have laws, policies and practices affecting sex workers changed?
q-impact_laws-help = 1 = much worse, 3 = no change, 5 = much better

q-impact_recognition = In the past year, how has the recognition of sex work as work, with labour rights, changed?
q-impact_recognition-help = 1 = much worse, 3 = no change, 5 = much better

q-impact_working_conditions = In the past year, how have the working conditions of sex workers changed?
q-impact_working_conditions-help = 1 = much worse, 3 = no change, 5 = much better

q-impact_services = In the past year, how has sex workers' access to good-quality, rights-based services changed?
q-impact_services-help = 1 = much worse, 3 = no change, 5 = much better

q-impact_participation = In the past year, how has the meaningful participation of sex workers in programmes and policies changed?
q-impact_participation-help = 1 = much worse, 3 = no change, 5 = much better

q-comments = Is there anything else you would like to tell the network?
q-comments-help = Optional. Do not include names or details that could identify a person.

## Indicators (titles in results tables)

indicator-registered = Registered organisations
indicator-paid_staff_mean = Paid staff per organisation (average)
indicator-strategic_plan_current = Organisations with a current strategic plan
indicator-budget_ranges = Annual budget (US dollars)
indicator-funding_sources = Funding sources
indicator-tech_support_received = Organisations that received technical support from the network
indicator-law_improved = Members reporting improved laws and policies
indicator-law_worsened = Members reporting worse laws and policies
indicator-law_change_areas = Areas of law and policy change
indicator-programmes_improved = Members reporting improved rights-based programmes
indicator-programmes_codesigned = Members reporting programmes designed with sex workers
indicator-orgs_training_leaders = Organisations that trained at least one new or young leader
indicator-leaders_trained_total = New and young leaders trained
indicator-leaders_trained_by_experienced_total = New and young leaders trained by experienced leaders
indicator-forum_leaders_total = Leaders in regional and international policy forums
indicator-regional_network_members = Members that also belong to a regional network
indicator-days_of_action_participants = Members taking part in at least one day of action
indicator-days_of_action_themes = Days of action, by theme
indicator-impact_human_rights_improved = Members reporting more respect for human rights
indicator-impact_stigma_improved = Members reporting less stigma and discrimination
indicator-impact_violence_improved = Members reporting less violence
indicator-impact_laws_improved = Members reporting better laws, policies and practices
indicator-impact_recognition_improved = Members reporting more recognition of sex work as work
indicator-impact_working_conditions_improved = Members reporting better working conditions
indicator-impact_services_improved = Members reporting better access to rights-based services
indicator-impact_participation_improved = Members reporting more meaningful participation
