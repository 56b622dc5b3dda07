# The respondent's form: every string a member reads on the survey pages.
# Variables: $survey (survey title), $date (YYYY-MM-DD), $page, $pages,
# $count, $min, $max.

lang-name = Español
skip-to-content = Ir a las preguntas
language-switch = Idioma
privacy-note = Sus respuestas son confidenciales. Solo se informan como totales de toda una región, nunca de una sola organización.
step-of = Paso { $page } de { $pages }
required-mark = obligatoria
only-if = Responda a esta pregunta solo si corresponde según su respuesta anterior.
only-if-note = Esta nota solo se aplica según algunas de sus respuestas anteriores.
choose-one = Elija una opción
choose-any = Elija todas las opciones que correspondan
scale-from-to = De { $min } (lo más bajo) a { $max } (lo más alto)
form-save = Guardar y terminar más tarde
form-next = Guardar y continuar
form-back = Atrás
form-review = Revisar respuestas
form-submit = Enviar respuestas
saved-notice = Sus respuestas están guardadas. Puede cerrar esta página y volver con el mismo enlace.
saved-until = Puede volver con el mismo enlace hasta el { $date }.
submitted-notice = Envió sus respuestas el { $date }. Todavía puede cambiarlas hasta que se cierre la encuesta; cuenta el último envío.
errors-title = { $count ->
    [one] Hay un problema en una respuesta
   *[other] Hay problemas en { $count } respuestas
}
errors-intro = Sus respuestas están guardadas. Corrija lo siguiente y vuelva a enviarlas:
summary-title = Revise sus respuestas antes de enviarlas
summary-not-answered = Sin respuesta
summary-change = Cambiar
summary-intro = Todavía puede cambiar cualquier respuesta. No se envía nada hasta que pulse «Enviar respuestas».
done-title = Gracias
done-body = Hemos recibido sus respuestas.
done-revise = Puede cambiarlas con el mismo enlace hasta que se cierre la encuesta.
done-back = Volver a mis respuestas
closed-title = Esta encuesta está cerrada
closed-body = La encuesta ya no acepta respuestas. Gracias por su interés.
not-open-title = Esta encuesta aún no está abierta
not-open-body = Se abre el { $date }. A partir de esa fecha, use el mismo enlace.
not-found-title = Enlace no reconocido
not-found-body = Este enlace no es válido. Use exactamente el enlace de su correo de invitación.
too-large-title = Demasiado texto
too-large-body = El formulario enviado es demasiado grande. Acorte sus respuestas más largas e inténtelo de nuevo.
error-title = Algo salió mal
error-body = Sus respuestas no se han perdido. Inténtelo de nuevo en unos minutos.
stop-title = Dejar de recibir recordatorios
stop-body = Si lo confirma, no recibirá más recordatorios sobre esta encuesta. Su enlace sigue funcionando.
stop-confirm = Dejar de recibir recordatorios
stop-done = Los recordatorios se han detenido. Su enlace sigue funcionando hasta que se cierre la encuesta.
back-to-form = Ir a la encuesta
problem-required = Por favor, responda a esta pregunta.
problem-not-a-number = Escriba un número, por ejemplo 12.
problem-not-whole = Escriba un número entero.
problem-below-min = Escriba un número igual o mayor que { $min }.
problem-above-max = Escriba un número igual o menor que { $max }.
problem-unknown-option = Elija una de las opciones que se muestran.
problem-one-choice = Elija solo una opción.
problem-too-long = Acorte su respuesta a { $max } caracteres como máximo.
