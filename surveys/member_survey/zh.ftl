### 年度成员调查：简体中文。

survey-title = 年度成员调查
survey-intro = 感谢您参与本次调查。本调查帮助网络了解过去一年里性工作者和成员组织发生了哪些变化，大约需要20分钟。您的回答将严格保密：结果只以地区汇总的形式报告，绝不会单独公布任何一个组织的情况。您可以先保存问卷，之后用同一个链接继续填写。“过去一年”指最近12个月。请只分享您能安全分享的内容。

## 部分

section-organisation = 您的组织
section-law_policy = 法律与政策
section-programmes = 基于权利的项目
section-leadership = 领导力与政策论坛
section-mobilisation = 国际行动日
section-impact = 您所在国家性工作者处境的变化

## 您的组织

q-registration_status = 您的组织是否已正式注册？
q-registration_status-help = 许多由性工作者主导的组织因为法律原因无法注册。请选择最符合您情况的答案。
q-registration_status-registered = 是，已经注册
q-registration_status-registering = 正在办理注册
q-registration_status-hosted = 没有注册，但通过另一家已注册的组织开展工作
q-registration_status-not_registered = 没有注册
q-registration_status-refused = 注册被拒绝，或法律不允许注册

q-paid_staff = 您的组织有多少名带薪工作人员？
q-paid_staff-help = 包括所有领取报酬的人员，全职和兼职都算。如果没有，请填0。

q-volunteers = 有多少名志愿者经常参与您组织的工作？
q-volunteers-help = 填大概的数字即可。如果没有，请填0。

q-governance = 您的组织采用什么样的治理方式？
q-governance-elected_board = 由成员选举产生的理事会
q-governance-appointed_board = 以其他方式产生的理事会
q-governance-collective = 成员共同决策（集体管理）
q-governance-no_formal = 暂时没有正式的治理结构

q-strategic_plan = 您的组织有战略规划吗？
q-strategic_plan-current = 有，目前正在执行
q-strategic_plan-expired = 有，但已经到期，还没有更新
q-strategic_plan-developing = 正在制定
q-strategic_plan-no = 没有

q-annual_budget = 过去一年，您组织的总预算大约是多少美元？
q-annual_budget-help = 填大概的数字即可。请按大致汇率从本国货币换算。
q-annual_budget-none = 没有预算
q-annual_budget-below_5k = 少于5,000
q-annual_budget-between_5k_25k = 5,000至24,999
q-annual_budget-between_25k_100k = 25,000至99,999
q-annual_budget-between_100k_500k = 100,000至499,999
q-annual_budget-above_500k = 500,000或以上
q-annual_budget-prefer_not = 不便透露

q-funding_sources = 过去一年，您组织的资金来自哪里？
q-funding_sources-help = 可多选。
q-funding_sources-international_donors = 国际捐助方和发展机构
q-funding_sources-private_foundations = 私人基金会
q-funding_sources-un_agencies = 联合国机构或全球基金
q-funding_sources-government = 国家或地方政府
q-funding_sources-network_grants = 本网络或性工作者地区网络
q-funding_sources-membership_fees = 会员费
q-funding_sources-individual_donations = 个人捐款
q-funding_sources-own_income = 组织自身活动的收入
q-funding_sources-other = 其他

q-tech_support = 过去一年，您的组织是否从网络获得过技术或组织方面的支持？
q-tech_support-help = 例如培训、导师辅导、咨询建议，或在申请资助、撰写报告方面的帮助。
q-tech_support-yes = 是
q-tech_support-no = 否
q-tech_support-unsure = 不确定

q-tech_support_areas = 您在哪些方面获得了支持？
q-tech_support_areas-help = 可多选。
q-tech_support_areas-financial_management = 财务管理
q-tech_support_areas-programme_management = 项目管理
q-tech_support_areas-governance = 治理与领导力
q-tech_support_areas-fundraising = 筹款与捐助方关系
q-tech_support_areas-advocacy = 倡导与政策工作
q-tech_support_areas-communications = 传播与沟通
q-tech_support_areas-safety_security = 安全保障
q-tech_support_areas-other = 其他

## 法律与政策

q-law_change = 过去一年，您所在国家有关性工作的法律或政策是否发生了变化？
q-law_change-help = 如果既有好的变化也有坏的变化，请选择对性工作者影响最大的那一项。
q-law_change-improved = 是，变得更好
q-law_change-worsened = 是，变得更差
q-law_change-unchanged = 没有变化
q-law_change-unsure = 不确定

q-law_areas = 这些变化涉及哪些方面？
q-law_areas-help = 可多选。
q-law_areas-criminalisation = 将性工作、性工作者或客户入罪
q-law_areas-policing = 警察执法
q-law_areas-migration = 移民和反人口贩运法律
q-law_areas-health = 健康，包括艾滋病和性与生殖健康
q-law_areas-labour = 劳动权利和工作条件
q-law_areas-other = 其他

q-law_areas_other = 还涉及哪些其他方面？

q-law_details = 请简要说明这些变化：发生了什么变化？什么时候发生的？
q-law_details-help = 请不要写姓名或任何可能识别出个人身份的细节。

## 基于权利的项目

q-programme_change = 过去一年，您所在国家面向性工作者的、基于权利的项目有什么变化？
q-programme_change-help = 例如健康和艾滋病服务、法律援助、暴力应对或社会保障。
q-programme_change-improved = 变得更好
q-programme_change-worsened = 变得更差
q-programme_change-unchanged = 没有变化
q-programme_change-unsure = 不确定

q-programme_codesign = 性工作者是否参与了这些项目的设计？
q-programme_codesign-led = 是，由性工作者主导或共同设计
q-programme_codesign-consulted = 是，征求了性工作者的意见
q-programme_codesign-not_involved = 否，性工作者没有参与
q-programme_codesign-no_programmes = 没有这类项目
q-programme_codesign-unsure = 不确定

## 领导力与政策论坛

q-leaders_trained = 过去一年，您的组织培训或辅导了多少名新的或年轻的性工作者领导者？
q-leaders_trained-help = 如果没有，请填0。

q-leaders_by_experienced = 其中有多少人是由有经验的性工作者领导者培训或辅导的？
q-leaders_by_experienced-help = 只计算上一题中的领导者。

q-forum_leaders = 过去一年，您组织有多少名性工作者领导者参加了地区或国际政策论坛？
q-forum_leaders-help = 例如联合国会议、全球基金相关进程、地区磋商或国际会议。如果没有，请填0。

q-regional_network_member = 您的组织是不是某个性工作者地区网络的成员？
q-regional_network_member-yes = 是
q-regional_network_member-no = 不是
q-regional_network_member-applying = 已经申请或正在加入

## 国际行动日

q-days_of_action = 过去一年，您的组织参加了哪些国际行动日？
q-days_of_action-help = 任何活动都算，线下或线上、规模大小都可以。可多选。
q-days_of_action-labour_rights = 3月3日：劳动权利
q-days_of_action-access_to_justice = 6月2日：诉诸司法
q-days_of_action-pride_visibility = 9月14日：骄傲与可见度
q-days_of_action-ending_violence = 12月17日：终止对性工作者的暴力
q-days_of_action-none = 我们没有参加其中任何一个行动日

## 您所在国家性工作者处境的变化

q-impact_human_rights = 过去一年，性工作者的人权受到尊重的情况有什么变化？
q-impact_human_rights-help = 1 = 差很多，3 = 没有变化，5 = 好很多

q-impact_stigma = 过去一年，性工作者遭受的污名和歧视有什么变化？
q-impact_stigma-help = 1 = 差很多（污名更严重），3 = 没有变化，5 = 好很多（污名减少）

q-impact_violence = 过去一年，性工作者遭受的暴力有什么变化？
q-impact_violence-help = 1 = 差很多（暴力更多），3 = 没有变化，5 = 好很多（暴力减少）

q-impact_laws = 过去一年，影响性工作者的法律、政策和做法有什么变化？
q-impact_laws-help = 1 = 差很多，3 = 没有变化，5 = 好很多

q-impact_recognition = 过去一年，性工作被承认为工作、性工作者享有劳动权利的情况有什么变化？
q-impact_recognition-help = 1 = 差很多，3 = 没有变化，5 = 好很多

q-impact_working_conditions = 过去一年，性工作者的工作条件有什么变化？
q-impact_working_conditions-help = 1 = 差很多，3 = 没有变化，5 = 好很多

q-impact_services = 过去一年，性工作者获得优质、基于权利的服务的情况有什么变化？
q-impact_services-help = 1 = 差很多，3 = 没有变化，5 = 好很多

q-impact_participation = 过去一年，性工作者有意义地参与项目和政策制定的情况有什么变化？
q-impact_participation-help = 1 = 差很多，3 = 没有变化，5 = 好很多

q-comments = 您还有什么想告诉网络的吗？
q-comments-help = 选填。请不要写姓名或任何可能识别出个人身份的细节。

## 指标（结果表中的标题）

indicator-registered = 已注册的组织
indicator-paid_staff_mean = 每个组织的带薪工作人员（平均数）
indicator-strategic_plan_current = 有现行战略规划的组织
indicator-budget_ranges = 年度预算（美元）
indicator-funding_sources = 资金来源
indicator-tech_support_received = 获得网络技术支持的组织
indicator-law_improved = 报告法律和政策改善的成员
indicator-law_worsened = 报告法律和政策恶化的成员
indicator-law_change_areas = 法律和政策变化涉及的领域
indicator-programmes_improved = 报告基于权利的项目改善的成员
indicator-programmes_codesigned = 报告项目有性工作者参与设计的成员
indicator-orgs_training_leaders = 至少培训了一名新的或年轻领导者的组织
indicator-leaders_trained_total = 接受培训的新的和年轻的领导者
indicator-leaders_trained_by_experienced_total = 由有经验的领导者培训的新的和年轻的领导者
indicator-forum_leaders_total = 参加地区和国际政策论坛的领导者
indicator-regional_network_members = 同时是地区网络成员的成员
indicator-days_of_action_participants = 至少参加了一个国际行动日的成员
indicator-days_of_action_themes = 国际行动日（按主题）
indicator-impact_human_rights_improved = 报告人权更受尊重的成员
indicator-impact_stigma_improved = 报告污名和歧视减少的成员
indicator-impact_violence_improved = 报告暴力减少的成员
indicator-impact_laws_improved = 报告法律、政策和做法改善的成员
indicator-impact_recognition_improved = 报告性工作更被承认为工作的成员
indicator-impact_working_conditions_improved = 报告工作条件改善的成员
indicator-impact_services_improved = 报告更容易获得基于权利的服务的成员
indicator-impact_participation_improved = 报告有意义参与增加的成员
