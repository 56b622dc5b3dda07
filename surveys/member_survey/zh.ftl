### 年度成员调查：简体中文。
### 数字与汉字之间不加空格（与日期写法“2030年4月30日”一致）。

survey-title = 年度成员调查
survey-intro = 感谢您参与本次调查。本调查帮助本网络了解过去一年里性工作者和成员组织发生了哪些变化，大约需要20分钟。“本网络”指向您发送本调查、由性工作者主导的组织组成的全球网络；地区性的性工作者网络在问卷中一律称为“地区网络”。您的回答将严格保密：结果只以汇总的形式报告，绝不会单独公布任何一个组织的情况。您可以先保存问卷，之后用同一个链接继续填写。“过去一年”指最近12个月。请只分享您能安全分享的内容。

## 部分

section-organisation = 您的组织
section-global_network = 本网络提供的支持
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
q-registration_status-hosted = 没有注册，但通过另一家已注册的组织开展工作（财务托管方）
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
q-funding_sources-network_grants = 本网络
q-funding_sources-regional_network_grants = 性工作者地区网络
q-funding_sources-membership_fees = 会员费
q-funding_sources-individual_donations = 个人捐款
q-funding_sources-own_income = 组织自身活动的收入
q-funding_sources-other = 其他

## 本网络提供的支持

q-tech_support = 过去一年，您的组织是否从本网络获得过技术或组织方面的支持？
q-tech_support-help = 例如培训、导师辅导、咨询建议，或在申请资助、撰写报告方面的帮助。只计算本网络自身提供的支持，不包括地区网络提供的支持。
q-tech_support-yes = 是
q-tech_support-no = 否
q-tech_support-unsure = 不确定

q-tech_support_areas = 本网络在哪些方面为您提供了支持？
q-tech_support_areas-help = 可多选。
q-tech_support_areas-financial_management = 财务管理
q-tech_support_areas-programme_management = 项目管理
q-tech_support_areas-governance = 治理与领导力
q-tech_support_areas-fundraising = 筹款与捐助方关系
q-tech_support_areas-advocacy = 倡导与政策工作
q-tech_support_areas-communications = 传播与沟通
q-tech_support_areas-safety_security = 安全保障
q-tech_support_areas-other = 其他

q-joint_capacity_programme = 过去一年，您的组织是否与本网络共同策划或开展过能力建设项目？
q-joint_capacity_programme-help = 例如双方共同筹备和实施的培训、导师辅导或组织间交流。仅仅接受支持的情况请在本页第一个问题中回答。
q-joint_capacity_programme-yes = 是
q-joint_capacity_programme-no = 否
q-joint_capacity_programme-unsure = 不确定

q-international_programmes = 过去一年，本网络是否帮助您的组织参与了国际项目？
q-international_programmes-help = 例如在多个国家或地区开展的项目，或由全球基金、联合国机构资助的项目，且本网络在加入、申请或参与方面为您提供了帮助。
q-international_programmes-yes = 是
q-international_programmes-no = 否
q-international_programmes-unsure = 不确定

q-network_tools_used = 过去一年，您的组织使用过本网络的哪些出版物和工具？
q-network_tools_used-help = 可多选。只计算在工作中实际用过的，仅仅读过的不算。
q-network_tools_used-advocacy_toolkits = 倡导工具包
q-network_tools_used-briefing_papers = 简报和政策简报
q-network_tools_used-community_guides = 面向性工作者的简明指南
q-network_tools_used-case_studies = 案例研究和研究报告
q-network_tools_used-statements = 针对紧急问题的声明
q-network_tools_used-digest = 本网络的文摘或通讯
q-network_tools_used-none = 以上都没有用过
q-network_tools_used-unsure = 不确定

q-network_tools_purposes = 您是如何使用这些出版物和工具的？
q-network_tools_purposes-help = 可多选。
q-network_tools_purposes-advocacy = 用于向政府、立法者或捐助方开展倡导
q-network_tools_purposes-training = 用于培训或告知性工作者和我们的成员
q-network_tools_purposes-programmes = 用于设计或改进项目和服务
q-network_tools_purposes-funding = 用于资助申请或报告
q-network_tools_purposes-media = 用于媒体工作或公共传播
q-network_tools_purposes-adapted = 我们翻译或改编了这些材料，使之适合本地情况
q-network_tools_purposes-other = 其他

q-network_tools_change = 使用这些出版物和工具是否帮助促成了某种变化，例如法律、政策、项目，或服务机构对待性工作者的方式发生了变化？
q-network_tools_change-yes = 是
q-network_tools_change-no = 否
q-network_tools_change-too_early = 现在下结论还为时过早
q-network_tools_change-unsure = 不确定

## 法律与政策

q-law_change = 过去一年，您所在国家有关性工作的法律或政策是否发生了变化？
q-law_change-help = 如果既有好的变化也有坏的变化，请选择对性工作者影响最大的那一项。
q-law_change-improved = 是，变得更好
q-law_change-worsened = 是，变得更差
q-law_change-unchanged = 否，没有变化
q-law_change-unsure = 不确定

q-law_areas = 这些变化涉及哪些方面？
q-law_areas-help = 可多选。
q-law_areas-criminalisation = 将性工作、性工作者或客户入罪
q-law_areas-policing = 警察执法
q-law_areas-migration = 移民和反人口贩运法律
q-law_areas-health = 健康，包括艾滋病病毒（HIV）和性与生殖健康
q-law_areas-labour = 劳动权利和工作条件
q-law_areas-other = 其他

q-law_areas_other = 还涉及哪些其他方面？

q-law_details = 请简要说明这些变化：发生了什么变化？什么时候发生的？
q-law_details-help = 请不要写姓名或任何可能识别出个人身份的细节。

## 基于权利的项目

q-has_programmes = 您所在国家是否有面向性工作者的、基于权利的项目？
q-has_programmes-help = 例如尊重性工作者权利的健康和艾滋病病毒（HIV）相关服务、法律援助、暴力应对或社会保障，无论由政府、非政府组织还是性工作者组织开展。
q-has_programmes-yes = 是
q-has_programmes-no = 否
q-has_programmes-unsure = 不确定

q-programme_change = 过去一年，您所在国家面向性工作者的、基于权利的项目有什么变化？
q-programme_change-help = 如果一年前没有这类项目，现在也没有，请选择“没有变化”。
q-programme_change-improved = 变得更好
q-programme_change-worsened = 变得更差
q-programme_change-unchanged = 没有变化
q-programme_change-unsure = 不确定

q-programme_codesign = 性工作者是否参与了这些项目的设计？
q-programme_codesign-help = 如果各个项目情况不同，请以最重要的项目为准。
q-programme_codesign-led = 是，由性工作者主导或共同设计
q-programme_codesign-consulted = 是，征求了性工作者的意见
q-programme_codesign-not_involved = 否，性工作者没有参与
q-programme_codesign-unsure = 不确定

## 领导力与政策论坛

q-supported_leaders = 过去一年，您的组织有多少名新的或年轻的性工作者领导者在本网络的支持下接受了培训或导师辅导？
q-supported_leaders-help = 包括本网络直接开展的培训或辅导，以及您的组织在本网络支持下（资金、材料或培训师）开展的培训。每人只算一次。如果没有，请填0。

q-supported_leaders_by_experienced = 其中有多少人是由有经验的性工作者领导者培训或辅导的？
q-supported_leaders_by_experienced-help = 只计算上一题中的领导者，因此这个数字不能大于您在上一题的回答。

q-experienced_trainers = 过去一年，您的组织有多少名有经验的性工作者领导者在本网络的支持下培训或辅导了新的或年轻的领导者？
q-experienced_trainers-help = 培训对象来自其他组织的也要计算。每人只算一次。如果没有，请填0。

q-supported_forum_leaders = 过去一年，您的组织有多少名性工作者领导者在本网络的支持下参加了地区或国际政策论坛？
q-supported_forum_leaders-help = 例如联合国会议、全球基金相关进程、地区磋商或国际会议，且本网络在准备、差旅或代表团名额方面提供了帮助。每人只算一次。如果没有，请填0。

q-regional_network_member = 您的组织是否为某个性工作者地区网络的成员？
q-regional_network_member-yes = 是
q-regional_network_member-no = 否
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
q-impact_human_rights-much_worse = 差很多
q-impact_human_rights-worse = 变差
q-impact_human_rights-unchanged = 没有变化
q-impact_human_rights-better = 变好
q-impact_human_rights-much_better = 好很多
q-impact_human_rights-unsure = 不知道

q-impact_stigma = 过去一年，性工作者遭受的污名和歧视有什么变化？
q-impact_stigma-help = “变好”指污名和歧视减少。
q-impact_stigma-much_worse = 差很多
q-impact_stigma-worse = 变差
q-impact_stigma-unchanged = 没有变化
q-impact_stigma-better = 变好
q-impact_stigma-much_better = 好很多
q-impact_stigma-unsure = 不知道

q-impact_violence = 过去一年，性工作者遭受暴力的情况有什么变化？
q-impact_violence-help = “变好”指暴力减少。
q-impact_violence-much_worse = 差很多
q-impact_violence-worse = 变差
q-impact_violence-unchanged = 没有变化
q-impact_violence-better = 变好
q-impact_violence-much_better = 好很多
q-impact_violence-unsure = 不知道

q-impact_laws = 过去一年，影响性工作者的法律、政策和做法有什么变化？
q-impact_laws-much_worse = 差很多
q-impact_laws-worse = 变差
q-impact_laws-unchanged = 没有变化
q-impact_laws-better = 变好
q-impact_laws-much_better = 好很多
q-impact_laws-unsure = 不知道

q-impact_recognition = 过去一年，性工作被承认为工作、性工作者享有劳动权利的情况有什么变化？
q-impact_recognition-much_worse = 差很多
q-impact_recognition-worse = 变差
q-impact_recognition-unchanged = 没有变化
q-impact_recognition-better = 变好
q-impact_recognition-much_better = 好很多
q-impact_recognition-unsure = 不知道

q-impact_working_conditions = 过去一年，性工作者的工作条件有什么变化？
q-impact_working_conditions-much_worse = 差很多
q-impact_working_conditions-worse = 变差
q-impact_working_conditions-unchanged = 没有变化
q-impact_working_conditions-better = 变好
q-impact_working_conditions-much_better = 好很多
q-impact_working_conditions-unsure = 不知道

q-impact_services = 过去一年，性工作者获得优质、以证据为基础并尊重其权利的服务和支持的情况有什么变化？
q-impact_services-much_worse = 差很多
q-impact_services-worse = 变差
q-impact_services-unchanged = 没有变化
q-impact_services-better = 变好
q-impact_services-much_better = 好很多
q-impact_services-unsure = 不知道

q-impact_participation = 过去一年，性工作者有意义地参与项目和政策制定的情况有什么变化？
q-impact_participation-much_worse = 差很多
q-impact_participation-worse = 变差
q-impact_participation-unchanged = 没有变化
q-impact_participation-better = 变好
q-impact_participation-much_better = 好很多
q-impact_participation-unsure = 不知道

q-comments = 您还有什么想告诉本网络的吗？
q-comments-help = 选填。请不要写姓名或任何可能识别出个人身份的细节。

## 指标（结果表中的标题）

indicator-org_developed = 已注册、有现行战略规划且有带薪工作人员的组织
indicator-org_development_index = 组织发展指数（五项标准的达标比例）
indicator-registered = 已注册的组织
indicator-paid_staff_mean = 每个组织的带薪工作人员（平均数）
indicator-volunteers_mean = 每个组织的志愿者（平均数）
indicator-governance_types = 组织的治理方式
indicator-strategic_plan_current = 有现行战略规划的组织
indicator-budget_ranges = 年度预算（美元）
indicator-funding_sources = 资金来源
indicator-tech_support_received = 获得本网络技术或组织支持的组织
indicator-tech_support_area_mix = 本网络提供支持的领域
indicator-joint_capacity_programmes = 与本网络共同开展能力建设项目的组织
indicator-international_programme_countries = 本网络帮助组织参与国际项目的国家
indicator-network_tools_users = 使用过本网络出版物和工具的组织
indicator-network_tools_kinds = 使用过的本网络出版物和工具（按类型）
indicator-network_tools_purposes = 本网络出版物和工具的用途
indicator-network_tools_contributed = 认为本网络出版物和工具帮助促成变化的组织（在使用过的组织中）
indicator-law_improved_countries = 法律和政策改善的国家
indicator-law_worsened_countries = 法律和政策恶化的国家
indicator-law_improved = 报告法律和政策改善的成员
indicator-law_worsened = 报告法律和政策恶化的成员
indicator-law_change_areas = 法律和政策变化涉及的领域
indicator-programmes_improved = 报告基于权利的项目改善的成员
indicator-programmes_worsened = 报告基于权利的项目恶化的成员
indicator-programmes_codesigned = 有性工作者参与设计的项目（所在国家有此类项目的成员）
indicator-programmes_led = 由性工作者主导或共同设计的项目（所在国家有此类项目的成员）
indicator-supported_leaders_total = 在本网络支持下接受培训的新的和年轻的领导者
indicator-orgs_with_supported_leaders = 至少有一名新的或年轻领导者在本网络支持下接受培训的组织
indicator-supported_leaders_by_experienced_total = 由有经验的领导者培训的新的和年轻的领导者
indicator-experienced_trainers_total = 培训新的和年轻领导者的有经验的领导者
indicator-supported_forum_leaders_total = 在本网络支持下参加地区和国际政策论坛的领导者
indicator-regional_network_members = 同时是地区网络成员的成员
indicator-days_of_action_participants = 至少参加了一个国际行动日的成员
indicator-days_of_action_themes = 国际行动日（按主题）
indicator-days_labour_rights = 参加劳动权利行动日（3月3日）的成员
indicator-days_access_to_justice = 参加诉诸司法行动日（6月2日）的成员
indicator-days_pride_visibility = 参加骄傲与可见度行动日（9月14日）的成员
indicator-days_ending_violence = 参加终止对性工作者暴力行动日（12月17日）的成员
indicator-impact_human_rights_improved = 报告人权更受尊重的成员
indicator-impact_stigma_improved = 报告污名和歧视减少的成员
indicator-impact_violence_improved = 报告暴力减少的成员
indicator-impact_laws_improved = 报告法律、政策和做法改善的成员
indicator-impact_recognition_improved = 报告性工作更被承认为工作的成员
indicator-impact_working_conditions_improved = 报告工作条件改善的成员
indicator-impact_services_improved = 报告更容易获得以证据为基础、基于权利的服务的成员
indicator-impact_participation_improved = 报告有意义参与增加的成员
