/* gr-population.c — residents where the data has none: an estimate from
 * residential buildings, and a zone's residents spread over floor area
 *
 * A home building's residents are its floor area (footprint × storeys)
 * divided by the floor area per resident. They are placed at a point on
 * the building, as a population point is: on the residential land under
 * it or within the snap distance, else reported as unplaced. Which
 * buildings are homes: those whose class says so (building=apartments,
 * 住宅), and those of no stated use that stand on residential land.
 */
#include "config.h"

#include "gr-population.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

/* More storeys than any building has: a wrong field. */
#define MAX_STOREYS 200.0
/* Residential land is looked up in square buckets of this size. */
#define BUCKET_M 250.0

static const char *const other_use =
    "commercial|retail|industrial|office|school|university|college|church|hospital|warehouse|"
    "greenhouse|garage|shed|kindergarten|public|civic|hotel|train_station|transportation|"
    "商业|办公|工业|学校|医院|仓库|厂房|车库";
static const char *const home_use = "residential|apartments|house|detached|semidetached|terrace|"
                                    "dormitory|bungalow|住宅|居住|宿舍|公寓";

/**
 * gr_storeys_from_text:
 * @levels: (nullable): storeys as a source writes them: "6", "6.0"
 * @height: (nullable): the height in metres: "18", "18 m"
 *
 * Returns: the building's storeys, from @levels, else @height ÷ 3 m
 *   (at least one); NAN when neither is a plausible number
 */
double
gr_storeys_from_text (const char *levels, const char *height)
{
  char  *end;
  double value;

  if (levels != NULL)
    {
      value = g_ascii_strtod (levels, &end);
      if (end != levels && value >= 1 && value <= MAX_STOREYS)
        return round (value);
    }
  if (height != NULL)
    {
      value = g_ascii_strtod (height, &end);
      if (end != height && value > 0 && value <= MAX_STOREYS * GR_STOREY_HEIGHT_M)
        return MAX (1, round (value / GR_STOREY_HEIGHT_M));
    }
  return NAN;
}

static double
per_resident (const GrPopulationSettings *s)
{
  return s != NULL && s->floor_area_per_resident > 0 ? s->floor_area_per_resident
                                                     : GR_FLOOR_AREA_PER_RESIDENT;
}

static double
default_storeys (const GrPopulationSettings *s)
{
  return s != NULL && s->default_storeys > 0 ? s->default_storeys : GR_DEFAULT_STOREYS;
}

/* ---- residential land, by bucket ------------------------------------------------ */

/* A part of the residential land: its outline as the analysis reads it
 * (even–odd over its rings), tested without GEOS once its box holds the
 * point. */
typedef struct
{
  GrPolygon *polygon;
  double     bounds[4];
} Part;

static void
part_clear (gpointer data)
{
  g_clear_pointer (&((Part *) data)->polygon, gr_polygon_free);
}

typedef struct
{
  double     x0, y0;
  guint      n_cols, n_rows;
  GArray    *parts;   /* Part */
  GPtrArray *buckets; /* of GArray of guint, the parts that meet the bucket */
} Land;

static void
land_init (Land *land, GrLayer *residential)
{
  double b[4];

  gr_layer_get_bounds (residential, b);
  land->x0 = b[0], land->y0 = b[1];
  land->n_cols = (guint) MIN (4096, floor ((b[2] - b[0]) / BUCKET_M) + 1);
  land->n_rows = (guint) MIN (4096, floor ((b[3] - b[1]) / BUCKET_M) + 1);
  land->parts = g_array_new (FALSE, FALSE, sizeof (Part));
  g_array_set_clear_func (land->parts, part_clear);
  land->buckets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < land->n_cols * land->n_rows; i++)
    g_ptr_array_add (land->buckets, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint i = 0; i < residential->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (residential->features, i);
      Part       part = { gr_polygon_new_from_ogr (f->geometry), { 0 } };
      guint      c0, c1, r0, r1;

      if (part.polygon == NULL)
        continue;
      gr_polygon_bounds (part.polygon, part.bounds);
      c0 = (guint) CLAMP ((part.bounds[0] - land->x0) / BUCKET_M, 0, land->n_cols - 1);
      c1 = (guint) CLAMP ((part.bounds[2] - land->x0) / BUCKET_M, 0, land->n_cols - 1);
      r0 = (guint) CLAMP ((part.bounds[1] - land->y0) / BUCKET_M, 0, land->n_rows - 1);
      r1 = (guint) CLAMP ((part.bounds[3] - land->y0) / BUCKET_M, 0, land->n_rows - 1);
      for (guint r = r0; r <= r1; r++)
        for (guint c = c0; c <= c1; c++)
          g_array_append_val (g_ptr_array_index (land->buckets, r * land->n_cols + c),
                              land->parts->len);
      g_array_append_val (land->parts, part);
    }
}

static void
land_clear (Land *land)
{
  g_ptr_array_unref (land->buckets);
  g_array_unref (land->parts);
}

static gboolean
land_contains (const Land *land, OGRGeometryH point)
{
  double  x = OGR_G_GetX (point, 0), y = OGR_G_GetY (point, 0);
  double  c = floor ((x - land->x0) / BUCKET_M), r = floor ((y - land->y0) / BUCKET_M);
  GArray *bucket;

  if (c < 0 || r < 0 || c >= land->n_cols || r >= land->n_rows)
    return FALSE;
  bucket = g_ptr_array_index (land->buckets, (guint) r * land->n_cols + (guint) c);
  for (guint i = 0; i < bucket->len; i++)
    {
      const Part *part = &g_array_index (land->parts, Part, g_array_index (bucket, guint, i));

      if (x >= part->bounds[0] && x <= part->bounds[2] && y >= part->bounds[1]
          && y <= part->bounds[3] && gr_polygon_contains (part->polygon, x, y))
        return TRUE;
    }
  return FALSE;
}

/* ---- homes ---------------------------------------------------------------------- */

typedef struct
{
  OGRGeometryH point; /* on the building */
  double       floor_area;
  gboolean     storeys_known;
} Home;

static void
home_clear (gpointer data)
{
  OGR_G_DestroyGeometry (((Home *) data)->point);
}

static OGRGeometryH
point_on (OGRGeometryH geometry)
{
  OGRGeometryH point = OGR_G_PointOnSurface (geometry);

  if (point == NULL || OGR_G_IsEmpty (point))
    {
      if (point != NULL)
        OGR_G_DestroyGeometry (point);
      point = OGR_G_CreateGeometry (wkbPoint);
      if (OGR_G_Centroid (geometry, point) != OGRERR_NONE)
        OGR_G_SetPoint_2D (point, 0, 0, 0);
    }
  return point;
}

/* The buildings that are homes, each with its floor area. */
static GArray *
find_homes (GrProject *project, const GrPopulationSettings *settings)
{
  GrLayer *buildings = project->layers[GR_ROLE_BUILDINGS];
  GArray  *homes = g_array_new (FALSE, FALSE, sizeof (Home));
  Land     land;

  g_array_set_clear_func (homes, home_clear);
  land_init (&land, project->layers[GR_ROLE_RESIDENTIAL]);
  for (guint i = 0; i < buildings->features->len; i++)
    {
      GrFeature   *b = g_ptr_array_index (buildings->features, i);
      OGRGeometryH point;
      gboolean     home;
      Home         h;

      if (gr_text_has_word (b->kind, other_use))
        continue;
      point = point_on (b->geometry);
      home = gr_text_has_word (b->kind, home_use) || land_contains (&land, point);
      if (!home)
        {
          OGR_G_DestroyGeometry (point);
          continue;
        }
      h.point = point;
      h.storeys_known = isfinite (b->value) && b->value >= 1;
      h.floor_area = OGR_G_Area (b->geometry)
                     * (h.storeys_known ? MIN (b->value, MAX_STOREYS) : default_storeys (settings));
      g_array_append_val (homes, h);
    }
  land_clear (&land);
  return homes;
}

static GrFeature *
residents_at (OGRGeometryH point, double people)
{
  OGRGeometryH multi = OGR_G_CreateGeometry (wkbMultiPoint);
  GrFeature   *f;

  OGR_G_AddGeometry (multi, point);
  f = gr_feature_new (multi);
  f->value = people;
  return f;
}

static guint
count_known (GArray *homes)
{
  guint n = 0;

  for (guint i = 0; i < homes->len; i++)
    n += g_array_index (homes, Home, i).storeys_known;
  return n;
}

static void
set_method (GrProject *project, const char *method)
{
  g_free (project->population_method);
  project->population_method = g_strdup (method);
}

/**
 * gr_population_estimate_from_buildings:
 *
 * Without any source of residents, the project's residential buildings
 * give an estimate: a population layer of one point a home, method
 * "buildings-estimate", and a note in the project's warnings.
 *
 * Returns: whether an estimate was made (buildings and residential land
 *   are needed, and no population layer)
 */
gboolean
gr_population_estimate_from_buildings (GrProject *project, const GrPopulationSettings *settings)
{
  g_autoptr (GArray) homes = NULL;
  g_autofree char *total_text = NULL;
  GrLayer         *layer;
  double           total = 0;

  if (project->layers[GR_ROLE_POPULATION] != NULL || project->layers[GR_ROLE_BUILDINGS] == NULL
      || project->layers[GR_ROLE_RESIDENTIAL] == NULL)
    return FALSE;
  homes = find_homes (project, settings);
  if (homes->len == 0)
    return FALSE;
  layer = gr_project_ensure_layer (project, GR_ROLE_POPULATION);
  for (guint i = 0; i < homes->len; i++)
    {
      Home  *h = &g_array_index (homes, Home, i);
      double people = h->floor_area / per_resident (settings);

      total += people;
      g_ptr_array_add (layer->features, residents_at (h->point, people));
    }
  g_free (layer->sources);
  layer->sources = g_strdup (gr_population_estimate_label ());
  set_method (project, "buildings-estimate");
  total_text = g_strdup_printf ("%.0f", total);
  g_ptr_array_add (
      project->warnings,
      g_strdup_printf (_ ("no population source: %s residents estimated from %u residential "
                          "buildings (footprint × storeys ÷ %.2f m² per resident; %u buildings "
                          "give their storeys, the rest are taken as %.0f). An estimate: import "
                          "a population layer, table or raster for census figures"),
                       total_text, homes->len, per_resident (settings), count_known (homes),
                       default_storeys (settings)));
  return TRUE;
}

/* The homes whose point lies in @zone, and their floor area. */
static double
homes_in (GArray *homes, OGRGeometryH zone, GArray *inside)
{
  OGREnvelope e;
  double      floor_area = 0;

  OGR_G_GetEnvelope (zone, &e);
  g_array_set_size (inside, 0);
  for (guint i = 0; i < homes->len; i++)
    {
      Home  *h = &g_array_index (homes, Home, i);
      double x = OGR_G_GetX (h->point, 0), y = OGR_G_GetY (h->point, 0);

      if (x < e.MinX || x > e.MaxX || y < e.MinY || y > e.MaxY || !OGR_G_Contains (zone, h->point))
        continue;
      g_array_append_val (inside, i);
      floor_area += h->floor_area;
    }
  return floor_area;
}

/**
 * gr_population_spread_over_floor_area:
 *
 * A table's residents per zone, when the buildings give their storeys,
 * are spread over the zone's homes by floor area instead of over its
 * residential land: each home gets its share as a point. Zones without
 * homes keep their residents on their land. Totals are kept.
 *
 * Returns: the zones spread over buildings (0: nothing changed)
 */
guint
gr_population_spread_over_floor_area (GrProject *project, const GrPopulationSettings *settings)
{
  GrLayer *pop = project->layers[GR_ROLE_POPULATION];
  g_autoptr (GArray) homes = NULL;
  g_autoptr (GArray) inside = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) spread = NULL;
  guint n_zones = 0;

  if (g_strcmp0 (project->population_method, "table") != 0 || pop == NULL
      || project->layers[GR_ROLE_BUILDINGS] == NULL || project->layers[GR_ROLE_RESIDENTIAL] == NULL)
    return 0;
  homes = find_homes (project, settings);
  if (count_known (homes) == 0)
    return 0;
  spread = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_feature_free);
  for (guint z = 0; z < pop->features->len; z++)
    {
      GrFeature *zone = g_ptr_array_index (pop->features, z);
      double     floor_area = homes_in (homes, zone->geometry, inside);

      if (!(floor_area > 0))
        {
          g_ptr_array_add (spread, g_steal_pointer (&pop->features->pdata[z]));
          continue;
        }
      n_zones++;
      for (guint k = 0; k < inside->len; k++)
        {
          Home *h = &g_array_index (homes, Home, g_array_index (inside, guint, k));

          g_ptr_array_add (spread,
                           residents_at (h->point, zone->value * h->floor_area / floor_area));
        }
    }
  g_ptr_array_unref (pop->features);
  pop->features = g_steal_pointer (&spread);
  set_method (project, "table-floor-area");
  return n_zones;
}

/* Where residents estimated from buildings come from, as a layer's
 * sources say it. */
const char *
gr_population_estimate_label (void)
{
  return _ ("estimate from residential buildings");
}

gboolean
gr_population_is_estimate (const GrProject *project)
{
  return g_strcmp0 (project->population_method, "buildings-estimate") == 0;
}

/**
 * gr_population_describe:
 *
 * Returns: (nullable): where the project's residents come from, in a
 *   phrase for the panel, the table and the report; %NULL without residents
 */
char *
gr_population_describe (const GrProject *project)
{
  const char *method = project->population_method;

  if (project->layers[GR_ROLE_POPULATION] == NULL)
    return NULL;
  if (g_strcmp0 (method, "buildings-estimate") == 0)
    return g_strdup (_ ("Residents: an estimate from residential buildings (floor area ÷ floor "
                        "area per resident)"));
  if (g_strcmp0 (method, "table") == 0)
    return g_strdup (_ ("Residents: a table per zone, spread over residential land"));
  if (g_strcmp0 (method, "table-floor-area") == 0)
    return g_strdup (_ ("Residents: a table per zone, spread over residential floor area"));
  if (g_strcmp0 (method, "raster") == 0)
    return g_strdup (_ ("Residents: a population raster, spread over residential land"));
  return g_strdup (_ ("Residents: a population layer, spread over residential land"));
}
