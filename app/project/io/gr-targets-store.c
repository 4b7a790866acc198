/* gr-targets-store.c — the project's own targets, a table of its
 * GeoPackage (gr_targets)
 */
#include "config.h"

#include "gr-targets-store.h"

#include "gr-project-file.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

static sqlite3 *
open_targets (const char *path, gboolean write, GError **error)
{
  g_autofree char *read_only = g_strdup_printf (
      _ ("%s: the file or its folder is read-only: the targets cannot be changed"), path);

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
  sqlite3      *db = open_targets (path, FALSE, error);
  sqlite3_stmt *stmt = NULL;
  int           rc = SQLITE_DONE;

  for (guint i = 0; i < GR_N_INDICATORS; i++)
    targets[i] = (GrTarget){ NAN, FALSE };
  if (db == NULL)
    return FALSE;
  /* No table: no targets set yet. Any other failure is said. */
  if (sqlite3_prepare_v2 (db, "SELECT indicator, value, strict FROM gr_targets", -1, &stmt, NULL)
      == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        GrIndicatorId id;

        if (gr_indicator_from_key ((const char *) sqlite3_column_text (stmt, 0), &id))
          targets[id] =
              (GrTarget){ sqlite3_column_double (stmt, 1), sqlite3_column_int (stmt, 2) != 0 };
      }
  else if (strstr (sqlite3_errmsg (db), "no such table") == NULL)
    rc = SQLITE_ERROR;
  if (rc != SQLITE_DONE)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                 _ ("%s: cannot read the targets (%s)"), path, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rc == SQLITE_DONE;
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
  static const char schema[] =
      "PRAGMA journal_mode = WAL;"
      "CREATE TABLE IF NOT EXISTS gr_targets (indicator TEXT PRIMARY KEY, value REAL NOT NULL, "
      "strict INTEGER NOT NULL);"
      "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description)"
      "  VALUES ('gr_targets', 'attributes', 'gr_targets', 'Greenreach project targets');";
  sqlite3      *db;
  sqlite3_stmt *stmt = NULL;
  gboolean      ok;

  g_return_val_if_fail (id < GR_N_INDICATORS, FALSE);
  if (isinf (value) || (isfinite (value) && fabs (value) > 1e9))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%g is not a usable target"), value);
      return FALSE;
    }
  if ((db = open_targets (path, TRUE, error)) == NULL)
    return FALSE;
  ok = sqlite3_exec (db, schema, NULL, NULL, NULL) == SQLITE_OK
       && sqlite3_prepare_v2 (db,
                              isnan (value)
                                  ? "DELETE FROM gr_targets WHERE indicator = ?1"
                                  : "INSERT OR REPLACE INTO gr_targets VALUES (?1, ?2, ?3)",
                              -1, &stmt, NULL)
              == SQLITE_OK;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, gr_indicator_get_key (id), -1, SQLITE_STATIC);
      if (!isnan (value))
        {
          sqlite3_bind_double (stmt, 2, value);
          sqlite3_bind_int (stmt, 3, strict);
        }
      ok = sqlite3_step (stmt) == SQLITE_DONE;
    }
  if (!ok)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                 _ ("%s: cannot record the change (%s)"), path, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}
