/* gr-project-copy.c — a project copied whole, between a file and a database
 *
 * What is copied is what the project is: its layers as they were read, its
 * scenarios as they are now (each edit found again, its history and
 * position kept), its own targets and how its layers are drawn. A project
 * file becomes a shared project in a database's schema, or a shared
 * project a file to take away, in one call.
 */
#include "config.h"

#include "gr-project-copy.h"

#include "gr-pg.h"
#include "gr-project-file.h"
#include "gr-scenario-store.h"
#include "gr-style-store.h"
#include "gr-targets-store.h"

#include <glib/gi18n-lib.h>
#include <math.h>

static gboolean
same_place (const char *from, const char *to)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (gr_pg_is_connection (from) || gr_pg_is_connection (to))
    return gr_pg_same_project (from, to);
  a = g_canonicalize_filename (from, NULL);
  b = g_canonicalize_filename (to, NULL);
  return g_str_equal (a, b);
}

/* The targets and styles read before anything is written, kept after. */
static gboolean
copy_extras (const char       *to,
             const GrTarget    targets[GR_N_INDICATORS],
             const GrMapStyle *style,
             GError          **error)
{
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    if (!isnan (targets[i].value)
        && !gr_project_targets_set (to, i, targets[i].value, targets[i].strict, error))
      return FALSE;
  return gr_project_style_save (to, style, error);
}

/* Nothing that is not a project is written over; a project only when asked. */
static gboolean
check_destination (const char *to, const char *shown, GrProjectCopyFlags flags, GError **error)
{
  gboolean exists = gr_pg_is_connection (to) ? gr_project_file_is_project (to)
                                             : g_file_test (to, G_FILE_TEST_EXISTS);

  if (!exists)
    return TRUE;
  if (!(flags & GR_PROJECT_COPY_REPLACE))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                   _ ("%s: a project is there already; nothing was written (replace it with "
                      "--replace)"),
                   shown);
      return FALSE;
    }
  if (!gr_pg_is_connection (to) && !gr_project_file_is_project (to))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                   _ ("%s: the file is not a Greenreach project and is not written over; "
                      "nothing was written"),
                   shown);
      return FALSE;
    }
  return TRUE;
}

/**
 * gr_project_copy:
 * @from: a project file, or a project in a database (PG:… schema=NAME)
 * @to: a file to write (.gpkg), or a database's schema
 * @flags: %GR_PROJECT_COPY_REPLACE to write over a project at @to
 * @left_out: (element-type utf8) (nullable): receives a sentence for each
 *   scenario edit that no longer fits the data and is not copied
 *
 * Copies the project from @from to @to. @to is written whole before it
 * takes the place of what was there (gr_project_save_with_scenarios()).
 */
gboolean
gr_project_copy (const char        *from,
                 const char        *to,
                 GrProjectCopyFlags flags,
                 GPtrArray         *left_out,
                 GError           **error)
{
  g_autofree char *shown_to = gr_pg_redact_connection (to);
  g_autoptr (GrProject) project = NULL;
  g_autoptr (GrScenarioStore) store = NULL;
  g_autoptr (GPtrArray) scenarios = NULL;
  GrTarget   targets[GR_N_INDICATORS];
  GrMapStyle style;

  if (same_place (from, to))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%s: a project is copied to another place than its own"), shown_to);
      return FALSE;
    }
  if (gr_pg_is_connection (to) && !gr_pg_check_project (to, error))
    return FALSE;
  if ((project = gr_project_load (from, error)) == NULL
      || !check_destination (to, shown_to, flags, error)
      || !gr_project_targets_load (from, targets, error)
      || !gr_project_style_load (from, &style, error))
    return FALSE;
  if ((store = gr_scenario_store_open (from, project, GR_SCENARIO_STORE_READ, error)) == NULL
      || (scenarios = gr_scenario_store_load (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; left_out != NULL && i < scenarios->len; i++)
    {
      GPtrArray *lost = ((GrScenario *) g_ptr_array_index (scenarios, i))->left_out;

      for (guint k = 0; k < lost->len; k++)
        g_ptr_array_add (left_out, g_strdup (g_ptr_array_index (lost, k)));
    }
  g_clear_pointer (&store, gr_scenario_store_close);
  return gr_project_save_with_scenarios (project, to, scenarios, error)
         && copy_extras (to, targets, &style, error);
}
