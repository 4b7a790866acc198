/* gr-db.c — the project's own tables, in SQLite or PostgreSQL
 *
 * A project file is opened with SQLite itself (WAL, a busy timeout); a
 * project in a database with libpq, its schema first on the search path,
 * so that the same statements name the same tables in both. Rows are
 * read whole before a statement returns: the tables are small (scenarios,
 * edits, targets, styles).
 */
#include "config.h"

#include "gr-db.h"

#include "gr-pg.h"
#include "gr-project-file.h"
#include "gr-project.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

struct _GrDb
{
  GrDbKind kind;
  char    *label; /* the file's path, or the connection without its password */
  sqlite3 *sqlite;
  PGconn  *pg;
  char    *location; /* PostgreSQL: to set the session up again after a reset */
  gboolean write;
  gboolean in_transaction; /* never connected again half way through one */
};

typedef struct
{
  int    type; /* SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT or SQLITE_NULL */
  gint64 i;
  double d;
  char  *s;
} Cell;

struct _GrDbResult
{
  guint64 changes;
  int     row; /* the row gr_db_result_next() moved to; -1 before the first */
  /* SQLite: the rows, read whole */
  GArray *cells; /* Cell, n_columns a row */
  guint   n_columns;
  /* PostgreSQL: the server's result */
  PGresult *pg;
};

/* Who changes a shared project, as others see it: user@host. */
const char *
gr_db_get_who (void)
{
  static char *who;
  static gsize made;

  if (g_once_init_enter (&made))
    {
      who = g_strdup_printf ("%s@%s", g_get_user_name (), g_get_host_name ());
      g_once_init_leave (&made, 1);
    }
  return who;
}

static gboolean
sqlite_fail (GrDb *db, GError **error)
{
  int code = sqlite3_extended_errcode (db->sqlite) & 0xff;

  if (code == SQLITE_FULL)
    g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE, _ ("the disk is full"));
  else if (code == SQLITE_READONLY)
    g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_READ_ONLY,
                         _ ("the file or its folder is read-only"));
  else
    g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                         sqlite3_errmsg (db->sqlite));
  return FALSE;
}

static gboolean
pg_fail (GrDb *db, PGresult *result, GError **error)
{
  const char      *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  g_autofree char *why =
      gr_pg_redact (result != NULL ? PQresultErrorMessage (result) : PQerrorMessage (db->pg));

  g_strstrip (why);
  if (PQstatus (db->pg) != CONNECTION_OK)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                 _ ("the connection to the database was lost (%s)"), why);
  else if (g_strcmp0 (state, "53100") == 0)
    g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                         _ ("the database server's disk is full"));
  else if (g_strcmp0 (state, "23505") == 0) /* two analysts naming a scenario alike at once */
    g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID, why);
  else if (g_strcmp0 (state, "25006") == 0 || g_strcmp0 (state, "42501") == 0)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_READ_ONLY,
                 _ ("the database does not let this user change the project (%s)"), why);
  else
    g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE, why);
  return FALSE;
}

static gboolean
open_sqlite (GrDb *db, const char *path, gboolean write, GError **error)
{
  g_autofree char *uri = gr_project_file_read_uri (path);

  db->kind = GR_DB_SQLITE;
  if (sqlite3_open_v2 (write ? path : uri, &db->sqlite,
                       write ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN, _ ("%s: cannot open (%s)"), path,
                   sqlite3_errmsg (db->sqlite));
      return FALSE;
    }
  sqlite3_busy_timeout (db->sqlite, 5000);
  /* WAL: a crash mid-write leaves the last committed state; FULL: a
   * committed change survives a power cut too. */
  if (write
      && !gr_db_exec (db,
                      "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                      "PRAGMA foreign_keys = ON",
                      error))
    return FALSE;
  return TRUE;
}

static gboolean
set_up_session (GrDb *db, const char *location, gboolean write, GError **error)
{
  g_autofree char *schema = gr_pg_get_schema (location);
  /* The server keeps ASCII alone in an application name: user@host
   * escaped as in a URI (王工 → %E7%8E%8B%E5%B7%A5), read back whole. */
  g_autofree char *who = g_uri_escape_string (gr_db_get_who (), "@", FALSE);
  GrDbValue values[] = { GR_DB_TEXT (schema), GR_DB_TEXT (who), GR_DB_TEXT (write ? "off" : "on") };
  g_autoptr (GError) local = NULL;

  /* The project's schema alone on the search path (PostGIS's types and
   * functions are found through their own schema's qualification, and
   * pg_catalog is always searched); others see who is connected by the
   * application name. A project opened to read is read-only to the
   * server too. */
  if (!gr_db_run (db,
                  "SELECT set_config ('search_path', quote_ident (?1) || ', public', false), "
                  "set_config ('application_name', 'greenreach ' || ?2, false), "
                  "set_config ('default_transaction_read_only', ?3, false)",
                  values, G_N_ELEMENTS (values), &local))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN, "%s: %s", db->label,
                   local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_pg (GrDb *db, const char *location, gboolean write, GError **error)
{
  db->kind = GR_DB_POSTGRES;
  db->location = g_strdup (location);
  db->write = write;
  if ((db->pg = gr_pg_connect (location, error)) == NULL)
    return FALSE;
  return set_up_session (db, location, write, error);
}

/* A connection lost between transactions (the server restarted, the
 * network came back) is made again, its session as before; one lost in
 * the middle of a transaction is not: what was done in it is gone, which
 * the caller is told. */
static gboolean
pg_ready (GrDb *db, GError **error)
{
  g_autofree char *why = NULL;

  if (PQstatus (db->pg) == CONNECTION_OK)
    return TRUE;
  if (!db->in_transaction)
    {
      PQreset (db->pg);
      if (PQstatus (db->pg) == CONNECTION_OK)
        {
          PQsetClientEncoding (db->pg, "UTF8");
          return set_up_session (db, db->location, db->write, error);
        }
    }
  why = gr_pg_redact (PQerrorMessage (db->pg));
  g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
               _ ("the connection to the database was lost (%s)"), g_strstrip (why));
  return FALSE;
}

/**
 * gr_db_open:
 * @location: a project file's path, or a connection with its schema
 *   (gr_pg_get_schema())
 * @write: %FALSE opens for reading only: nothing can be written, not
 *   even by mistake
 */
GrDb *
gr_db_open (const char *location, gboolean write, GError **error)
{
  g_autoptr (GrDb) db = g_new0 (GrDb, 1);

  db->label = gr_pg_redact_connection (location);
  if (!(gr_pg_is_connection (location) ? open_pg (db, location, write, error)
                                       : open_sqlite (db, location, write, error)))
    return NULL;
  return g_steal_pointer (&db);
}

void
gr_db_close (GrDb *db)
{
  if (db == NULL)
    return;
  sqlite3_close (db->sqlite);
  if (db->pg != NULL)
    PQfinish (db->pg);
  g_free (db->label);
  g_free (db->location);
  g_free (db);
}

GrDbKind
gr_db_get_kind (GrDb *db)
{
  return db->kind;
}

/* The server's process for this connection (PostgreSQL), or 0. */
int
gr_db_get_backend_pid (GrDb *db)
{
  return db->pg != NULL ? PQbackendPID (db->pg) : 0;
}

/* The file's path, or the connection without its password: for messages. */
const char *
gr_db_get_label (GrDb *db)
{
  return db->label;
}

/* Runs @sql, one or more statements without values and without rows. */
gboolean
gr_db_exec (GrDb *db, const char *sql, GError **error)
{
  g_autoptr (PGresult) result = NULL;

  if (db->kind == GR_DB_SQLITE)
    return sqlite3_exec (db->sqlite, sql, NULL, NULL, NULL) == SQLITE_OK || sqlite_fail (db, error);
  if (!pg_ready (db, error))
    return FALSE;
  result = PQexec (db->pg, sql);
  return PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK
         || pg_fail (db, result, error);
}

static void
cell_clear (Cell *cell)
{
  g_free (cell->s);
}

static void
sqlite_bind (sqlite3_stmt *stmt, const GrDbValue *values, guint n)
{
  for (guint k = 0; k < n; k++)
    switch (values[k].type)
      {
      case 'i':
        sqlite3_bind_int64 (stmt, k + 1, values[k].i);
        break;
      case 'd':
        sqlite3_bind_double (stmt, k + 1, values[k].d);
        break;
      case 't':
        sqlite3_bind_text (stmt, k + 1, values[k].s, -1, SQLITE_TRANSIENT);
        break;
      default:
        sqlite3_bind_null (stmt, k + 1);
      }
}

static GrDbResult *
sqlite_query (GrDb *db, const char *sql, const GrDbValue *values, guint n, GError **error)
{
  g_autoptr (GrDbResult) result = g_new0 (GrDbResult, 1);
  sqlite3_stmt *stmt = NULL;
  int           rc;

  result->row = -1;
  result->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (result->cells, (GDestroyNotify) cell_clear);
  if (sqlite3_prepare_v2 (db->sqlite, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_fail (db, error);
      return NULL;
    }
  sqlite_bind (stmt, values, n);
  result->n_columns = sqlite3_column_count (stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (guint c = 0; c < result->n_columns; c++)
      {
        Cell cell = { sqlite3_column_type (stmt, c) };

        if (cell.type == SQLITE_INTEGER)
          cell.i = sqlite3_column_int64 (stmt, c);
        else if (cell.type == SQLITE_FLOAT)
          cell.d = sqlite3_column_double (stmt, c);
        else if (cell.type != SQLITE_NULL)
          {
            cell.type = SQLITE_TEXT;
            cell.s = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, c),
                                        sqlite3_column_bytes (stmt, c));
          }
        g_array_append_val (result->cells, cell);
      }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sqlite_fail (db, error);
      return NULL;
    }
  result->changes = sqlite3_changes (db->sqlite);
  return g_steal_pointer (&result);
}

/* ?N as PostgreSQL writes it, $N; the statements hold no other '?'. */
static char *
pg_placeholders (const char *sql)
{
  g_autofree char *copy = g_strdup (sql);

  for (char *c = copy; *c; c++)
    if (*c == '?' && g_ascii_isdigit (c[1]))
      *c = '$';
  return g_steal_pointer (&copy);
}

static GrDbResult *
pg_query (GrDb *db, const char *sql, const GrDbValue *values, guint n, GError **error)
{
  g_autofree char        *text = pg_placeholders (sql);
  g_autofree const char **params = g_new0 (const char *, n + 1);
  g_autoptr (GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GrDbResult) result = g_new0 (GrDbResult, 1);
  ExecStatusType status;

  for (guint k = 0; k < n; k++)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      if (values[k].type == 'i')
        g_ptr_array_add (owned, g_strdup_printf ("%" G_GINT64_FORMAT, values[k].i));
      else if (values[k].type == 'd')
        g_ptr_array_add (owned, g_strdup (g_ascii_dtostr (number, sizeof number, values[k].d)));
      else
        {
          params[k] = values[k].s;
          continue;
        }
      params[k] = g_ptr_array_index (owned, owned->len - 1);
    }
  if (!pg_ready (db, error))
    return NULL;
  result->row = -1;
  result->pg = PQexecParams (db->pg, text, n, NULL, params, NULL, NULL, 0);
  status = PQresultStatus (result->pg);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      pg_fail (db, result->pg, error);
      return NULL;
    }
  result->changes = g_ascii_strtoull (PQcmdTuples (result->pg), NULL, 10);
  return g_steal_pointer (&result);
}

/**
 * gr_db_query:
 * @sql: one statement, its values written ?1, ?2…
 * @values: (array length=n): bound in order, each used by the statement
 *
 * Returns: (transfer full): its rows, or %NULL with @error giving the
 *   database's reason (classified: %GR_PROJECT_ERROR_READ_ONLY,
 *   %GR_PROJECT_ERROR_WRITE…), for the caller to say what it was doing
 */
GrDbResult *
gr_db_query (GrDb *db, const char *sql, const GrDbValue *values, guint n, GError **error)
{
  return db->kind == GR_DB_SQLITE ? sqlite_query (db, sql, values, n, error)
                                  : pg_query (db, sql, values, n, error);
}

/* gr_db_query() for a statement whose rows are not wanted. */
gboolean
gr_db_run (GrDb *db, const char *sql, const GrDbValue *values, guint n, GError **error)
{
  g_autoptr (GrDbResult) result = gr_db_query (db, sql, values, n, error);

  return result != NULL;
}

/* SQLite's IMMEDIATE: two writers of one file take turns from the start
 * rather than one failing at its first write. */
gboolean
gr_db_begin (GrDb *db, GError **error)
{
  db->in_transaction =
      gr_db_exec (db, db->kind == GR_DB_SQLITE ? "BEGIN IMMEDIATE" : "BEGIN", error);
  return db->in_transaction;
}

/* PostgreSQL takes COMMIT after a failed statement as ROLLBACK: said so. */
gboolean
gr_db_commit (GrDb *db, GError **error)
{
  g_autoptr (PGresult) result = NULL;

  if (db->kind == GR_DB_SQLITE)
    {
      if (gr_db_exec (db, "COMMIT", error))
        {
          db->in_transaction = FALSE;
          return TRUE;
        }
      gr_db_rollback (db);
      return FALSE;
    }
  result = PQexec (db->pg, "COMMIT");
  db->in_transaction = FALSE;
  if (PQresultStatus (result) == PGRES_COMMAND_OK && g_str_equal (PQcmdStatus (result), "COMMIT"))
    return TRUE;
  if (PQresultStatus (result) == PGRES_COMMAND_OK)
    {
      g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                           _ ("the database rolled the change back"));
      return FALSE;
    }
  return pg_fail (db, result, error);
}

void
gr_db_rollback (GrDb *db)
{
  gr_db_exec (db, "ROLLBACK", NULL);
  db->in_transaction = FALSE;
}

gboolean
gr_db_has_column (GrDb *db, const char *table, const char *column)
{
  GrDbValue values[] = { GR_DB_TEXT (table), GR_DB_TEXT (column) };
  g_autoptr (GrDbResult) result = NULL;

  if (db->kind == GR_DB_SQLITE)
    result =
        gr_db_query (db, "SELECT 1 FROM pragma_table_info (?1) WHERE name = ?2", values, 2, NULL);
  else
    result = gr_db_query (db,
                          "SELECT 1 FROM information_schema.columns WHERE table_schema = "
                          "current_schema () AND table_name = ?1 AND column_name = ?2",
                          values, 2, NULL);
  return result != NULL && gr_db_result_next (result);
}

gboolean
gr_db_has_table (GrDb *db, const char *table)
{
  GrDbValue value = GR_DB_TEXT (table);
  g_autoptr (GrDbResult) result = NULL;

  if (db->kind == GR_DB_SQLITE)
    result = gr_db_query (db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                          &value, 1, NULL);
  else
    result = gr_db_query (db,
                          "SELECT 1 FROM information_schema.tables WHERE table_schema = "
                          "current_schema () AND table_name = ?1",
                          &value, 1, NULL);
  return result != NULL && gr_db_result_next (result);
}

/* Moves to the next row; %FALSE after the last. */
gboolean
gr_db_result_next (GrDbResult *result)
{
  guint n_rows = result->pg != NULL      ? (guint) PQntuples (result->pg)
                 : result->n_columns > 0 ? result->cells->len / result->n_columns
                                         : 0;

  if (result->row + 1 >= (int) n_rows)
    return FALSE;
  result->row++;
  return TRUE;
}

/* The rows a statement inserted, changed or deleted. */
guint64
gr_db_result_get_changes (GrDbResult *result)
{
  return result->changes;
}

static Cell *
cell_at (GrDbResult *result, guint column)
{
  g_return_val_if_fail (result->row >= 0 && column < result->n_columns, NULL);
  return &g_array_index (result->cells, Cell, result->row * result->n_columns + column);
}

gboolean
gr_db_result_is_null (GrDbResult *result, guint column)
{
  if (result->pg != NULL)
    return column >= (guint) PQnfields (result->pg)
           || PQgetisnull (result->pg, result->row, column);
  return cell_at (result, column)->type == SQLITE_NULL;
}

gint64
gr_db_result_get_int (GrDbResult *result, guint column, gint64 otherwise)
{
  Cell *cell;

  if (gr_db_result_is_null (result, column))
    return otherwise;
  if (result->pg != NULL)
    return g_ascii_strtoll (PQgetvalue (result->pg, result->row, column), NULL, 10);
  cell = cell_at (result, column);
  return cell->type == SQLITE_INTEGER ? cell->i
         : cell->type == SQLITE_FLOAT ? (gint64) cell->d
                                      : g_ascii_strtoll (cell->s, NULL, 10);
}

double
gr_db_result_get_real (GrDbResult *result, guint column, double otherwise)
{
  Cell *cell;

  if (gr_db_result_is_null (result, column))
    return otherwise;
  if (result->pg != NULL)
    return g_ascii_strtod (PQgetvalue (result->pg, result->row, column), NULL);
  cell = cell_at (result, column);
  return cell->type == SQLITE_FLOAT     ? cell->d
         : cell->type == SQLITE_INTEGER ? (double) cell->i
                                        : g_ascii_strtod (cell->s, NULL);
}

/* Returns: (transfer full) (nullable): the text, made valid UTF-8 (another
 * program may have written anything); %NULL for NULL. */
char *
gr_db_result_dup_text (GrDbResult *result, guint column)
{
  Cell *cell;

  if (gr_db_result_is_null (result, column))
    return NULL;
  if (result->pg != NULL)
    return g_utf8_make_valid (PQgetvalue (result->pg, result->row, column), -1);
  cell = cell_at (result, column);
  if (cell->type == SQLITE_INTEGER)
    return g_strdup_printf ("%" G_GINT64_FORMAT, cell->i);
  if (cell->type == SQLITE_FLOAT)
    return g_strdup_printf ("%.17g", cell->d);
  return g_strdup (cell->s);
}

void
gr_db_result_free (GrDbResult *result)
{
  if (result == NULL)
    return;
  if (result->cells != NULL)
    g_array_unref (result->cells);
  PQclear (result->pg);
  g_free (result);
}
