/* gr-site-suggestion.h — where a project's next parks should go: its
 * candidates (plots of a sites layer, or parks sampled on usable land),
 * ranked against its analysis, measured, and made a scenario
 */
#pragma once

#include "gr-scenario.h"
#include "gr-suggest-exact.h"

G_BEGIN_DECLS

#define GR_SITE_DEFAULT_AREA   3000.0  /* m²: a pocket park the rule table gives 300 m */
#define GR_SITE_MIN_AREA       400.0   /* the pocket-park floor */
#define GR_SITE_MAX_AREA       10000.0 /* … and ceiling (口袋公园 400–10,000 m²) */
#define GR_SITE_MAX_CANDIDATES 50000

typedef struct
{
  GrSuggestCover  cover;
  GrSuggestWeight weight;
  guint           count;   /* the number of sites; 0 with a target */
  double          target;  /* the share of all demand to serve, 0–1; NAN with a count */
  double          area_m2; /* a park of this area in each plot; 0: each plot's own outline */
  gboolean        circle;
  double          spacing; /* metres between new parks' centres; 0: none */
  gboolean        exact;
  double          seconds; /* --exact's time limit */
  const GrLayer  *sites;   /* plots the city can use; NULL: usable land sampled */
} GrSiteOptions;

typedef struct
{
  guint         rank; /* from 1 */
  guint         candidate;
  OGRGeometryH  geometry; /* the new park, project CRS */
  double        x, y;     /* its centre */
  double        area_m2;
  double        value; /* its gain in the objective's terms */
  GrSuggestGain gain;
} GrSite;

typedef struct
{
  GArray       *sites; /* GrSite, best first */
  guint         n_candidates;
  guint         n_plots_skipped; /* plots too small for a park of the area */
  gboolean      reached;         /* with a target */
  double        served_before;   /* the objective's demand served, and all of it */
  double        total;
  GrSummary     before, after;
  gboolean      exact;
  GrExactResult optimum;
  double        greedy_value; /* with --exact: what greedy reached, for the ratio */
} GrSiteSuggestion;

void       gr_site_options_init (GrSiteOptions *options);
gboolean   gr_site_suggestion_run (GrProject           *project,
                                   GrAnalysis          *analysis,
                                   const GrSiteOptions *options,
                                   GrSiteSuggestion    *suggestion,
                                   GError             **error);
void       gr_site_suggestion_clear (GrSiteSuggestion *suggestion);
void       gr_site_suggestion_add_to (const GrSiteSuggestion *suggestion,
                                      GrScenario             *scenario,
                                      GrProject              *baseline);
GArray    *gr_site_shares (GrProject   *project,
                           GrAnalysis  *analysis,
                           GArray      *refs,
                           const guint *parks,
                           guint        n);
GPtrArray *gr_site_candidates_auto (GrProject *project, double area_m2, gboolean circle);
guint      gr_site_count_usable_land (const GrProject *project);
GPtrArray *gr_site_candidates_from_plots (const GrLayer *plots,
                                          double         area_m2,
                                          gboolean       circle,
                                          guint         *skipped);

G_END_DECLS
