# Названия регионов и типов членов сети (см. en.ftl).

region-africa = Африка
region-asia_pacific = Азиатско-Тихоокеанский регион
region-europe = Европа
region-latin_america = Латинская Америка
region-north_america_caribbean = Северная Америка и Карибский бассейн

type-regional_network = Региональная сеть
type-national = Национальная организация
