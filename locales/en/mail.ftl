# Invitation and reminder mails. Subjects stay neutral: a mail must not say
# who the member is or what the survey is about. Variables: $survey
# (survey title), $date (the closing date written out, as the language writes it), $address (reply address).

mail-invite-subject = Your personal survey link
mail-reminder-subject = Reminder: your personal survey link
mail-greeting = Hello,
mail-invite-body = You are invited to answer “{ $survey }”. It takes about 20 minutes, and your answers help the network report on its work.
mail-reminder-body = We have not yet received your answers to “{ $survey }”. Your earlier answers are saved, if you started.
mail-link-intro = Your personal link (please do not forward it):
mail-closes = Please answer by { $date }.
mail-save-later = You can save your answers and finish later with the same link.
mail-reply = Questions? Reply to this message or write to { $address }.
mail-stop = If you do not want reminders about this survey:
