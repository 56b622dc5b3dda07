# Names of the network's regions and member types, shown to people in
# pages, charts, mails, reports and downloads (ids stay in files, URLs and
# CSV). `region-<id>` for each region id, `type-<id>` for each member type.
# English is the default language: every name should be here.

region-africa = Africa
region-asia_pacific = Asia and the Pacific
region-europe = Europe
region-latin_america = Latin America
region-north_america_caribbean = North America and the Caribbean

type-regional_network = Regional network
type-national = National organisation
