# 本网络各区域和成员类型的名称（见 en.ftl）。

region-africa = 非洲
region-asia_pacific = 亚太地区
region-europe = 欧洲
region-latin_america = 拉丁美洲
region-north_america_caribbean = 北美洲和加勒比地区

type-regional_network = 区域网络
type-national = 国家级组织
