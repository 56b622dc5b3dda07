# Invitation and reminder mails. Subjects stay neutral: a mail must not say
# who the member is or what the survey is about. Variables: $survey
# (survey title), $date (the closing date written out, as the language writes it), $address (reply address).

mail-invite-subject = Votre lien personnel vers l’enquête
mail-reminder-subject = Rappel : votre lien personnel vers l’enquête
mail-greeting = Bonjour,
mail-invite-body = Nous vous invitons à répondre à « { $survey } ». Cela prend environ 20 minutes, et vos réponses aident le réseau à rendre compte de son travail.
mail-reminder-body = Nous n’avons pas encore reçu vos réponses à « { $survey } ». Si vous avez déjà commencé, vos réponses sont enregistrées.
mail-link-intro = Votre lien personnel (merci de ne pas le transférer) :
mail-closes = Merci de répondre au plus tard le { $date }.
mail-save-later = Vous pouvez enregistrer vos réponses et terminer plus tard avec le même lien.
mail-reply = Des questions ? Répondez à ce message ou écrivez à { $address }.
mail-stop = Si vous ne souhaitez pas recevoir de rappels pour cette enquête :
