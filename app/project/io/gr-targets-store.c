/* gr-targets-store.c — the project's own targets, a table of its
 * GeoPackage (gr_targets)
 */
#include "config.h"

#include "gr-targets-store.h"

#include "gr-db.h"
#include "gr-pg.h"
#include "gr-project-file.h"

#include <glib/gi18n-lib.h>
#include <math.h>

static GrDb *
open_targets (const char *path, gboolean write, GError **error)
{
  g_autofree char *shown = gr_pg_redact_connection (path);
  g_autofree char *read_only = g_strdup_printf (
      _ ("%s: the file or its folder is read-only: the targets cannot be changed"), shown);

  return gr_project_file_open_db (path, write, read_only, error);
}

/**
 * gr_project_targets_load:
 *
 * The targets the project's users set (table gr_targets); indicators
 * without one have none (NAN).
 */
gboolean
gr_project_targets_load (const char *path, GrTarget targets[GR_N_INDICATORS], GError **error)
{
  g_autoptr (GrDb) db = open_targets (path, FALSE, error);
  g_autoptr (GrDbResult) result = NULL;
  g_autoptr (GError) local = NULL;

  for (guint i = 0; i < GR_N_INDICATORS; i++)
    targets[i] = (GrTarget){ NAN, FALSE };
  if (db == NULL)
    return FALSE;
  /* No table: no targets set yet. Any other failure is said. */
  if (!gr_db_has_table (db, "gr_targets"))
    return TRUE;
  result = gr_db_query (db, "SELECT indicator, value, strict FROM gr_targets", NULL, 0, &local);
  if (result == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                   _ ("%s: cannot read the targets (%s)"), gr_db_get_label (db), local->message);
      return FALSE;
    }
  while (gr_db_result_next (result))
    {
      g_autofree char *key = gr_db_result_dup_text (result, 0);
      GrIndicatorId    id;

      if (gr_indicator_from_key (key, &id))
        targets[id] = (GrTarget){ gr_db_result_get_real (result, 1, NAN),
                                  gr_db_result_get_int (result, 2, 0) != 0 };
    }
  return TRUE;
}

/**
 * gr_project_targets_set:
 * @value: the target, or NAN to remove it
 *
 * Sets one of the project's own targets, in its own transaction.
 */
gboolean
gr_project_targets_set (const char   *path,
                        GrIndicatorId id,
                        double        value,
                        gboolean      strict,
                        GError      **error)
{
  static const char sqlite_schema[] =
      "CREATE TABLE IF NOT EXISTS gr_targets (indicator TEXT PRIMARY KEY, value REAL NOT NULL, "
      "strict INTEGER NOT NULL);"
      "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description)"
      "  VALUES ('gr_targets', 'attributes', 'gr_targets', 'Greenreach project targets');";
  static const char postgres_schema[] =
      "CREATE TABLE IF NOT EXISTS gr_targets (indicator TEXT PRIMARY KEY, value DOUBLE PRECISION "
      "NOT NULL, strict INTEGER NOT NULL)";
  GrDbValue values[] = { GR_DB_TEXT (gr_indicator_get_key (id)), GR_DB_REAL (value),
                         GR_DB_INT (strict) };
  g_autoptr (GrDb) db = NULL;
  g_autoptr (GError) local = NULL;
  gboolean ok;

  g_return_val_if_fail (id < GR_N_INDICATORS, FALSE);
  if (isinf (value) || (isfinite (value) && fabs (value) > 1e9))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%g is not a usable target"), value);
      return FALSE;
    }
  if ((db = open_targets (path, TRUE, error)) == NULL)
    return FALSE;
  /* The table is made in the change's transaction, once however many
   * set a target at the same time. */
  ok = gr_db_begin (db, &local)
       && (gr_db_get_kind (db) == GR_DB_SQLITE ? gr_db_exec (db, sqlite_schema, &local)
           : gr_db_has_table (db, "gr_targets")
               ? TRUE
               : gr_db_exec (db, "SELECT pg_advisory_xact_lock (hashtext (current_schema ()))",
                             &local)
                     && gr_db_exec (db, postgres_schema, &local))
       && gr_db_run (db, "DELETE FROM gr_targets WHERE indicator = ?1", values, 1, &local)
       && (isnan (value)
           || gr_db_run (db, "INSERT INTO gr_targets VALUES (?1, ?2, ?3)", values, 3, &local))
       && gr_db_commit (db, &local);
  if (!ok)
    {
      gr_db_rollback (db);
      g_set_error (error, GR_PROJECT_ERROR, local->code, _ ("%s: cannot record the change: %s"),
                   gr_db_get_label (db), local->message);
    }
  return ok;
}
