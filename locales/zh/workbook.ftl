## 以工作簿形式导出结果（canvass results --format xlsx，“下载 XLSX”）

xlsx-sheet-results = 结果
xlsx-sheet-notes = 阅读说明
xlsx-suppressed = 已隐藏
xlsx-col-indicator = 指标
xlsx-col-title = 名称
xlsx-col-option = 选项
xlsx-col-region = 地区
xlsx-col-value = 数值
xlsx-col-respondents = 答卷数
xlsx-col-country = 国家
xlsx-col-type = 成员类型
xlsx-col-numerator = 分子
xlsx-col-denominator = 分母
xlsx-col-previous = 上一轮
xlsx-col-change = 变化
xlsx-col-suppressed = 已隐藏
xlsx-notes-title = 第 { $round } 轮：指标结果
xlsx-notes-suppression = 为保护答卷人，数量过少的单元格会被隐藏：答卷少于 { $min } 份的单元格即被隐藏。如果只隐藏一个小单元格仍可由合计和其他地区推算出来，则会从最小的单元格开始，再隐藏其他单元格。合计（ALL）被隐藏时，所有地区也一并隐藏。
xlsx-notes-marked = 被隐藏的单元格以灰色底显示“已隐藏”字样，不显示数值和答卷数。本表不会说明哪条规则隐藏了哪个单元格。
xlsx-notes-share = 比例：答案符合条件的答卷数除以该指标计入的答卷数，以百分比表示。
xlsx-notes-count = 计数：答案符合条件的答卷数。
xlsx-notes-mean = 平均值与总和：根据作答者填写的数字计算。
xlsx-notes-distribution = 分布：每个选项被选择的比例；多选题各项比例之和可能超过 100%。
xlsx-notes-index = 指数：每份答卷平均满足的指数组成部分的比例。
xlsx-notes-denominator = 计入对象：除非指标另有说明，计入回答了该题的答卷（仅限已提交的答卷）。有些指标只计入满足特定条件的答卷，或计入本轮调查面向的全部组织。“答卷数”一列给出每个单元格所依据的已提交答卷数量。

## 控制台问卷页和结果页上的电子表格

results-download-xlsx = 下载 XLSX
workbook-import = 从 XLSForm 或压缩的问卷文件夹导入问卷
workbook-import-file = XLSForm 工作簿（.xlsx：包含 survey、choices、settings 工作表，可选 indicators 工作表）或压缩为 .zip 的问卷文件夹（survey.toml 以及每种语言一个 .ftl 文件）
workbook-import-replace = 如问卷已存在则替换（现有文件会保留一份带日期的副本）
workbook-import-submit = 检查并保存
workbook-survey-saved = 问卷 { $id } 已通过检查并保存。可在下方以各语言预览。
workbook-kept = 之前的文件保存在 { $path }。
workbook-not-saved = 未保存任何内容。请在工作簿中修正以下问题后重新上传：
workbook-too-large = 文件超过 10 MB，而问卷工作簿通常小得多。请确认选择了正确的文件。
workbook-download-xlsform = 下载为 XLSForm
workbook-download-texts = 下载翻译工作簿
workbook-texts-file = 要导回的翻译工作簿（.xlsx）
workbook-texts-submit = 检查并保存译文
