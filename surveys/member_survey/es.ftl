### Encuesta anual a miembros: español.

survey-title = Encuesta anual a miembros
survey-intro = Gracias por participar. Esta encuesta ayuda a la red a conocer qué cambió en el último año para las personas trabajadoras sexuales y para las organizaciones miembro. Responderla toma unos 20 minutos. Sus respuestas son confidenciales: solo se presentan como totales regionales, nunca por organización. Puede guardar el formulario y terminarlo más tarde con el mismo enlace. «El último año» significa los últimos 12 meses. Comparta solo lo que pueda compartir con seguridad.

## Secciones

section-organisation = Su organización
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
q-registration_status-hosted = No, pero trabajamos a través de otra organización registrada (organización anfitriona)
q-registration_status-not_registered = No, no está registrada
q-registration_status-refused = El registro fue rechazado o la ley no lo permite

q-paid_staff = ¿Cuántas personas tienen un puesto remunerado en su organización?
q-paid_staff-help = Cuente a todas las personas que reciben un pago, a tiempo completo o parcial. Escriba 0 si no hay ninguna.

q-volunteers = ¿Cuántas personas voluntarias colaboran regularmente con su organización?
q-volunteers-help = Basta con un número aproximado. Escriba 0 si no hay ninguna.

q-governance = ¿Cómo se gobierna su organización?
q-governance-elected_board = Con una junta directiva elegida por sus miembros
q-governance-appointed_board = Con una junta directiva elegida de otra forma
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
q-funding_sources-network_grants = La red o una red regional de personas trabajadoras sexuales
q-funding_sources-membership_fees = Cuotas de membresía
q-funding_sources-individual_donations = Donaciones de personas particulares
q-funding_sources-own_income = Ingresos de actividades propias
q-funding_sources-other = Otra fuente

q-tech_support = En el último año, ¿su organización recibió apoyo técnico u organizativo de la red?
q-tech_support-help = Por ejemplo, capacitación, mentoría, asesoría o ayuda con una solicitud de fondos o un informe.
q-tech_support-yes = Sí
q-tech_support-no = No
q-tech_support-unsure = No sé

q-tech_support_areas = ¿En qué áreas recibió apoyo?
q-tech_support_areas-help = Puede elegir varias opciones.
q-tech_support_areas-financial_management = Gestión financiera
q-tech_support_areas-programme_management = Gestión de programas
q-tech_support_areas-governance = Gobernanza y liderazgo
q-tech_support_areas-fundraising = Búsqueda de fondos y relación con donantes
q-tech_support_areas-advocacy = Incidencia política
q-tech_support_areas-communications = Comunicación
q-tech_support_areas-safety_security = Seguridad y protección
q-tech_support_areas-other = Otra área

## Leyes y políticas

q-law_change = En el último año, ¿cambiaron en su país las leyes o políticas nacionales sobre el trabajo sexual?
q-law_change-help = Si hubo cambios buenos y malos, elija el que más afectó a las personas trabajadoras sexuales.
q-law_change-improved = Sí, mejoraron
q-law_change-worsened = Sí, empeoraron
q-law_change-unchanged = No, no hubo cambios
q-law_change-unsure = No sé

q-law_areas = ¿Qué áreas tocaron los cambios?
q-law_areas-help = Puede elegir varias opciones.
q-law_areas-criminalisation = Criminalización del trabajo sexual, de las personas trabajadoras sexuales o de los clientes
q-law_areas-policing = Actuación policial y aplicación de la ley
q-law_areas-migration = Leyes de migración y contra la trata
q-law_areas-health = Salud, incluidos el VIH y la salud sexual y reproductiva
q-law_areas-labour = Derechos laborales y condiciones de trabajo
q-law_areas-other = Otra área

q-law_areas_other = ¿Qué otra área tocaron los cambios?

q-law_details = Describa brevemente los cambios: ¿qué cambió y cuándo?
q-law_details-help = No incluya nombres ni datos que permitan identificar a una persona.

## Programas basados en derechos

q-programme_change = En el último año, ¿cómo cambiaron en su país los programas basados en derechos para personas trabajadoras sexuales?
q-programme_change-help = Por ejemplo, servicios de salud y VIH, apoyo legal, respuesta a la violencia o protección social.
q-programme_change-improved = Mejoraron
q-programme_change-worsened = Empeoraron
q-programme_change-unchanged = No hubo cambios
q-programme_change-unsure = No sé

q-programme_codesign = ¿Participaron personas trabajadoras sexuales en el diseño de estos programas?
q-programme_codesign-led = Sí, personas trabajadoras sexuales los diseñaron o codiseñaron
q-programme_codesign-consulted = Sí, se consultó a personas trabajadoras sexuales
q-programme_codesign-not_involved = No, no se incluyó a personas trabajadoras sexuales
q-programme_codesign-no_programmes = No existen programas de este tipo
q-programme_codesign-unsure = No sé

## Liderazgo y foros de políticas

q-leaders_trained = En el último año, ¿a cuántas personas trabajadoras sexuales formó o acompañó su organización como líderes nuevas o jóvenes?
q-leaders_trained-help = Escriba 0 si no hubo ninguna.

q-leaders_by_experienced = ¿Cuántas de ellas recibieron formación o acompañamiento de líderes con experiencia del movimiento de personas trabajadoras sexuales?
q-leaders_by_experienced-help = Cuente solo a las personas de la pregunta anterior.

q-forum_leaders = En el último año, ¿cuántas personas trabajadoras sexuales de su organización participaron como líderes en foros regionales o internacionales sobre políticas?
q-forum_leaders-help = Por ejemplo, reuniones de la ONU, procesos del Fondo Mundial, consultas regionales o conferencias internacionales. Escriba 0 si no hubo ninguna.

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
q-impact_human_rights-help = 1 = mucho peor, 3 = sin cambios, 5 = mucho mejor

q-impact_stigma = En el último año, ¿cómo cambiaron el estigma y la discriminación hacia las personas trabajadoras sexuales?
q-impact_stigma-help = 1 = mucho peor (más estigma), 3 = sin cambios, 5 = mucho mejor (menos estigma)

q-impact_violence = En el último año, ¿cómo cambió la violencia contra las personas trabajadoras sexuales?
q-impact_violence-help = 1 = mucho peor (más violencia), 3 = sin cambios, 5 = mucho mejor (menos violencia)

q-impact_laws = En el último año, ¿cómo cambiaron las leyes, políticas y prácticas que afectan a las personas trabajadoras sexuales?
q-impact_laws-help = 1 = mucho peor, 3 = sin cambios, 5 = mucho mejor

q-impact_recognition = En el último año, ¿cómo cambió el reconocimiento del trabajo sexual como trabajo, con derechos laborales?
q-impact_recognition-help = 1 = mucho peor, 3 = sin cambios, 5 = mucho mejor

q-impact_working_conditions = En el último año, ¿cómo cambiaron las condiciones de trabajo de las personas trabajadoras sexuales?
q-impact_working_conditions-help = 1 = mucho peor, 3 = sin cambios, 5 = mucho mejor

q-impact_services = En el último año, ¿cómo cambió el acceso de las personas trabajadoras sexuales a servicios de calidad basados en derechos?
q-impact_services-help = 1 = mucho peor, 3 = sin cambios, 5 = mucho mejor

q-impact_participation = En el último año, ¿cómo cambió la participación significativa de las personas trabajadoras sexuales en programas y políticas?
q-impact_participation-help = 1 = mucho peor, 3 = sin cambios, 5 = mucho mejor

q-comments = ¿Hay algo más que quiera decirle a la red?
q-comments-help = Opcional. No incluya nombres ni datos que permitan identificar a una persona.

## Indicadores (títulos en las tablas de resultados)

indicator-registered = Organizaciones registradas
indicator-paid_staff_mean = Personal remunerado por organización (promedio)
indicator-strategic_plan_current = Organizaciones con un plan estratégico vigente
indicator-budget_ranges = Presupuesto anual (dólares estadounidenses)
indicator-funding_sources = Fuentes de financiamiento
indicator-tech_support_received = Organizaciones que recibieron apoyo técnico de la red
indicator-law_improved = Miembros que informan mejoras en leyes y políticas
indicator-law_worsened = Miembros que informan retrocesos en leyes y políticas
indicator-law_change_areas = Áreas de cambio en leyes y políticas
indicator-programmes_improved = Miembros que informan mejoras en programas basados en derechos
indicator-programmes_codesigned = Miembros que informan programas diseñados con personas trabajadoras sexuales
indicator-orgs_training_leaders = Organizaciones que formaron al menos a una persona líder nueva o joven
indicator-leaders_trained_total = Personas líderes nuevas o jóvenes formadas
indicator-leaders_trained_by_experienced_total = Personas líderes nuevas o jóvenes formadas por líderes con experiencia
indicator-forum_leaders_total = Líderes en foros regionales e internacionales sobre políticas
indicator-regional_network_members = Miembros que también pertenecen a una red regional
indicator-days_of_action_participants = Miembros que participaron en al menos un día de acción
indicator-days_of_action_themes = Días de acción, por tema
indicator-impact_human_rights_improved = Miembros que informan más respeto de los derechos humanos
indicator-impact_stigma_improved = Miembros que informan menos estigma y discriminación
indicator-impact_violence_improved = Miembros que informan menos violencia
indicator-impact_laws_improved = Miembros que informan mejores leyes, políticas y prácticas
indicator-impact_recognition_improved = Miembros que informan más reconocimiento del trabajo sexual como trabajo
indicator-impact_working_conditions_improved = Miembros que informan mejores condiciones de trabajo
indicator-impact_services_improved = Miembros que informan mejor acceso a servicios basados en derechos
indicator-impact_participation_improved = Miembros que informan una participación más significativa
