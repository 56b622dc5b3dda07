# The respondent's form: every string a member reads on the survey pages.
# Variables: $survey (survey title), $date (YYYY-MM-DD), $page, $pages,
# $count, $min, $max.

lang-name = Français
skip-to-content = Aller aux questions
language-switch = Langue
privacy-note = Vos réponses sont confidentielles. Elles ne sont publiées qu’en totaux pour toute une région, jamais pour une seule organisation.
step-of = Étape { $page } sur { $pages }
required-mark = obligatoire
only-if = Répondez à cette question seulement si elle s’applique, compte tenu de votre réponse ci-dessus.
only-if-note = Cette remarque ne vous concerne que selon certaines de vos réponses ci-dessus.
choose-one = Choisissez une réponse
choose-any = Choisissez toutes les réponses qui conviennent
scale-from-to = De { $min } (le plus bas) à { $max } (le plus haut)
form-save = Enregistrer et finir plus tard
form-next = Enregistrer et continuer
form-back = Retour
form-review = Relire les réponses
form-submit = Envoyer les réponses
saved-notice = Vos réponses sont enregistrées. Vous pouvez fermer cette page et revenir avec le même lien.
saved-until = Vous pouvez revenir avec le même lien jusqu’au { $date }.
submitted-notice = Vous avez envoyé vos réponses le { $date }. Vous pouvez encore les modifier jusqu’à la clôture de l’enquête ; c’est votre dernier envoi qui compte.
errors-title = { $count ->
    [one] { $count } réponse à corriger
   *[other] { $count } réponses à corriger
}
errors-intro = Vos réponses sont enregistrées. Merci de corriger les points suivants, puis d’envoyer à nouveau :
summary-title = Vérifiez vos réponses avant de les envoyer
summary-not-answered = Sans réponse
summary-change = Modifier
summary-intro = Vous pouvez encore modifier chaque réponse. Rien n’est envoyé tant que vous n’avez pas appuyé sur « Envoyer les réponses ».
done-title = Merci
done-body = Nous avons bien reçu vos réponses.
done-revise = Vous pouvez les modifier avec le même lien jusqu’à la clôture de l’enquête.
done-back = Revenir à mes réponses
closed-title = Cette enquête est clôturée
closed-body = L’enquête n’accepte plus de réponses. Merci de votre intérêt.
not-open-title = Cette enquête n’est pas encore ouverte
not-open-body = Elle ouvre le { $date }. Utilisez alors le même lien.
not-found-title = Lien non reconnu
not-found-body = Ce lien n’est pas valide. Utilisez exactement le lien de votre e-mail d’invitation.
too-large-title = Texte trop long
too-large-body = Le formulaire envoyé est trop volumineux. Raccourcissez vos réponses les plus longues et réessayez.
error-title = Un problème est survenu
error-body = Vos réponses ne sont pas perdues. Réessayez dans quelques minutes.
stop-title = Arrêter les rappels
stop-body = Si vous confirmez, vous ne recevrez plus de rappels pour cette enquête. Votre lien reste valable.
stop-confirm = Arrêter les rappels
stop-done = Les rappels sont arrêtés. Votre lien reste valable jusqu’à la clôture de l’enquête.
back-to-form = Aller à l’enquête
problem-required = Merci de répondre à cette question.
problem-not-a-number = Saisissez un nombre, par exemple 12.
problem-not-whole = Saisissez un nombre entier.
problem-below-min = Saisissez un nombre égal ou supérieur à { $min }.
problem-above-max = Saisissez un nombre égal ou inférieur à { $max }.
problem-unknown-option = Choisissez l’une des options proposées.
problem-one-choice = Choisissez une seule option.
problem-too-long = Raccourcissez votre réponse à { $max } caractères au maximum.
