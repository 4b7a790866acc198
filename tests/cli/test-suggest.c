/* test-suggest.c — greenreach-cli suggest on the sample city: the gains it
 * reports are what the scenario it writes gives when analysed afresh */
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gr-test-run.h"
#include "gr-test-json.h"
#include "gr-test-util.h"

#define run_cli(...) run_cli_env (NULL, __VA_ARGS__)

#include <math.h>
#include <string.h>

static char *
sample_project (const char *dir)
{
  char *gpkg = g_build_filename (dir, "andorra.gpkg", NULL);
  g_auto (Run) import = run_cli ("import", g_getenv ("GREENREACH_SAMPLE"), "-o", gpkg, NULL);

  g_assert_cmpint (import.status, ==, 0);
  return gpkg;
}

typedef struct
{
  double residents, area, service_pp, green_pp, park_pp;
} Sum;

static Sum
sum_gains (JsonObject *o)
{
  JsonArray *sites = json_object_get_array_member (o, "sites");
  Sum        sum = { 0 };

  for (guint i = 0; i < json_array_get_length (sites); i++)
    {
      JsonObject *site = json_array_get_object_element (sites, i);
      JsonObject *g = json_object_get_object_member (site, "gain");

      g_assert_cmpint (json_object_get_int_member (site, "rank"), ==, i + 1);
      g_assert_cmpfloat (json_object_get_double_member (site, "lon"), >, 1.4);
      g_assert_cmpfloat (json_object_get_double_member (site, "lon"), <, 1.8);
      sum.residents += json_object_get_double_member (g, "residents");
      sum.area += json_object_get_double_member (g, "residential_area_m2");
      sum.service_pp += json_object_get_double_member (g, "service_rate_pp");
      sum.green_pp += json_object_get_double_member (g, "green300_pp");
      sum.park_pp += json_object_get_double_member (g, "park500_pp");
    }
  return sum;
}

/* The honest check: the suggested sites, written as a scenario and
 * analysed from scratch, change every figure by exactly the gains the
 * suggestion reported. */
static void
check_applied (const char *mode)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *gpkg = sample_project (dir);
  g_auto (Run) run = run_cli ("suggest", gpkg, "--count", "3", "--area", "1000", "--mode", mode,
                              "--json", "--apply", "建议", NULL);
  g_auto (Run) base = run_cli ("analyze", gpkg, "--mode", mode, "--json", NULL);
  g_auto (Run) after =
      run_cli ("analyze", gpkg, "--scenario", "建议", "--mode", mode, "--json", NULL);
  g_autoptr (JsonParser) p1 = json_parser_new ();
  g_autoptr (JsonParser) p2 = json_parser_new ();
  g_autoptr (JsonParser) p3 = json_parser_new ();
  JsonObject *s, *b, *a;
  Sum         sum;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (base.status, ==, 0);
  g_assert_cmpint (after.status, ==, 0);
  s = parse_object (run.out, p1);
  b = parse_object (base.out, p2);
  a = parse_object (after.out, p3);
  g_assert_cmpstr (json_object_get_string_member (s, "method"), ==, "greedy");
  g_assert_cmpstr (json_object_get_string_member (s, "objective"), ==, "residents");
  g_assert_cmpstr (json_object_get_string_member (s, "mode"), ==, mode);
  g_assert_cmpint (json_object_get_int_member (s, "candidates"), >, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (s, "sites")), ==, 3);
  sum = sum_gains (s);
  g_test_message ("%s: +%.1f residents out of blind spots, +%.3f pp green", mode, sum.residents,
                  sum.green_pp);
  g_assert_cmpfloat (sum.residents, >, 100);
  /* before is the analysis as analyze gives it */
  g_assert_cmpfloat_with_epsilon (
      member (json_object_get_object_member (s, "before"), "neither", "population"),
      member (b, "neither", "population"), 1e-6);
  g_assert_cmpfloat_with_epsilon (member (b, "neither", "population")
                                      - member (a, "neither", "population"),
                                  sum.residents, 1e-6);
  g_assert_cmpfloat_with_epsilon (
      member (b, "neither", "area_m2") - member (a, "neither", "area_m2"), sum.area, 1e-6);
  g_assert_cmpfloat_with_epsilon (
      100 * (member (a, "green", "area_share") - member (b, "green", "area_share")), sum.green_pp,
      1e-9);
  g_assert_cmpfloat_with_epsilon (
      100 * (member (a, "park", "area_share") - member (b, "park", "area_share")), sum.park_pp,
      1e-9);
  g_assert_cmpfloat_with_epsilon (100
                                      * (member (a, "service_radius_rate", "area_share")
                                         - member (b, "service_radius_rate", "area_share")),
                                  sum.service_pp, 1e-9);
  /* after is the scenario as analyze gives it */
  g_assert_cmpfloat_with_epsilon (
      member (json_object_get_object_member (s, "after"), "neither", "population"),
      member (a, "neither", "population"), 1e-6);
  gr_test_remove_tree (dir);
}

static void
test_applied_straight (void)
{
  check_applied ("straight-line");
}

static void
test_applied_walking (void)
{
  check_applied ("walking");
}

/* A scenario made from a suggestion: the printed report lists its site
 * under "Suggested sites" with what it serves on its own, which for a
 * single site is the gain the suggestion reported. */
static void
test_report_section (void)
{
  const char *const en[] = { "LANGUAGE", "en", "LC_ALL", "C.UTF-8", NULL };
  g_autofree char  *dir = gr_test_scratch_dir ();
  g_autofree char  *gpkg = sample_project (dir);
  g_autofree char  *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char  *plain = g_build_filename (dir, "plain.pdf", NULL);
  g_auto (Run) run = run_cli ("suggest", gpkg, "--count", "1", "--area", "1000", "--json",
                              "--apply", "One site", NULL);
  g_auto (Run) report = run_cli_env (en, "report", gpkg, "--scenario", "One site", "--basemap",
                                     "none", "-o", pdf, NULL);
  g_auto (Run) text = run_tool ("pdftotext", "-layout", pdf, "-", NULL);
  g_auto (Run) other = run_cli ("scenario", "create", gpkg, "Hand", NULL);
  g_auto (Run) hand_report = run_cli_env (en, "report", gpkg, "--scenario", "Hand", "--basemap",
                                          "none", "-o", plain, NULL);
  g_auto (Run) hand_text = run_tool ("pdftotext", "-layout", plain, "-", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *residents = NULL;
  JsonObject      *site;
  const char      *section;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (report.status, ==, 0);
  g_assert_cmpint (text.status, ==, 0);
  site = json_array_get_object_element (
      json_object_get_array_member (parse_object (run.out, parser), "sites"), 0);
  residents = g_strdup_printf (
      "%.0f",
      json_object_get_double_member (json_object_get_object_member (site, "gain"), "residents"));
  section = strstr (text.out, "Suggested sites");
  g_assert_nonnull (section);
  g_test_message ("%.*s", 600, section);
  {
    const char      *row = strstr (section, "Suggested site 1");
    g_autofree char *line = NULL;
    g_autofree char *padded = g_strdup_printf (" %s ", residents);

    g_assert_nonnull (row);
    line = g_strndup (row, strcspn (row, "\n"));
    /* The residents column of the site's own row. */
    g_assert_nonnull (strstr (line, padded));
  }
  /* An option without suggested sites has no such section. */
  g_assert_cmpint (other.status, ==, 0);
  g_assert_cmpint (hand_report.status, ==, 0);
  g_assert_cmpint (hand_text.status, ==, 0);
  g_assert_nonnull (strstr (hand_text.out, "Candidate parks"));
  g_assert_null (strstr (hand_text.out, "Suggested sites"));
  gr_test_remove_tree (dir);
}

/* Greedy against the integer program on the sample: the exact answer is
 * at least as good, and says whether it is proved optimal. */
static void
test_exact (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *gpkg = sample_project (dir);
  g_auto (Run) run = run_cli ("suggest", gpkg, "--count", "4", "--area", "1000", "--objective",
                              "area", "--exact", "--json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *o, *opt;
  Sum         sum;

  g_assert_cmpint (run.status, ==, 0);
  o = parse_object (run.out, parser);
  opt = json_object_get_object_member (o, "optimum");
  g_assert_cmpstr (json_object_get_string_member (o, "method"), ==, "exact");
  g_assert_true (json_object_get_boolean_member (opt, "optimal"));
  sum = sum_gains (o);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (opt, "objective"), sum.area,
                                  1e-3 * sum.area + 1);
  g_assert_cmpfloat (json_object_get_double_member (opt, "objective"), >=,
                     json_object_get_double_member (opt, "greedy") - 1e-6);
  g_assert_cmpfloat (json_object_get_double_member (opt, "gap"), <, 1e-6);
  g_test_message ("greedy / exact = %.4f", json_object_get_double_member (opt, "greedy")
                                               / json_object_get_double_member (opt, "objective"));
  gr_test_remove_tree (dir);
}

/* 1,000 m² parks have no service radius in the rule table (the smallest
 * class is 2,000 m²): a service-rate target cannot be reached, and the
 * answer says so instead of failing or pretending. */
static void
test_target_unreachable (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *gpkg = sample_project (dir);
  g_auto (Run) json =
      run_cli ("suggest", gpkg, "--target", "service_rate=0.85", "--area", "1000", "--json", NULL);
  g_auto (Run) table =
      run_cli_env ((const char *const[]){ "LANGUAGE", "en", "LC_ALL", "C.UTF-8", NULL }, "suggest",
                   gpkg, "--target", "85%", NULL);
  g_auto (Run) exact = run_cli ("suggest", gpkg, "--target", "service_rate=0.85", "--area", "1000",
                                "--exact", "--json", NULL);
  g_autoptr (JsonParser) p1 = json_parser_new ();
  g_autoptr (JsonParser) p2 = json_parser_new ();
  JsonObject *o;

  g_assert_cmpint (json.status, ==, 0);
  g_assert_nonnull (strstr (json.err, "no service radius"));
  o = parse_object (json.out, p1);
  g_assert_false (json_object_get_boolean_member (o, "reached"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "sites")), ==, 0);
  g_assert_cmpint (table.status, ==, 2); /* a share needs its key */
  g_assert_cmpint (exact.status, ==, 0);
  o = parse_object (exact.out, p2);
  g_assert_false (json_object_get_boolean_member (o, "reached"));
  g_assert_false (
      json_object_get_boolean_member (json_object_get_object_member (o, "optimum"), "optimal"));
  {
    g_auto (Run) t =
        run_cli_env ((const char *const[]){ "LANGUAGE", "en", "LC_ALL", "C.UTF-8", NULL },
                     "suggest", gpkg, "--target", "service_rate=85%", "--area", "1000", NULL);

    g_assert_cmpint (t.status, ==, 0);
    g_assert_nonnull (strstr (t.out, "cannot reach the target 85.0%"));
  }
  gr_test_remove_tree (dir);
}

static void
test_usage (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *gpkg = sample_project (dir);
  g_auto (Run) neither = run_cli ("suggest", gpkg, NULL);
  g_auto (Run) both = run_cli ("suggest", gpkg, "--count", "2", "--target", "green300=0.9", NULL);
  g_auto (Run) tiny = run_cli ("suggest", gpkg, "--count", "2", "--area", "50", NULL);
  g_auto (Run) no_layer = run_cli ("suggest", gpkg, "--count", "2", "--sites", "layer", NULL);
  g_auto (Run) big = run_cli ("suggest", gpkg, "--count", "2", NULL);

  g_assert_cmpint (neither.status, ==, 2);
  g_assert_cmpint (both.status, ==, 2);
  g_assert_cmpint (tiny.status, ==, 2);
  g_assert_nonnull (strstr (tiny.err, "--area"));
  /* The sample's sites are its surface parking, all of it smaller than the
   * default 3,000 m² park: said, naming the file. */
  g_assert_cmpint (big.status, ==, 1);
  g_assert_nonnull (strstr (big.err, "andorra.gpkg"));
  g_assert_cmpint (no_layer.status, ==, 0);
  /* Plots read in the wrong CRS, far from the city, are refused naming
   * both, not measured as candidates that add nothing. */
  {
    g_autofree char *far = g_build_filename (dir, "plots.geojson", NULL);
    const char      *json =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
        "{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[1.0,1.0],[1.001,1.0],"
        "[1.001,1.001],[1.0,1.001],[1.0,1.0]]]}}]}";

    g_assert_true (g_file_set_contents (far, json, -1, NULL));
    {
      g_auto (Run) run = run_cli ("suggest", gpkg, "--count", "2", "--sites", far, NULL);

      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "plots.geojson"));
      g_assert_nonnull (strstr (run.err, "andorra.gpkg"));
    }
  }
  gr_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/suggest/applied-straight-line", test_applied_straight);
  g_test_add_func ("/cli/suggest/applied-walking", test_applied_walking);
  g_test_add_func ("/cli/suggest/exact", test_exact);
  g_test_add_func ("/cli/suggest/target-unreachable", test_target_unreachable);
  g_test_add_func ("/cli/suggest/usage", test_usage);
  g_test_add_func ("/cli/suggest/report-section", test_report_section);
  return g_test_run ();
}
