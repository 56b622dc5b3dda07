# The respondent's form: every string a member reads on the survey pages.
# Variables: $survey (survey title), $date (YYYY-MM-DD), $page, $pages,
# $count, $min, $max.

lang-name = English
skip-to-content = Skip to the questions
language-switch = Language
privacy-note = Your answers are confidential. They are only reported as totals for a whole region, never for one organisation.
step-of = Step { $page } of { $pages }
required-mark = required
only-if = Answer this only if it applies after your answer above.
only-if-note = This note applies only after some of your answers above.
choose-one = Choose one
choose-any = Choose all that apply
scale-from-to = From { $min } (lowest) to { $max } (highest)
form-save = Save and finish later
form-next = Save and continue
form-back = Back
form-review = Review answers
form-submit = Submit answers
saved-notice = Your answers are saved. You can close this page and come back with the same link.
saved-until = You can come back with the same link until { $date }.
submitted-notice = You submitted your answers on { $date }. You can still change them until the survey closes; your last submission counts.
errors-title = { $count ->
    [one] There is a problem with one answer
   *[other] There are problems with { $count } answers
}
errors-intro = Your answers are saved. Please correct the following and submit again:
summary-title = Check your answers before you submit
summary-not-answered = Not answered
summary-change = Change
summary-intro = You can still change any answer. Nothing is sent until you press “Submit answers”.
done-title = Thank you
done-body = Your answers have been received.
done-revise = You can change them with the same link until the survey closes.
done-back = Back to my answers
closed-title = This survey is closed
closed-body = The survey no longer accepts answers. Thank you for your interest.
not-open-title = This survey is not open yet
not-open-body = It opens on { $date }. Please use the same link then.
not-found-title = Link not recognised
not-found-body = This link is not valid. Please use the exact link from your invitation email.
too-large-title = Too much text
too-large-body = The form you sent is too large. Please shorten your longest answers and try again.
error-title = Something went wrong
error-body = Your answers were not lost. Please try again in a few minutes.
stop-title = Stop reminders
stop-body = If you confirm, you will receive no more reminders about this survey. Your link keeps working.
stop-confirm = Stop reminders
stop-done = Reminders are stopped. Your link keeps working until the survey closes.
back-to-form = Go to the survey
problem-required = Please answer this question.
problem-not-a-number = Enter a number, for example 12.
problem-not-whole = Enter a whole number.
problem-below-min = Enter a number of at least { $min }.
problem-above-max = Enter a number of at most { $max }.
problem-unknown-option = Choose one of the options shown.
problem-one-choice = Choose only one option.
problem-too-long = Shorten your answer to at most { $max } characters.
