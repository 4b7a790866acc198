/* gr-scenario-store.c — scenarios and their edits in the project file
 *
 * Two attribute tables of the GeoPackage, registered in gpkg_contents so
 * other GIS tools list them: gr_scenarios (name, position) and gr_edits
 * (one row per edit, in order; outlines as WKT in the project's CRS).
 */
#include "config.h"

#include "gr-scenario-store.h"

#include "gr-project-file.h"

#include <cpl_conv.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <unistd.h>

struct _GrScenarioStore
{
  sqlite3   *db;
  char      *path;
  GrProject *baseline;  /* borrowed: what the edits are resolved against */
  gboolean   read_only; /* opened to read: nothing is written, not even the schema */
  gboolean   empty;     /* read-only, and the file has no scenario tables yet */
  gboolean   lasting;   /* gr_edits has the columns that name features lastingly */
  gboolean   suggested; /* … and the column that marks suggested sites */
};

/* fid: a baseline feature's lasting number (GrFeature.id); candidate: the
 * k-th park the scenario adds; target, target_area: what the feature was
 * called and its area when the edit was made, to check that the number
 * still names it. `feature` (the index at the time) is kept for older
 * versions, which read only it. */
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

static const char lasting_columns[] = "ALTER TABLE gr_edits ADD COLUMN fid INTEGER;"
                                      "ALTER TABLE gr_edits ADD COLUMN candidate INTEGER;"
                                      "ALTER TABLE gr_edits ADD COLUMN target TEXT;"
                                      "ALTER TABLE gr_edits ADD COLUMN target_area REAL;";

/* suggested: 1 for a candidate park that site suggestion placed. */
static const char suggested_column[] = "ALTER TABLE gr_edits ADD COLUMN suggested INTEGER;";

static guint
n_features (GrProject *baseline, GrRole role)
{
  return baseline->layers[role] != NULL ? baseline->layers[role]->features->len : 0;
}

static gboolean
fail (GrScenarioStore *store, GError **error)
{
  int code = sqlite3_extended_errcode (store->db);

  if ((code & 0xff) == SQLITE_FULL)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                 _ ("%s: cannot record the change: the disk is full"), store->path);
  else if ((code & 0xff) == SQLITE_READONLY)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_READ_ONLY,
                 _ ("%s: cannot record the change: the file or its folder is read-only"),
                 store->path);
  else
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
  if (store->read_only)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_READ_ONLY,
                   _ ("%s: the project is open read-only: save a copy to change it"), store->path);
      return FALSE;
    }
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

static gboolean
has_column (GrScenarioStore *store, const char *table, const char *column)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
  sqlite3_stmt    *stmt = NULL;
  gboolean         found = FALSE;

  if (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  while (!found && sqlite3_step (stmt) == SQLITE_ROW)
    found = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), column) == 0;
  sqlite3_finalize (stmt);
  return found;
}

static gboolean
open_to_read (GrScenarioStore *store, GError **error)
{
  g_autofree char *uri = gr_project_file_read_uri (store->path);

  store->read_only = TRUE;
  if (sqlite3_open_v2 (uri, &store->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    return fail (store, error);
  sqlite3_busy_timeout (store->db, 5000);
  store->empty =
      !has_column (store, "gr_scenarios", "position") || !has_column (store, "gr_edits", "feature");
  store->lasting = has_column (store, "gr_edits", "fid");
  store->suggested = has_column (store, "gr_edits", "suggested");
  return TRUE;
}

static gboolean
open_to_write (GrScenarioStore *store, GError **error)
{
  gboolean ok;

  if (gr_project_file_is_read_only (store->path))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_READ_ONLY,
                   _ ("%s: the file or its folder is read-only: open it to read, or save a copy "
                      "to change it"),
                   store->path);
      return FALSE;
    }
  if (sqlite3_open_v2 (store->path, &store->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    return fail (store, error);
  sqlite3_busy_timeout (store->db, 5000);
  /* WAL: a crash mid-write leaves the last committed state; FULL: a
   * committed edit survives a power cut too. */
  if (!exec (store,
             "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON",
             error)
      || !begin (store, error))
    return FALSE;
  ok = exec (store, schema, error);
  if (ok && !has_column (store, "gr_edits", "fid"))
    ok = exec (store, lasting_columns, error);
  if (ok && !has_column (store, "gr_edits", "suggested"))
    ok = exec (store, suggested_column, error);
  store->lasting = TRUE;
  store->suggested = TRUE;
  return commit (store, ok, error);
}

/**
 * gr_scenario_store_open:
 * @path: a project file, as gr_project_save() writes it
 * @baseline: (transfer none): the project read from @path; must outlive
 *   the store. Edits are resolved against its features.
 * @mode: %GR_SCENARIO_STORE_READ opens without writing anything (a
 *   read-only file can be read); %GR_SCENARIO_STORE_WRITE also creates
 *   the tables, and fails on a read-only file
 */
GrScenarioStore *
gr_scenario_store_open (const char         *path,
                        GrProject          *baseline,
                        GrScenarioStoreMode mode,
                        GError            **error)
{
  g_autoptr (GrScenarioStore) store = g_new0 (GrScenarioStore, 1);

  store->path = g_strdup (path);
  store->baseline = baseline;
  if (!gr_project_file_is_project (path))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("%s: not a Greenreach project: save the project first"), path);
      return NULL;
    }
  if (!(mode == GR_SCENARIO_STORE_READ ? open_to_read (store, error)
                                       : open_to_write (store, error)))
    return NULL;
  return g_steal_pointer (&store);
}

gboolean
gr_scenario_store_is_read_only (GrScenarioStore *store)
{
  return store->read_only;
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

static gboolean
run (GrScenarioStore *store, const char *sql, gint64 a, gint64 b, const char *text, GError **error);

/* ---- reading: each edit's feature found again in the data ---- */

/* What the file says of an edit, before it is resolved. */
typedef struct
{
  GrEdit  *edit;      /* target.index not yet known */
  gint64   index;     /* the index when it was made */
  gint64   fid;       /* a baseline feature's number, or 0 */
  gint64   candidate; /* the k-th candidate park (0-based), or -1 */
  char    *target;
  double   target_area; /* NAN when unknown */
  gboolean old;         /* written before features had lasting numbers */
} Row;

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->edit, gr_edit_free);
  g_clear_pointer (&row->target, g_free);
}

static gint64
column_or (sqlite3_stmt *stmt, int i, gint64 otherwise)
{
  return sqlite3_column_type (stmt, i) == SQLITE_NULL ? otherwise : sqlite3_column_int64 (stmt, i);
}

/* A text the file holds, made valid UTF-8 (another program may have
 * written anything); NULL for NULL. */
static char *
text_column (sqlite3_stmt *stmt, int i)
{
  const char *text = (const char *) sqlite3_column_text (stmt, i);

  return text != NULL ? g_utf8_make_valid (text, sqlite3_column_bytes (stmt, i)) : NULL;
}

static gboolean
read_row (GrScenarioStore *store, sqlite3_stmt *stmt, Row *row, GError **error)
{
  GrEditKind   kind;
  GrRole       role;
  OGRGeometryH geometry = NULL;
  const char  *wkt = (const char *) sqlite3_column_text (stmt, 3);

  if (!gr_edit_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &kind)
      || !gr_role_from_string ((const char *) sqlite3_column_text (stmt, 1), &role)
      || (wkt != NULL && OGR_G_CreateFromWkt ((char **) &wkt, NULL, &geometry) != OGRERR_NONE))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("%s: a damaged scenario edit"), store->path);
      return FALSE;
    }
  row->edit = gr_edit_new (kind, role, 0, geometry);
  row->edit->name = text_column (stmt, 4);
  row->edit->klass = text_column (stmt, 5);
  row->index = sqlite3_column_int64 (stmt, 2);
  row->fid = column_or (stmt, 6, 0);
  row->candidate = column_or (stmt, 7, -1);
  row->old = row->fid == 0 && row->candidate < 0;
  row->target = text_column (stmt, 8);
  row->target_area =
      sqlite3_column_type (stmt, 9) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 9);
  row->edit->suggested = column_or (stmt, 10, 0) == 1;
  return TRUE;
}

static GArray *
read_rows (GrScenarioStore *store, gint64 scenario, GError **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autofree char *sql = g_strdup_printf (
      "SELECT kind, role, feature, geometry, name, class, %s, %s FROM gr_edits WHERE scenario = ?1 "
      "ORDER BY seq",
      store->lasting ? "fid, candidate, target, target_area" : "NULL, NULL, NULL, NULL",
      store->suggested ? "suggested" : "NULL");
  sqlite3_stmt *stmt = NULL;
  int           rc;

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  if (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      fail (store, error);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, scenario);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = { NULL };

      g_array_append_val (rows, row);
      if (!read_row (store, stmt, &g_array_index (rows, Row, rows->len - 1), error))
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      fail (store, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Rows written before features had lasting numbers name them by index; the
 * first candidate added tells where the baseline's parks ended then. */
static void
number_old_rows (GArray *rows, GrProject *baseline)
{
  gint64 parks = -1;
  guint  added = 0;

  for (guint i = 0; i < rows->len && parks < 0; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      if (row->fid == 0 && row->candidate < 0 && row->edit->kind == GR_EDIT_ADD)
        parks = MAX (row->index - added, 0);
      if (row->edit->kind == GR_EDIT_ADD)
        added++;
    }
  if (parks < 0)
    parks = n_features (baseline, GR_ROLE_PARK);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      if (row->fid == 0 && row->candidate < 0 && row->edit->target.role == GR_ROLE_PARK
          && row->index >= parks)
        row->candidate = row->index - parks;
    }
}

static const char *
role_noun (GrRole role)
{
  return role == GR_ROLE_PARK ? _ ("park") : _ ("green space");
}

/* Finds the baseline feature @row names; NULL with the reason why not. */
static gboolean
find_target (GrScenarioStore *store,
             GHashTable      *by_id[GR_N_ROLES],
             const Row       *row,
             guint           *index,
             char           **why)
{
  GrRole      role = row->edit->target.role;
  GrLayer    *layer = store->baseline->layers[role];
  GrFeature  *f;
  gpointer    found;
  const char *noun = role_noun (role);

  if (row->fid <= 0)
    {
      /* Named by index only: it can be checked against the layer's end. */
      if (row->index < 0 || row->index >= n_features (store->baseline, role))
        {
          /* TRANSLATORS: "it names park #57; the layer has 40" */
          *why = g_strdup_printf (_ ("it names %s #%lld; the layer has %u"), noun,
                                  (long long) row->index + 1, n_features (store->baseline, role));
          return FALSE;
        }
      *index = (guint) row->index;
      return TRUE;
    }
  if (by_id[role] == NULL)
    by_id[role] = gr_layer_index_by_id (layer);
  found = g_hash_table_lookup (by_id[role], &row->fid);
  if (found == NULL)
    {
      if (row->target != NULL)
        /* TRANSLATORS: "it names park no. 12 (“人民公园”), which the layer no longer has" */
        *why = g_strdup_printf (_ ("it names %s no. %lld (“%s”), which the layer no longer has"),
                                noun, (long long) row->fid, row->target);
      else
        *why = g_strdup_printf (_ ("it names %s no. %lld, which the layer no longer has"), noun,
                                (long long) row->fid);
      return FALSE;
    }
  *index = GPOINTER_TO_UINT (found) - 1;
  f = g_ptr_array_index (layer->features, *index);
  /* The same number, another feature? A named one keeps its name; an
   * unnamed one is known by its area (1 %: an outline touched up in
   * another GIS is still the same park). */
  if (g_strcmp0 (f->name, row->target) != 0)
    {
      *why = g_strdup_printf (_ ("%s no. %lld was “%s” when the edit was made and is “%s” now"),
                              noun, (long long) row->fid, row->target ? row->target : "",
                              f->name ? f->name : "");
      return FALSE;
    }
  if (row->target == NULL && !isnan (row->target_area)
      && fabs (OGR_G_Area (f->geometry) - row->target_area) > 0.01 * row->target_area)
    {
      *why = g_strdup_printf (_ ("unnamed %s no. %lld has another outline than when the edit was "
                                 "made"),
                              noun, (long long) row->fid);
      return FALSE;
    }
  return TRUE;
}

/* Where the edit of @row applies now, or the reason it cannot. */
static gboolean
resolve_row (GrScenarioStore *store,
             GrScenario      *scenario,
             GHashTable      *by_id[GR_N_ROLES],
             GHashTable      *candidates,
             const Row       *row,
             char           **why)
{
  GrEdit *edit = row->edit;
  g_autoptr (GError) error = NULL;
  guint    index = 0;
  gpointer found;

  if (edit->kind == GR_EDIT_ADD)
    index = gr_scenario_next_candidate (scenario, store->baseline);
  else if (row->candidate >= 0)
    {
      if ((found = g_hash_table_lookup (candidates, &row->candidate)) == NULL)
        {
          *why = g_strdup (_ ("it changes a candidate park whose adding was left out"));
          return FALSE;
        }
      index = GPOINTER_TO_UINT (found) - 1;
    }
  else if (!find_target (store, by_id, row, &index, why))
    return FALSE;
  edit->target.index = index;
  if (!gr_scenario_check_edit (scenario, store->baseline, edit, &error))
    {
      *why = g_strdup (error->message);
      return FALSE;
    }
  if (edit->kind == GR_EDIT_ADD && row->candidate >= 0)
    g_hash_table_insert (candidates, g_memdup2 (&row->candidate, sizeof (gint64)),
                         GUINT_TO_POINTER (index + 1));
  return TRUE;
}

/* Each edit's feature, found again; what no longer fits goes to
 * scenario->left_out, named. */
static void
resolve (GrScenarioStore *store, GrScenario *scenario, GArray *rows, guint position)
{
  g_autoptr (GHashTable) candidates =
      g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTable *by_id[GR_N_ROLES] = { NULL };
  guint       in_force = 0;
  guint       added = 0;

  number_old_rows (rows, store->baseline);
  for (guint i = 0; i < rows->len; i++)
    {
      Row             *row = &g_array_index (rows, Row, i);
      g_autofree char *why = NULL;

      if (row->old)
        scenario->stale = TRUE; /* rewritten with lasting numbers */
      if (row->edit->kind == GR_EDIT_ADD && row->candidate < 0)
        row->candidate = added;
      if (row->edit->kind == GR_EDIT_ADD)
        added++;
      /* Checked with every kept edit before it in force, as a redo would. */
      scenario->position = scenario->edits->len;
      if (resolve_row (store, scenario, by_id, candidates, row, &why))
        {
          g_ptr_array_add (scenario->edits, g_steal_pointer (&row->edit));
          in_force += i < position;
          continue;
        }
      /* TRANSLATORS: scenario “Plan B”, edit 3 (remove): the reason; left out */
      g_ptr_array_add (scenario->left_out,
                       g_strdup_printf (_ ("Scenario “%s”, edit %u (%s): %s; left out"),
                                        scenario->name, i + 1,
                                        gr_edit_kind_to_string (row->edit->kind), why));
      scenario->stale = TRUE;
    }
  scenario->position = in_force;
  for (guint r = 0; r < GR_N_ROLES; r++)
    g_clear_pointer (&by_id[r], g_hash_table_unref);
}

static gboolean
load_edits (GrScenarioStore *store, GrScenario *scenario, GError **error)
{
  g_autoptr (GArray) rows = read_rows (store, scenario->id, error);

  if (rows == NULL)
    return FALSE;
  resolve (store, scenario, rows, MIN (scenario->position, rows->len));
  return TRUE;
}

/**
 * gr_scenario_store_load:
 *
 * Every edit is found again in the baseline by the lasting number of its
 * feature; an edit whose feature is gone or is another one now is left
 * out and named in the scenario's left_out.
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

  if (store->empty)
    return g_steal_pointer (&scenarios);
  if (sqlite3_prepare_v2 (store->db, "SELECT id, name, position FROM gr_scenarios ORDER BY ord, id",
                          -1, &stmt, NULL)
      != SQLITE_OK)
    {
      fail (store, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *name = text_column (stmt, 1);
      GrScenario      *scenario = gr_scenario_new (name);

      scenario->id = sqlite3_column_int64 (stmt, 0);
      scenario->position = (guint) CLAMP (sqlite3_column_int64 (stmt, 2), 0, G_MAXUINT);
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
  GrLayer      *layer = store->baseline->layers[edit->target.role];
  guint         n = n_features (store->baseline, edit->target.role);
  sqlite3_stmt *stmt = NULL;
  char         *wkt = NULL;
  gboolean      ok;

  if (sqlite3_prepare_v2 (store->db,
                          "INSERT INTO gr_edits (scenario, seq, kind, role, feature, geometry, "
                          "name, class, fid, candidate, target, target_area, suggested) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
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
  /* A baseline feature by its lasting number, name and area; a candidate
   * by its rank among the scenario's candidates. */
  if (edit->target.index < n)
    {
      GrFeature *f = g_ptr_array_index (layer->features, edit->target.index);

      if (f->id > 0)
        sqlite3_bind_int64 (stmt, 9, f->id);
      sqlite3_bind_text (stmt, 11, f->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 12, OGR_G_Area (f->geometry));
    }
  else if (edit->target.role == GR_ROLE_PARK)
    sqlite3_bind_int64 (stmt, 10, edit->target.index - n_features (store->baseline, GR_ROLE_PARK));
  if (edit->suggested)
    sqlite3_bind_int (stmt, 13, 1);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  CPLFree (wkt);
  return ok || fail (store, error);
}

/* A scenario whose rows differ from its edits (some were left out, or the
 * rows name features by index) is written again whole with its next change. */
static gboolean
rewrite_stale (GrScenarioStore *store, GrScenario *scenario, GError **error)
{
  gboolean ok;

  if (!scenario->stale)
    return TRUE;
  ok = run (store, "DELETE FROM gr_edits WHERE scenario = ?1 AND ?2 = ?2", scenario->id, 0, NULL,
            error);
  for (guint i = 0; ok && i < scenario->edits->len; i++)
    ok = insert_edit (store, scenario->id, i, g_ptr_array_index (scenario->edits, i), error);
  return ok;
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
  ok = rewrite_stale (store, scenario, error)
       && run (store, "DELETE FROM gr_edits WHERE scenario = ?1 AND seq >= ?2", scenario->id,
               scenario->position, NULL, error)
       && insert_edit (store, scenario->id, scenario->position, edit, error)
       && run (store, "UPDATE gr_scenarios SET position = ?2 WHERE id = ?1", scenario->id,
               scenario->position + 1, NULL, error);
  if (!commit (store, ok, error))
    return FALSE;
  scenario->stale = FALSE;
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
  gboolean ok;

  position = MIN (position, scenario->edits->len);
  if (!begin (store, error))
    return FALSE;
  ok = rewrite_stale (store, scenario, error)
       && run (store, "UPDATE gr_scenarios SET position = ?2 WHERE id = ?1", scenario->id, position,
               NULL, error);
  if (!commit (store, ok, error))
    return FALSE;
  scenario->stale = FALSE;
  scenario->position = position;
  return TRUE;
}
