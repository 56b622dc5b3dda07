# The respondent's form: every string a member reads on the survey pages.
# Variables: $survey (survey title), $date (YYYY-MM-DD), $page, $pages,
# $count, $min, $max.

lang-name = 简体中文
skip-to-content = 跳到问题
language-switch = 语言
privacy-note = 您的回答将被保密。回答只会按整个地区汇总报告，绝不会针对单个组织报告。
step-of = 第{ $page }步，共{ $pages }步
required-mark = 必填
only-if = 请根据您在上面的回答，仅在适用时回答此题。
only-if-note = 此说明仅在您上面的某些回答适用时才有关。
choose-one = 请选择一项
choose-any = 请选择所有适用项
scale-from-to = 从{ $min }（最低）到{ $max }（最高）
form-save = 保存，稍后完成
form-next = 保存并继续
form-back = 返回
form-review = 检查回答
form-submit = 提交回答
saved-notice = 您的回答已保存。您可以关闭此页面，之后用同一链接返回。
saved-until = 您可以用同一链接返回，截止日期为{ $date }。
submitted-notice = 您已于{ $date }提交回答。在调查结束前，您仍可修改；以最后一次提交为准。
errors-title = { $count ->
   *[other] 有{ $count }个回答需要修改
}
errors-intro = 您的回答已保存。请修改以下内容，然后再次提交：
summary-title = 提交前请检查您的回答
summary-not-answered = 未回答
summary-change = 修改
summary-intro = 您仍可修改任何回答。在您点击“提交回答”之前，不会发送任何内容。
done-title = 谢谢
done-body = 我们已收到您的回答。
done-revise = 在调查结束前，您可以用同一链接修改回答。
done-back = 返回我的回答
closed-title = 本调查已结束
closed-body = 本调查已不再接受回答。感谢您的关注。
not-open-title = 本调查尚未开始
not-open-body = 本调查将于{ $date }开始。届时请使用同一链接。
not-found-title = 无法识别此链接
not-found-body = 此链接无效。请使用邀请邮件中的完整链接。
too-large-title = 文字过多
too-large-body = 您提交的表单太大。请缩短最长的回答，然后再试一次。
error-title = 出现了问题
error-body = 您的回答没有丢失。请几分钟后再试。
stop-title = 停止提醒
stop-body = 确认后，您将不会再收到关于本调查的提醒。您的链接仍然有效。
stop-confirm = 停止提醒
stop-done = 提醒已停止。在调查结束前，您的链接仍然有效。
back-to-form = 前往调查
problem-required = 请回答此问题。
problem-not-a-number = 请输入数字，例如12。
problem-not-whole = 请输入整数。
problem-below-min = 请输入不小于{ $min }的数字。
problem-above-max = 请输入不大于{ $max }的数字。
problem-unknown-option = 请从显示的选项中选择一项。
problem-one-choice = 请只选择一项。
problem-too-long = 请将回答缩短至不超过{ $max }个字符。
