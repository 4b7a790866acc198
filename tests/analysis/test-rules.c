/* test-rules.c — the service rule table: parsing, defaults, round trip */
#include "gr-analysis.h"
#include "gr-test-main.h"

#include <string.h>

static void
test_rules_table (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrServiceRules) rules =
      gr_service_rules_parse ("# comment\n"
                              "min_area_m2,max_area_m2,radius_m,historic_only\n"
                              "10000,,800\n"
                              " 1000 , 10000 , 250 , no \n",
                              &error);
  g_autoptr (GrServiceRules) bad = NULL;
  g_autoptr (GrServiceRules) defaults = gr_service_rules_new_default ();
  g_autofree char *text = NULL;
  g_autoptr (GrServiceRules) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpfloat (gr_service_rules_radius (rules, 20000, FALSE), ==, 800);
  g_assert_cmpfloat (gr_service_rules_radius (rules, 9999, FALSE), ==, 250);
  g_assert_cmpfloat (gr_service_rules_radius (rules, 999, FALSE), ==, 0);
  /* GB/T 50563 defaults. */
  g_assert_cmpfloat (gr_service_rules_radius (defaults, 5000, FALSE), ==, 500);
  g_assert_cmpfloat (gr_service_rules_radius (defaults, 4999, FALSE), ==, 300);
  g_assert_cmpfloat (gr_service_rules_radius (defaults, 1999, FALSE), ==, 0);
  g_assert_cmpfloat (gr_service_rules_radius (defaults, 1000, TRUE), ==, 300);
  text = gr_service_rules_to_text (defaults);
  again = gr_service_rules_parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gr_service_rules_get_n_rules (again), ==, 3);
  bad = gr_service_rules_parse ("5000,,fast\n", &error);
  g_assert_null (bad);
  g_assert_error (error, GR_ANALYSIS_ERROR, GR_ANALYSIS_ERROR_RULES);
  g_assert_nonnull (strstr (error->message, "line 1"));
}

GR_TEST_MAIN (NULL, { "/analysis/rules/table", test_rules_table })
