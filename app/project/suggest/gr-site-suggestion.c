/* gr-site-suggestion.c — where a project's next parks should go */
#include "config.h"

#include "gr-site-suggestion.h"

#include "gr-site-ranker.h"

#include "gr-candidate-rules.h"
#include "gr-evaluate.h"
#include "gr-gdal.h"

#include <glib/gi18n-lib.h>
#include <math.h>

void
gr_site_options_init (GrSiteOptions *o)
{
  *o = (GrSiteOptions){ 0 };
  o->cover = GR_SUGGEST_BLIND_SPOTS;
  o->weight = GR_SUGGEST_BY_RESIDENTS;
  o->count = 5;
  o->target = NAN;
  o->area_m2 = 0;
  o->seconds = 60;
}

/* ---- candidates on usable land ---------------------------------------------- */

/* A walk-layer line a park cannot cover: a street for vehicles, not a path. */
static gboolean
is_road (const GrFeature *f)
{
  static const char *const paths[] = { "highway=footway",   "highway=path",
                                       "highway=steps",     "highway=pedestrian",
                                       "highway=track",     "highway=cycleway",
                                       "highway=bridleway", NULL };

  return f->kind == NULL || !g_strv_contains (paths, f->kind);
}

typedef struct
{
  OGRGeometryH geometry; /* borrowed */
  OGREnvelope  env;
} Obstacle;

static void
add_obstacles (GArray *obstacles, const GrLayer *layer, gboolean roads_only)
{
  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    {
      const GrFeature *f = g_ptr_array_index (layer->features, i);
      Obstacle         o = { f->geometry };

      if (f->geometry == NULL || (roads_only && !is_road (f)))
        continue;
      OGR_G_GetEnvelope (f->geometry, &o.env);
      g_array_append_val (obstacles, o);
    }
}

static gboolean
envelopes_meet (const OGREnvelope *a, const OGREnvelope *b)
{
  return a->MinX <= b->MaxX && b->MinX <= a->MaxX && a->MinY <= b->MaxY && b->MinY <= a->MaxY;
}

static gboolean
is_usable_green (const GrFeature *f)
{
  return g_strcmp0 (f->kind, "landuse=grass") == 0;
}

/* Parks of @area_m2 on a lattice over @land, each wholly inside it and
 * clear of every obstacle. */
static void
sample_land (OGRGeometryH land, GArray *obstacles, double area_m2, gboolean circle, GPtrArray *out)
{
  g_autoptr (GArray) near = g_array_new (FALSE, FALSE, sizeof (Obstacle));
  OGREnvelope env;
  double      side = circle ? 2 * sqrt (area_m2 / G_PI) : sqrt (area_m2);

  OGR_G_GetEnvelope (land, &env);
  if (env.MaxX - env.MinX < side || env.MaxY - env.MinY < side)
    return;
  for (guint i = 0; i < obstacles->len; i++)
    if (envelopes_meet (&g_array_index (obstacles, Obstacle, i).env, &env))
      g_array_append_val (near, g_array_index (obstacles, Obstacle, i));
  for (double y = env.MinY + side / 2; y <= env.MaxY - side / 2; y += side)
    for (double x = env.MinX + side / 2; x <= env.MaxX - side / 2; x += side)
      {
        OGRGeometryH park;
        OGREnvelope  pe;
        gboolean     clear = TRUE;

        if (out->len >= GR_SITE_MAX_CANDIDATES)
          return;
        park = gr_pocket_park_new (x, y, area_m2, circle);
        OGR_G_GetEnvelope (park, &pe);
        for (guint i = 0; clear && i < near->len; i++)
          {
            const Obstacle *o = &g_array_index (near, Obstacle, i);

            clear = !envelopes_meet (&o->env, &pe) || !OGR_G_Intersects (park, o->geometry);
          }
        if (clear && OGR_G_Within (park, land))
          g_ptr_array_add (out, park);
        else
          OGR_G_DestroyGeometry (park);
      }
}

/**
 * gr_site_candidates_auto:
 *
 * Land the project knows to be usable — its sites layer (brownfield,
 * greenfield, surface parking from OpenStreetMap; 空闲地 and 留白用地 of a
 * land-use layer; a plot list imported as sites) and grass among its green
 * space — sampled as parks of @area_m2 that keep clear of buildings, water
 * and streets.
 *
 * Returns: (transfer full) (element-type OGRGeometryH): the parks, project CRS
 */
GPtrArray *
gr_site_candidates_auto (GrProject *project, double area_m2, gboolean circle)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) OGR_G_DestroyGeometry);
  g_autoptr (GArray) obstacles = g_array_new (FALSE, FALSE, sizeof (Obstacle));
  const GrLayer *sites = project->layers[GR_ROLE_SITES];
  const GrLayer *green = project->layers[GR_ROLE_GREEN];

  add_obstacles (obstacles, project->layers[GR_ROLE_BUILDINGS], FALSE);
  add_obstacles (obstacles, project->layers[GR_ROLE_WATER], FALSE);
  add_obstacles (obstacles, project->layers[GR_ROLE_WALK], TRUE);
  for (guint i = 0; sites != NULL && i < sites->features->len; i++)
    sample_land (((GrFeature *) g_ptr_array_index (sites->features, i))->geometry, obstacles,
                 area_m2, circle, out);
  for (guint i = 0; green != NULL && i < green->features->len; i++)
    if (is_usable_green (g_ptr_array_index (green->features, i)))
      sample_land (((GrFeature *) g_ptr_array_index (green->features, i))->geometry, obstacles,
                   area_m2, circle, out);
  return out;
}

/**
 * gr_site_count_usable_land:
 *
 * Returns: how many pieces of usable land gr_site_candidates_auto() samples
 */
guint
gr_site_count_usable_land (const GrProject *project)
{
  const GrLayer *sites = project->layers[GR_ROLE_SITES];
  const GrLayer *green = project->layers[GR_ROLE_GREEN];
  guint          n = sites != NULL ? sites->features->len : 0;

  for (guint i = 0; green != NULL && i < green->features->len; i++)
    n += is_usable_green (g_ptr_array_index (green->features, i));
  return n;
}

/* ---- candidates from plots -------------------------------------------------- */

/**
 * gr_site_candidates_from_plots:
 * @skipped: (out): plots that cannot hold a park of @area_m2
 *
 * Each plot as it is (@area_m2 0), or a park of @area_m2 inside it: at a
 * point on its surface when the park fits there, else the first lattice
 * place that does.
 *
 * Returns: (transfer full) (element-type OGRGeometryH): the parks, project CRS
 */
GPtrArray *
gr_site_candidates_from_plots (const GrLayer *plots,
                               double         area_m2,
                               gboolean       circle,
                               guint         *skipped)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) OGR_G_DestroyGeometry);
  g_autoptr (GArray) none = g_array_new (FALSE, FALSE, sizeof (Obstacle));

  *skipped = 0;
  for (guint i = 0; i < plots->features->len; i++)
    {
      OGRGeometryH       plot = ((GrFeature *) g_ptr_array_index (plots->features, i))->geometry;
      OGRwkbGeometryType type = wkbFlatten (OGR_G_GetGeometryType (plot));
      gboolean           point = type == wkbPoint || type == wkbMultiPoint;
      OGRGeometryH       inside, park;
      g_autoptr (GPtrArray) placed = NULL;

      if (area_m2 <= 0 && !point)
        {
          g_ptr_array_add (out, OGR_G_Clone (plot));
          continue;
        }
      inside = OGR_G_PointOnSurface (plot);
      if (inside == NULL || OGR_G_IsEmpty (inside))
        {
          if (inside != NULL)
            OGR_G_DestroyGeometry (inside);
          (*skipped)++;
          continue;
        }
      if (wkbFlatten (OGR_G_GetGeometryType (inside)) != wkbPoint)
        {
          OGR_G_DestroyGeometry (inside);
          (*skipped)++;
          continue;
        }
      park = gr_pocket_park_new (OGR_G_GetX (inside, 0), OGR_G_GetY (inside, 0),
                                 area_m2 > 0 ? area_m2 : GR_SITE_DEFAULT_AREA, circle);
      OGR_G_DestroyGeometry (inside);
      if (point || OGR_G_Within (park, plot))
        {
          g_ptr_array_add (out, park);
          continue;
        }
      OGR_G_DestroyGeometry (park);
      placed = g_ptr_array_new_with_free_func ((GDestroyNotify) OGR_G_DestroyGeometry);
      sample_land (plot, none, area_m2, circle, placed);
      if (placed->len > 0)
        g_ptr_array_add (out, g_ptr_array_steal_index (placed, placed->len / 2));
      else
        (*skipped)++;
    }
  return out;
}

/* ---- the run ---------------------------------------------------------------- */

/**
 * gr_site_suggestion_run:
 * @analysis: the project's analysis as it stands (a scenario's edits in
 *   force); it is left as it was
 *
 * Returns: %FALSE with @error when there is nothing to choose from
 */
gboolean
gr_site_suggestion_run (GrProject           *project,
                        GrAnalysis          *analysis,
                        const GrSiteOptions *o,
                        GrSiteSuggestion    *out,
                        GError             **error)
{
  g_autoptr (GrSiteRanker) ranker = gr_site_ranker_new (project, analysis, o, NULL, NULL, error);

  *out = (GrSiteSuggestion){ 0 };
  if (ranker == NULL)
    return FALSE;
  gr_site_ranker_rank (ranker, out);
  return TRUE;
}

void
gr_site_suggestion_clear (GrSiteSuggestion *suggestion)
{
  g_clear_pointer (&suggestion->sites, g_array_unref);
}

/**
 * gr_site_suggestion_add_to:
 *
 * Each site as a candidate park of @scenario, one edit each, named by rank.
 */
void
gr_site_suggestion_add_to (const GrSiteSuggestion *suggestion,
                           GrScenario             *scenario,
                           GrProject              *baseline)
{
  for (guint i = 0; i < suggestion->sites->len; i++)
    {
      const GrSite *site = &g_array_index (suggestion->sites, GrSite, i);
      GrEdit       *e = gr_edit_new (GR_EDIT_ADD, GR_ROLE_PARK, 0, OGR_G_Clone (site->geometry));

      /* TRANSLATORS: a park that site suggestion placed; %u is its rank */
      e->name = g_strdup_printf (_ ("Suggested site %u"), site->rank);
      if (site->area_m2 >= GR_SITE_MIN_AREA && site->area_m2 <= GR_SITE_MAX_AREA)
        e->klass = g_strdup ("G14"); /* 游园: a pocket park */
      e->suggested = TRUE;
      e->target.index = gr_scenario_next_candidate (scenario, baseline);
      gr_scenario_push (scenario, e);
    }
}

/* What the coverage loses without a park, in each figure of a gain. */
static GrSuggestGain
lost_without (const GrSummary *with, const GrSummary *without)
{
  GrSuggestGain g;

  g.blind_spots.area_m2 = without->neither.area_m2 - with->neither.area_m2;
  g.blind_spots.population = without->neither.population - with->neither.population;
  g.green.area_m2 = with->green.area_m2 - without->green.area_m2;
  g.green.population = with->green.population - without->green.population;
  g.park.area_m2 = with->park.area_m2 - without->park.area_m2;
  g.park.population = with->park.population - without->park.population;
  g.service.area_m2 = with->service.area_m2 - without->service.area_m2;
  g.service.population = with->service.population - without->service.population;
  return g;
}

/**
 * gr_site_shares:
 * @analysis: @project's analysis, its supply entered as @refs says
 *   (gr_project_build_analysis()); left as it was
 * @parks: indices into @project's park layer
 *
 * What each park serves on its own, the others kept: the homes that would
 * be out of reach without it, in every coverage figure. For the report's
 * suggested sites. Each park comes back under a new supply id, so @refs
 * no longer names it afterwards: give each park once.
 *
 * Returns: (transfer full) (element-type GrSuggestGain): one per park
 */
GArray *
gr_site_shares (GrProject *project, GrAnalysis *analysis, GArray *refs, const guint *parks, guint n)
{
  GArray   *shares = g_array_sized_new (FALSE, TRUE, sizeof (GrSuggestGain), n);
  GrLayer  *layer = project->layers[GR_ROLE_PARK];
  GrSummary with;

  gr_analysis_summarize (analysis, -1, &with);
  for (guint k = 0; k < n; k++)
    {
      GrSuggestGain share = { { 0 } };

      for (guint id = 1; layer != NULL && id <= refs->len; id++)
        {
          const GrSupplyRef *ref = &g_array_index (refs, GrSupplyRef, id - 1);
          GrFeature         *f;
          GrSummary          without;
          g_autoptr (GrPolygon) polygon = NULL;

          if (ref->role != GR_ROLE_PARK || ref->index != parks[k]
              || parks[k] >= layer->features->len)
            continue;
          f = g_ptr_array_index (layer->features, parks[k]);
          polygon = gr_polygon_new_from_ogr (f->geometry);
          if (polygon == NULL || !gr_analysis_remove_supply (analysis, id))
            break;
          gr_analysis_summarize (analysis, -1, &without);
          share = lost_without (&with, &without);
          /* Back in, under a new id: the refs of the others still hold. */
          gr_analysis_add_supply (analysis, polygon, TRUE, f->historic);
          break;
        }
      g_array_append_val (shares, share);
    }
  return shares;
}
