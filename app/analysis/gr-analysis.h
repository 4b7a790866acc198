/* gr-analysis.h — a city's coverage by green space and parks, kept live
 *
 * Build the demand (residential land, residents, zones), call
 * gr_analysis_finish_demand(), then add supply: each green space or park is
 * entered in the service layers its size qualifies it for. Supply can be
 * added, replaced and removed one feature at a time; the summaries are
 * always current.
 */
#pragma once

#include "gr-coverage.h"
#include "gr-network.h"
#include "gr-rules.h"

G_BEGIN_DECLS

typedef struct _GrAnalysis GrAnalysis;
typedef struct _GrWalk     GrWalk;

typedef struct
{
  GrAmount residential;
  GrAmount green; /* within green_radius of green space */
  GrAmount park;  /* within park_radius of a park */
  GrAmount both;
  GrAmount neither;
  GrAmount service;  /* inside a park service radius of the rule table */
  GrAmount greenway; /* within reach of a greenway (gr_analysis_set_greenways()) */
} GrSummary;

/* Homes within reach of a greenway, asked for like a service layer in
 * gr_analysis_sum_within(). */
#define GR_REACH_GREENWAY GR_N_LAYERS

GrAnalysis *gr_analysis_new (const GrCriteria     *criteria,
                             const GrServiceRules *rules,
                             const double          bounds[4],
                             guint                 n_zones,
                             GError              **error);
void        gr_analysis_free (GrAnalysis *analysis);

void gr_analysis_add_residential (GrAnalysis *analysis, const GrPolygon *polygon);
void gr_analysis_add_residentials (GrAnalysis *analysis, const GrPolygon *const *polygons, guint n);
void gr_analysis_set_zone (GrAnalysis *analysis, const GrPolygon *polygon, guint zone);
double
     gr_analysis_spread_population (GrAnalysis *analysis, const GrPolygon *polygon, double people);
void gr_analysis_spread_populations (GrAnalysis             *analysis,
                                     const GrPolygon *const *polygons,
                                     const double           *people,
                                     guint                   n);
gboolean gr_analysis_place_population (GrAnalysis *analysis, double x, double y, double people);
void     gr_analysis_set_network (GrAnalysis *analysis,
                                  GrNetwork  *network,
                                  double      attach_distance,
                                  double      access_distance);
void     gr_analysis_add_entrance (GrAnalysis *analysis, double x, double y);
void     gr_analysis_finish_demand (GrAnalysis *analysis);

guint    gr_analysis_add_supply (GrAnalysis      *analysis,
                                 const GrPolygon *polygon,
                                 gboolean         park,
                                 gboolean         historic);
void     gr_analysis_add_supplies (GrAnalysis             *analysis,
                                   const GrPolygon *const *polygons,
                                   const gboolean         *parks,
                                   const gboolean         *historic,
                                   guint                   n,
                                   guint                  *ids);
gboolean gr_analysis_remove_supply (GrAnalysis *analysis, guint id);
gboolean gr_analysis_replace_supply (GrAnalysis *analysis, guint id, const GrPolygon *polygon);

void     gr_analysis_supply_radii (GrAnalysis      *analysis,
                                   const GrPolygon *polygon,
                                   gboolean         park,
                                   gboolean         historic,
                                   double           radii[GR_N_LAYERS]);
gboolean gr_analysis_supply_is_reachable (GrAnalysis *analysis, guint id);
gboolean gr_analysis_is_walking (GrAnalysis *analysis);
void     gr_analysis_get_network_stats (GrAnalysis *analysis, GrNetworkStats *stats);
GrAmount gr_analysis_get_unattached (GrAnalysis *analysis);
GrWalk  *gr_analysis_get_walk (GrAnalysis *analysis);
double
gr_analysis_walk_distance (GrAnalysis *analysis, double x, double y, guint layer, double limit);
void gr_analysis_prepare_walk_distance (GrAnalysis *analysis);
GrAmount
gr_analysis_served (GrAnalysis *analysis, const GrPolygon *polygon, double radius, GArray *cells);

void     gr_analysis_set_greenways (GrAnalysis             *analysis,
                                    const GrPolygon *const *lines,
                                    guint                   n,
                                    double                  radius);
gboolean gr_analysis_has_greenways (GrAnalysis *analysis);
void     gr_analysis_sum_within (GrAnalysis      *analysis,
                                 const GrPolygon *polygon,
                                 guint            layer,
                                 GrAmount        *all,
                                 GrAmount        *covered);
typedef struct
{
  guint  col, row;
  double x, y; /* its centre */
  double area_m2, people;
  guint  zone;  /* 1-based, 0 outside every zone */
  guint  state; /* bit L: service layer L covers it; bit GR_REACH_GREENWAY: a greenway */
} GrCell;

void gr_analysis_foreach_cell (GrAnalysis *analysis,
                               void (*func) (const GrCell *cell, gpointer data),
                               gpointer data);
void gr_analysis_foreach_cell_where (GrAnalysis *analysis,
                                     guint       mask,
                                     guint       value,
                                     void (*func) (const GrCell *cell, gpointer data),
                                     gpointer data);

void              gr_analysis_summarize (GrAnalysis *analysis, int zone, GrSummary *summary);
double            gr_analysis_get_unplaced_population (GrAnalysis *analysis);
GrCoverage       *gr_analysis_get_coverage (GrAnalysis *analysis);
const GrCriteria *gr_analysis_get_criteria (GrAnalysis *analysis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrAnalysis, gr_analysis_free)

G_END_DECLS
