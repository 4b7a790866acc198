/* gr-scenario-store.c — scenarios and their edits in the project file
 *
 * Two attribute tables of the GeoPackage, registered in gpkg_contents so
 * other GIS tools list them: gr_scenarios (name, position) and gr_edits
 * (one row per edit, in order; outlines as WKT in the project's CRS).
 */
#include "config.h"

#include "gr-scenario-store.h"

#include "gr-db.h"
#include "gr-pg.h"
#include "gr-project-file.h"

#include <cpl_conv.h>
#include <glib/gi18n-lib.h>
#include <math.h>

typedef struct _Peeker Peeker;

static void peeker_clear (Peeker *peeker);

struct _GrScenarioStore
{
  GrDb      *db;
  char      *path;      /* for messages: the file, or the connection without its password */
  GrProject *baseline;  /* borrowed: what the edits are resolved against */
  gboolean   read_only; /* opened to read: nothing is written, not even the schema */
  gboolean   empty;     /* read-only, and the file has no scenario tables yet */
  gboolean   lasting;   /* gr_edits has the columns that name features lastingly */
  gboolean   suggested; /* … and the column that marks suggested sites */
  gboolean   versioned; /* gr_scenarios counts each scenario's changes */
  char      *location;  /* as given, a password in it included: never shown */
  Peeker    *peeker;    /* looks at a shared project off the main thread */
};

/* fid: a baseline feature's lasting number (GrFeature.id); candidate: the
 * k-th park the scenario adds; target, target_area: what the feature was
 * called and its area when the edit was made, to check that the number
 * still names it. `feature` (the index at the time) is kept for older
 * versions, which read only it. A scenario's version counts its changes,
 * and changed_by says whose was the last: a change made over an older
 * version than the table's is refused (see claim_change()). */
static const char sqlite_schema[] =
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

static const char version_columns[] =
    "ALTER TABLE gr_scenarios ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE gr_scenarios ADD COLUMN changed_by TEXT;";

/* The same tables in a database's schema, with every column from the start. */
static const char postgres_schema[] =
    "CREATE TABLE IF NOT EXISTS gr_scenarios ("
    "  id BIGSERIAL PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  ord INTEGER NOT NULL DEFAULT 0,"
    "  version BIGINT NOT NULL DEFAULT 0,"
    "  changed_by TEXT);"
    "CREATE TABLE IF NOT EXISTS gr_edits ("
    "  id BIGSERIAL PRIMARY KEY,"
    "  scenario BIGINT NOT NULL REFERENCES gr_scenarios (id) ON DELETE CASCADE,"
    "  seq INTEGER NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  role TEXT NOT NULL,"
    "  feature BIGINT NOT NULL,"
    "  geometry TEXT,"
    "  name TEXT,"
    "  class TEXT,"
    "  fid BIGINT,"
    "  candidate BIGINT,"
    "  target TEXT,"
    "  target_area DOUBLE PRECISION,"
    "  suggested INTEGER,"
    "  UNIQUE (scenario, seq));";

static guint
n_features (GrProject *baseline, GrRole role)
{
  return baseline->layers[role] != NULL ? baseline->layers[role]->features->len : 0;
}

/* @local, the database's reason, as the store's error. */
static gboolean
fail (GrScenarioStore *store, GError *local, GError **error)
{
  g_set_error (error, GR_PROJECT_ERROR, local->code, _ ("%s: cannot record the change: %s"),
               store->path, local->message);
  g_error_free (local);
  return FALSE;
}

static gboolean
exec (GrScenarioStore *store, const char *sql, GError **error)
{
  GError *local = NULL;

  return gr_db_exec (store->db, sql, &local) || fail (store, local, error);
}

static gboolean
run (GrScenarioStore *store, const char *sql, const GrDbValue *values, guint n, GError **error)
{
  GError *local = NULL;

  return gr_db_run (store->db, sql, values, n, &local) || fail (store, local, error);
}

static gboolean
begin (GrScenarioStore *store, GError **error)
{
  GError *local = NULL;

  if (store->read_only)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_READ_ONLY,
                   _ ("%s: the project is open read-only: save a copy to change it"), store->path);
      return FALSE;
    }
  return gr_db_begin (store->db, &local) || fail (store, local, error);
}

static gboolean
commit (GrScenarioStore *store, gboolean ok, GError **error)
{
  GError *local = NULL;

  if (!ok)
    {
      gr_db_rollback (store->db);
      return FALSE;
    }
  return gr_db_commit (store->db, &local) || fail (store, local, error);
}

static void
note_columns (GrScenarioStore *store)
{
  store->empty = !gr_db_has_column (store->db, "gr_scenarios", "position")
                 || !gr_db_has_column (store->db, "gr_edits", "feature");
  store->lasting = gr_db_has_column (store->db, "gr_edits", "fid");
  store->suggested = gr_db_has_column (store->db, "gr_edits", "suggested");
  store->versioned = gr_db_has_column (store->db, "gr_scenarios", "version");
}

/* Creates the tables, or the columns a file from an older version lacks. */
static gboolean
create_tables (GrScenarioStore *store, GError **error)
{
  gboolean ok;

  /* In a database, an analyst may change the tables without the right to
   * create any: nothing to create, nothing asked. */
  if (gr_db_get_kind (store->db) == GR_DB_POSTGRES && gr_db_has_table (store->db, "gr_scenarios")
      && gr_db_has_table (store->db, "gr_edits"))
    {
      note_columns (store);
      return TRUE;
    }
  if (!begin (store, error))
    return FALSE;
  if (gr_db_get_kind (store->db) == GR_DB_POSTGRES)
    /* Two analysts opening a new project at once create the tables once. */
    ok = exec (store, "SELECT pg_advisory_xact_lock (hashtext (current_schema ()))", error)
         && exec (store, postgres_schema, error);
  else
    {
      ok = exec (store, sqlite_schema, error);
      if (ok && !gr_db_has_column (store->db, "gr_edits", "fid"))
        ok = exec (store, lasting_columns, error);
      if (ok && !gr_db_has_column (store->db, "gr_edits", "suggested"))
        ok = exec (store, suggested_column, error);
      if (ok && !gr_db_has_column (store->db, "gr_scenarios", "version"))
        ok = exec (store, version_columns, error);
    }
  if (!commit (store, ok, error))
    return FALSE;
  note_columns (store);
  return TRUE;
}

/**
 * gr_scenario_store_open:
 * @path: a project file, as gr_project_save() writes it, or a project in
 *   a database (PG:… schema=NAME)
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
  gboolean write = mode == GR_SCENARIO_STORE_WRITE;

  store->path = gr_pg_redact_connection (path);
  store->location = g_strdup (path);
  store->baseline = baseline;
  store->read_only = !write;
  if (!gr_project_file_is_project (path))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("%s: not a Greenreach project: save the project first"), store->path);
      return NULL;
    }
  if (write && gr_project_file_is_read_only (path))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_READ_ONLY,
                   _ ("%s: the file or its folder is read-only: open it to read, or save a copy "
                      "to change it"),
                   store->path);
      return NULL;
    }
  if ((store->db = gr_db_open (path, write, error)) == NULL)
    return NULL;
  if (write)
    {
      if (!create_tables (store, error))
        return NULL;
    }
  else
    note_columns (store);
  return g_steal_pointer (&store);
}

gboolean
gr_scenario_store_is_read_only (GrScenarioStore *store)
{
  return store->read_only;
}

/* Whether others may change the scenarios while they are open here: a
 * project in a database. */
gboolean
gr_scenario_store_is_shared (GrScenarioStore *store)
{
  return gr_db_get_kind (store->db) == GR_DB_POSTGRES;
}

void
gr_scenario_store_close (GrScenarioStore *store)
{
  if (store == NULL)
    return;
  gr_db_close (store->db);
  if (store->peeker != NULL)
    g_atomic_rc_box_release_full (store->peeker, (GDestroyNotify) peeker_clear);
  g_free (store->path);
  g_free (store->location);
  g_free (store);
}

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

static gboolean
read_row (GrScenarioStore *store, GrDbResult *result, Row *row, GError **error)
{
  GrEditKind       kind;
  GrRole           role;
  OGRGeometryH     geometry = NULL;
  g_autofree char *kind_name = gr_db_result_dup_text (result, 0);
  g_autofree char *role_name = gr_db_result_dup_text (result, 1);
  g_autofree char *wkt = gr_db_result_dup_text (result, 3);
  char            *cursor = wkt;

  if (!gr_edit_kind_from_string (kind_name, &kind) || !gr_role_from_string (role_name, &role)
      || (wkt != NULL && OGR_G_CreateFromWkt (&cursor, NULL, &geometry) != OGRERR_NONE))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("%s: a damaged scenario edit"), store->path);
      return FALSE;
    }
  row->edit = gr_edit_new (kind, role, 0, geometry);
  row->edit->name = gr_db_result_dup_text (result, 4);
  row->edit->klass = gr_db_result_dup_text (result, 5);
  row->index = gr_db_result_get_int (result, 2, 0);
  row->fid = gr_db_result_get_int (result, 6, 0);
  row->candidate = gr_db_result_get_int (result, 7, -1);
  row->old = row->fid == 0 && row->candidate < 0;
  row->target = gr_db_result_dup_text (result, 8);
  row->target_area = gr_db_result_get_real (result, 9, NAN);
  row->edit->suggested = gr_db_result_get_int (result, 10, 0) == 1;
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
  GrDbValue value = GR_DB_INT (scenario);
  GError   *local = NULL;
  g_autoptr (GrDbResult) result = gr_db_query (store->db, sql, &value, 1, &local);

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  if (result == NULL)
    {
      fail (store, local, error);
      return NULL;
    }
  while (gr_db_result_next (result))
    {
      Row row = { NULL };

      g_array_append_val (rows, row);
      if (!read_row (store, result, &g_array_index (rows, Row, rows->len - 1), error))
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
  g_autoptr (GrDbResult) result = NULL;
  g_autofree char *sql = NULL;
  GError          *local = NULL;

  if (store->empty)
    return g_steal_pointer (&scenarios);
  sql = g_strdup_printf ("SELECT id, name, position, %s FROM gr_scenarios ORDER BY ord, id",
                         store->versioned ? "version, changed_by" : "0, NULL");
  if ((result = gr_db_query (store->db, sql, NULL, 0, &local)) == NULL)
    {
      fail (store, local, error);
      return NULL;
    }
  while (gr_db_result_next (result))
    {
      g_autofree char *name = gr_db_result_dup_text (result, 1);
      GrScenario      *scenario = gr_scenario_new (name);

      scenario->id = gr_db_result_get_int (result, 0, 0);
      scenario->position = (guint) CLAMP (gr_db_result_get_int (result, 2, 0), 0, G_MAXUINT);
      scenario->version = gr_db_result_get_int (result, 3, 0);
      scenario->changed_by = gr_db_result_dup_text (result, 4);
      g_ptr_array_add (scenarios, scenario);
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
  GrLayer  *layer = store->baseline->layers[edit->target.role];
  guint     n = n_features (store->baseline, edit->target.role);
  char     *wkt = NULL;
  gboolean  ok;
  GrDbValue values[13];

  if (edit->geometry != NULL)
    OGR_G_ExportToWkt (edit->geometry, &wkt);
  values[0] = GR_DB_INT (scenario);
  values[1] = GR_DB_INT (seq);
  values[2] = GR_DB_TEXT (gr_edit_kind_to_string (edit->kind));
  values[3] = GR_DB_TEXT (gr_role_to_string (edit->target.role));
  values[4] = GR_DB_INT (edit->target.index);
  values[5] = GR_DB_TEXT (wkt);
  values[6] = GR_DB_TEXT (edit->name);
  values[7] = GR_DB_TEXT (edit->klass);
  for (guint k = 8; k < 12; k++)
    values[k] = GR_DB_NULL;
  values[12] = edit->suggested ? GR_DB_INT (1) : GR_DB_NULL;
  /* A baseline feature by its lasting number, name and area; a candidate
   * by its rank among the scenario's candidates. */
  if (edit->target.index < n)
    {
      GrFeature *f = g_ptr_array_index (layer->features, edit->target.index);

      if (f->id > 0)
        values[8] = GR_DB_INT (f->id);
      values[10] = GR_DB_TEXT (f->name);
      values[11] = GR_DB_REAL (OGR_G_Area (f->geometry));
    }
  else if (edit->target.role == GR_ROLE_PARK)
    values[9] = GR_DB_INT (edit->target.index - n_features (store->baseline, GR_ROLE_PARK));
  ok = run (store,
            "INSERT INTO gr_edits (scenario, seq, kind, role, feature, geometry, "
            "name, class, fid, candidate, target, target_area, suggested) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            values, G_N_ELEMENTS (values), error);
  CPLFree (wkt);
  return ok;
}

/* A scenario whose rows differ from its edits (some were left out, or the
 * rows name features by index) is written again whole with its next change. */
static gboolean
rewrite_stale (GrScenarioStore *store, GrScenario *scenario, GError **error)
{
  GrDbValue id = GR_DB_INT (scenario->id);
  gboolean  ok;

  if (!scenario->stale)
    return TRUE;
  ok = run (store, "DELETE FROM gr_edits WHERE scenario = ?1", &id, 1, error);
  for (guint i = 0; ok && i < scenario->edits->len; i++)
    ok = insert_edit (store, scenario->id, i, g_ptr_array_index (scenario->edits, i), error);
  return ok;
}

/* Within a change's transaction, first: counts the change, which must be
 * made over the version of @scenario this program read. Someone else's
 * change made in the meantime (in a shared project, or another program
 * on the same file) refuses it: it would be made over edits this program
 * has not seen, and either would be lost. */
static gboolean
claim_change (GrScenarioStore *store, GrScenario *scenario, GError **error)
{
  GrDbValue values[] = { GR_DB_INT (scenario->id), GR_DB_INT (scenario->version),
                         GR_DB_TEXT (gr_db_get_who ()) };
  GError   *local = NULL;
  g_autoptr (GrDbResult) result = NULL;
  g_autoptr (GrDbResult) now = NULL;
  g_autofree char *who = NULL;

  if (!store->versioned)
    return TRUE;
  result = gr_db_query (store->db,
                        "UPDATE gr_scenarios SET version = version + 1, changed_by = ?3 "
                        "WHERE id = ?1 AND version = ?2",
                        values, G_N_ELEMENTS (values), &local);
  if (result == NULL)
    return fail (store, local, error);
  if (gr_db_result_get_changes (result) == 1)
    return TRUE;
  now =
      gr_db_query (store->db, "SELECT changed_by FROM gr_scenarios WHERE id = ?1", values, 1, NULL);
  if (now == NULL || !gr_db_result_next (now))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CONFLICT,
                   _ ("%s: scenario “%s” was deleted by someone else: the change was not "
                      "recorded"),
                   store->path, scenario->name);
      return FALSE;
    }
  who = gr_db_result_dup_text (now, 0);
  g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CONFLICT,
               _ ("%s: scenario “%s” was changed by %s since it was read here: the change was "
                  "not recorded, so that neither is lost. The scenario is read again with "
                  "their change: make this one once more if it is still wanted."),
               store->path, scenario->name, who != NULL ? who : _ ("someone else"));
  return FALSE;
}

static gboolean
name_taken (GrScenarioStore *store, const char *name, GError **error)
{
  GrDbValue value = GR_DB_TEXT (name);
  g_autoptr (GrDbResult) result =
      gr_db_query (store->db, "SELECT 1 FROM gr_scenarios WHERE name = ?1", &value, 1, NULL);

  if (result == NULL || !gr_db_result_next (result))
    return FALSE;
  g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
               _ ("a scenario named “%s” exists already"), name);
  return TRUE;
}

/**
 * gr_scenario_store_add:
 *
 * Stores a new scenario with its edits (a fresh one, or a duplicate made
 * with gr_scenario_copy()), in one transaction; sets its id. A scenario
 * that has an id already (copied with its project into a new file or
 * schema) keeps it, and its version.
 */
gboolean
gr_scenario_store_add (GrScenarioStore *store, GrScenario *scenario, GError **error)
{
  GrDbValue values[] = { GR_DB_INT (scenario->position), GR_DB_TEXT (scenario->name),
                         GR_DB_TEXT (gr_db_get_who ()), GR_DB_INT (scenario->id),
                         GR_DB_INT (scenario->version) };
  gboolean  kept = scenario->id > 0 && store->versioned;
  g_autoptr (GrDbResult) result = NULL;
  GError  *local = NULL;
  gboolean ok;

  if (scenario->name == NULL || g_utf8_strlen (g_strstrip (scenario->name), -1) == 0)
    {
      g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                           _ ("a scenario needs a name"));
      return FALSE;
    }
  if (name_taken (store, scenario->name, error) || !begin (store, error))
    return FALSE;
  /* A scenario copied with its project keeps its number and version. */
  result =
      gr_db_query (store->db,
                   kept ? "INSERT INTO gr_scenarios (position, name, changed_by, id, version) "
                          "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id"
                   : store->versioned ? "INSERT INTO gr_scenarios (position, name, changed_by) "
                                        "VALUES (?1, ?2, ?3) RETURNING id"
                                      : "INSERT INTO gr_scenarios (position, name) VALUES "
                                        "(?1, ?2) RETURNING id",
                   values,
                   kept               ? 5
                   : store->versioned ? 3
                                      : 2,
                   &local);
  ok = result != NULL && gr_db_result_next (result);
  if (result == NULL)
    fail (store, local, error);
  else
    scenario->id = gr_db_result_get_int (result, 0, 0);
  for (guint i = 0; ok && i < scenario->edits->len; i++)
    ok = insert_edit (store, scenario->id, i, g_ptr_array_index (scenario->edits, i), error);
  /* The next new scenario is numbered after the kept ones. */
  if (ok && kept && gr_db_get_kind (store->db) == GR_DB_POSTGRES)
    ok = exec (store,
               "SELECT setval (pg_get_serial_sequence ('gr_scenarios', 'id'), "
               "(SELECT max (id) FROM gr_scenarios))",
               error);
  if (!commit (store, ok, error))
    {
      scenario->id = 0;
      return FALSE;
    }
  if (!kept)
    scenario->version = 0;
  g_free (scenario->changed_by);
  scenario->changed_by = g_strdup (gr_db_get_who ());
  return TRUE;
}

/* A change made: the version it was made over is the one this program has. */
static void
changed (GrScenario *scenario)
{
  scenario->version++;
  g_free (scenario->changed_by);
  scenario->changed_by = g_strdup (gr_db_get_who ());
}

gboolean
gr_scenario_store_rename (GrScenarioStore *store,
                          GrScenario      *scenario,
                          const char      *name,
                          GError         **error)
{
  GrDbValue values[] = { GR_DB_INT (scenario->id), GR_DB_TEXT (name) };
  gboolean  ok;

  if (name == NULL || name[0] == '\0')
    {
      g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                           _ ("a scenario needs a name"));
      return FALSE;
    }
  if (g_strcmp0 (name, scenario->name) == 0)
    return TRUE;
  if (name_taken (store, name, error) || !begin (store, error))
    return FALSE;
  ok = claim_change (store, scenario, error)
       && run (store, "UPDATE gr_scenarios SET name = ?2 WHERE id = ?1", values, 2, error);
  if (!commit (store, ok, error))
    return FALSE;
  changed (scenario);
  g_free (scenario->name);
  scenario->name = g_strdup (name);
  return TRUE;
}

gboolean
gr_scenario_store_delete (GrScenarioStore *store, GrScenario *scenario, GError **error)
{
  GrDbValue id = GR_DB_INT (scenario->id);
  gboolean  ok;

  if (!begin (store, error))
    return FALSE;
  ok = claim_change (store, scenario, error)
       && run (store, "DELETE FROM gr_edits WHERE scenario = ?1", &id, 1, error)
       && run (store, "DELETE FROM gr_scenarios WHERE id = ?1", &id, 1, error);
  return commit (store, ok, error);
}

/**
 * gr_scenario_store_push:
 * @edit: (transfer full): checked with gr_scenario_check_edit()
 *
 * gr_scenario_push() and its record, in one transaction: the undone edits
 * it drops are deleted with it. On failure the scenario is unchanged; a
 * scenario changed elsewhere since it was read fails with
 * %GR_PROJECT_ERROR_CONFLICT.
 */
gboolean
gr_scenario_store_push (GrScenarioStore *store, GrScenario *scenario, GrEdit *edit, GError **error)
{
  g_autoptr (GrEdit) owned = edit;
  GrDbValue values[] = { GR_DB_INT (scenario->id), GR_DB_INT (scenario->position) };
  GrDbValue next[] = { GR_DB_INT (scenario->id), GR_DB_INT (scenario->position + 1) };
  gboolean  ok;

  if (!begin (store, error))
    return FALSE;
  ok = claim_change (store, scenario, error) && rewrite_stale (store, scenario, error)
       && run (store, "DELETE FROM gr_edits WHERE scenario = ?1 AND seq >= ?2", values, 2, error)
       && insert_edit (store, scenario->id, scenario->position, edit, error)
       && run (store, "UPDATE gr_scenarios SET position = ?2 WHERE id = ?1", next, 2, error);
  if (!commit (store, ok, error))
    return FALSE;
  changed (scenario);
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
  GrDbValue values[2];
  gboolean  ok;

  position = MIN (position, scenario->edits->len);
  values[0] = GR_DB_INT (scenario->id);
  values[1] = GR_DB_INT (position);
  if (!begin (store, error))
    return FALSE;
  ok = claim_change (store, scenario, error) && rewrite_stale (store, scenario, error)
       && run (store, "UPDATE gr_scenarios SET position = ?2 WHERE id = ?1", values, 2, error);
  if (!commit (store, ok, error))
    return FALSE;
  changed (scenario);
  scenario->stale = FALSE;
  scenario->position = position;
  return TRUE;
}

/* ---- who else has the project open ---- */

/* A session's mark on the scenario it edits: a shared advisory lock on
 * (this schema, the scenario), which every editor of it holds at once and
 * the server lets go when the session ends, however it ends. */
#define LOCK_KEY "hashtext (current_schema ()) & 2147483647"

/**
 * gr_scenario_store_set_editing:
 * @scenario: (nullable): the scenario edited here from now on, or %NULL
 *
 * Says to the other users of a shared project which scenario is being
 * edited here (see gr_scenario_store_get_editors()); nothing for a file.
 */
gboolean
gr_scenario_store_set_editing (GrScenarioStore *store, GrScenario *scenario, GError **error)
{
  GrDbValue id;

  if (!gr_scenario_store_is_shared (store))
    return TRUE;
  if (!run (store, "SELECT pg_advisory_unlock_all ()", NULL, 0, error))
    return FALSE;
  if (scenario == NULL || scenario->id <= 0 || scenario->id > G_MAXINT32)
    return TRUE;
  id = GR_DB_INT (scenario->id);
  return run (store, "SELECT pg_advisory_lock_shared (" LOCK_KEY ", CAST (?1 AS integer))", &id, 1,
              error);
}

/* Others editing a scenario: for each, who (decoded from the application
 * name), leaving out the session @own (this program's connection). */
static GHashTable *
query_editors (GrDb *db, int own, GError **error)
{
  g_autoptr (GHashTable) editors =
      g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GrDbValue value = GR_DB_INT (own);
  g_autoptr (GrDbResult) result = NULL;

  /* application_name is seen for every session, whoever's; it is
   * "greenreach user@host" for this program's. */
  result = gr_db_query (
      db,
      "SELECT l.objid::bigint, string_agg (DISTINCT CASE WHEN a.application_name LIKE "
      "'greenreach %' THEN substr (a.application_name, 12) ELSE a.usename::text END, ', ') "
      "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
      "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 "
      "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database ()) "
      "AND l.classid::bigint = (" LOCK_KEY ") AND l.pid <> CAST (?1 AS integer) "
      "GROUP BY l.objid",
      &value, 1, error);
  if (result == NULL)
    return NULL;
  while (gr_db_result_next (result))
    {
      gint64           id = gr_db_result_get_int (result, 0, 0);
      g_autofree char *names = gr_db_result_dup_text (result, 1);
      char            *shown = names != NULL ? g_uri_unescape_string (names, NULL) : NULL;

      /* A name cut short by the server's 63 bytes is shown as it is. */
      if (shown == NULL || !g_utf8_validate (shown, -1, NULL))
        {
          g_free (shown);
          shown = g_steal_pointer (&names);
        }
      g_hash_table_insert (editors, g_memdup2 (&id, sizeof id), shown);
    }
  return g_steal_pointer (&editors);
}

/* "REVISION|id:version id:version …": the project's save (gr_meta), and
 * each scenario's count of changes. */
static char *
query_state (GrDb *db, GError **error)
{
  g_autoptr (GrDbResult) revision =
      gr_db_query (db, "SELECT value FROM gr_meta WHERE key = 'revision'", NULL, 0, error);
  g_autoptr (GrDbResult) result = NULL;
  g_autofree char *text = NULL;
  GString         *state;

  if (revision == NULL
      || (result =
              gr_db_query (db, "SELECT id, version FROM gr_scenarios ORDER BY id", NULL, 0, error))
             == NULL)
    return NULL;
  if (gr_db_result_next (revision))
    text = gr_db_result_dup_text (revision, 0);
  state = g_string_new (text);
  g_string_append_c (state, '|');
  while (gr_db_result_next (result))
    g_string_append_printf (state, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT " ",
                            gr_db_result_get_int (result, 0, 0),
                            gr_db_result_get_int (result, 1, 0));
  return g_string_free (state, FALSE);
}

/**
 * gr_scenario_store_get_editors:
 *
 * Returns: (transfer full): for each scenario others are editing now
 *   (its id, a #gint64 key), who they are ("user@host, …"); empty for a
 *   file; %NULL with @error when the database cannot be asked
 */
GHashTable *
gr_scenario_store_get_editors (GrScenarioStore *store, GError **error)
{
  GError     *local = NULL;
  GHashTable *editors;

  if (!gr_scenario_store_is_shared (store))
    return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  editors = query_editors (store->db, gr_db_get_backend_pid (store->db), &local);
  if (editors == NULL)
    fail (store, local, error);
  return editors;
}

/**
 * gr_scenario_store_get_state:
 *
 * Returns: (transfer full): a text that changes whenever anyone adds,
 *   changes, renames or deletes a scenario of the project, or saves the
 *   project anew: "REVISION|id:version …", REVISION as
 *   GrProject.revision; %NULL with @error when it cannot be read
 */
char *
gr_scenario_store_get_state (GrScenarioStore *store, GError **error)
{
  GError *local = NULL;
  char   *state;

  if (store->empty || !store->versioned || !gr_db_has_table (store->db, "gr_meta"))
    return g_strdup ("");
  if ((state = query_state (store->db, &local)) == NULL)
    fail (store, local, error);
  return state;
}

/* ---- looking at a shared project off the main thread ---- */

/* What a look at a shared project needs, kept apart from the store (which
 * may be closed while a look is under way): the location, which session
 * is the store's own, and a connection of its own, used by one look at a
 * time. */
struct _Peeker
{
  char  *location;
  int    own;
  GMutex lock;
  GrDb  *db;
};

static void
peeker_clear (Peeker *peeker)
{
  g_free (peeker->location);
  gr_db_close (peeker->db);
  g_mutex_clear (&peeker->lock);
}

static void
peeker_unref (Peeker *peeker)
{
  g_atomic_rc_box_release_full (peeker, (GDestroyNotify) peeker_clear);
}

void
gr_share_peek_free (GrSharePeek *peek)
{
  if (peek == NULL)
    return;
  g_clear_pointer (&peek->editors, g_hash_table_unref);
  g_free (peek->state);
  g_free (peek);
}

/* The look itself, its connection kept for the next; under the lock. */
static GrSharePeek *
look (Peeker *peeker, GError **error)
{
  g_autoptr (GrSharePeek) peek = g_new0 (GrSharePeek, 1);

  if (peeker->db == NULL && (peeker->db = gr_db_open (peeker->location, FALSE, error)) == NULL)
    return NULL;
  if ((peek->editors = query_editors (peeker->db, peeker->own, error)) == NULL
      || (peek->state = query_state (peeker->db, error)) == NULL)
    {
      /* Connected again next time: the network may come back. */
      g_clear_pointer (&peeker->db, gr_db_close);
      return NULL;
    }
  return g_steal_pointer (&peek);
}

static void
peek_in_thread (GTask *task, gpointer object, gpointer data, GCancellable *cancellable)
{
  Peeker      *peeker = data;
  GError      *error = NULL;
  GrSharePeek *result;

  g_mutex_lock (&peeker->lock);
  result = look (peeker, &error);
  g_mutex_unlock (&peeker->lock);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) gr_share_peek_free);
}

/**
 * gr_scenario_store_peek_async:
 *
 * Looks, on a connection and a thread of its own, at who is editing which
 * scenario of a shared project and whether any was changed (see
 * gr_scenario_store_get_editors() and gr_scenario_store_get_state()): a
 * slow or lost network never holds up the caller. The store may be
 * closed meanwhile. @tag comes back from gr_scenario_store_peek_finish(),
 * to tell which look it was.
 */
void
gr_scenario_store_peek_async (GrScenarioStore    *store,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            data,
                              guint               tag)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, data);

  g_task_set_source_tag (task, gr_scenario_store_peek_async);
  g_object_set_data (G_OBJECT (task), "gr-peek-tag", GUINT_TO_POINTER (tag));
  if (!gr_scenario_store_is_shared (store))
    {
      g_task_return_new_error (task, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                               "%s: not a shared project", store->path);
      return;
    }
  if (store->peeker == NULL)
    {
      store->peeker = g_atomic_rc_box_new0 (Peeker);
      store->peeker->location = g_strdup (store->location);
      store->peeker->own = gr_db_get_backend_pid (store->db);
      g_mutex_init (&store->peeker->lock);
    }
  g_task_set_task_data (task, g_atomic_rc_box_acquire (store->peeker),
                        (GDestroyNotify) peeker_unref);
  g_task_run_in_thread (task, peek_in_thread);
}

/* @tag: (out): the caller's tag given to gr_scenario_store_peek_async() */
GrSharePeek *
gr_scenario_store_peek_finish (GAsyncResult *result, guint *tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  *tag = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "gr-peek-tag"));
  return g_task_propagate_pointer (G_TASK (result), error);
}

static int
by_id (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/**
 * gr_scenarios_get_state:
 * @scenarios: (element-type GrScenario) (nullable): as read from a store
 *
 * Returns: (transfer full): "id:version …" of the stored ones by id, as
 *   the part of gr_scenario_store_get_state() after the "|" gives them
 *   when nobody has changed them since
 */
char *
gr_scenarios_get_state (GPtrArray *scenarios)
{
  g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  GString *state = g_string_new (NULL);

  for (guint i = 0; scenarios != NULL && i < scenarios->len; i++)
    {
      GrScenario *s = g_ptr_array_index (scenarios, i);
      gint64      pair[2] = { s->id, s->version };

      if (s->id > 0)
        g_array_append_vals (pairs, pair, 1);
    }
  g_array_sort (pairs, by_id);
  for (guint i = 0; i < pairs->len; i++)
    g_string_append_printf (state, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT " ",
                            g_array_index (pairs, gint64, 2 * i),
                            g_array_index (pairs, gint64, 2 * i + 1));
  return g_string_free (state, FALSE);
}
