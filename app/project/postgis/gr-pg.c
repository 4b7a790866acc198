/* gr-pg.c — PostgreSQL/PostGIS connections
 *
 * A connection is written as GDAL writes it, "PG:" and libpq's key=value
 * list, with GDAL's own keys (tables=, schemas=, active_schema=…) among
 * them. A password may be in it (password=…, or user:secret@ in a
 * postgresql:// address), from PGPASSWORD, a password file (PGPASSFILE,
 * ~/.pgpass) or a service (PGSERVICE, service=…): whatever libpq reads.
 * Only gr_pg_connect() and GDAL ever see the string whole; everything
 * printed or stored goes through gr_pg_redact().
 */
#include "config.h"

#include "gr-pg.h"

#include "gr-project.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* GDAL's PG driver's own keys, which libpq does not know. */
static const char *const gdal_keys[] = {
  "tables", "schemas", "active_schema", "list_all_tables", "preludestatements", "closingstatements",
  NULL,
};

gboolean
gr_pg_is_connection (const char *path)
{
  return path != NULL
         && (g_str_has_prefix (path, "PG:") || g_str_has_prefix (path, "postgresql://")
             || g_str_has_prefix (path, "postgres://"));
}

/**
 * gr_pg_redact:
 * @text: any text: a connection string, or a message naming one
 *
 * Returns: (transfer full): @text with every password=… (quoted or not)
 *   taken out and every postgresql://user:secret@ cut to user@
 */
char *
gr_pg_redact (const char *text)
{
  static GRegex   *keyword, *uri;
  static gsize     compiled;
  g_autofree char *once = NULL;

  if (text == NULL)
    return NULL;
  if (g_once_init_enter (&compiled))
    {
      keyword = g_regex_new ("\\s*\\bpassword\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'?|[^\\s'\"]*)",
                             G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      uri = g_regex_new ("(postgres(?:ql)?://[^:/@\\s]*):[^@\\s]*@", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&compiled, 1);
    }
  once = g_regex_replace (keyword, text, -1, 0, "", 0, NULL);
  return g_regex_replace (uri, once != NULL ? once : "", -1, 0, "\\1@", 0, NULL);
}

/* Splits libpq's key=value list into its pairs (values unquoted). */
static GPtrArray *
split_pairs (const char *list)
{
  GPtrArray  *pairs = g_ptr_array_new_with_free_func (g_free);
  const char *p = list;

  while (*p)
    {
      const char *key;
      GString    *value;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      key = p;
      while (*p && *p != '=' && !g_ascii_isspace (*p))
        p++;
      g_ptr_array_add (pairs, g_strndup (key, p - key));
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '=')
        p++;
      while (g_ascii_isspace (*p))
        p++;
      value = g_string_new (NULL);
      if (*p == '\'')
        {
          for (p++; *p && *p != '\''; p++)
            {
              if (*p == '\\' && p[1] != '\0')
                p++;
              g_string_append_c (value, *p);
            }
          if (*p == '\'')
            p++;
        }
      else
        while (*p && !g_ascii_isspace (*p))
          g_string_append_c (value, *p++);
      g_ptr_array_add (pairs, g_string_free (value, FALSE));
    }
  return pairs;
}

static void
append_quoted (GString *out, const char *key, const char *value)
{
  g_string_append_printf (out, "%s%s='", out->len > 0 ? " " : "", key);
  for (const char *v = value; *v; v++)
    {
      if (*v == '\'' || *v == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *v);
    }
  g_string_append_c (out, '\'');
}

/**
 * gr_pg_conninfo:
 *
 * Returns: (transfer full): @connection as libpq takes it: without "PG:"
 *   and without GDAL's own keys
 */
char *
gr_pg_conninfo (const char *connection)
{
  const char *list = g_str_has_prefix (connection, "PG:") ? connection + 3 : connection;
  g_autoptr (GPtrArray) pairs = NULL;
  GString *out;

  if (!g_str_has_prefix (connection, "PG:"))
    return g_strdup (connection); /* a postgresql:// address */
  pairs = split_pairs (list);
  out = g_string_new (NULL);
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *key = g_ptr_array_index (pairs, i);

      if (!g_strv_contains (gdal_keys, key))
        append_quoted (out, key, g_ptr_array_index (pairs, i + 1));
    }
  return g_string_free (out, FALSE);
}

/**
 * gr_pg_first_table:
 *
 * Returns: (transfer full) (nullable): the first table named by tables=
 *   (schema.table, without a geometry column's name), or %NULL
 */
char *
gr_pg_first_table (const char *connection)
{
  g_autoptr (GPtrArray) pairs = NULL;

  if (!g_str_has_prefix (connection, "PG:"))
    return NULL;
  pairs = split_pairs (connection + 3);
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    if (g_str_equal (g_ptr_array_index (pairs, i), "tables"))
      {
        const char *tables = g_ptr_array_index (pairs, i + 1);
        const char *end = tables + strcspn (tables, ",(");

        return end > tables ? g_strndup (tables, end - tables) : NULL;
      }
  return NULL;
}

static void
ignore_notice (void *data, const char *message)
{
}

/**
 * gr_pg_connect:
 *
 * Returns: (transfer full) (nullable): an open connection, or %NULL with
 *   @error naming the connection (without its password) and libpq's reason
 */
PGconn *
gr_pg_connect (const char *connection, GError **error)
{
  g_autofree char *conninfo = gr_pg_conninfo (connection);
  g_autofree char *shown = NULL;
  g_autofree char *why = NULL;
  PGconn          *conn = PQconnectdb (conninfo);

  if (conn != NULL && PQstatus (conn) == CONNECTION_OK)
    {
      PQsetClientEncoding (conn, "UTF8");
      /* The server's notices ("relation … already exists, skipping") are
       * not for the user. */
      PQsetNoticeProcessor (conn, ignore_notice, NULL);
      return conn;
    }
  shown = gr_pg_redact (connection);
  why = gr_pg_redact (conn != NULL ? PQerrorMessage (conn) : "out of memory");
  g_strstrip (why);
  g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
               _ ("%s: cannot connect to the database: %s"), shown, why);
  PQfinish (conn);
  return NULL;
}

/**
 * gr_pg_quote_identifier:
 *
 * Returns: (transfer full): @name as an SQL identifier, quoted and with
 *   its quotes doubled, so that no name can end the identifier early
 */
char *
gr_pg_quote_identifier (PGconn *conn, const char *name)
{
  char *quoted = PQescapeIdentifier (conn, name, strlen (name));
  char *copy = g_strdup (quoted != NULL ? quoted : "\"\"");

  PQfreemem (quoted);
  return copy;
}

/* Runs @sql (no parameters, no rows wanted). */
gboolean
gr_pg_exec (PGconn *conn, const char *sql, GError **error)
{
  g_autoptr (PGresult) result = PQexec (conn, sql);
  ExecStatusType   status = PQresultStatus (result);
  g_autofree char *why = NULL;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  why = g_strdup (PQresultErrorMessage (result));
  g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE, _ ("the database refused: %s"),
               g_strstrip (why));
  return FALSE;
}
