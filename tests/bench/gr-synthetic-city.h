/* gr-synthetic-city.h — a made-up city for benchmarks
 *
 * SYNTHETIC DATA, not a real place: a square city of street blocks, most of
 * them housing, some parks, pocket greens and a few large parks, with a
 * population grid over it and a walking network: street centre lines
 * between the blocks and a footpath through every housing block and park,
 * meeting the streets at shared vertices. Deterministic for a given seed, so benchmark
 * figures can be compared between runs.
 */
#pragma once

#include "gr-polygon.h"

G_BEGIN_DECLS

typedef struct
{
  double  area_km2;
  double  residents;
  guint32 seed;
} GrCityPlan;

typedef struct
{
  double     bounds[4];
  GPtrArray *residential; /* GrPolygon */
  GPtrArray *parks;       /* GrPolygon */
  GPtrArray *greens;      /* GrPolygon, small green spaces that are not parks */
  GPtrArray *population;  /* GrPolygon, population grid cells */
  GArray    *people;      /* double, residents per population cell */
  GPtrArray *paths;       /* GArray of double x, y: streets and footpaths */
} GrSyntheticCity;

GrSyntheticCity *gr_synthetic_city_new (const GrCityPlan *plan);
void             gr_synthetic_city_free (GrSyntheticCity *city);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrSyntheticCity, gr_synthetic_city_free)

G_END_DECLS
