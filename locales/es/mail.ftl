# Invitation and reminder mails. Subjects stay neutral: a mail must not say
# who the member is or what the survey is about. Variables: $survey
# (survey title), $date (the closing date written out, as the language writes it), $address (reply address).

mail-invite-subject = Su enlace personal a la encuesta
mail-reminder-subject = Recordatorio: su enlace personal a la encuesta
mail-greeting = Hola:
mail-invite-body = Le invitamos a responder «{ $survey }». Le llevará unos 20 minutos, y sus respuestas ayudan a la red a informar sobre su trabajo.
mail-reminder-body = Aún no hemos recibido sus respuestas a «{ $survey }». Si ya empezó, sus respuestas anteriores están guardadas.
mail-link-intro = Su enlace personal (por favor, no lo reenvíe):
mail-closes = Por favor, responda a más tardar el { $date }.
mail-save-later = Puede guardar sus respuestas y terminar más tarde con el mismo enlace.
mail-reply = ¿Tiene preguntas? Responda a este mensaje o escriba a { $address }.
mail-stop = Si no desea recibir recordatorios sobre esta encuesta:
