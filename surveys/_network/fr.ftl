# Noms des régions et des types de membres du réseau (voir en.ftl).

region-africa = Afrique
region-asia_pacific = Asie-Pacifique
region-europe = Europe
region-latin_america = Amérique latine
region-north_america_caribbean = Amérique du Nord et Caraïbes

type-regional_network = Réseau régional
type-national = Organisation nationale
