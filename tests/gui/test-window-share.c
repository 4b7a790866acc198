/* test-window-share.c — the window on a project shared in a PostGIS schema,
 * against a real server (pg-server.sh) under Xvfb: opened as the command
 * line names it, who else edits a scenario shown in the switcher, another
 * analyst's edit shown as it is made, an edit made over theirs refused and
 * the scenario read again, and the project saved back into a file and into
 * another schema with its scenarios and targets.
 */
#include "gr-window-fixture.h"

#include "gr-pg.h"
#include "gr-targets-store.h"

#include <string.h>

static char *scratch;
static char *shared; /* PG:… schema=plan */

static const char *
env (const char *name)
{
  const char *value = g_getenv (name);

  g_assert_nonnull (value);
  return value;
}

static char *
location (const char *schema)
{
  return g_strdup_printf ("PG:host=%s port=%s dbname=%s user=%s schema=%s",
                          env ("GREENREACH_PG_HOST"), env ("GREENREACH_PG_PORT"),
                          env ("GREENREACH_PG_DBNAME"), env ("GREENREACH_PG_USER"), schema);
}

static void
cli (const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int              status = 0;
  va_list          ap;

  g_ptr_array_add (argv, (char *) env ("GREENREACH_CLI"));
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (
      g_spawn_sync (NULL, (char **) argv->pdata, NULL, 0, NULL, NULL, &out, &err, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s %s: %s", (char *) argv->pdata[1], first, err);
}

static GrScenario *
find (GrScenarioStore *store, const char *name)
{
  g_autoptr (GError) error = NULL;
  GrScenario *scenario = gr_scenario_store_find (store, name, &error);

  g_assert_no_error (error);
  return scenario;
}

static GrEdit *
park_edit (GrScenario *scenario, GrProject *baseline, double dx, const char *name)
{
  double           x = (baseline->extent[0] + baseline->extent[2]) / 2 + dx;
  double           y = (baseline->extent[1] + baseline->extent[3]) / 2;
  g_autofree char *wkt = g_strdup_printf ("POLYGON ((%f %f, %f %f, %f %f, %f %f))", x, y, x + 60, y,
                                          x + 60, y + 60, x, y);
  char            *cursor = wkt;
  OGRGeometryH     geometry = NULL;
  GrEdit          *edit;

  g_assert_cmpint (OGR_G_CreateFromWkt (&cursor, NULL, &geometry), ==, OGRERR_NONE);
  edit = gr_edit_new (GR_EDIT_ADD, GR_ROLE_PARK, gr_scenario_next_candidate (scenario, baseline),
                      geometry);
  edit->name = g_strdup (name);
  return edit;
}

static GrScenarioItem *
item_named (GrWindow *window, const char *name)
{
  GListModel *items = G_LIST_MODEL (window->scenario_items);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (GrScenarioItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (gr_scenario_item_get_name (item), name) == 0)
        return item;
    }
  g_assert_not_reached ();
}

/* The message the window shows, closed once read. */
static char *
take_message (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  char       *body = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && body == NULL; i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        {
          body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (w)));
          gtk_window_destroy (w);
        }
    }
  return body;
}

static GrWindow *
open_window (const char *where)
{
  GrWindow *window = g_object_ref (gr_window_new (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  gr_window_open (window, where);
  wait_idle (window);
  return window;
}

static void
test_shared (void)
{
  g_autoptr (GError) error = NULL;
  GrWindow *window = open_window (shared);
  g_autoptr (GrProject) baseline = gr_project_load (shared, &error);
  g_autoptr (GrScenarioStore) other = NULL;
  g_autoptr (GrScenario) east = NULL;
  g_autoptr (GrScenario) plan = NULL;
  g_autofree char *me = g_strdup_printf ("%s@%s", g_get_user_name (), g_get_host_name ());
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  g_autoptr (GdkTexture) shot = NULL;
  g_autofree char *file = g_build_filename (scratch, "back.gpkg", NULL);
  g_autofree char *again = location ("plan_copy");
  GrTarget         targets[GR_N_INDICATORS];
  GrIndicatorId    id;
  guint            had;

  g_assert_no_error (error);
  /* Opened from the database: its scenarios, shared, the title naming it. */
  g_assert_null (window->error);
  g_assert_nonnull (window->store);
  g_assert_true (gr_scenario_store_is_shared (window->store));
  g_assert_cmpuint (window->scenarios->len, ==, 2);
  g_assert_true (g_str_has_prefix (adw_window_title_get_subtitle (window->window_title), "plan"));
  g_assert_nonnull (
      strstr (adw_window_title_get_subtitle (window->window_title), env ("GREENREACH_PG_HOST")));
  g_assert_true (gr_window_set_scenario (window, "方案 A"));
  wait_idle (window);

  /* Another analyst opens the east scenario: the switcher says so. */
  other = gr_scenario_store_open (shared, baseline, GR_SCENARIO_STORE_WRITE, &error);
  g_assert_no_error (error);
  east = find (other, "东片区");
  g_assert_true (gr_scenario_store_set_editing (other, east, &error));
  /* Seen by the window's own look, on its thread and connection, within
   * a few seconds; the window's own session is not taken for another. */
  for (gint64 end = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
       gr_scenario_item_get_editors (item_named (window, "东片区")) == NULL
       && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gr_scenario_item_get_editors (item_named (window, "东片区")), ==, me);
  g_assert_null (gr_scenario_item_get_editors (item_named (window, "方案 A")));
  gr_window_poll_share (window);
  g_assert_cmpstr (gr_scenario_item_get_editors (item_named (window, "东片区")), ==, me);
  g_assert_null (gr_scenario_item_get_editors (item_named (window, "方案 A")));
  label = gr_scenario_item_dup_label (item_named (window, "东片区"));
  g_assert_nonnull (strstr (label, me));
  g_assert_cmpstr (label, !=, "东片区");
  /* … on the switcher's button too, once it is shown. */
  g_assert_true (gr_window_set_scenario (window, "东片区"));
  wait_idle (window);
  spin (200);
  shot = render (window, "share-being-edited");
  g_assert_nonnull (find_label (GTK_WIDGET (window), label));

  /* Their edit of the scenario shown here appears without asking. */
  had = window->current->edits->len;
  g_assert_true (
      gr_scenario_store_push (other, east, park_edit (east, baseline, 0, "theirs"), &error));
  g_assert_no_error (error);
  gr_window_poll_share (window);
  wait_idle (window);
  g_assert_cmpstr (window->current->name, ==, "东片区");
  g_assert_cmpuint (window->current->edits->len, ==, had + 1);

  /* An edit made here over a scenario they changed since: refused, said,
   * and the scenario read again with their change; nothing of theirs lost. */
  g_assert_true (
      gr_scenario_store_push (other, east, park_edit (east, baseline, 300, "theirs too"), &error));
  g_assert_no_error (error);
  g_assert_false (
      gr_window_push_edit (window, park_edit (window->current, baseline, 600, "mine"), &error));
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CONFLICT);
  _gr_window_show_error (window, "refused", error);
  g_clear_error (&error);
  spin (300);
  message = take_message ();
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, me));
  g_assert_cmpuint (window->current->edits->len, ==, had + 2);
  g_assert_cmpstr (((GrEdit *) g_ptr_array_index (window->current->edits, had + 1))->name, ==,
                   "theirs too");
  /* Made again over theirs, it is kept. */
  g_assert_true (
      gr_window_push_edit (window, park_edit (window->current, baseline, 600, "mine"), &error));
  g_assert_no_error (error);
  plan = find (other, "东片区");
  g_assert_cmpuint (plan->edits->len, ==, had + 3);

  /* Saved into a file: the scenarios and the targets go with it, and the
   * window works on the file, no longer shared. */
  g_assert_true (gr_indicator_from_key ("park_per_capita", &id));
  g_assert_true (gr_project_targets_set (shared, id, 15.5, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (gr_window_save_as (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (gr_scenario_store_is_shared (window->store));
  g_assert_cmpuint (window->scenarios->len, ==, 2);
  g_assert_cmpstr (window->current->name, ==, "东片区");
  g_assert_cmpuint (window->current->edits->len, ==, had + 3);
  g_assert_true (gr_project_targets_load (file, targets, NULL));
  g_assert_cmpfloat (targets[id].value, ==, 15.5);
  /* … and into another schema: shared again. */
  g_assert_true (gr_window_save_as (window, again, &error));
  g_assert_no_error (error);
  g_assert_true (gr_scenario_store_is_shared (window->store));
  g_assert_cmpuint (window->current->edits->len, ==, had + 3);
  g_assert_true (gr_project_targets_load (again, targets, NULL));
  g_assert_cmpfloat (targets[id].value, ==, 15.5);

  gtk_window_destroy (GTK_WINDOW (window));
  spin (100);
  g_assert_finalize_object (window);
}

int
main (int argc, char **argv)
{
  g_autofree char *gpkg = NULL;
  int              status;

  gr_runtime_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_setenv ("PGPASSFILE", env ("GREENREACH_PG_PASSFILE"), TRUE);
  scratch = g_dir_make_tmp ("greenreach-window-share-XXXXXX", NULL);
  gpkg = g_build_filename (scratch, "andorra.gpkg", NULL);
  shared = location ("plan");
  cli ("import", env ("GREENREACH_SAMPLE"), "-o", gpkg, NULL);
  cli ("scenario", "create", gpkg, "方案 A", NULL);
  cli ("scenario", "create", gpkg, "东片区", NULL);
  cli ("copy", gpkg, shared, NULL);
  app = gr_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_test_add_func ("/gui/share/shared-project", test_shared);
  status = g_test_run ();
  remove_dir (scratch);
  g_free (scratch);
  g_free (shared);
  return status;
}
