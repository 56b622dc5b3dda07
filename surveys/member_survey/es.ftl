### Encuesta anual a miembros: español.

survey-title = Encuesta anual a miembros
survey-intro = Gracias por participar. Esta encuesta ayuda a la red mundial a conocer qué cambió en el último año para las personas trabajadoras sexuales y para sus organizaciones miembro. Responderla toma unos 20 minutos. «La red mundial» es la red mundial de organizaciones lideradas por personas trabajadoras sexuales que le envía esta encuesta; a las redes regionales de personas trabajadoras sexuales siempre las llamamos redes regionales. Sus respuestas son confidenciales: solo se presentan como totales, nunca por organización. Puede guardar el formulario y terminarlo más tarde con el mismo enlace. «El último año» significa los últimos 12 meses. Comparta solo lo que pueda compartir con seguridad.

## Secciones

section-organisation = Su organización
section-global_network = Apoyo de la red mundial
section-law_policy = Leyes y políticas
section-programmes = Programas basados en derechos
section-leadership = Liderazgo y foros de políticas
section-mobilisation = Días internacionales de acción
section-impact = Cambios para las personas trabajadoras sexuales en su país

## Su organización

q-registration_status = ¿Su organización está registrada legalmente?
q-registration_status-help = Muchas organizaciones lideradas por personas trabajadoras sexuales no pueden registrarse debido a la ley. Elija la respuesta más cercana a su situación.
q-registration_status-registered = Sí, está registrada
q-registration_status-registering = El registro está en trámite
q-registration_status-hosted = No, pero trabajamos a través de otra organización registrada (patrocinador fiscal)
q-registration_status-not_registered = No, no está registrada
q-registration_status-refused = El registro fue rechazado o la ley no lo permite

q-paid_staff = ¿Cuántas personas tienen un puesto remunerado en su organización?
q-paid_staff-help = Cuente a todas las personas que reciben un pago, a tiempo completo o parcial. Escriba 0 si no hay ninguna.

q-volunteers = ¿Cuántas personas voluntarias colaboran regularmente con su organización?
q-volunteers-help = Basta con un número aproximado. Escriba 0 si no hay ninguna.

q-governance = ¿Cómo se gobierna su organización?
q-governance-elected_board = Con una junta directiva elegida por sus miembros
q-governance-appointed_board = Con una junta directiva designada de otra forma
q-governance-collective = Sus miembros deciden juntos (de forma colectiva)
q-governance-no_formal = Todavía no hay una estructura formal

q-strategic_plan = ¿Su organización tiene un plan estratégico?
q-strategic_plan-current = Sí, un plan vigente
q-strategic_plan-expired = Sí, pero ya terminó y aún no se ha renovado
q-strategic_plan-developing = Lo estamos elaborando
q-strategic_plan-no = No

q-annual_budget = ¿Cuál fue el presupuesto total de su organización en el último año, en dólares estadounidenses?
q-annual_budget-help = Basta con una cifra aproximada. Convierta desde su moneda con un tipo de cambio aproximado.
q-annual_budget-none = Sin presupuesto
q-annual_budget-below_5k = Menos de 5000
q-annual_budget-between_5k_25k = De 5000 a 24 999
q-annual_budget-between_25k_100k = De 25 000 a 99 999
q-annual_budget-between_100k_500k = De 100 000 a 499 999
q-annual_budget-above_500k = 500 000 o más
q-annual_budget-prefer_not = Prefiero no responder

q-funding_sources = ¿De dónde vino su financiamiento en el último año?
q-funding_sources-help = Puede elegir varias opciones.
q-funding_sources-international_donors = Donantes y agencias de cooperación internacionales
q-funding_sources-private_foundations = Fundaciones privadas
q-funding_sources-un_agencies = Agencias de la ONU o el Fondo Mundial
q-funding_sources-government = Gobierno nacional o local
q-funding_sources-network_grants = La red mundial
q-funding_sources-regional_network_grants = Una red regional de personas trabajadoras sexuales
q-funding_sources-membership_fees = Cuotas de membresía
q-funding_sources-individual_donations = Donaciones de personas particulares
q-funding_sources-own_income = Ingresos de actividades propias
q-funding_sources-other = Otra fuente

## Apoyo de la red mundial

q-tech_support = En el último año, ¿su organización recibió apoyo técnico u organizativo de la red mundial?
q-tech_support-help = Por ejemplo, capacitación, mentoría, asesoría o ayuda con una solicitud de fondos o un informe. Cuente solo el apoyo de la propia red mundial, no el de una red regional.
q-tech_support-yes = Sí
q-tech_support-no = No
q-tech_support-unsure = No sé

q-tech_support_areas = ¿En qué áreas recibió apoyo de la red mundial?
q-tech_support_areas-help = Puede elegir varias opciones.
q-tech_support_areas-financial_management = Gestión financiera
q-tech_support_areas-programme_management = Gestión de programas
q-tech_support_areas-governance = Gobernanza y liderazgo
q-tech_support_areas-fundraising = Búsqueda de fondos y relación con donantes
q-tech_support_areas-advocacy = Incidencia política
q-tech_support_areas-communications = Comunicación
q-tech_support_areas-safety_security = Seguridad y protección
q-tech_support_areas-other = Otra área

q-joint_capacity_programme = En el último año, ¿su organización preparó o llevó a cabo un programa de fortalecimiento de capacidades junto con la red mundial?
q-joint_capacity_programme-help = Por ejemplo, capacitaciones, mentorías o intercambios entre organizaciones que prepararon y realizaron juntas. El apoyo que solo recibieron corresponde a la primera pregunta de esta página.
q-joint_capacity_programme-yes = Sí
q-joint_capacity_programme-no = No
q-joint_capacity_programme-unsure = No sé

q-international_programmes = En el último año, ¿la red mundial ayudó a su organización a participar en un programa internacional?
q-international_programmes-help = Por ejemplo, un programa que se realiza en varios países o regiones, o financiado por el Fondo Mundial o una agencia de la ONU, en el que la red mundial les ayudó a entrar, a presentar una solicitud o a participar.
q-international_programmes-yes = Sí
q-international_programmes-no = No
q-international_programmes-unsure = No sé

q-network_tools_used = En el último año, ¿qué publicaciones y herramientas de la red mundial utilizó su organización?
q-network_tools_used-help = Puede elegir varias opciones. Cuente lo que usaron en su trabajo, no lo que solo leyeron.
q-network_tools_used-advocacy_toolkits = Herramientas para la incidencia política
q-network_tools_used-briefing_papers = Documentos informativos y notas de política
q-network_tools_used-community_guides = Guías breves para personas trabajadoras sexuales
q-network_tools_used-case_studies = Estudios de caso e informes de investigación
q-network_tools_used-statements = Declaraciones sobre temas urgentes
q-network_tools_used-digest = El boletín de la red mundial
q-network_tools_used-none = No usamos ninguna
q-network_tools_used-unsure = No sé

q-network_tools_purposes = ¿Cómo las usaron?
q-network_tools_purposes-help = Puede elegir varias opciones.
q-network_tools_purposes-advocacy = En la incidencia ante el gobierno, legisladores o donantes
q-network_tools_purposes-training = Para capacitar o informar a personas trabajadoras sexuales y a nuestros miembros
q-network_tools_purposes-programmes = Para diseñar o mejorar programas y servicios
q-network_tools_purposes-funding = En solicitudes de fondos o informes
q-network_tools_purposes-media = En el trabajo con medios o la comunicación pública
q-network_tools_purposes-adapted = Las tradujimos o adaptamos a nuestro contexto
q-network_tools_purposes-other = Otro uso

q-network_tools_change = ¿Usarlas ayudó a lograr algún cambio, por ejemplo en una ley, una política, un programa o en el trato que los servicios dan a las personas trabajadoras sexuales?
q-network_tools_change-yes = Sí
q-network_tools_change-no = No
q-network_tools_change-too_early = Todavía es pronto para saberlo
q-network_tools_change-unsure = No sé

## Leyes y políticas

q-law_change = En el último año, ¿cambiaron en su país las leyes o políticas nacionales sobre el trabajo sexual?
q-law_change-help = Si hubo cambios buenos y malos, elija el que más afectó a las personas trabajadoras sexuales.
q-law_change-improved = Sí, mejoraron
q-law_change-worsened = Sí, empeoraron
q-law_change-unchanged = No, no hubo cambios
q-law_change-unsure = No sé

q-law_areas = ¿A qué áreas afectaron los cambios?
q-law_areas-help = Puede elegir varias opciones.
q-law_areas-criminalisation = Criminalización del trabajo sexual, de las personas trabajadoras sexuales o de los clientes
q-law_areas-policing = Actuación policial y aplicación de la ley
q-law_areas-migration = Leyes de migración y contra la trata
q-law_areas-health = Salud, incluidos el VIH y la salud sexual y reproductiva
q-law_areas-labour = Derechos laborales y condiciones de trabajo
q-law_areas-other = Otra área

q-law_areas_other = ¿A qué otra área afectaron los cambios?

q-law_details = Describa brevemente los cambios: ¿qué cambió y cuándo?
q-law_details-help = No incluya nombres ni datos que permitan identificar a una persona.

## Programas basados en derechos

q-has_programmes = ¿Hay en su país programas basados en derechos para personas trabajadoras sexuales?
q-has_programmes-help = Por ejemplo, servicios de salud y VIH, apoyo legal, respuesta a la violencia o protección social que respeten los derechos de las personas trabajadoras sexuales, ya sean del Estado, de organizaciones no gubernamentales o de organizaciones de personas trabajadoras sexuales.
q-has_programmes-yes = Sí
q-has_programmes-no = No
q-has_programmes-unsure = No sé

q-programme_change = En el último año, ¿cómo cambiaron en su país los programas basados en derechos para personas trabajadoras sexuales?
q-programme_change-help = Si hace un año no había ninguno y ahora tampoco, elija «No hubo cambios».
q-programme_change-improved = Mejoraron
q-programme_change-worsened = Empeoraron
q-programme_change-unchanged = No hubo cambios
q-programme_change-unsure = No sé

q-programme_codesign = ¿Participaron personas trabajadoras sexuales en el diseño de estos programas?
q-programme_codesign-help = Si varía de un programa a otro, piense en los más importantes.
q-programme_codesign-led = Sí, personas trabajadoras sexuales los lideraron o codiseñaron
q-programme_codesign-consulted = Sí, se consultó a personas trabajadoras sexuales
q-programme_codesign-not_involved = No, no se incluyó a personas trabajadoras sexuales
q-programme_codesign-unsure = No sé

## Liderazgo y foros de políticas

q-supported_leaders = En el último año, ¿cuántas personas trabajadoras sexuales de su organización, líderes nuevas o jóvenes, recibieron formación o mentoría con el apoyo de la red mundial?
q-supported_leaders-help = Cuente la formación o mentoría que impartió la red mundial y la que impartió su organización con su apoyo (fondos, materiales o facilitadores). Cuente a cada persona una sola vez. Escriba 0 si no hubo ninguna.

q-supported_leaders_by_experienced = ¿Cuántas de estas personas recibieron formación o mentoría de líderes con experiencia del movimiento de personas trabajadoras sexuales?
q-supported_leaders_by_experienced-help = Cuente solo a las personas de la pregunta anterior: el número no puede ser mayor que su respuesta allí.

q-experienced_trainers = En el último año, ¿cuántas personas de su organización, líderes con experiencia del movimiento de personas trabajadoras sexuales, formaron o acompañaron a líderes nuevas o jóvenes con el apoyo de la red mundial?
q-experienced_trainers-help = Cuéntelas también si formaron a personas de otras organizaciones. Cuente a cada persona una sola vez. Escriba 0 si no hubo ninguna.

q-supported_forum_leaders = En el último año, ¿cuántas personas trabajadoras sexuales de su organización participaron como líderes en foros regionales o internacionales sobre políticas con el apoyo de la red mundial?
q-supported_forum_leaders-help = Por ejemplo, reuniones de la ONU, procesos del Fondo Mundial, consultas regionales o conferencias internacionales en los que la red mundial ayudó con la preparación, el viaje o un lugar en la delegación. Cuente a cada persona una sola vez. Escriba 0 si no hubo ninguna.

q-regional_network_member = ¿Su organización es miembro de una red regional de personas trabajadoras sexuales?
q-regional_network_member-yes = Sí
q-regional_network_member-no = No
q-regional_network_member-applying = Hemos solicitado la afiliación o está en trámite

## Días internacionales de acción

q-days_of_action = En el último año, ¿en qué días internacionales de acción participó su organización?
q-days_of_action-help = Cuenta cualquier actividad, presencial o en línea, pequeña o grande. Puede elegir varias opciones.
q-days_of_action-labour_rights = 3 de marzo: derechos laborales
q-days_of_action-access_to_justice = 2 de junio: acceso a la justicia
q-days_of_action-pride_visibility = 14 de septiembre: orgullo y visibilidad
q-days_of_action-ending_violence = 17 de diciembre: fin de la violencia contra las personas trabajadoras sexuales
q-days_of_action-none = No participamos en ninguno de estos días

## Cambios para las personas trabajadoras sexuales en su país

q-impact_human_rights = En el último año, ¿cómo cambió el respeto de los derechos humanos de las personas trabajadoras sexuales?
q-impact_human_rights-much_worse = Mucho peor
q-impact_human_rights-worse = Peor
q-impact_human_rights-unchanged = Sin cambios
q-impact_human_rights-better = Mejor
q-impact_human_rights-much_better = Mucho mejor
q-impact_human_rights-unsure = No sé

q-impact_stigma = En el último año, ¿cómo cambiaron el estigma y la discriminación hacia las personas trabajadoras sexuales?
q-impact_stigma-help = «Mejor» significa menos estigma y discriminación.
q-impact_stigma-much_worse = Mucho peor
q-impact_stigma-worse = Peor
q-impact_stigma-unchanged = Sin cambios
q-impact_stigma-better = Mejor
q-impact_stigma-much_better = Mucho mejor
q-impact_stigma-unsure = No sé

q-impact_violence = En el último año, ¿cómo cambió la situación de violencia contra las personas trabajadoras sexuales?
q-impact_violence-help = «Mejor» significa menos violencia.
q-impact_violence-much_worse = Mucho peor
q-impact_violence-worse = Peor
q-impact_violence-unchanged = Sin cambios
q-impact_violence-better = Mejor
q-impact_violence-much_better = Mucho mejor
q-impact_violence-unsure = No sé

q-impact_laws = En el último año, ¿cómo cambiaron las leyes, políticas y prácticas que afectan a las personas trabajadoras sexuales?
q-impact_laws-much_worse = Mucho peor
q-impact_laws-worse = Peor
q-impact_laws-unchanged = Sin cambios
q-impact_laws-better = Mejor
q-impact_laws-much_better = Mucho mejor
q-impact_laws-unsure = No sé

q-impact_recognition = En el último año, ¿cómo cambió el reconocimiento del trabajo sexual como trabajo, con derechos laborales?
q-impact_recognition-much_worse = Mucho peor
q-impact_recognition-worse = Peor
q-impact_recognition-unchanged = Sin cambios
q-impact_recognition-better = Mejor
q-impact_recognition-much_better = Mucho mejor
q-impact_recognition-unsure = No sé

q-impact_working_conditions = En el último año, ¿cómo cambiaron las condiciones de trabajo de las personas trabajadoras sexuales?
q-impact_working_conditions-much_worse = Mucho peor
q-impact_working_conditions-worse = Peor
q-impact_working_conditions-unchanged = Sin cambios
q-impact_working_conditions-better = Mejor
q-impact_working_conditions-much_better = Mucho mejor
q-impact_working_conditions-unsure = No sé

q-impact_services = En el último año, ¿cómo cambió el acceso de las personas trabajadoras sexuales a servicios y apoyo de calidad, basados en evidencia y en sus derechos?
q-impact_services-much_worse = Mucho peor
q-impact_services-worse = Peor
q-impact_services-unchanged = Sin cambios
q-impact_services-better = Mejor
q-impact_services-much_better = Mucho mejor
q-impact_services-unsure = No sé

q-impact_participation = En el último año, ¿cómo cambió la participación significativa de las personas trabajadoras sexuales en el diseño de programas y políticas?
q-impact_participation-much_worse = Mucho peor
q-impact_participation-worse = Peor
q-impact_participation-unchanged = Sin cambios
q-impact_participation-better = Mejor
q-impact_participation-much_better = Mucho mejor
q-impact_participation-unsure = No sé

q-comments = ¿Hay algo más que quiera decirle a la red mundial?
q-comments-help = Opcional. No incluya nombres ni datos que permitan identificar a una persona.

## Indicadores (títulos en las tablas de resultados)

indicator-org_developed = Organizaciones registradas, con un plan estratégico vigente y personal remunerado
indicator-org_development_index = Índice de desarrollo organizativo (proporción de cinco criterios cumplidos)
indicator-registered = Organizaciones registradas
indicator-paid_staff_mean = Personal remunerado por organización (promedio)
indicator-volunteers_mean = Personas voluntarias por organización (promedio)
indicator-governance_types = Forma de gobierno de las organizaciones
indicator-strategic_plan_current = Organizaciones con un plan estratégico vigente
indicator-budget_ranges = Presupuesto anual (dólares estadounidenses)
indicator-funding_sources = Fuentes de financiamiento
indicator-tech_support_received = Organizaciones que recibieron apoyo técnico u organizativo de la red mundial
indicator-tech_support_area_mix = Áreas de apoyo de la red mundial
indicator-joint_capacity_programmes = Organizaciones que realizan programas de fortalecimiento de capacidades con la red mundial
indicator-international_programme_countries = Países donde la red mundial ayudó a organizaciones a participar en programas internacionales
indicator-network_tools_users = Organizaciones que usaron publicaciones y herramientas de la red mundial
indicator-network_tools_kinds = Publicaciones y herramientas de la red mundial usadas, por tipo
indicator-network_tools_purposes = Usos de las publicaciones y herramientas de la red mundial
indicator-network_tools_contributed = Organizaciones usuarias para las que las publicaciones y herramientas de la red mundial ayudaron a lograr un cambio
indicator-law_improved_countries = Países donde mejoraron las leyes y políticas
indicator-law_worsened_countries = Países donde empeoraron las leyes y políticas
indicator-law_improved = Miembros que informan mejoras en leyes y políticas
indicator-law_worsened = Miembros que informan retrocesos en leyes y políticas
indicator-law_change_areas = Áreas de cambio en leyes y políticas
indicator-programmes_improved = Miembros que informan mejoras en programas basados en derechos
indicator-programmes_worsened = Miembros que informan retrocesos en programas basados en derechos
indicator-programmes_codesigned = Programas diseñados con personas trabajadoras sexuales (miembros de países con estos programas)
indicator-programmes_led = Programas liderados o codiseñados por personas trabajadoras sexuales (miembros de países con estos programas)
indicator-supported_leaders_total = Personas líderes nuevas o jóvenes formadas con el apoyo de la red mundial
indicator-orgs_with_supported_leaders = Organizaciones con al menos una persona líder nueva o joven formada con el apoyo de la red mundial
indicator-supported_leaders_by_experienced_total = Personas líderes nuevas o jóvenes formadas por líderes con experiencia
indicator-experienced_trainers_total = Líderes con experiencia que forman a líderes nuevas o jóvenes
indicator-supported_forum_leaders_total = Líderes en foros regionales e internacionales sobre políticas con el apoyo de la red mundial
indicator-regional_network_members = Miembros que también pertenecen a una red regional
indicator-days_of_action_participants = Miembros que participaron en al menos un día de acción
indicator-days_of_action_themes = Días de acción, por tema
indicator-days_labour_rights = Miembros que participaron en el día de los derechos laborales (3 de marzo)
indicator-days_access_to_justice = Miembros que participaron en el día del acceso a la justicia (2 de junio)
indicator-days_pride_visibility = Miembros que participaron en el día del orgullo y la visibilidad (14 de septiembre)
indicator-days_ending_violence = Miembros que participaron en el día para poner fin a la violencia contra las personas trabajadoras sexuales (17 de diciembre)
indicator-impact_human_rights_improved = Miembros que informan más respeto de los derechos humanos
indicator-impact_stigma_improved = Miembros que informan menos estigma y discriminación
indicator-impact_violence_improved = Miembros que informan menos violencia
indicator-impact_laws_improved = Miembros que informan mejores leyes, políticas y prácticas
indicator-impact_recognition_improved = Miembros que informan más reconocimiento del trabajo sexual como trabajo
indicator-impact_working_conditions_improved = Miembros que informan mejores condiciones de trabajo
indicator-impact_services_improved = Miembros que informan mejor acceso a servicios basados en evidencia y en derechos
indicator-impact_participation_improved = Miembros que informan una participación más significativa
