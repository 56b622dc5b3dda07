## Results as a workbook (canvass results --format xlsx, "Download XLSX")

xlsx-sheet-results = Results
xlsx-sheet-notes = How to read
xlsx-suppressed = suppressed
xlsx-col-indicator = indicator
xlsx-col-title = title
xlsx-col-option = option
xlsx-col-region = region
xlsx-col-value = value
xlsx-col-respondents = respondents
xlsx-col-country = country
xlsx-col-type = member type
xlsx-col-numerator = numerator
xlsx-col-denominator = denominator
xlsx-col-previous = previous round
xlsx-col-change = change
xlsx-col-suppressed = suppressed
xlsx-notes-title = Round { $round }: indicator results
xlsx-notes-suppression = Small cells are hidden to protect respondents. A cell is suppressed when fewer than { $min } respondents are behind it. When hiding one small cell is not enough, because it could be worked out from the total and the other regions, further cells are hidden too, starting with the smallest. When the total (ALL) is hidden, every region is.
xlsx-notes-marked = A suppressed cell shows the word “suppressed” on a grey background, with no value and no count. This sheet never says which rule hid which cell.
xlsx-notes-share = Share: the respondents whose answer matches, divided by the respondents counted for the indicator, shown as a percentage.
xlsx-notes-count = Count: the number of respondents whose answer matches.
xlsx-notes-mean = Mean and sum: over the numbers given by the respondents who answered.
xlsx-notes-distribution = Distribution: for each option, the share of respondents who chose it; for a multiple-choice question the shares can add up to more than 100%.
xlsx-notes-index = Index: the average share of the index's components that each respondent meets.
xlsx-notes-denominator = Who is counted: unless the indicator says otherwise, the respondents who answered its question (submitted responses only). Some indicators count only respondents who meet a condition, or count every organisation the round targeted. The “respondents” column gives, for each cell, the number of submitted responses behind it.

## Spreadsheets on the console's surveys and results pages

results-download-xlsx = Download XLSX
workbook-import = Import a survey from an XLSForm or a zipped survey folder
workbook-import-file = XLSForm workbook (.xlsx: sheets survey, choices, settings and optionally indicators) or a survey folder as .zip (survey.toml and one .ftl file per language)
workbook-import-replace = Replace the survey if it exists (its current files are kept as a dated copy)
workbook-import-submit = Check and save
workbook-survey-saved = Survey { $id } passed its check and was saved. Preview it below in every language.
workbook-kept = The previous files are kept in { $path }.
workbook-not-saved = Nothing was saved. Fix these problems in the workbook and upload it again:
workbook-too-large = The file is larger than 10 MB; a survey workbook is much smaller. Check that you chose the right file.
workbook-download-xlsform = Download as XLSForm
workbook-download-texts = Download the translators' workbook
workbook-texts-file = Translators' workbook (.xlsx) to read back
workbook-texts-submit = Check and save the texts
