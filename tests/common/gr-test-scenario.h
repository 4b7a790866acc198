/* gr-test-scenario.h — scenarios in tests: one found by name, a square
 * candidate park to add to one */
#pragma once

#include "gr-scenario-store.h"

static inline GrScenario *
gr_test_find_scenario (GrScenarioStore *store, const char *name)
{
  g_autoptr (GError) error = NULL;
  GrScenario *scenario = gr_scenario_store_find (store, name, &error);

  g_assert_no_error (error);
  return scenario;
}

/* A @side m square park named @name, @dx m east of the baseline's centre,
 * as the next candidate of @scenario. */
static inline GrEdit *
gr_test_park_edit (GrScenario *scenario,
                   GrProject  *baseline,
                   double      dx,
                   double      side,
                   const char *name)
{
  double           x = (baseline->extent[0] + baseline->extent[2]) / 2 + dx;
  double           y = (baseline->extent[1] + baseline->extent[3]) / 2;
  g_autofree char *wkt = g_strdup_printf ("POLYGON ((%f %f, %f %f, %f %f, %f %f))", x, y, x + side,
                                          y, x + side, y + side, x, y);
  char            *cursor = wkt;
  OGRGeometryH     geometry = NULL;
  GrEdit          *edit;

  g_assert_cmpint (OGR_G_CreateFromWkt (&cursor, NULL, &geometry), ==, OGRERR_NONE);
  edit = gr_edit_new (GR_EDIT_ADD, GR_ROLE_PARK, gr_scenario_next_candidate (scenario, baseline),
                      geometry);
  edit->name = g_strdup (name);
  return edit;
}
