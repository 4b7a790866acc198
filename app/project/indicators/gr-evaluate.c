/* gr-evaluate.c — a project's coverage, on the grid or exactly from vectors
 *
 * The grid path feeds GrAnalysis, which later issues keep live under edits.
 * The exact path answers the same questions with GEOS (buffer, union,
 * intersection) for reports and to check the grid against.
 */
#include "config.h"

#include "gr-evaluate.h"

#include "gr-defaults.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* Segments per quarter circle in exact buffers: the polygonal circle's area
 * falls short of π r² by under 0.07 %. */
#define BUFFER_QUADSEGS   32
#define POPULATION_SNAP_M 50.0

guint
gr_project_get_n_zones (GrProject *project)
{
  GrLayer *zones = project->layers[GR_ROLE_ZONES];

  return zones != NULL ? MIN (zones->features->len, G_MAXUINT16 - 1) : 0;
}

char *
gr_project_zone_name (GrProject *project, guint zone)
{
  GrFeature *f;

  g_return_val_if_fail (zone >= 1 && zone <= gr_project_get_n_zones (project), NULL);
  f = g_ptr_array_index (project->layers[GR_ROLE_ZONES]->features, zone - 1);
  if (f->name != NULL && *f->name != '\0')
    return g_strdup (f->name);
  return g_strdup_printf (_ ("Zone %u"), zone);
}

static gboolean
residential_bounds (GrProject *project, double bounds[4], GError **error)
{
  gr_layer_get_bounds (project->layers[GR_ROLE_RESIDENTIAL], bounds);
  if (!isfinite (bounds[0]))
    {
      g_set_error (
          error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY,
          _ ("the project has no residential land: add a layer with the role "
             "“residential” (residential=PATH), or use OSM data with landuse=residential"));
      return FALSE;
    }
  return TRUE;
}

typedef void (*PolygonFunc) (GrAnalysis      *analysis,
                             GrFeature       *feature,
                             const GrPolygon *polygon,
                             guint            index);

static void
foreach_polygon (GrAnalysis *analysis, GrLayer *layer, PolygonFunc func)
{
  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (layer->features, i);
      g_autoptr (GrPolygon) polygon = gr_polygon_new_from_ogr (f->geometry);

      if (polygon != NULL)
        func (analysis, f, polygon, i);
    }
}

/* Every residential feature at once: the analysis shares them out. */
static void
add_residential (GrAnalysis *analysis, GrLayer *layer)
{
  g_autoptr (GPtrArray) polygons =
      g_ptr_array_new_with_free_func ((GDestroyNotify) gr_polygon_free);

  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (layer->features, i);
      GrPolygon *polygon = gr_polygon_new_from_ogr (f->geometry);

      if (polygon != NULL)
        g_ptr_array_add (polygons, polygon);
    }
  gr_analysis_add_residentials (analysis, (const GrPolygon *const *) polygons->pdata,
                                polygons->len);
}

static void
add_zone (GrAnalysis *a, GrFeature *f, const GrPolygon *p, guint i)
{
  if (i + 1 < G_MAXUINT16)
    gr_analysis_set_zone (a, p, i + 1);
}

/* Residents of areas spread over their homes, every area at once. */
static void
add_population_areas (GrAnalysis *analysis, GrLayer *layer)
{
  g_autoptr (GPtrArray) polygons =
      g_ptr_array_new_with_free_func ((GDestroyNotify) gr_polygon_free);
  g_autoptr (GArray) people = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (layer->features, i);
      GrPolygon *polygon = gr_polygon_new_from_ogr (f->geometry);

      if (polygon == NULL)
        continue;
      g_ptr_array_add (polygons, polygon);
      g_array_append_val (people, f->value);
    }
  gr_analysis_spread_populations (analysis, (const GrPolygon *const *) polygons->pdata,
                                  (double *) people->data, polygons->len);
}

static void
add_population_points (GrAnalysis *analysis, GrLayer *layer)
{
  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    {
      GrFeature         *f = g_ptr_array_index (layer->features, i);
      OGRwkbGeometryType type = wkbFlatten (OGR_G_GetGeometryType (f->geometry));
      int                n = type == wkbMultiPoint ? OGR_G_GetGeometryCount (f->geometry) : 0;

      /* A multipoint's people are shared equally among its points. */
      for (int k = 0; k < n; k++)
        {
          OGRGeometryH point = OGR_G_GetGeometryRef (f->geometry, k);
          gr_analysis_place_population (analysis, OGR_G_GetX (point, 0), OGR_G_GetY (point, 0),
                                        f->value / n);
        }
    }
}

static GrNetwork *
build_network (GrProject *project, const GrCriteria *criteria, GError **error)
{
  GrLayer   *walk = project->layers[GR_ROLE_WALK];
  GrNetwork *network;

  if (walk == NULL || walk->features->len == 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY,
                   _ ("walking mode needs a path network: add a layer with the role “walk” "
                      "(walk=PATH), or use OSM data with footways and streets"));
      return NULL;
    }
  network = gr_network_new ();
  for (guint i = 0; i < walk->features->len; i++)
    {
      OGRGeometryH lines = ((GrFeature *) g_ptr_array_index (walk->features, i))->geometry;

      for (int k = 0; k < OGR_G_GetGeometryCount (lines); k++)
        {
          OGRGeometryH       line = OGR_G_GetGeometryRef (lines, k);
          int                n = OGR_G_GetPointCount (line);
          g_autofree double *xy = g_new (double, 2 * MAX (n, 1));

          OGR_G_GetPoints (line, xy, 2 * sizeof (double), xy + 1, 2 * sizeof (double), NULL, 0);
          gr_network_add_line (network, xy, n);
        }
    }
  gr_network_finish (network, criteria->snap);
  return network;
}

typedef struct
{
  GrProject        *project;
  const GrCriteria *criteria;
  GrNetwork        *network;
  GError           *error;
} NetworkJob;

/* On a thread of its own while the homes are counted: it reads the path
 * layer only, the homes' side the other layers. */
static gpointer
build_network_thread (gpointer data)
{
  NetworkJob *job = data;

  job->network = build_network (job->project, job->criteria, &job->error);
  return NULL;
}

static void
add_entrances (GrAnalysis *analysis, GrLayer *layer)
{
  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    {
      OGRGeometryH points = ((GrFeature *) g_ptr_array_index (layer->features, i))->geometry;

      for (int k = 0; k < OGR_G_GetGeometryCount (points); k++)
        {
          OGRGeometryH p = OGR_G_GetGeometryRef (points, k);
          gr_analysis_add_entrance (analysis, OGR_G_GetX (p, 0), OGR_G_GetY (p, 0));
        }
    }
}

static void
collect_supply (GrProject *project,
                GrRole     role,
                GPtrArray *polygons,
                GArray    *parks,
                GArray    *historic,
                GArray    *refs)
{
  GrLayer *layer = project->layers[role];

  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    {
      GrFeature  *f = g_ptr_array_index (layer->features, i);
      GrPolygon  *polygon = gr_polygon_new_from_ogr (f->geometry);
      GrSupplyRef ref = { role, i };
      gboolean    park = role == GR_ROLE_PARK;

      if (polygon == NULL)
        continue;
      g_ptr_array_add (polygons, polygon);
      g_array_append_val (parks, park);
      g_array_append_val (historic, f->historic);
      if (refs != NULL)
        g_array_append_val (refs, ref);
    }
}

/* Every green space and park at once: walking reaches run on two threads. */
static void
add_all_supply (GrAnalysis *analysis, GrProject *project, GArray *refs)
{
  g_autoptr (GPtrArray) polygons =
      g_ptr_array_new_with_free_func ((GDestroyNotify) gr_polygon_free);
  g_autoptr (GArray) parks = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr (GArray) historic = g_array_new (FALSE, FALSE, sizeof (gboolean));

  collect_supply (project, GR_ROLE_GREEN, polygons, parks, historic, refs);
  collect_supply (project, GR_ROLE_PARK, polygons, parks, historic, refs);
  gr_analysis_add_supplies (analysis, (const GrPolygon *const *) polygons->pdata,
                            (gboolean *) parks->data, (gboolean *) historic->data, polygons->len,
                            NULL);
}

/* The homes within reach of a greenway (城市绿道服务半径覆盖率). */
static void
add_greenways (GrAnalysis *analysis, GrLayer *layer)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_polygon_free);

  if (layer == NULL)
    return;
  for (guint i = 0; i < layer->features->len; i++)
    {
      GrPolygon *line = gr_polygon_new_from_lines (
          ((GrFeature *) g_ptr_array_index (layer->features, i))->geometry);

      if (line != NULL)
        g_ptr_array_add (lines, line);
    }
  gr_analysis_set_greenways (analysis, (const GrPolygon *const *) lines->pdata, lines->len,
                             GR_GREENWAY_REACH);
}

/**
 * gr_project_build_analysis:
 * @supply_refs: (nullable) (element-type GrSupplyRef): filled so that entry
 *   id - 1 names the feature behind supply id
 *
 * Rasterises the project's demand, builds the walking network when the
 * criteria ask for walking, and enters every green space and park: the full
 * analysis, ready for incremental edits.
 */
GrAnalysis *
gr_project_build_analysis (GrProject        *project,
                           const GrCriteria *criteria,
                           GArray           *supply_refs,
                           GError          **error)
{
  g_autoptr (GrAnalysis) analysis = NULL;
  NetworkJob job = { project, criteria, NULL, NULL };
  GThread   *network_thread = NULL;
  double     bounds[4];

  if (!residential_bounds (project, bounds, error))
    return NULL;
  analysis =
      gr_analysis_new (criteria, project->rules, bounds, gr_project_get_n_zones (project), error);
  if (analysis == NULL)
    return NULL;
  if (criteria->walking)
    network_thread = g_thread_new ("gr-network", build_network_thread, &job);
  add_residential (analysis, project->layers[GR_ROLE_RESIDENTIAL]);
  foreach_polygon (analysis, project->layers[GR_ROLE_ZONES], add_zone);
  add_population_areas (analysis, project->layers[GR_ROLE_POPULATION]);
  add_population_points (analysis, project->layers[GR_ROLE_POPULATION]);
  if (criteria->walking)
    {
      g_thread_join (network_thread);
      if (job.network == NULL)
        {
          g_propagate_error (error, job.error);
          return NULL;
        }
      gr_analysis_set_network (analysis, job.network, criteria->attach_distance,
                               criteria->access_distance);
      add_entrances (analysis, project->layers[GR_ROLE_ENTRANCES]);
    }
  gr_analysis_finish_demand (analysis);
  add_greenways (analysis, project->layers[GR_ROLE_GREENWAY]);
  add_all_supply (analysis, project, supply_refs);
  return g_steal_pointer (&analysis);
}

typedef struct
{
  GrProject *project; /* borrowed */
  GrCriteria criteria;
  GArray    *refs;
} AnalyseData;

static void
analyse_data_free (gpointer data)
{
  AnalyseData *analyse = data;

  g_clear_pointer (&analyse->refs, g_array_unref);
  g_free (analyse);
}

static void
analyse_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  AnalyseData *analyse = data;
  GError      *error = NULL;
  GrAnalysis  *analysis =
      gr_project_build_analysis (analyse->project, &analyse->criteria, analyse->refs, &error);

  if (analysis == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The window asks walking distances as the pointer moves: ready now. */
  gr_analysis_prepare_walk_distance (analysis);
  g_task_return_pointer (task, analysis, (GDestroyNotify) gr_analysis_free);
}

/**
 * gr_project_build_analysis_async:
 * @project: borrowed, read only, until @callback runs: the caller keeps
 *   it alive and leaves it unchanged until then, cancelled or not
 * @criteria: copied
 *
 * gr_project_build_analysis() in a thread. Cancelling reports
 * %G_IO_ERROR_CANCELLED, but only once the thread has let go of @project:
 * the analysis itself cannot stop half way.
 */
void
gr_project_build_analysis_async (GrProject          *project,
                                 const GrCriteria   *criteria,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  AnalyseData *analyse;

  g_return_if_fail (project != NULL);
  g_return_if_fail (criteria != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  analyse = g_new0 (AnalyseData, 1);
  analyse->project = project;
  analyse->criteria = *criteria;
  analyse->refs = g_array_new (FALSE, FALSE, sizeof (GrSupplyRef));
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gr_project_build_analysis_async);
  g_task_set_task_data (task, analyse, analyse_data_free);
  g_task_run_in_thread (task, analyse_thread);
}

/**
 * gr_project_build_analysis_finish:
 * @supply_refs: (out) (optional) (transfer full) (element-type GrSupplyRef):
 *   as gr_project_build_analysis() fills them
 *
 * Returns: (transfer full): the analysis, or %NULL with @error set
 */
GrAnalysis *
gr_project_build_analysis_finish (GAsyncResult *result, GArray **supply_refs, GError **error)
{
  AnalyseData *analyse;
  GrAnalysis  *analysis;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, gr_project_build_analysis_async), NULL);
  analyse = g_task_get_task_data (G_TASK (result));
  analysis = g_task_propagate_pointer (G_TASK (result), error);
  if (analysis != NULL && supply_refs != NULL)
    *supply_refs = g_steal_pointer (&analyse->refs);
  return analysis;
}

static void
record_walking (GrAnalysis *analysis, GArray *refs, GrEvaluation *evaluation)
{
  evaluation->walking = TRUE;
  gr_analysis_get_network_stats (analysis, &evaluation->network);
  evaluation->unattached = gr_analysis_get_unattached (analysis);
  for (guint id = 1; id <= refs->len; id++)
    if (!gr_analysis_supply_is_reachable (analysis, id))
      g_array_append_val (evaluation->unreachable, g_array_index (refs, GrSupplyRef, id - 1));
}

static gboolean
evaluate_grid (GrProject        *project,
               const GrCriteria *criteria,
               GrEvaluation     *evaluation,
               GError          **error)
{
  g_autoptr (GArray) refs = g_array_new (FALSE, FALSE, sizeof (GrSupplyRef));
  g_autoptr (GrAnalysis) analysis = gr_project_build_analysis (project, criteria, refs, error);

  if (analysis == NULL)
    return FALSE;
  gr_analysis_summarize (analysis, -1, &evaluation->city);
  for (guint z = 1; z <= gr_project_get_n_zones (project); z++)
    {
      GrSummary summary;

      gr_analysis_summarize (analysis, z, &summary);
      g_array_append_val (evaluation->zones, summary);
    }
  evaluation->unplaced = gr_analysis_get_unplaced_population (analysis);
  if (gr_analysis_is_walking (analysis))
    record_walking (analysis, refs, evaluation);
  return TRUE;
}

/* ---- exact ---------------------------------------------------------------- */

typedef struct
{
  OGRGeometryH residential;
  OGRGeometryH cover[GR_N_LAYERS]; /* service areas, not yet cut to homes */
  OGRGeometryH green_or_park;
  GPtrArray   *pop_homes;   /* per population polygon: its residential land, or NULL */
  GArray      *pop_density; /* residents per m² of that land */
  double       unplaced;    /* residents of polygons with no residential land */
} Exact;

static void
exact_clear (Exact *exact)
{
  g_clear_pointer (&exact->residential, OGR_G_DestroyGeometry);
  for (guint l = 0; l < GR_N_LAYERS; l++)
    g_clear_pointer (&exact->cover[l], OGR_G_DestroyGeometry);
  g_clear_pointer (&exact->green_or_park, OGR_G_DestroyGeometry);
  g_clear_pointer (&exact->pop_homes, g_ptr_array_unref);
  g_clear_pointer (&exact->pop_density, g_array_unref);
}

static void
add_polygons (OGRGeometryH into, OGRGeometryH geometry)
{
  OGRwkbGeometryType type = wkbFlatten (OGR_G_GetGeometryType (geometry));

  if (type == wkbPolygon)
    OGR_G_AddGeometry (into, geometry);
  else if (type == wkbMultiPolygon || type == wkbGeometryCollection)
    for (int i = 0; i < OGR_G_GetGeometryCount (geometry); i++)
      add_polygons (into, OGR_G_GetGeometryRef (geometry, i));
}

static OGRGeometryH
union_of (OGRGeometryH parts)
{
  OGRGeometryH result = OGR_G_IsEmpty (parts) ? OGR_G_Clone (parts) : OGR_G_UnionCascaded (parts);

  OGR_G_DestroyGeometry (parts);
  return result != NULL ? result : OGR_G_CreateGeometry (wkbMultiPolygon);
}

static double
area_of (OGRGeometryH geometry)
{
  return geometry != NULL ? OGR_G_Area (geometry) : 0;
}

static void
destroy_geometry (gpointer geometry)
{
  if (geometry != NULL)
    OGR_G_DestroyGeometry (geometry);
}

/* Dasymetric density, once per population polygon: its residents over the
 * residential land inside it. */
static void
spread_population (Exact *exact, GrProject *project)
{
  GrLayer *pop = project->layers[GR_ROLE_POPULATION];

  exact->pop_homes = g_ptr_array_new_with_free_func (destroy_geometry);
  exact->pop_density = g_array_new (FALSE, TRUE, sizeof (double));
  for (guint i = 0; pop != NULL && i < pop->features->len; i++)
    {
      GrFeature   *f = g_ptr_array_index (pop->features, i);
      OGRGeometryH homes = NULL;
      double       density = 0;

      if (wkbFlatten (OGR_G_GetGeometryType (f->geometry)) != wkbMultiPoint)
        {
          homes = OGR_G_Intersection (exact->residential, f->geometry);
          if (area_of (homes) > 0)
            density = f->value / area_of (homes);
          else
            {
              exact->unplaced += f->value;
              g_clear_pointer (&homes, OGR_G_DestroyGeometry);
            }
        }
      g_ptr_array_add (exact->pop_homes, homes);
      g_array_append_val (exact->pop_density, density);
    }
}

static double
overlap (OGRGeometryH a, OGRGeometryH b)
{
  g_auto (OGRGeometryH) both = OGR_G_Intersection (a, b);

  return area_of (both);
}

static void
add_service_areas (GrProject        *project,
                   GrRole            role,
                   const GrCriteria *c,
                   OGRGeometryH      parts[GR_N_LAYERS])
{
  GrLayer *layer = project->layers[role];

  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (layer->features, i);
      double     area = OGR_G_Area (f->geometry);
      double     radius[GR_N_LAYERS] = { -1, -1, -1 };

      if (area >= c->green_min_area)
        radius[GR_LAYER_GREEN] = c->green_radius;
      if (role == GR_ROLE_PARK && area >= c->park_min_area)
        radius[GR_LAYER_PARK] = c->park_radius;
      if (role == GR_ROLE_PARK)
        radius[GR_LAYER_SERVICE] = gr_service_rules_radius (project->rules, area, f->historic);
      if (radius[GR_LAYER_SERVICE] == 0)
        radius[GR_LAYER_SERVICE] = -1;
      for (guint l = 0; l < GR_N_LAYERS; l++)
        if (radius[l] >= 0)
          {
            g_auto (OGRGeometryH) buffer = OGR_G_Buffer (f->geometry, radius[l], BUFFER_QUADSEGS);
            if (buffer != NULL)
              add_polygons (parts[l], buffer);
          }
    }
}

static void
build_exact (Exact *exact, GrProject *project, const GrCriteria *c)
{
  OGRGeometryH res = OGR_G_CreateGeometry (wkbMultiPolygon);
  OGRGeometryH parts[GR_N_LAYERS];
  GrLayer     *layer = project->layers[GR_ROLE_RESIDENTIAL];

  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    add_polygons (res, ((GrFeature *) g_ptr_array_index (layer->features, i))->geometry);
  exact->residential = union_of (res);
  for (guint l = 0; l < GR_N_LAYERS; l++)
    parts[l] = OGR_G_CreateGeometry (wkbMultiPolygon);
  add_service_areas (project, GR_ROLE_GREEN, c, parts);
  add_service_areas (project, GR_ROLE_PARK, c, parts);
  for (guint l = 0; l < GR_N_LAYERS; l++)
    exact->cover[l] = union_of (parts[l]);
  exact->green_or_park = OGR_G_Union (exact->cover[GR_LAYER_GREEN], exact->cover[GR_LAYER_PARK]);
  spread_population (exact, project);
}

/* Areas of @homes (residential land, perhaps cut to a zone or a population
 * polygon) in each coverage state, scaled by @per_m2 (1 for area, the
 * density for people). */
static void
measure (Exact *exact, OGRGeometryH homes, double per_m2, gboolean people, GrSummary *s)
{
  g_auto (OGRGeometryH) green = OGR_G_Intersection (homes, exact->cover[GR_LAYER_GREEN]);
  double    total = area_of (homes);
  double    values[6];
  GrAmount *amounts[6] = {
    &s->residential, &s->green, &s->park, &s->both, &s->neither, &s->service
  };

  values[0] = total;
  values[1] = area_of (green);
  values[2] = overlap (homes, exact->cover[GR_LAYER_PARK]);
  values[3] = green != NULL ? overlap (green, exact->cover[GR_LAYER_PARK]) : 0;
  values[4] = MAX (total - overlap (homes, exact->green_or_park), 0);
  values[5] = overlap (homes, exact->cover[GR_LAYER_SERVICE]);
  for (guint k = 0; k < 6; k++)
    {
      if (people)
        amounts[k]->population += values[k] * per_m2;
      else
        amounts[k]->area_m2 += values[k];
    }
}

static void
measure_zone (Exact *exact, OGRGeometryH zone_shape, GrSummary *s)
{
  g_auto (OGRGeometryH) homes = zone_shape != NULL
                                    ? OGR_G_Intersection (exact->residential, zone_shape)
                                    : OGR_G_Clone (exact->residential);

  if (homes == NULL)
    return;
  measure (exact, homes, 1, FALSE, s);
  for (guint i = 0; i < exact->pop_homes->len; i++)
    {
      OGRGeometryH pop_homes = g_ptr_array_index (exact->pop_homes, i);
      g_auto (OGRGeometryH) here = NULL;

      if (pop_homes == NULL)
        continue;
      here =
          zone_shape != NULL ? OGR_G_Intersection (pop_homes, zone_shape) : OGR_G_Clone (pop_homes);
      if (here != NULL)
        measure (exact, here, g_array_index (exact->pop_density, double, i), TRUE, s);
    }
}

/* @geometry as a plain polygon (every ring, even-odd), for testing many
 * points against it: GEOS would convert the whole union at every call. */
static GrPolygon *
plain_polygon (OGRGeometryH geometry)
{
  return geometry != NULL && !OGR_G_IsEmpty (geometry) ? gr_polygon_new_from_ogr (geometry) : NULL;
}

static gboolean
holds (const GrPolygon *polygon, double x, double y)
{
  return polygon != NULL && gr_polygon_contains (polygon, x, y);
}

/* Population points (a population layer's, or homes estimated from the
 * buildings): each on the residential land within the snap distance, or
 * unplaced. */
static void
measure_points (Exact *exact, GrProject *project, GrSummary *s, double *unplaced)
{
  GrLayer *pop = project->layers[GR_ROLE_POPULATION];
  g_autoptr (GrPolygon) homes = NULL;
  g_autoptr (GrPolygon) green = NULL;
  g_autoptr (GrPolygon) park = NULL;
  g_autoptr (GrPolygon) service = NULL;
  gboolean any = FALSE;

  for (guint i = 0; pop != NULL && i < pop->features->len && !any; i++)
    any = wkbFlatten (OGR_G_GetGeometryType (
              ((GrFeature *) g_ptr_array_index (pop->features, i))->geometry))
          == wkbMultiPoint;
  if (!any)
    return;
  homes = plain_polygon (exact->residential);
  green = plain_polygon (exact->cover[GR_LAYER_GREEN]);
  park = plain_polygon (exact->cover[GR_LAYER_PARK]);
  service = plain_polygon (exact->cover[GR_LAYER_SERVICE]);
  for (guint i = 0; i < pop->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (pop->features, i);
      int        n = OGR_G_GetGeometryCount (f->geometry);

      if (wkbFlatten (OGR_G_GetGeometryType (f->geometry)) != wkbMultiPoint)
        continue;
      for (int k = 0; k < n; k++)
        {
          OGRGeometryH p = OGR_G_GetGeometryRef (f->geometry, k);
          double       x = OGR_G_GetX (p, 0), y = OGR_G_GetY (p, 0);
          double       people = f->value / n;
          gboolean     g = holds (green, x, y);
          gboolean     k_park = holds (park, x, y);

          if (homes == NULL || gr_polygon_distance (homes, x, y) > POPULATION_SNAP_M)
            {
              *unplaced += people;
              continue;
            }
          s->residential.population += people;
          s->green.population += g ? people : 0;
          s->park.population += k_park ? people : 0;
          s->both.population += g && k_park ? people : 0;
          s->neither.population += !g && !k_park ? people : 0;
          s->service.population += holds (service, x, y) ? people : 0;
        }
    }
}

static gboolean
evaluate_exact (GrProject        *project,
                const GrCriteria *criteria,
                GrEvaluation     *evaluation,
                GError          **error)
{
  Exact  exact = { 0 };
  double bounds[4];

  if (!residential_bounds (project, bounds, error))
    return FALSE;
  gr_gdal_capture_begin ();
  build_exact (&exact, project, criteria);
  measure_zone (&exact, NULL, &evaluation->city);
  evaluation->unplaced += exact.unplaced;
  measure_points (&exact, project, &evaluation->city, &evaluation->unplaced);
  for (guint z = 1; z <= gr_project_get_n_zones (project); z++)
    {
      GrFeature *f = g_ptr_array_index (project->layers[GR_ROLE_ZONES]->features, z - 1);
      GrSummary  summary = { 0 };

      measure_zone (&exact, f->geometry, &summary);
      g_array_append_val (evaluation->zones, summary);
    }
  g_free (gr_gdal_capture_end ());
  exact_clear (&exact);
  return TRUE;
}

/**
 * gr_project_evaluate:
 * @exact: vectors (GEOS) rather than the grid
 * @evaluation: (out caller-allocates): cleared with gr_evaluation_clear()
 */
gboolean
gr_project_evaluate (GrProject        *project,
                     const GrCriteria *criteria,
                     gboolean          exact,
                     GrEvaluation     *evaluation,
                     GError          **error)
{
  memset (evaluation, 0, sizeof *evaluation);
  evaluation->zones = g_array_new (FALSE, TRUE, sizeof (GrSummary));
  evaluation->unreachable = g_array_new (FALSE, FALSE, sizeof (GrSupplyRef));
  evaluation->has_population = project->layers[GR_ROLE_POPULATION] != NULL;
  gr_gdal_init ();
  if (exact && criteria->walking)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("the exact vector method measures straight-line distance only; "
                      "walking distance is computed on the grid"));
      return FALSE;
    }
  if (exact)
    return evaluate_exact (project, criteria, evaluation, error);
  return evaluate_grid (project, criteria, evaluation, error);
}

void
gr_evaluation_clear (GrEvaluation *evaluation)
{
  g_clear_pointer (&evaluation->zones, g_array_unref);
  g_clear_pointer (&evaluation->unreachable, g_array_unref);
}
