### Ежегодный опрос членов сети: русский.

survey-title = Ежегодный опрос членов сети
survey-intro = Спасибо за участие! Этот опрос помогает сети понять, что изменилось за последний год для секс-работников и для организаций — членов сети. Он займет около 20 минут. Ваши ответы конфиденциальны: они публикуются только в виде итогов по регионам и никогда по отдельной организации. Вы можете сохранить анкету и закончить ее позже по той же ссылке. «Последний год» — это последние 12 месяцев. Делитесь только тем, чем можете поделиться безопасно.

## Разделы

section-organisation = Ваша организация
section-law_policy = Законы и политика
section-programmes = Программы, основанные на соблюдении прав
section-leadership = Лидерство и политические форумы
section-mobilisation = Международные дни действий
section-impact = Изменения для секс-работников в вашей стране

## Ваша организация

q-registration_status = Зарегистрирована ли ваша организация официально?
q-registration_status-help = Многие самоорганизации секс-работников не могут зарегистрироваться из-за законов. Выберите ответ, который ближе всего к вашей ситуации.
q-registration_status-registered = Да, зарегистрирована
q-registration_status-registering = Регистрация в процессе
q-registration_status-hosted = Нет, но мы работаем через другую зарегистрированную организацию
q-registration_status-not_registered = Нет, не зарегистрирована
q-registration_status-refused = В регистрации отказали, или закон ее не допускает

q-paid_staff = Сколько оплачиваемых сотрудников в вашей организации?
q-paid_staff-help = Считайте всех, кто получает оплату, на полной или частичной занятости. Если таких нет, укажите 0.

q-volunteers = Сколько волонтеров регулярно работает с вашей организацией?
q-volunteers-help = Достаточно примерного числа. Если волонтеров нет, укажите 0.

q-governance = Как устроено управление вашей организацией?
q-governance-elected_board = Правление, избранное членами организации
q-governance-appointed_board = Правление, сформированное другим способом
q-governance-collective = Члены организации принимают решения вместе (коллективно)
q-governance-no_formal = Формальной структуры управления пока нет

q-strategic_plan = Есть ли у вашей организации стратегический план?
q-strategic_plan-current = Да, действующий план
q-strategic_plan-expired = Да, но срок его действия закончился, а новый еще не принят
q-strategic_plan-developing = Мы сейчас его пишем
q-strategic_plan-no = Нет

q-annual_budget = Каким был общий бюджет вашей организации за последний год в долларах США?
q-annual_budget-help = Достаточно примерной суммы. Переведите ее из вашей валюты по приблизительному курсу.
q-annual_budget-none = Бюджета не было
q-annual_budget-below_5k = Меньше 5000
q-annual_budget-between_5k_25k = От 5000 до 24 999
q-annual_budget-between_25k_100k = От 25 000 до 99 999
q-annual_budget-between_100k_500k = От 100 000 до 499 999
q-annual_budget-above_500k = 500 000 и больше
q-annual_budget-prefer_not = Предпочитаю не отвечать

q-funding_sources = Откуда поступало ваше финансирование за последний год?
q-funding_sources-help = Можно выбрать несколько вариантов.
q-funding_sources-international_donors = Международные доноры и агентства по развитию
q-funding_sources-private_foundations = Частные фонды
q-funding_sources-un_agencies = Агентства ООН или Глобальный фонд
q-funding_sources-government = Государство или местные органы власти
q-funding_sources-network_grants = Сеть или региональная сеть секс-работников
q-funding_sources-membership_fees = Членские взносы
q-funding_sources-individual_donations = Частные пожертвования
q-funding_sources-own_income = Доходы от собственной деятельности
q-funding_sources-other = Другое

q-tech_support = Получала ли ваша организация за последний год техническую или организационную помощь от сети?
q-tech_support-help = Например, обучение, наставничество, консультации или помощь с заявкой на грант или отчетом.
q-tech_support-yes = Да
q-tech_support-no = Нет
q-tech_support-unsure = Не знаю

q-tech_support_areas = В каких областях вы получили помощь?
q-tech_support_areas-help = Можно выбрать несколько вариантов.
q-tech_support_areas-financial_management = Финансовый менеджмент
q-tech_support_areas-programme_management = Управление программами
q-tech_support_areas-governance = Руководство и лидерство
q-tech_support_areas-fundraising = Поиск финансирования и отношения с донорами
q-tech_support_areas-advocacy = Адвокация и работа с политикой
q-tech_support_areas-communications = Коммуникация
q-tech_support_areas-safety_security = Безопасность
q-tech_support_areas-other = Другое

## Законы и политика

q-law_change = Изменились ли за последний год национальные законы или политика в отношении секс-работы в вашей стране?
q-law_change-help = Если были и положительные, и отрицательные изменения, выберите то, что сильнее всего повлияло на секс-работников.
q-law_change-improved = Да, стали лучше
q-law_change-worsened = Да, стали хуже
q-law_change-unchanged = Нет, ничего не изменилось
q-law_change-unsure = Не знаю

q-law_areas = Каких областей коснулись изменения?
q-law_areas-help = Можно выбрать несколько вариантов.
q-law_areas-criminalisation = Уголовное преследование за секс-работу (секс-работников или клиентов)
q-law_areas-policing = Действия полиции и правоохранительных органов
q-law_areas-migration = Законы о миграции и о борьбе с торговлей людьми
q-law_areas-health = Здоровье, в том числе ВИЧ и сексуальное и репродуктивное здоровье
q-law_areas-labour = Трудовые права и условия труда
q-law_areas-other = Другое

q-law_areas_other = Какой еще области коснулись изменения?

q-law_details = Кратко опишите изменения: что изменилось и когда?
q-law_details-help = Не указывайте имена и сведения, по которым можно узнать человека.

## Программы, основанные на соблюдении прав

q-programme_change = Как за последний год изменились в вашей стране программы для секс-работников, основанные на соблюдении прав?
q-programme_change-help = Например, услуги в области здоровья и ВИЧ, юридическая помощь, помощь при насилии или социальная защита.
q-programme_change-improved = Стали лучше
q-programme_change-worsened = Стали хуже
q-programme_change-unchanged = Не изменились
q-programme_change-unsure = Не знаю

q-programme_codesign = Участвовали ли секс-работники в разработке этих программ?
q-programme_codesign-led = Да, секс-работники разрабатывали их сами или вместе с другими
q-programme_codesign-consulted = Да, с секс-работниками консультировались
q-programme_codesign-not_involved = Нет, секс-работников не привлекали
q-programme_codesign-no_programmes = Таких программ нет
q-programme_codesign-unsure = Не знаю

## Лидерство и политические форумы

q-leaders_trained = Сколько новых или молодых лидеров движения секс-работников прошли обучение или наставничество в вашей организации за последний год?
q-leaders_trained-help = Если таких нет, укажите 0.

q-leaders_by_experienced = Скольких из них обучали или наставляли опытные лидеры движения секс-работников?
q-leaders_by_experienced-help = Считайте только лидеров из предыдущего вопроса.

q-forum_leaders = Сколько лидеров движения секс-работников из вашей организации участвовали за последний год в региональных или международных форумах по вопросам политики?
q-forum_leaders-help = Например, встречи ООН, процессы Глобального фонда, региональные консультации или международные конференции. Если таких нет, укажите 0.

q-regional_network_member = Входит ли ваша организация в региональную сеть секс-работников?
q-regional_network_member-yes = Да
q-regional_network_member-no = Нет
q-regional_network_member-applying = Мы подали заявку или вступаем сейчас

## Международные дни действий

q-days_of_action = В каких международных днях действий ваша организация участвовала за последний год?
q-days_of_action-help = Считается любое мероприятие, очное или онлайн, большое или маленькое. Можно выбрать несколько вариантов.
q-days_of_action-labour_rights = 3 марта: трудовые права
q-days_of_action-access_to_justice = 2 июня: право на доступ к правосудию
q-days_of_action-pride_visibility = 14 сентября: прайд и видимость секс-работников
q-days_of_action-ending_violence = 17 декабря: ликвидация насилия в отношении секс-работников
q-days_of_action-none = Мы не участвовали ни в одном из этих дней

## Изменения для секс-работников в вашей стране

q-impact_human_rights = Как за последний год изменилось соблюдение прав человека секс-работников?
q-impact_human_rights-help = 1 = намного хуже, 3 = без изменений, 5 = намного лучше

q-impact_stigma = Как за последний год изменилась ситуация со стигмой и дискриминацией в отношении секс-работников?
q-impact_stigma-help = 1 = намного хуже (больше стигмы), 3 = без изменений, 5 = намного лучше (меньше стигмы)

q-impact_violence = Как за последний год изменилась ситуация с насилием в отношении секс-работников?
q-impact_violence-help = 1 = намного хуже (больше насилия), 3 = без изменений, 5 = намного лучше (меньше насилия)

q-impact_laws = Как за последний год изменились законы, политика и практика в отношении секс-работников?
q-impact_laws-help = 1 = намного хуже, 3 = без изменений, 5 = намного лучше

q-impact_recognition = Как за последний год изменилось признание секс-работы видом труда, а секс-работников — работниками с трудовыми правами?
q-impact_recognition-help = 1 = намного хуже, 3 = без изменений, 5 = намного лучше

q-impact_working_conditions = Как за последний год изменились условия труда секс-работников?
q-impact_working_conditions-help = 1 = намного хуже, 3 = без изменений, 5 = намного лучше

q-impact_services = Как за последний год изменился доступ секс-работников к качественным услугам, основанным на соблюдении прав?
q-impact_services-help = 1 = намного хуже, 3 = без изменений, 5 = намного лучше

q-impact_participation = Как за последний год изменилось конструктивное участие секс-работников в разработке программ и политики?
q-impact_participation-help = 1 = намного хуже, 3 = без изменений, 5 = намного лучше

q-comments = Хотите ли вы еще что-нибудь сообщить сети?
q-comments-help = Необязательно. Не указывайте имена и сведения, по которым можно узнать человека.

## Индикаторы (названия в таблицах результатов)

indicator-registered = Зарегистрированные организации
indicator-paid_staff_mean = Оплачиваемые сотрудники на одну организацию (в среднем)
indicator-strategic_plan_current = Организации с действующим стратегическим планом
indicator-budget_ranges = Годовой бюджет (доллары США)
indicator-funding_sources = Источники финансирования
indicator-tech_support_received = Организации, получившие техническую помощь от сети
indicator-law_improved = Члены сети, сообщившие об улучшении законов и политики
indicator-law_worsened = Члены сети, сообщившие об ухудшении законов и политики
indicator-law_change_areas = Области изменений в законах и политике
indicator-programmes_improved = Члены сети, сообщившие об улучшении программ, основанных на соблюдении прав
indicator-programmes_codesigned = Члены сети, сообщившие о программах, разработанных при участии секс-работников
indicator-orgs_training_leaders = Организации, обучившие хотя бы одного нового или молодого лидера
indicator-leaders_trained_total = Обученные новые и молодые лидеры
indicator-leaders_trained_by_experienced_total = Новые и молодые лидеры, обученные опытными лидерами
indicator-forum_leaders_total = Лидеры на региональных и международных политических форумах
indicator-regional_network_members = Члены сети, входящие также в региональную сеть
indicator-days_of_action_participants = Члены сети, участвовавшие хотя бы в одном дне действий
indicator-days_of_action_themes = Дни действий по темам
indicator-impact_human_rights_improved = Члены сети, отметившие лучшее соблюдение прав человека
indicator-impact_stigma_improved = Члены сети, отметившие снижение стигмы и дискриминации
indicator-impact_violence_improved = Члены сети, отметившие снижение насилия
indicator-impact_laws_improved = Члены сети, отметившие улучшение законов, политики и практики
indicator-impact_recognition_improved = Члены сети, отметившие большее признание секс-работы видом труда
indicator-impact_working_conditions_improved = Члены сети, отметившие улучшение условий труда
indicator-impact_services_improved = Члены сети, отметившие лучший доступ к услугам, основанным на соблюдении прав
indicator-impact_participation_improved = Члены сети, отметившие более конструктивное участие секс-работников
