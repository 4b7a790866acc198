/* gr-analysis.c — a city's coverage by green space and parks, kept live */
#include "config.h"

#include "gr-analysis.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* Far enough to snap a population point sitting on a street to the homes
 * beside it, near enough not to move people across a district. */
#define POPULATION_SNAP_M 50.0

/* A grid beyond this many cells would not fit a desktop's memory even
 * sparsely; the user is told to coarsen the resolution. */
#define MAX_CELLS 4.0e10

typedef struct
{
  gboolean park;
  gboolean historic;
  guint    ids[GR_N_LAYERS]; /* coverage ids, 0 where the feature does not qualify */
} Supply;

struct _GrAnalysis
{
  GrCriteria      criteria;
  GrServiceRules *rules;
  GrGrid         *grid;     /* owned until the demand is finished */
  GrCoverage     *coverage; /* owns the grid afterwards */
  guint           n_zones;
  double          unplaced;
  GArray         *supply;   /* Supply, by id - 1 */
};

GrAnalysis *
gr_analysis_new (const GrCriteria     *criteria,
                 const GrServiceRules *rules,
                 const double          bounds[4],
                 guint                 n_zones,
                 GError              **error)
{
  GrAnalysis *analysis;
  double cells;

  g_return_val_if_fail (criteria != NULL && rules != NULL, NULL);
  g_return_val_if_fail (n_zones < G_MAXUINT16, NULL);

  if (!(criteria->resolution > 0) || !isfinite (bounds[0]) || !isfinite (bounds[3]))
    {
      g_set_error (error, GR_ANALYSIS_ERROR, GR_ANALYSIS_ERROR_EMPTY,
                   _("there is no residential land to analyse"));
      return NULL;
    }
  cells = (bounds[2] - bounds[0]) / criteria->resolution
          * ((bounds[3] - bounds[1]) / criteria->resolution);
  if (cells > MAX_CELLS)
    {
      g_set_error (error, GR_ANALYSIS_ERROR, GR_ANALYSIS_ERROR_TOO_LARGE,
                   _("the residential land spans %.0f × %.0f km, too large for a %g m grid; "
                     "choose a coarser --resolution"),
                   (bounds[2] - bounds[0]) / 1000, (bounds[3] - bounds[1]) / 1000,
                   criteria->resolution);
      return NULL;
    }
  analysis = g_new0 (GrAnalysis, 1);
  analysis->criteria = *criteria;
  analysis->rules = gr_service_rules_copy (rules);
  analysis->grid = gr_grid_new (bounds, criteria->resolution, GR_N_LAYERS);
  analysis->n_zones = n_zones;
  analysis->supply = g_array_new (FALSE, TRUE, sizeof (Supply));
  return analysis;
}

void
gr_analysis_free (GrAnalysis *analysis)
{
  if (analysis == NULL)
    return;
  gr_service_rules_free (analysis->rules);
  gr_grid_free (analysis->grid);
  gr_coverage_free (analysis->coverage);
  g_array_unref (analysis->supply);
  g_free (analysis);
}

void
gr_analysis_add_residential (GrAnalysis      *analysis,
                             const GrPolygon *polygon)
{
  g_return_if_fail (analysis->grid != NULL);
  gr_grid_add_residential (analysis->grid, polygon);
}

void
gr_analysis_set_zone (GrAnalysis      *analysis,
                      const GrPolygon *polygon,
                      guint            zone)
{
  g_return_if_fail (analysis->grid != NULL);
  g_return_if_fail (zone >= 1 && zone <= analysis->n_zones);
  gr_grid_set_zone (analysis->grid, polygon, (guint16) zone);
}

double
gr_analysis_spread_population (GrAnalysis      *analysis,
                               const GrPolygon *polygon,
                               double           people)
{
  double placed;

  g_return_val_if_fail (analysis->grid != NULL, 0);
  placed = gr_grid_spread_population (analysis->grid, polygon, people);
  if (people > 0 && isfinite (people))
    analysis->unplaced += people - placed;
  return placed;
}

gboolean
gr_analysis_place_population (GrAnalysis *analysis,
                              double      x,
                              double      y,
                              double      people)
{
  g_return_val_if_fail (analysis->grid != NULL, FALSE);
  if (gr_grid_place_population (analysis->grid, x, y, people, POPULATION_SNAP_M))
    return TRUE;
  if (people > 0 && isfinite (people))
    analysis->unplaced += people;
  return FALSE;
}

void
gr_analysis_finish_demand (GrAnalysis *analysis)
{
  g_return_if_fail (analysis->grid != NULL);
  analysis->coverage = gr_coverage_new (g_steal_pointer (&analysis->grid), analysis->n_zones);
}

static void
enter_supply (GrAnalysis *analysis, Supply *supply, const GrPolygon *polygon)
{
  const GrCriteria *c = &analysis->criteria;
  double area = gr_polygon_area (polygon);
  double service = supply->park ? gr_service_rules_radius (analysis->rules, area, supply->historic) : 0;

  /* Parks are green space too, for the 300 m rule. */
  if (area >= c->green_min_area)
    supply->ids[GR_LAYER_GREEN] = gr_coverage_add (analysis->coverage, GR_LAYER_GREEN, polygon, c->green_radius);
  if (supply->park && area >= c->park_min_area)
    supply->ids[GR_LAYER_PARK] = gr_coverage_add (analysis->coverage, GR_LAYER_PARK, polygon, c->park_radius);
  if (service > 0)
    supply->ids[GR_LAYER_SERVICE] = gr_coverage_add (analysis->coverage, GR_LAYER_SERVICE, polygon, service);
}

static void
withdraw_supply (GrAnalysis *analysis, Supply *supply)
{
  for (guint layer = 0; layer < GR_N_LAYERS; layer++)
    {
      if (supply->ids[layer] != 0)
        gr_coverage_remove (analysis->coverage, supply->ids[layer]);
      supply->ids[layer] = 0;
    }
}

/**
 * gr_analysis_add_supply:
 * @park: whether the feature is a park (parks are green space too)
 * @historic: whether it lies in a historic district, for the rule table
 *
 * Returns: the supply id, for gr_analysis_remove_supply()
 */
guint
gr_analysis_add_supply (GrAnalysis      *analysis,
                        const GrPolygon *polygon,
                        gboolean         park,
                        gboolean         historic)
{
  Supply supply = { park, historic, { 0 } };

  g_return_val_if_fail (analysis->coverage != NULL, 0);
  enter_supply (analysis, &supply, polygon);
  g_array_append_val (analysis->supply, supply);
  return analysis->supply->len;
}

static Supply *
lookup_supply (GrAnalysis *analysis, guint id)
{
  if (analysis->coverage == NULL || id == 0 || id > analysis->supply->len)
    return NULL;
  return &g_array_index (analysis->supply, Supply, id - 1);
}

gboolean
gr_analysis_remove_supply (GrAnalysis *analysis,
                           guint       id)
{
  Supply *supply = lookup_supply (analysis, id);

  if (supply == NULL)
    return FALSE;
  withdraw_supply (analysis, supply);
  return TRUE;
}

/* A reshaped feature may change size class, so it is re-entered whole. */
gboolean
gr_analysis_replace_supply (GrAnalysis      *analysis,
                            guint            id,
                            const GrPolygon *polygon)
{
  Supply *supply = lookup_supply (analysis, id);

  if (supply == NULL)
    return FALSE;
  withdraw_supply (analysis, supply);
  enter_supply (analysis, supply, polygon);
  return TRUE;
}

void
gr_analysis_summarize (GrAnalysis *analysis,
                       int         zone,
                       GrSummary  *summary)
{
  GrCoverage *cov = analysis->coverage;
  const guint g = 1u << GR_LAYER_GREEN, p = 1u << GR_LAYER_PARK, s = 1u << GR_LAYER_SERVICE;

  g_return_if_fail (cov != NULL);
  summary->residential = gr_coverage_sum (cov, zone, 0, 0);
  summary->green = gr_coverage_sum (cov, zone, g, g);
  summary->park = gr_coverage_sum (cov, zone, p, p);
  summary->both = gr_coverage_sum (cov, zone, g | p, g | p);
  summary->neither = gr_coverage_sum (cov, zone, g | p, 0);
  summary->service = gr_coverage_sum (cov, zone, s, s);
}

double
gr_analysis_get_unplaced_population (GrAnalysis *analysis)
{
  return analysis->unplaced;
}

GrCoverage *
gr_analysis_get_coverage (GrAnalysis *analysis)
{
  return analysis->coverage;
}

const GrCriteria *
gr_analysis_get_criteria (GrAnalysis *analysis)
{
  return &analysis->criteria;
}
