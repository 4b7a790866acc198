/* gr-test-analysis.h — the criteria, the strip of homes and the street the
 * analysis tests work out on paper */
#pragma once

#include "gr-analysis.h"

#define RES 5.0

static inline GrCriteria
criteria (void)
{
  GrCriteria c;

  gr_criteria_init_default (&c);
  c.resolution = RES;
  return c;
}

/* A strip of homes 0–1000 m east, 0–50 m north; grid aligned to the strip. */
static inline GrAnalysis *
strip_city (guint n_zones)
{
  const double bounds[4] = { 0, 0, 1000, 50 };
  GrCriteria   c = criteria ();
  g_autoptr (GrServiceRules) rules = gr_service_rules_new_default ();
  g_autoptr (GrPolygon) strip = gr_polygon_new_rect (0, 0, 1000, 50);
  GrAnalysis *a = gr_analysis_new (&c, rules, bounds, n_zones, NULL);

  gr_analysis_add_residential (a, strip);
  return a;
}

static inline void
assert_same (const GrSummary *a, const GrSummary *b)
{
  g_assert_cmpmem (a, sizeof *a, b, sizeof *b);
}

/* A street along y = 0 from x = 0 to 1000, homes in a strip 0–1000 × 10–20
 * beside it (each cell 10–20 m off the street), and a park south of the
 * street's west end. */
static inline GrAnalysis *
walking_strip (GrNetwork *network, double attach)
{
  const double bounds[4] = { 0, 10, 1000, 20 };
  GrCriteria   c = criteria ();
  g_autoptr (GrServiceRules) rules = gr_service_rules_new_default ();
  g_autoptr (GrPolygon) strip = gr_polygon_new_rect (0, 10, 1000, 20);
  GrAnalysis *a = gr_analysis_new (&c, rules, bounds, 0, NULL);

  gr_analysis_add_residential (a, strip);
  gr_network_finish (network, 0);
  gr_analysis_set_network (a, network, attach, 20);
  return a;
}

static inline GrNetwork *
street (void)
{
  const double xy[] = { 0, 0, 400, 0, 1000, 0 };
  GrNetwork   *network = gr_network_new ();

  gr_network_add_line (network, xy, 3);
  return network;
}
