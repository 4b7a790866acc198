/* gr-population.h — residents where the data has none: an estimate from
 * residential buildings, and a zone's residents spread over floor area
 */
#pragma once

#include "gr-project.h"

G_BEGIN_DECLS

/* 第七次全国人口普查 (2020): city households' housing floor area per
 * person, 36.52 m² (城市家庭户人均住房建筑面积). */
#define GR_FLOOR_AREA_PER_RESIDENT 36.52
/* A residential building whose storeys are not known: low-rise (1–3
 * storeys in GB 50180-2018), so that an estimate errs low. */
#define GR_DEFAULT_STOREYS 3.0
/* A storey's height, for buildings that give their height alone. */
#define GR_STOREY_HEIGHT_M 3.0

typedef struct
{
  double floor_area_per_resident; /* m²; 0: GR_FLOOR_AREA_PER_RESIDENT */
  double default_storeys;         /* 0: GR_DEFAULT_STOREYS */
} GrPopulationSettings;

double      gr_storeys_from_text (const char *levels, const char *height);
gboolean    gr_population_estimate_from_buildings (GrProject                  *project,
                                                   const GrPopulationSettings *settings);
guint       gr_population_spread_over_floor_area (GrProject                  *project,
                                                  const GrPopulationSettings *settings);
gboolean    gr_population_is_estimate (const GrProject *project);
const char *gr_population_estimate_label (void);
char       *gr_population_describe (const GrProject *project);

G_END_DECLS
