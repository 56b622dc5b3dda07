## Resultados como libro de cálculo (canvass results --format xlsx, «Descargar XLSX»)

xlsx-sheet-results = Resultados
xlsx-sheet-notes = Cómo leerlos
xlsx-suppressed = oculto
xlsx-col-indicator = indicador
xlsx-col-title = título
xlsx-col-option = opción
xlsx-col-region = región
xlsx-col-value = valor
xlsx-col-respondents = personas que respondieron
xlsx-col-country = país
xlsx-col-type = tipo de miembro
xlsx-col-numerator = numerador
xlsx-col-denominator = denominador
xlsx-col-previous = ronda anterior
xlsx-col-change = cambio
xlsx-col-suppressed = oculto
xlsx-notes-title = Ronda { $round }: resultados de los indicadores
xlsx-notes-suppression = Las celdas pequeñas se ocultan para proteger a quienes respondieron. Una celda se oculta cuando la respaldan menos de { $min } respuestas. Si ocultar una sola celda pequeña no basta, porque podría deducirse del total y de las demás regiones, se ocultan también otras, empezando por la más pequeña. Cuando el total (ALL) está oculto, todas las regiones lo están.
xlsx-notes-marked = Una celda oculta muestra la palabra «oculto» sobre fondo gris, sin valor ni recuento. Esta hoja nunca indica qué regla ocultó cada celda.
xlsx-notes-share = Proporción: las respuestas que cumplen el criterio, divididas entre las respuestas que cuenta el indicador, expresada en porcentaje.
xlsx-notes-count = Recuento: el número de respuestas que cumplen el criterio.
xlsx-notes-mean = Media y suma: sobre las cifras indicadas por quienes respondieron.
xlsx-notes-distribution = Distribución: para cada opción, la proporción de respuestas que la eligieron; en una pregunta de opción múltiple, la suma puede superar el 100 %.
xlsx-notes-index = Índice: la proporción media de los componentes del índice que cumple cada organización.
xlsx-notes-denominator = A quién se cuenta: salvo que el indicador diga otra cosa, a quienes respondieron su pregunta (solo respuestas enviadas). Algunos indicadores cuentan solo a quienes cumplen una condición, o a todas las organizaciones a las que se dirigía la ronda. La columna «personas que respondieron» da, para cada celda, el número de respuestas enviadas que la respaldan.

## Libros de cálculo en las páginas de cuestionarios y resultados de la consola

results-download-xlsx = Descargar XLSX
workbook-import = Importar un cuestionario desde un XLSForm o una carpeta de cuestionario comprimida
workbook-import-file = Libro XLSForm (.xlsx: hojas survey, choices, settings y, si se desea, indicators) o una carpeta de cuestionario en .zip (survey.toml y un archivo .ftl por idioma)
workbook-import-replace = Reemplazar el cuestionario si ya existe (sus archivos actuales se guardan en una copia con fecha)
workbook-import-submit = Comprobar y guardar
workbook-survey-saved = El cuestionario { $id } superó la comprobación y se guardó. Más abajo puede verlo en cada idioma.
workbook-kept = Los archivos anteriores se guardan en { $path }.
workbook-not-saved = No se guardó nada. Corrija estos problemas en el libro y vuelva a subirlo:
workbook-too-large = El archivo supera los 10 MB; el libro de un cuestionario es mucho más pequeño. Compruebe que eligió el archivo correcto.
workbook-download-xlsform = Descargar como XLSForm
workbook-download-texts = Descargar el libro para traducción
workbook-texts-file = Libro de traducción (.xlsx) para volver a cargar
workbook-texts-submit = Comprobar y guardar los textos
