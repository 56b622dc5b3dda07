### Ежегодный опрос членов сети: русский.

survey-title = Ежегодный опрос членов сети
survey-intro = Спасибо за участие! Этот опрос помогает глобальной сети понять, что изменилось за последний год для секс-работников и для её организаций-членов. Он займёт около 20 минут. «Глобальная сеть» — это глобальная сеть самоорганизаций секс-работников, которая рассылает вам этот опрос; региональные сети секс-работников везде называются региональными сетями. Ваши ответы конфиденциальны: они публикуются только в виде общих итогов и никогда — по отдельной организации. Вы можете сохранить анкету и закончить её позже по той же ссылке. «Последний год» — это последние 12 месяцев. Делитесь только тем, чем можете поделиться безопасно.

## Разделы

section-organisation = Ваша организация
section-global_network = Поддержка глобальной сети
section-law_policy = Законы и политика
section-programmes = Программы, основанные на соблюдении прав
section-leadership = Лидерство и форумы по вопросам политики
section-mobilisation = Международные дни действий
section-impact = Изменения для секс-работников в вашей стране

## Ваша организация

q-registration_status = Зарегистрирована ли ваша организация официально?
q-registration_status-help = Многие самоорганизации секс-работников не могут зарегистрироваться из-за законов. Выберите ответ, который ближе всего к вашей ситуации.
q-registration_status-registered = Да, зарегистрирована
q-registration_status-registering = Регистрация в процессе
q-registration_status-hosted = Нет, но мы работаем через другую зарегистрированную организацию (фискального спонсора)
q-registration_status-not_registered = Нет, не зарегистрирована
q-registration_status-refused = В регистрации отказали, или закон её не допускает

q-paid_staff = Сколько оплачиваемых сотрудников в вашей организации?
q-paid_staff-help = Считайте всех, кто получает оплату, на полной или частичной занятости. Если таких нет, укажите 0.

q-volunteers = Сколько волонтёров регулярно работает с вашей организацией?
q-volunteers-help = Достаточно примерного числа. Если волонтёров нет, укажите 0.

q-governance = Как устроено управление вашей организацией?
q-governance-elected_board = Правление, избранное членами организации
q-governance-appointed_board = Правление, сформированное другим способом
q-governance-collective = Члены организации принимают решения вместе (коллективно)
q-governance-no_formal = Формальной структуры управления пока нет

q-strategic_plan = Есть ли у вашей организации стратегический план?
q-strategic_plan-current = Да, действующий план
q-strategic_plan-expired = Да, но срок его действия закончился, а новый ещё не принят
q-strategic_plan-developing = Мы сейчас его пишем
q-strategic_plan-no = Нет

q-annual_budget = Каким был общий бюджет вашей организации за последний год в долларах США?
q-annual_budget-help = Достаточно примерной суммы. Переведите её из вашей валюты по приблизительному курсу.
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
q-funding_sources-network_grants = Глобальная сеть
q-funding_sources-regional_network_grants = Региональная сеть секс-работников
q-funding_sources-membership_fees = Членские взносы
q-funding_sources-individual_donations = Частные пожертвования
q-funding_sources-own_income = Доходы от собственной деятельности
q-funding_sources-other = Другое

## Поддержка глобальной сети

q-tech_support = Получала ли ваша организация за последний год техническую или организационную помощь от глобальной сети?
q-tech_support-help = Например, обучение, наставничество, консультации или помощь с заявкой на грант или отчётом. Учитывайте только помощь самой глобальной сети, а не региональной сети.
q-tech_support-yes = Да
q-tech_support-no = Нет
q-tech_support-unsure = Не знаю

q-tech_support_areas = В каких областях глобальная сеть вам помогала?
q-tech_support_areas-help = Можно выбрать несколько вариантов.
q-tech_support_areas-financial_management = Финансовый менеджмент
q-tech_support_areas-programme_management = Управление программами
q-tech_support_areas-governance = Руководство и лидерство
q-tech_support_areas-fundraising = Поиск финансирования и отношения с донорами
q-tech_support_areas-advocacy = Адвокация и работа с политикой
q-tech_support_areas-communications = Коммуникация
q-tech_support_areas-safety_security = Безопасность
q-tech_support_areas-other = Другое

q-joint_capacity_programme = Готовила или проводила ли ваша организация за последний год программу развития потенциала вместе с глобальной сетью?
q-joint_capacity_programme-help = Например, обучение, наставничество или обмен опытом между организациями, которые вы готовили и проводили вместе. Помощь, которую вы только получали, относится к первому вопросу этой страницы.
q-joint_capacity_programme-yes = Да
q-joint_capacity_programme-no = Нет
q-joint_capacity_programme-unsure = Не знаю

q-international_programmes = Помогала ли глобальная сеть вашей организации за последний год участвовать в международной программе?
q-international_programmes-help = Например, в программе, которая идёт в нескольких странах или регионах или финансируется Глобальным фондом или агентством ООН, если глобальная сеть помогла вам войти в неё, подать заявку или участвовать.
q-international_programmes-yes = Да
q-international_programmes-no = Нет
q-international_programmes-unsure = Не знаю

q-network_tools_used = Какие публикации и инструменты глобальной сети ваша организация использовала за последний год?
q-network_tools_used-help = Можно выбрать несколько вариантов. Учитывайте то, что вы применяли в работе, а не только прочитали.
q-network_tools_used-advocacy_toolkits = Адвокационные инструменты
q-network_tools_used-briefing_papers = Справочные и аналитические записки
q-network_tools_used-community_guides = Краткие пособия для секс-работников
q-network_tools_used-case_studies = Тематические исследования и отчёты
q-network_tools_used-statements = Заявления по срочным вопросам
q-network_tools_used-digest = Дайджест или рассылка глобальной сети
q-network_tools_used-none = Мы не использовали ничего из этого
q-network_tools_used-unsure = Не знаю

q-network_tools_purposes = Как вы их использовали?
q-network_tools_purposes-help = Можно выбрать несколько вариантов.
q-network_tools_purposes-advocacy = В адвокации перед государством, законодателями или донорами
q-network_tools_purposes-training = Для обучения или информирования секс-работников и наших членов
q-network_tools_purposes-programmes = Для разработки или улучшения программ и услуг
q-network_tools_purposes-funding = В заявках на финансирование или отчётах
q-network_tools_purposes-media = В работе со СМИ или публичной коммуникации
q-network_tools_purposes-adapted = Мы перевели или адаптировали их к нашим условиям
q-network_tools_purposes-other = Другое

q-network_tools_change = Помогло ли их использование добиться изменений, например в законе, политике, программе или в том, как службы относятся к секс-работникам?
q-network_tools_change-yes = Да
q-network_tools_change-no = Нет
q-network_tools_change-too_early = Пока рано судить
q-network_tools_change-unsure = Не знаю

## Законы и политика

q-law_change = Изменились ли за последний год национальные законы или политика в отношении секс-работы в вашей стране?
q-law_change-help = Если были и положительные, и отрицательные изменения, выберите то, что сильнее всего повлияло на секс-работников.
q-law_change-improved = Да, стали лучше
q-law_change-worsened = Да, стали хуже
q-law_change-unchanged = Нет, ничего не изменилось
q-law_change-unsure = Не знаю

q-law_areas = Каких областей коснулись изменения?
q-law_areas-help = Можно выбрать несколько вариантов.
q-law_areas-criminalisation = Криминализация секс-работы, секс-работников или клиентов
q-law_areas-policing = Действия полиции и правоохранительных органов
q-law_areas-migration = Законы о миграции и о борьбе с торговлей людьми
q-law_areas-health = Здоровье, в том числе ВИЧ и сексуальное и репродуктивное здоровье
q-law_areas-labour = Трудовые права и условия труда
q-law_areas-other = Другое

q-law_areas_other = Какой ещё области коснулись изменения?

q-law_details = Кратко опишите изменения: что изменилось и когда?
q-law_details-help = Не указывайте имена и сведения, по которым можно узнать человека.

## Программы, основанные на соблюдении прав

q-has_programmes = Есть ли в вашей стране программы для секс-работников, основанные на соблюдении прав?
q-has_programmes-help = Например, услуги в области здоровья и ВИЧ, юридическая помощь, помощь при насилии или социальная защита с соблюдением прав секс-работников — государственные, от неправительственных организаций или от самоорганизаций секс-работников.
q-has_programmes-yes = Да
q-has_programmes-no = Нет
q-has_programmes-unsure = Не знаю

q-programme_change = Как за последний год изменились в вашей стране программы для секс-работников, основанные на соблюдении прав?
q-programme_change-help = Если год назад таких программ не было и сейчас нет, выберите «Не изменились».
q-programme_change-improved = Стали лучше
q-programme_change-worsened = Стали хуже
q-programme_change-unchanged = Не изменились
q-programme_change-unsure = Не знаю

q-programme_codesign = Участвовали ли секс-работники в разработке этих программ?
q-programme_codesign-help = Если в разных программах по-разному, подумайте о самых важных.
q-programme_codesign-led = Да, секс-работники руководили разработкой или разрабатывали их вместе с другими
q-programme_codesign-consulted = Да, с секс-работниками консультировались
q-programme_codesign-not_involved = Нет, секс-работников не привлекали
q-programme_codesign-unsure = Не знаю

## Лидерство и форумы по вопросам политики

q-supported_leaders = Сколько новых или молодых лидеров движения секс-работников из вашей организации прошли за последний год обучение или наставничество при поддержке глобальной сети?
q-supported_leaders-help = Учитывайте обучение и наставничество, которые проводила сама глобальная сеть, и обучение, которое ваша организация проводила при её поддержке (финансирование, материалы или тренеры). Каждого человека считайте один раз. Если таких нет, укажите 0.

q-supported_leaders_by_experienced = Скольких из этих лидеров обучали или наставляли опытные лидеры движения секс-работников?
q-supported_leaders_by_experienced-help = Считайте только лидеров из предыдущего вопроса: это число не может быть больше вашего ответа на него.

q-experienced_trainers = Сколько опытных лидеров движения секс-работников из вашей организации обучали или наставляли за последний год новых или молодых лидеров при поддержке глобальной сети?
q-experienced_trainers-help = Учитывайте и тех, кто обучал людей из других организаций. Каждого человека считайте один раз. Если таких нет, укажите 0.

q-supported_forum_leaders = Сколько лидеров движения секс-работников из вашей организации участвовали за последний год в региональных или международных форумах по вопросам политики при поддержке глобальной сети?
q-supported_forum_leaders-help = Например, во встречах ООН, процессах Глобального фонда, региональных консультациях или международных конференциях, если глобальная сеть помогла с подготовкой, поездкой или местом в делегации. Каждого человека считайте один раз. Если таких нет, укажите 0.

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
q-impact_human_rights-much_worse = Намного хуже
q-impact_human_rights-worse = Хуже
q-impact_human_rights-unchanged = Без изменений
q-impact_human_rights-better = Лучше
q-impact_human_rights-much_better = Намного лучше
q-impact_human_rights-unsure = Не знаю

q-impact_stigma = Как за последний год изменилась ситуация со стигмой и дискриминацией в отношении секс-работников?
q-impact_stigma-help = «Лучше» значит меньше стигмы и дискриминации.
q-impact_stigma-much_worse = Намного хуже
q-impact_stigma-worse = Хуже
q-impact_stigma-unchanged = Без изменений
q-impact_stigma-better = Лучше
q-impact_stigma-much_better = Намного лучше
q-impact_stigma-unsure = Не знаю

q-impact_violence = Как за последний год изменилась ситуация с насилием в отношении секс-работников?
q-impact_violence-help = «Лучше» значит меньше насилия.
q-impact_violence-much_worse = Намного хуже
q-impact_violence-worse = Хуже
q-impact_violence-unchanged = Без изменений
q-impact_violence-better = Лучше
q-impact_violence-much_better = Намного лучше
q-impact_violence-unsure = Не знаю

q-impact_laws = Как за последний год изменились законы, политика и практика в отношении секс-работников?
q-impact_laws-much_worse = Намного хуже
q-impact_laws-worse = Хуже
q-impact_laws-unchanged = Без изменений
q-impact_laws-better = Лучше
q-impact_laws-much_better = Намного лучше
q-impact_laws-unsure = Не знаю

q-impact_recognition = Как за последний год изменилось признание секс-работы видом труда, а секс-работников — работниками с трудовыми правами?
q-impact_recognition-much_worse = Намного хуже
q-impact_recognition-worse = Хуже
q-impact_recognition-unchanged = Без изменений
q-impact_recognition-better = Лучше
q-impact_recognition-much_better = Намного лучше
q-impact_recognition-unsure = Не знаю

q-impact_working_conditions = Как за последний год изменились условия труда секс-работников?
q-impact_working_conditions-much_worse = Намного хуже
q-impact_working_conditions-worse = Хуже
q-impact_working_conditions-unchanged = Без изменений
q-impact_working_conditions-better = Лучше
q-impact_working_conditions-much_better = Намного лучше
q-impact_working_conditions-unsure = Не знаю

q-impact_services = Как за последний год изменился доступ секс-работников к качественным услугам и помощи, основанным на научных фактах и соблюдении прав?
q-impact_services-much_worse = Намного хуже
q-impact_services-worse = Хуже
q-impact_services-unchanged = Без изменений
q-impact_services-better = Лучше
q-impact_services-much_better = Намного лучше
q-impact_services-unsure = Не знаю

q-impact_participation = Как за последний год изменилось значимое участие секс-работников в разработке программ и политики?
q-impact_participation-much_worse = Намного хуже
q-impact_participation-worse = Хуже
q-impact_participation-unchanged = Без изменений
q-impact_participation-better = Лучше
q-impact_participation-much_better = Намного лучше
q-impact_participation-unsure = Не знаю

q-comments = Хотите ли вы ещё что-нибудь сообщить глобальной сети?
q-comments-help = Необязательно. Не указывайте имена и сведения, по которым можно узнать человека.

## Индикаторы (названия в таблицах результатов)

indicator-org_developed = Организации, которые зарегистрированы и имеют действующий стратегический план и оплачиваемых сотрудников
indicator-org_development_index = Индекс организационного развития (доля выполненных пяти признаков)
indicator-registered = Зарегистрированные организации
indicator-paid_staff_mean = Оплачиваемые сотрудники на одну организацию (в среднем)
indicator-volunteers_mean = Волонтёры на одну организацию (в среднем)
indicator-governance_types = Как устроено управление в организациях
indicator-strategic_plan_current = Организации с действующим стратегическим планом
indicator-budget_ranges = Годовой бюджет (доллары США)
indicator-funding_sources = Источники финансирования
indicator-tech_support_received = Организации, получившие техническую или организационную помощь от глобальной сети
indicator-tech_support_area_mix = Области помощи глобальной сети
indicator-joint_capacity_programmes = Организации, которые проводят программы развития потенциала вместе с глобальной сетью
indicator-international_programme_countries = Страны, в которых глобальная сеть помогла организациям участвовать в международных программах
indicator-network_tools_users = Организации, использовавшие публикации и инструменты глобальной сети
indicator-network_tools_kinds = Использованные публикации и инструменты глобальной сети по видам
indicator-network_tools_purposes = Как использовались публикации и инструменты глобальной сети
indicator-network_tools_contributed = Организации, которым публикации и инструменты глобальной сети помогли добиться изменений (среди использовавших их)
indicator-law_improved_countries = Страны, где законы и политика стали лучше
indicator-law_worsened_countries = Страны, где законы и политика стали хуже
indicator-law_improved = Члены сети, сообщившие об улучшении законов и политики
indicator-law_worsened = Члены сети, сообщившие об ухудшении законов и политики
indicator-law_change_areas = Области изменений в законах и политике
indicator-programmes_improved = Члены сети, сообщившие об улучшении программ, основанных на соблюдении прав
indicator-programmes_worsened = Члены сети, сообщившие об ухудшении программ, основанных на соблюдении прав
indicator-programmes_codesigned = Программы, разработанные при участии секс-работников (члены сети из стран, где такие программы есть)
indicator-programmes_led = Программы, разработкой которых руководили секс-работники или которые они разрабатывали вместе с другими (члены сети из стран, где такие программы есть)
indicator-supported_leaders_total = Новые и молодые лидеры, обученные при поддержке глобальной сети
indicator-orgs_with_supported_leaders = Организации, в которых хотя бы один новый или молодой лидер прошёл обучение при поддержке глобальной сети
indicator-supported_leaders_by_experienced_total = Новые и молодые лидеры, обученные опытными лидерами
indicator-experienced_trainers_total = Опытные лидеры, обучающие новых и молодых лидеров
indicator-supported_forum_leaders_total = Лидеры на региональных и международных форумах по вопросам политики при поддержке глобальной сети
indicator-regional_network_members = Члены сети, входящие также в региональную сеть
indicator-days_of_action_participants = Члены сети, участвовавшие хотя бы в одном дне действий
indicator-days_of_action_themes = Дни действий по темам
indicator-days_labour_rights = Члены сети, участвовавшие в дне трудовых прав (3 марта)
indicator-days_access_to_justice = Члены сети, участвовавшие в дне доступа к правосудию (2 июня)
indicator-days_pride_visibility = Члены сети, участвовавшие в дне прайда и видимости (14 сентября)
indicator-days_ending_violence = Члены сети, участвовавшие в дне ликвидации насилия в отношении секс-работников (17 декабря)
indicator-impact_human_rights_improved = Члены сети, отметившие лучшее соблюдение прав человека
indicator-impact_stigma_improved = Члены сети, отметившие снижение стигмы и дискриминации
indicator-impact_violence_improved = Члены сети, отметившие снижение насилия
indicator-impact_laws_improved = Члены сети, отметившие улучшение законов, политики и практики
indicator-impact_recognition_improved = Члены сети, отметившие большее признание секс-работы видом труда
indicator-impact_working_conditions_improved = Члены сети, отметившие улучшение условий труда
indicator-impact_services_improved = Члены сети, отметившие лучший доступ к услугам, основанным на научных фактах и соблюдении прав
indicator-impact_participation_improved = Члены сети, отметившие более значимое участие секс-работников
