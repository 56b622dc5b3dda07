# Nombres de las regiones y de los tipos de miembro de la red (véase en.ftl).

region-africa = África
region-asia_pacific = Asia y el Pacífico
region-europe = Europa
region-latin_america = América Latina
region-north_america_caribbean = América del Norte y el Caribe

type-regional_network = Red regional
type-national = Organización nacional
