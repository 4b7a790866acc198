/* test-share.c — a project shared in a PostGIS schema, against a real
 * server (started by pg-server.sh): copied from a file and back with the
 * same figures, tables QGIS opens as they are, two analysts editing one
 * scenario at once with nothing lost, a change made over another's
 * refused and said, who is editing what, and clear refusals.
 */
#include "gr-project.h"
#include "gr-scenario-store.h"
#include "gr-style-store.h"
#include "gr-targets-store.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libpq-fe.h>
#include <string.h>

#include "gr-test-pg.h"
#include "gr-test-run.h"
#include "gr-test-scenario.h"
#include "gr-test-util.h"

static char *scratch;
static char *sample_gpkg; /* the sample city with a scenario and a target */

#define SCENARIO "方案 A"

static Run
cli (const char *first, ...)
{
  va_list ap;
  Run     run;

  va_start (ap, first);
  run = gr_test_run_va (NULL, g_getenv ("GREENREACH_CLI"), first, ap);
  va_end (ap);
  return run;
}

static char *
indicators (const char *project, const char *scenario)
{
  g_auto (Run) r = scenario != NULL
                       ? cli ("indicators", project, "--json", "--scenario", scenario, NULL)
                       : cli ("indicators", project, "--json", NULL);

  if (r.status != 0)
    g_error ("indicators %s: %s", project, r.err);
  return g_steal_pointer (&r.out);
}

static void
copy (const char *from, const char *to)
{
  g_auto (Run) r = cli ("copy", from, to, NULL);

  if (r.status != 0)
    g_error ("copy %s %s: %s", from, to, r.err);
}

/* ---- a project copied into the database and back ---- */

static void
test_copy_round_trip (void)
{
  g_autofree char *shared = gr_test_pg_location ("round_trip");
  g_autofree char *back = g_build_filename (scratch, "back.gpkg", NULL);
  g_autoptr (PGconn) conn = gr_test_pg_connect ();
  g_autofree char *from_file = indicators (sample_gpkg, NULL);
  g_autofree char *from_file_scenario = indicators (sample_gpkg, SCENARIO);
  g_autofree char *from_db = NULL;
  g_autofree char *from_db_scenario = NULL;
  g_autofree char *back_scenario = NULL;
  g_autofree char *layers = NULL;
  g_autofree char *srids = NULL;
  GrTarget         targets[GR_N_INDICATORS];
  GrIndicatorId    id;

  copy (sample_gpkg, shared);
  /* The same project, so the same figures, to the last digit. */
  from_db = indicators (shared, NULL);
  from_db_scenario = indicators (shared, SCENARIO);
  g_assert_cmpstr (from_db, ==, from_file);
  g_assert_cmpstr (from_db_scenario, ==, from_file_scenario);
  g_assert_true (gr_project_targets_load (shared, targets, NULL));
  g_assert_true (gr_indicator_from_key ("park_per_capita", &id));
  g_assert_cmpfloat (targets[id].value, ==, 14.5);

  /* Every layer a typed geometry column with the project's SRID, listed
   * where QGIS looks. */
  layers = gr_test_pg_value (conn, "SELECT count(*) FROM geometry_columns WHERE f_table_schema = "
                                   "'round_trip'");
  srids =
      gr_test_pg_value (conn, "SELECT string_agg (DISTINCT srid::text, ',') FROM geometry_columns "
                              "WHERE f_table_schema = 'round_trip'");
  g_assert_cmpint (atoi (layers), >=, 9);
  g_assert_cmpstr (srids, ==, "32631");

  /* And back into a file: the same again. */
  copy (shared, back);
  back_scenario = indicators (back, SCENARIO);
  g_assert_cmpstr (back_scenario, ==, from_file_scenario);
}

static void
test_copy_refused (void)
{
  g_autofree char *shared = gr_test_pg_location ("refused");
  g_autofree char *public = gr_test_pg_location ("public");
  g_autofree char *uri =
      g_strdup_printf ("postgresql://%s@%s:%s/%s", gr_test_pg_env ("GREENREACH_PG_USER"),
                       gr_test_pg_env ("GREENREACH_PG_HOST"), gr_test_pg_env ("GREENREACH_PG_PORT"),
                       gr_test_pg_env ("GREENREACH_PG_DBNAME"));
  g_autofree char *nothing = gr_test_pg_location ("no_project_here");
  g_auto (Run) again = { 0 };
  g_auto (Run) replaced = { 0 };
  g_auto (Run) over_others = { 0 };
  g_auto (Run) address = { 0 };
  g_auto (Run) empty = { 0 };

  copy (sample_gpkg, shared);
  /* A project there already is not written over unless asked. */
  again = cli ("copy", sample_gpkg, shared, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "a project is there already"));
  replaced = cli ("copy", sample_gpkg, shared, "--replace", NULL);
  g_assert_cmpint (replaced.status, ==, 0);
  /* Another program's tables are never dropped. */
  over_others = cli ("copy", sample_gpkg, public, "--replace", NULL);
  g_assert_cmpint (over_others.status, ==, 1);
  g_assert_nonnull (strstr (over_others.err, "not “public”"));
  /* Tables named like a project's layers are not a project: never dropped. */
  {
    g_autoptr (PGconn) conn = gr_test_pg_connect ();
    g_autofree char *city = gr_test_pg_location ("city_gis");
    g_autofree char *left = NULL;
    g_auto (Run) over_gis = { 0 };
    PGresult *r =
        PQexec (conn, "CREATE SCHEMA city_gis; CREATE TABLE city_gis.water (id int); CREATE "
                      "TABLE city_gis.buildings (id int); INSERT INTO city_gis.water VALUES (7)");

    g_assert_cmpint (PQresultStatus (r), ==, PGRES_COMMAND_OK);
    PQclear (r);
    over_gis = cli ("copy", sample_gpkg, city, "--replace", NULL);
    g_assert_cmpint (over_gis.status, ==, 1);
    g_assert_nonnull (strstr (over_gis.err, "holds other tables"));
    left = gr_test_pg_value (conn, "SELECT id FROM city_gis.water");
    g_assert_cmpstr (left, ==, "7");
  }
  /* Nor is a project whose layer another schema's view is built on. */
  {
    g_autoptr (PGconn) conn = gr_test_pg_connect ();
    g_autofree char *still = NULL;
    g_auto (Run) under_view = { 0 };
    PGresult *r = PQexec (conn, "CREATE SCHEMA reports; CREATE VIEW reports.parks AS SELECT "
                                "* FROM refused.park");

    g_assert_cmpint (PQresultStatus (r), ==, PGRES_COMMAND_OK);
    PQclear (r);
    under_view = cli ("copy", sample_gpkg, shared, "--replace", NULL);
    g_assert_cmpint (under_view.status, ==, 1);
    g_assert_nonnull (strstr (under_view.err, "depend"));
    still = gr_test_pg_value (conn, "SELECT count(*) > 0 FROM reports.parks");
    g_assert_cmpstr (still, ==, "t");
  }
  /* A file that is not a project is not written over, even when asked. */
  {
    g_autofree char *data = g_build_filename (scratch, "parks.gpkg", NULL);
    g_autofree char *kept = NULL;
    g_auto (Run) plain = { 0 };
    g_auto (Run) asked = { 0 };

    g_assert_true (g_file_set_contents (data, "not a project", -1, NULL));
    plain = cli ("copy", shared, data, NULL);
    asked = cli ("copy", shared, data, "--replace", NULL);
    g_assert_cmpint (plain.status, ==, 1);
    g_assert_cmpint (asked.status, ==, 1);
    g_assert_nonnull (strstr (asked.err, "not a Greenreach project"));
    g_assert_true (g_file_get_contents (data, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "not a project");
  }
  /* An address has no place for a schema. */
  address = cli ("analyze", uri, NULL);
  g_assert_cmpint (address.status, !=, 0);
  /* A schema without a project is named. */
  empty = cli ("analyze", nothing, NULL);
  g_assert_cmpint (empty.status, ==, 1);
  g_assert_nonnull (strstr (empty.err, "holds no Greenreach project"));
}

/* Layer styles go with a copy; publish takes the schema from schema=. */
static void
test_styles_and_publish (void)
{
  g_autofree char *file = g_build_filename (scratch, "styled.gpkg", NULL);
  g_autofree char *shared = gr_test_pg_location ("styled");
  g_autofree char *command = g_strdup_printf ("cp %s %s", sample_gpkg, file);
  g_autofree char *base = NULL;
  g_autofree char *runs = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PGconn) conn = gr_test_pg_connect ();
  GrMapStyle style, back;
  g_auto (Run) published = { 0 };

  g_assert_cmpint (system (command), ==, 0);
  gr_map_style_init (&style);
  style.opacity[GR_ROLE_PARK] = 0.25;
  style.hidden[GR_ROLE_WATER] = TRUE;
  g_assert_true (gr_project_style_save (file, &style, &error));
  g_assert_no_error (error);
  copy (file, shared);
  g_assert_true (gr_project_style_load (shared, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (back.opacity[GR_ROLE_PARK], 0.25, 1e-9);
  g_assert_true (back.hidden[GR_ROLE_WATER]);
  g_assert_false (back.hidden[GR_ROLE_PARK]);

  base = g_strdup_printf (
      "PG:host=%s port=%s dbname=%s user=%s", gr_test_pg_env ("GREENREACH_PG_HOST"),
      gr_test_pg_env ("GREENREACH_PG_PORT"), gr_test_pg_env ("GREENREACH_PG_DBNAME"),
      gr_test_pg_env ("GREENREACH_PG_USER"));
  published = cli ("publish", sample_gpkg, base, "schema=results_x", NULL);
  g_assert_cmpint (published.status, ==, 0);
  runs = gr_test_pg_value (conn, "SELECT count(*) FROM results_x.run");
  g_assert_cmpstr (runs, ==, "1");
}

/* ---- several analysts ---- */

/* Two analysts have the scenario open; the first's change is stored, the
 * second's, made over what it read before, is refused and said, and
 * nothing of either is lost. The same on a project file two programs
 * have open. */
static void
check_conflict (const char *project)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) baseline = gr_project_load (project, &error);
  g_autoptr (GrScenarioStore) one = NULL;
  g_autoptr (GrScenarioStore) two = NULL;
  g_autoptr (GrScenario) first = NULL;
  g_autoptr (GrScenario) second = NULL;
  g_autoptr (GrScenario) again = NULL;
  guint had;

  g_assert_no_error (error);
  one = gr_scenario_store_open (project, baseline, GR_SCENARIO_STORE_WRITE, &error);
  g_assert_no_error (error);
  two = gr_scenario_store_open (project, baseline, GR_SCENARIO_STORE_WRITE, &error);
  g_assert_no_error (error);
  first = gr_test_find_scenario (one, SCENARIO);
  second = gr_test_find_scenario (two, SCENARIO);
  had = second->edits->len;
  g_assert_true (gr_scenario_store_push (
      one, first, gr_test_park_edit (first, baseline, 0, 50, "one's"), &error));
  g_assert_no_error (error);

  g_assert_false (gr_scenario_store_push (
      two, second, gr_test_park_edit (second, baseline, 200, 50, "two's"), &error));
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, SCENARIO));
  g_assert_nonnull (strstr (error->message, "@")); /* who changed it */
  g_assert_cmpuint (second->edits->len, ==, had);  /* unchanged here */
  g_clear_error (&error);
  /* Undo and rename over a stale read are refused too. */
  g_assert_false (gr_scenario_store_set_position (two, second, 0, &error));
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (gr_scenario_store_rename (two, second, "B", &error));
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Read again: the first's edit is there, and the second's goes on top. */
  again = gr_test_find_scenario (two, SCENARIO);
  g_assert_cmpuint (again->edits->len, ==, had + 1);
  g_assert_true (gr_scenario_store_push (
      two, again, gr_test_park_edit (again, baseline, 200, 50, "two's"), &error));
  g_assert_no_error (error);
  g_clear_pointer (&again, gr_scenario_free);
  again = gr_test_find_scenario (one, SCENARIO);
  g_assert_cmpuint (again->edits->len, ==, had + 2);
  g_assert_cmpstr (((GrEdit *) g_ptr_array_index (again->edits, had))->name, ==, "one's");
  g_assert_cmpstr (((GrEdit *) g_ptr_array_index (again->edits, had + 1))->name, ==, "two's");
  g_assert_cmpuint (again->left_out->len, ==, 0);
  /* Both undone, as they were. */
  g_assert_true (gr_scenario_store_set_position (one, again, had, &error));
  g_assert_no_error (error);
}

static void
test_conflict (void)
{
  g_autofree char *shared = gr_test_pg_location ("conflict");
  g_autofree char *file = g_build_filename (scratch, "conflict.gpkg", NULL);
  g_autofree char *command = g_strdup_printf ("cp %s %s", sample_gpkg, file);

  copy (sample_gpkg, shared);
  check_conflict (shared);
  g_assert_cmpint (system (command), ==, 0);
  check_conflict (file);
}

/* A project saved over itself (an import into it, say) while another
 * analyst edits a scenario: refused, and their edit kept. A save that
 * goes through keeps every scenario's number, one version on, so that
 * who holds one open reads it again before changing it. */
static void
test_save_over_itself (void)
{
  g_autofree char *shared = gr_test_pg_location ("save_over");
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = NULL;
  g_autoptr (GrScenarioStore) mine = NULL;
  g_autoptr (GrScenarioStore) theirs = NULL;
  g_autoptr (GPtrArray) read = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GrScenario) scenario = NULL;
  g_autoptr (GrScenario) after = NULL;
  gint64 id, version;

  copy (sample_gpkg, shared);
  project = gr_project_load (shared, &error);
  g_assert_no_error (error);
  mine = gr_scenario_store_open (shared, project, GR_SCENARIO_STORE_READ, &error);
  theirs = gr_scenario_store_open (shared, project, GR_SCENARIO_STORE_WRITE, &error);
  g_assert_no_error (error);
  read = gr_scenario_store_load (mine, &error);
  g_assert_no_error (error);
  scenario = gr_test_find_scenario (theirs, SCENARIO);
  g_assert_true (gr_scenario_store_push (
      theirs, scenario, gr_test_park_edit (scenario, project, 0, 50, "theirs"), &error));
  g_assert_no_error (error);

  g_assert_false (gr_project_save_with_scenarios (project, shared, read, &error));
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&scenario, gr_scenario_free);
  scenario = gr_test_find_scenario (theirs, SCENARIO);
  g_assert_cmpstr (((GrEdit *) g_ptr_array_index (scenario->edits, scenario->edits->len - 1))->name,
                   ==, "theirs");

  /* Read again, saved: the same numbers, the versions one on. */
  g_clear_pointer (&mine, gr_scenario_store_close);
  g_clear_pointer (&theirs, gr_scenario_store_close);
  mine = gr_scenario_store_open (shared, project, GR_SCENARIO_STORE_READ, &error);
  again = gr_scenario_store_load (mine, &error);
  g_assert_no_error (error);
  g_clear_pointer (&mine, gr_scenario_store_close);
  id = ((GrScenario *) g_ptr_array_index (again, 0))->id;
  version = ((GrScenario *) g_ptr_array_index (again, 0))->version;
  g_assert_true (gr_project_save_with_scenarios (project, shared, again, &error));
  g_assert_no_error (error);
  mine = gr_scenario_store_open (shared, project, GR_SCENARIO_STORE_READ, &error);
  after = gr_test_find_scenario (mine, SCENARIO);
  g_assert_cmpint (after->id, ==, id);
  g_assert_cmpint (after->version, ==, version + 1);
  g_assert_cmpuint (after->edits->len, ==, scenario->edits->len);
}

/* Who edits which scenario is seen by the others, and goes when they do. */
static void
test_presence (void)
{
  g_autofree char *shared = gr_test_pg_location ("presence");
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) baseline = NULL;
  g_autoptr (GrScenarioStore) one = NULL;
  g_autoptr (GrScenarioStore) two = NULL;
  g_autoptr (GrScenario) scenario = NULL;
  g_autoptr (GHashTable) editors = NULL;
  g_autofree char *me = g_strdup_printf ("%s@%s", g_get_user_name (), g_get_host_name ());
  const char      *who;

  copy (sample_gpkg, shared);
  baseline = gr_project_load (shared, &error);
  g_assert_no_error (error);
  one = gr_scenario_store_open (shared, baseline, GR_SCENARIO_STORE_WRITE, &error);
  two = gr_scenario_store_open (shared, baseline, GR_SCENARIO_STORE_READ, &error);
  g_assert_no_error (error);
  g_assert_true (gr_scenario_store_is_shared (one));
  scenario = gr_test_find_scenario (one, SCENARIO);
  editors = gr_scenario_store_get_editors (two, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (editors), ==, 0);
  g_clear_pointer (&editors, g_hash_table_unref);

  g_assert_true (gr_scenario_store_set_editing (one, scenario, &error));
  editors = gr_scenario_store_get_editors (two, &error);
  g_assert_no_error (error);
  who = g_hash_table_lookup (editors, &scenario->id);
  g_assert_nonnull (who);
  g_assert_cmpstr (who, ==, me);
  g_clear_pointer (&editors, g_hash_table_unref);
  /* One does not see itself. */
  editors = gr_scenario_store_get_editors (one, &error);
  g_assert_cmpuint (g_hash_table_size (editors), ==, 0);
  g_clear_pointer (&editors, g_hash_table_unref);

  /* Gone with its session, however it ends. */
  g_clear_pointer (&one, gr_scenario_store_close);
  /* The server ends the session a moment after the program leaves it. */
  for (guint tries = 0; tries < 100; tries++)
    {
      g_clear_pointer (&editors, g_hash_table_unref);
      editors = gr_scenario_store_get_editors (two, &error);
      g_assert_no_error (error);
      if (g_hash_table_size (editors) == 0)
        break;
      g_usleep (50000);
    }
  g_assert_cmpuint (g_hash_table_size (editors), ==, 0);
}

static JsonObject *
parse (JsonParser *parser, const char *text)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* Two analysts, two processes, one scenario, 50 edits each at the same
 * time: all 100 are there once each, in a history without gaps, and the
 * scenario reads back whole. */
static void
test_two_editors (void)
{
  g_autofree char *shared = gr_test_pg_location ("two_editors");
  const char      *tags[] = { "a", "b" };
  GSubprocess     *editors[2];
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) baseline = NULL;
  g_autoptr (GrScenarioStore) store = NULL;
  g_autoptr (GrScenario) scenario = NULL;
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (PGconn) conn = gr_test_pg_connect ();
  g_autofree char *rows = NULL;
  g_autofree char *gaps = NULL;
  g_autofree char *version = NULL;
  guint            had, conflicts = 0;
  gint64           was;

  copy (sample_gpkg, shared);
  baseline = gr_project_load (shared, &error);
  g_assert_no_error (error);
  store = gr_scenario_store_open (shared, baseline, GR_SCENARIO_STORE_READ, &error);
  g_assert_no_error (error);
  {
    g_autoptr (GrScenario) before = gr_test_find_scenario (store, SCENARIO);

    had = before->edits->len;
    was = before->version;
  }

  for (guint i = 0; i < 2; i++)
    {
      editors[i] = g_subprocess_new (
          G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
          g_getenv ("GREENREACH_SHARE_EDITOR"), shared, SCENARIO, tags[i], "50", NULL);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr (JsonParser) parser = json_parser_new ();

      g_assert_true (g_subprocess_communicate_utf8 (editors[i], NULL, NULL, &out, &err, &error));
      g_assert_no_error (error);
      if (g_subprocess_get_exit_status (editors[i]) != 0)
        g_error ("editor %s: %s", tags[i], err);
      conflicts += json_object_get_int_member (parse (parser, out), "conflicts");
      g_object_unref (editors[i]);
    }
  g_test_message ("two editors, 50 edits each: %u refused and made again", conflicts);

  scenario = gr_test_find_scenario (store, SCENARIO);
  g_assert_cmpuint (scenario->left_out->len, ==, 0);
  g_assert_cmpuint (scenario->edits->len, ==, had + 100);
  g_assert_cmpuint (scenario->position, ==, had + 100);
  for (guint i = had; i < scenario->edits->len; i++)
    {
      GrEdit *edit = g_ptr_array_index (scenario->edits, i);

      g_assert_false (g_hash_table_contains (names, edit->name));
      g_hash_table_add (names, edit->name);
    }
  for (guint i = 0; i < 50; i++)
    for (guint t = 0; t < 2; t++)
      {
        g_autofree char *name = g_strdup_printf ("%s-%u", tags[t], i);

        g_assert_true (g_hash_table_contains (names, name));
      }
  /* Every scenario of the project reads back whole: each analyst's own,
   * made and edited meanwhile, has its 10 edits in order. */
  {
    g_autoptr (GPtrArray) all = gr_scenario_store_load (store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 3);
    for (guint i = 0; i < all->len; i++)
      {
        GrScenario *s = g_ptr_array_index (all, i);

        g_assert_cmpuint (s->left_out->len, ==, 0);
        g_assert_cmpuint (s->position, ==, s->edits->len);
        if (g_str_has_prefix (s->name, "own-"))
          {
            g_assert_cmpuint (s->edits->len, ==, 10);
            for (guint k = 0; k < 10; k++)
              {
                g_autofree char *name = g_strdup_printf ("%s-own-%u", s->name + 4, 5 * k);

                g_assert_cmpstr (((GrEdit *) g_ptr_array_index (s->edits, k))->name, ==, name);
              }
          }
      }
  }
  /* The history in the table: one row per place, none missing. */
  rows =
      gr_test_pg_value (conn, "SELECT count(*) FROM two_editors.gr_edits WHERE scenario = (SELECT "
                              "id FROM two_editors.gr_scenarios WHERE name = '" SCENARIO "')");
  gaps =
      gr_test_pg_value (conn, "SELECT count(*) FROM (SELECT seq, row_number () OVER (PARTITION BY "
                              "scenario ORDER BY seq) - 1 AS expected FROM two_editors.gr_edits) e "
                              "WHERE seq <> expected");
  version = gr_test_pg_value (
      conn, "SELECT version FROM two_editors.gr_scenarios WHERE name = '" SCENARIO "'");
  g_assert_cmpint (atoi (rows), ==, (int) had + 100);
  g_assert_cmpstr (gaps, ==, "0");
  g_assert_cmpint (atoi (version), ==, was + 100); /* one change counted per edit kept */
  /* And it analyses as the same scenario copied into a file does. */
  {
    g_autofree char *file = g_build_filename (scratch, "two-editors.gpkg", NULL);
    g_autofree char *in_db = indicators (shared, SCENARIO);
    g_autofree char *in_file = NULL;

    copy (shared, file);
    in_file = indicators (file, SCENARIO);
    g_assert_cmpstr (in_db, ==, in_file);
  }
}

/* Command-line edits from two shells at once: each made over the other's. */
static void
test_two_command_lines (void)
{
  g_autofree char *shared = gr_test_pg_location ("two_shells");
  g_autofree char *script = g_strdup_printf (
      "for i in 0 1 2 3 4 5 6 7 8 9; do \"$GREENREACH_CLI\" scenario add-park \"$1\" '%s' --at "
      "1.52$2$i,42.51 --lonlat --park-name \"$2-$i\" >/dev/null || exit 1; done",
      SCENARIO);
  GSubprocess *shells[2];
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) baseline = NULL;
  g_autoptr (GrScenarioStore) store = NULL;
  g_autoptr (GrScenario) scenario = NULL;
  guint had;

  copy (sample_gpkg, shared);
  baseline = gr_project_load (shared, &error);
  store = gr_scenario_store_open (shared, baseline, GR_SCENARIO_STORE_READ, &error);
  g_assert_no_error (error);
  {
    g_autoptr (GrScenario) before = gr_test_find_scenario (store, SCENARIO);

    had = before->edits->len;
  }
  for (guint i = 0; i < 2; i++)
    {
      shells[i] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE, &error, "sh", "-c", script,
                                    "sh", shared, i == 0 ? "1" : "6", NULL);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *err = NULL;

      g_assert_true (g_subprocess_communicate_utf8 (shells[i], NULL, NULL, NULL, &err, &error));
      if (g_subprocess_get_exit_status (shells[i]) != 0)
        g_error ("shell %u: %s", i, err);
      g_object_unref (shells[i]);
    }
  scenario = gr_test_find_scenario (store, SCENARIO);
  g_assert_cmpuint (scenario->edits->len, ==, had + 20);
  g_assert_cmpuint (scenario->left_out->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_auto (Run) r = { 0 };
  g_auto (Run) s = { 0 };
  g_auto (Run) a = { 0 };
  g_auto (Run) t = { 0 };
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("PGPASSFILE", gr_test_pg_env ("GREENREACH_PG_PASSFILE"), TRUE);
  scratch = g_dir_make_tmp ("greenreach-share-XXXXXX", NULL);
  sample_gpkg = g_build_filename (scratch, "andorra.gpkg", NULL);
  r = cli ("import", g_getenv ("GREENREACH_SAMPLE"), "-o", sample_gpkg, NULL);
  s = cli ("scenario", "create", sample_gpkg, SCENARIO, NULL);
  a = cli ("scenario", "add-park", sample_gpkg, SCENARIO, "--at", "1.52,42.51", "--lonlat", NULL);
  t = cli ("targets", sample_gpkg, "park_per_capita", "14.5", NULL);
  g_assert_cmpint (r.status + s.status + a.status + t.status, ==, 0);

  g_test_add_func ("/postgis/share/copy-round-trip", test_copy_round_trip);
  g_test_add_func ("/postgis/share/copy-refused", test_copy_refused);
  g_test_add_func ("/postgis/share/conflict", test_conflict);
  g_test_add_func ("/postgis/share/presence", test_presence);
  g_test_add_func ("/postgis/share/save-over-itself", test_save_over_itself);
  g_test_add_func ("/postgis/share/styles-and-publish", test_styles_and_publish);
  g_test_add_func ("/postgis/share/two-editors", test_two_editors);
  g_test_add_func ("/postgis/share/two-command-lines", test_two_command_lines);
  status = g_test_run ();
  gr_test_remove_tree (scratch);
  g_free (scratch);
  g_free (sample_gpkg);
  return status;
}
