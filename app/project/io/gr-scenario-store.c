/* gr-scenario-store.c — scenarios and their edits in the project file
 *
 * Two attribute tables of the GeoPackage, registered in gpkg_contents so
 * other GIS tools list them: gr_scenarios (name, position) and gr_edits
 * (one row per edit, in order; outlines as WKT in the project's CRS).
 */
#include "config.h"

#include "gr-scenario-store.h"

#include <cpl_conv.h>
#include <glib/gi18n-lib.h>
#include <sqlite3.h>

struct _GrScenarioStore
{
  sqlite3 *db;
  char    *path;
};

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS gr_scenarios ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  name TEXT NOT NULL UNIQUE,"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  ord INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE IF NOT EXISTS gr_edits ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  scenario INTEGER NOT NULL REFERENCES gr_scenarios (id) ON DELETE CASCADE,"
    "  seq INTEGER NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  role TEXT NOT NULL,"
    "  feature INTEGER NOT NULL,"
    "  geometry TEXT,"
    "  name TEXT,"
    "  class TEXT,"
    "  UNIQUE (scenario, seq));"
    "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description)"
    "  VALUES ('gr_scenarios', 'attributes', 'gr_scenarios', 'Greenreach scenarios'),"
    "         ('gr_edits', 'attributes', 'gr_edits', 'Greenreach scenario edits');";

static gboolean
fail (GrScenarioStore *store, GError **error)
{
  g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
               _ ("%s: cannot record the change (%s)"), store->path, sqlite3_errmsg (store->db));
  return FALSE;
}

static gboolean
exec (GrScenarioStore *store, const char *sql, GError **error)
{
  return sqlite3_exec (store->db, sql, NULL, NULL, NULL) == SQLITE_OK || fail (store, error);
}

static gboolean
begin (GrScenarioStore *store, GError **error)
{
  return exec (store, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (GrScenarioStore *store, gboolean ok, GError **error)
{
  if (ok)
    return exec (store, "COMMIT", error);
  sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/**
 * gr_scenario_store_open:
 * @path: a project file, as gr_project_save() writes it
 */
GrScenarioStore *
gr_scenario_store_open (const char *path, GError **error)
{
  g_autoptr (GrScenarioStore) store = g_new0 (GrScenarioStore, 1);

  store->path = g_strdup (path);
  if (!gr_project_file_is_project (path))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("%s: not a Greenreach project: save the project first"), path);
      return NULL;
    }
  if (sqlite3_open_v2 (path, &store->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      fail (store, error);
      return NULL;
    }
  sqlite3_busy_timeout (store->db, 5000);
  /* WAL: a crash mid-write leaves the last committed state; FULL: a
   * committed edit survives a power cut too. */
  if (!exec (store,
             "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON",
             error)
      || !begin (store, error) || !commit (store, exec (store, schema, error), error))
    return NULL;
  return g_steal_pointer (&store);
}

void
gr_scenario_store_close (GrScenarioStore *store)
{
  if (store == NULL)
    return;
  sqlite3_close (store->db);
  g_free (store->path);
  g_free (store);
}

static GrEdit *
read_edit (GrScenarioStore *store, sqlite3_stmt *stmt, GError **error)
{
  GrEditKind   kind;
  GrRole       role;
  OGRGeometryH geometry = NULL;
  const char  *wkt = (const char *) sqlite3_column_text (stmt, 3);
  GrEdit      *edit;

  if (!gr_edit_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &kind)
      || !gr_role_from_string ((const char *) sqlite3_column_text (stmt, 1), &role)
      || (wkt != NULL && OGR_G_CreateFromWkt ((char **) &wkt, NULL, &geometry) != OGRERR_NONE))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("%s: a damaged scenario edit"), store->path);
      return NULL;
    }
  edit = gr_edit_new (kind, role, (guint) sqlite3_column_int64 (stmt, 2), geometry);
  edit->name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  edit->klass = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  return edit;
}

static gboolean
load_edits (GrScenarioStore *store, GrScenario *scenario, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc;

  if (sqlite3_prepare_v2 (store->db,
                          "SELECT kind, role, feature, geometry, name, class FROM gr_edits "
                          "WHERE scenario = ?1 ORDER BY seq",
                          -1, &stmt, NULL)
      != SQLITE_OK)
    return fail (store, error);
  sqlite3_bind_int64 (stmt, 1, scenario->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GrEdit *edit = read_edit (store, stmt, error);

      if (edit == NULL)
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      g_ptr_array_add (scenario->edits, edit);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return fail (store, error);
  scenario->position = MIN (scenario->position, scenario->edits->len);
  return TRUE;
}

/**
 * gr_scenario_store_load:
 *
 * Returns: (transfer full) (element-type GrScenario): every scenario in
 * the order created, with its edits and position
 */
GPtrArray *
gr_scenario_store_load (GrScenarioStore *store, GError **error)
{
  g_autoptr (GPtrArray) scenarios =
      g_ptr_array_new_with_free_func ((GDestroyNotify) gr_scenario_free);
  sqlite3_stmt *stmt = NULL;
  int           rc;

  if (sqlite3_prepare_v2 (store->db, "SELECT id, name, position FROM gr_scenarios ORDER BY ord, id",
                          -1, &stmt, NULL)
      != SQLITE_OK)
    {
      fail (store, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GrScenario *scenario = gr_scenario_new ((const char *) sqlite3_column_text (stmt, 1));

      scenario->id = sqlite3_column_int64 (stmt, 0);
      scenario->position = (guint) sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (scenarios, scenario);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      fail (store, error);
      return NULL;
    }
  for (guint i = 0; i < scenarios->len; i++)
    if (!load_edits (store, g_ptr_array_index (scenarios, i), error))
      return NULL;
  return g_steal_pointer (&scenarios);
}

/* Returns: (transfer full): the scenario called @name, or %NULL with @error. */
GrScenario *
gr_scenario_store_find (GrScenarioStore *store, const char *name, GError **error)
{
  g_autoptr (GPtrArray) all = gr_scenario_store_load (store, error);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      GrScenario *scenario = g_ptr_array_index (all, i);

      if (g_strcmp0 (scenario->name, name) == 0)
        return g_ptr_array_steal_index (all, i);
    }
  if (all != NULL)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                 _ ("%s: no scenario named “%s”"), store->path, name);
  return NULL;
}

static gboolean
insert_edit (GrScenarioStore *store, gint64 scenario, guint seq, const GrEdit *edit, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  char         *wkt = NULL;
  gboolean      ok;

  if (sqlite3_prepare_v2 (
          store->db,
          "INSERT INTO gr_edits (scenario, seq, kind, role, feature, geometry, name, class) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
          -1, &stmt, NULL)
      != SQLITE_OK)
    return fail (store, error);
  if (edit->geometry != NULL)
    OGR_G_ExportToWkt (edit->geometry, &wkt);
  sqlite3_bind_int64 (stmt, 1, scenario);
  sqlite3_bind_int64 (stmt, 2, seq);
  sqlite3_bind_text (stmt, 3, gr_edit_kind_to_string (edit->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, gr_role_to_string (edit->target.role), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, edit->target.index);
  sqlite3_bind_text (stmt, 6, wkt, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, edit->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, edit->klass, -1, SQLITE_TRANSIENT);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  CPLFree (wkt);
  return ok || fail (store, error);
}

static gboolean
run (GrScenarioStore *store, const char *sql, gint64 a, gint64 b, const char *text, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc;

  if (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fail (store, error);
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (text != NULL)
    sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || fail (store, error);
}

static gboolean
name_taken (GrScenarioStore *store, const char *name, GError **error)
{
  g_autoptr (GPtrArray) all = gr_scenario_store_load (store, NULL);

  for (guint i = 0; all != NULL && i < all->len; i++)
    if (g_strcmp0 (((GrScenario *) g_ptr_array_index (all, i))->name, name) == 0)
      {
        g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                     _ ("a scenario named “%s” exists already"), name);
        return TRUE;
      }
  return FALSE;
}

/**
 * gr_scenario_store_add:
 *
 * Stores a new scenario with its edits (a fresh one, or a duplicate made
 * with gr_scenario_copy()), in one transaction; sets its id.
 */
gboolean
gr_scenario_store_add (GrScenarioStore *store, GrScenario *scenario, GError **error)
{
  gboolean ok;

  if (scenario->name == NULL || g_utf8_strlen (g_strstrip (scenario->name), -1) == 0)
    {
      g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                           _ ("a scenario needs a name"));
      return FALSE;
    }
  if (name_taken (store, scenario->name, error) || !begin (store, error))
    return FALSE;
  ok = run (store, "INSERT INTO gr_scenarios (position, ord, name) VALUES (?1, ?2, ?3)",
            scenario->position, 0, scenario->name, error);
  if (ok)
    scenario->id = sqlite3_last_insert_rowid (store->db);
  for (guint i = 0; ok && i < scenario->edits->len; i++)
    ok = insert_edit (store, scenario->id, i, g_ptr_array_index (scenario->edits, i), error);
  if (!commit (store, ok, error))
    {
      scenario->id = 0;
      return FALSE;
    }
  return TRUE;
}

gboolean
gr_scenario_store_rename (GrScenarioStore *store,
                          GrScenario      *scenario,
                          const char      *name,
                          GError         **error)
{
  if (name == NULL || name[0] == '\0')
    {
      g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                           _ ("a scenario needs a name"));
      return FALSE;
    }
  if (g_strcmp0 (name, scenario->name) == 0)
    return TRUE;
  if (name_taken (store, name, error)
      || !run (store, "UPDATE gr_scenarios SET name = ?3 WHERE id = ?1 AND ?2 = ?2", scenario->id,
               0, name, error))
    return FALSE;
  g_free (scenario->name);
  scenario->name = g_strdup (name);
  return TRUE;
}

gboolean
gr_scenario_store_delete (GrScenarioStore *store, GrScenario *scenario, GError **error)
{
  gboolean ok;

  if (!begin (store, error))
    return FALSE;
  ok = run (store, "DELETE FROM gr_edits WHERE scenario = ?1 AND ?2 = ?2", scenario->id, 0, NULL,
            error)
       && run (store, "DELETE FROM gr_scenarios WHERE id = ?1 AND ?2 = ?2", scenario->id, 0, NULL,
               error);
  return commit (store, ok, error);
}

/**
 * gr_scenario_store_push:
 * @edit: (transfer full): checked with gr_scenario_check_edit()
 *
 * gr_scenario_push() and its record, in one transaction: the undone edits
 * it drops are deleted with it. On failure the scenario is unchanged.
 */
gboolean
gr_scenario_store_push (GrScenarioStore *store, GrScenario *scenario, GrEdit *edit, GError **error)
{
  g_autoptr (GrEdit) owned = edit;
  gboolean ok;

  if (!begin (store, error))
    return FALSE;
  ok = run (store, "DELETE FROM gr_edits WHERE scenario = ?1 AND seq >= ?2", scenario->id,
            scenario->position, NULL, error)
       && insert_edit (store, scenario->id, scenario->position, edit, error)
       && run (store, "UPDATE gr_scenarios SET position = ?2 WHERE id = ?1", scenario->id,
               scenario->position + 1, NULL, error);
  if (!commit (store, ok, error))
    return FALSE;
  gr_scenario_push (scenario, g_steal_pointer (&owned));
  return TRUE;
}

/* Undo and redo: the position moves, the edits stay for redoing. */
gboolean
gr_scenario_store_set_position (GrScenarioStore *store,
                                GrScenario      *scenario,
                                guint            position,
                                GError         **error)
{
  position = MIN (position, scenario->edits->len);
  if (!run (store, "UPDATE gr_scenarios SET position = ?2 WHERE id = ?1", scenario->id, position,
            NULL, error))
    return FALSE;
  scenario->position = position;
  return TRUE;
}
