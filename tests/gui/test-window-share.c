/* test-window-share.c — the window on a project shared in a PostGIS schema,
 * against a real server (pg-server.sh) under Xvfb: opened as the command
 * line names it, who else edits a scenario shown in the switcher, another
 * analyst's edit shown as it is made, an edit made over theirs refused and
 * the scenario read again, and the project saved back into a file and into
 * another schema with its scenarios and targets.
 */
#include "gr-window-fixture.h"

#include "gr-pg.h"
#include "gr-test-pg.h"
#include "gr-test-scenario.h"
#include "gr-targets-store.h"

#include <string.h>

static char *scratch;
static char *shared; /* PG:… schema=plan */

static void
cli (const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int              status = 0;
  va_list          ap;

  g_ptr_array_add (argv, (char *) g_getenv ("GREENREACH_CLI"));
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
  g_autofree char *again = gr_test_pg_location ("plan_copy");
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
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (window->window_title),
                            gr_test_pg_env ("GREENREACH_PG_HOST")));
  g_assert_true (gr_window_set_scenario (window, "方案 A"));
  wait_idle (window);

  /* Another analyst opens the east scenario: the switcher says so. */
  other = gr_scenario_store_open (shared, baseline, GR_SCENARIO_STORE_WRITE, &error);
  g_assert_no_error (error);
  east = gr_test_find_scenario (other, "东片区");
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
  g_assert_true (gr_scenario_store_push (
      other, east, gr_test_park_edit (east, baseline, 0, 60, "theirs"), &error));
  g_assert_no_error (error);
  gr_window_poll_share (window);
  wait_idle (window);
  g_assert_cmpstr (window->current->name, ==, "东片区");
  g_assert_cmpuint (window->current->edits->len, ==, had + 1);

  /* An edit made here over a scenario they changed since: refused, said,
   * and the scenario read again with their change; nothing of theirs lost. */
  g_assert_true (gr_scenario_store_push (
      other, east, gr_test_park_edit (east, baseline, 300, 60, "theirs too"), &error));
  g_assert_no_error (error);
  g_assert_false (gr_window_push_edit (
      window, gr_test_park_edit (window->current, baseline, 600, 60, "mine"), &error));
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
  g_assert_true (gr_window_push_edit (
      window, gr_test_park_edit (window->current, baseline, 600, 60, "mine"), &error));
  g_assert_no_error (error);
  plan = gr_test_find_scenario (other, "东片区");
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
  g_setenv ("PGPASSFILE", gr_test_pg_env ("GREENREACH_PG_PASSFILE"), TRUE);
  scratch = g_dir_make_tmp ("greenreach-window-share-XXXXXX", NULL);
  gpkg = g_build_filename (scratch, "andorra.gpkg", NULL);
  shared = gr_test_pg_location ("plan");
  cli ("import", g_getenv ("GREENREACH_SAMPLE"), "-o", gpkg, NULL);
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
