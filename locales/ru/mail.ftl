# Invitation and reminder mails. Subjects stay neutral: a mail must not say
# who the member is or what the survey is about. Variables: $survey
# (survey title), $date (the closing date written out, as the language writes it), $address (reply address).

mail-invite-subject = Ваша личная ссылка на опрос
mail-reminder-subject = Напоминание: ваша личная ссылка на опрос
mail-greeting = Здравствуйте!
mail-invite-body = Приглашаем вас принять участие в опросе «{ $survey }». Это займёт около 20 минут, а ваши ответы помогут сети отчитаться о своей работе.
mail-reminder-body = Мы ещё не получили ваши ответы на опрос «{ $survey }». Если вы уже начали, ваши прежние ответы сохранены.
mail-link-intro = Ваша личная ссылка (пожалуйста, не пересылайте её):
mail-closes = Пожалуйста, ответьте не позднее { $date }.
mail-save-later = Можно сохранить ответы и закончить позже по той же ссылке.
mail-reply = Есть вопросы? Ответьте на это письмо или напишите на { $address }.
mail-stop = Если вы не хотите получать напоминания об этом опросе:
