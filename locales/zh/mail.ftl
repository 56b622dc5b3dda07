# Invitation and reminder mails. Subjects stay neutral: a mail must not say
# who the member is or what the survey is about. Variables: $survey
# (survey title), $date (YYYY-MM-DD), $address (reply address).

mail-invite-subject = 您的个人调查链接
mail-reminder-subject = 提醒：您的个人调查链接
mail-greeting = 您好，
mail-invite-body = 诚邀您填写“{ $survey }”。大约需要20分钟，您的回答将帮助本网络汇报工作情况。
mail-reminder-body = 我们尚未收到您对“{ $survey }”的回答。如果您已开始填写，之前的回答已保存。
mail-link-intro = 您的个人链接（请勿转发）：
mail-closes = 请最晚于{ $date }作答。
mail-save-later = 您可以保存回答，稍后用同一链接继续完成。
mail-reply = 如有问题，请回复此邮件，或发送邮件至 { $address }。
mail-stop = 如果您不想再收到关于本调查的提醒：
