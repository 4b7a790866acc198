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

/* Keys libpq does not know: GDAL's PG driver's own, and schema= for a
 * project kept in a schema (`greenreach PG:"…" schema=NAME`). */
static const char *const gdal_keys[] = {
  "tables", "schemas", "active_schema", "list_all_tables", "preludestatements", "closingstatements",
  "schema", NULL,
};

/* GDAL's driver takes "PG:" and "PGB:" in any case. */
static gsize
prefix_length (const char *path)
{
  if (g_ascii_strncasecmp (path, "PG:", 3) == 0)
    return 3;
  if (g_ascii_strncasecmp (path, "PGB:", 4) == 0)
    return 4;
  return 0;
}

static gboolean
is_uri (const char *path)
{
  return g_ascii_strncasecmp (path, "postgresql://", 13) == 0
         || g_ascii_strncasecmp (path, "postgres://", 11) == 0;
}

gboolean
gr_pg_is_connection (const char *path)
{
  return path != NULL && (prefix_length (path) > 0 || is_uri (path));
}

/**
 * gr_pg_redact:
 * @text: any text: a message that may quote a connection string
 *
 * Returns: (transfer full): @text with every password=… taken out (its
 *   value quoted '…' or "…", or up to the next space, backslashes escaping
 *   as libpq reads them) and every postgres[ql]://user:secret@ cut to
 *   user@
 */
char *
gr_pg_redact (const char *text)
{
  static GRegex   *keyword, *uri;
  static gsize     compiled;
  g_autofree char *valid = NULL;
  g_autofree char *once = NULL;

  if (text == NULL)
    return NULL;
  /* Not G_REGEX_OPTIMIZE: PCRE's compiled code reads memory valgrind
   * takes for uninitialised, and the texts are short. */
  if (g_once_init_enter (&compiled))
    {
      keyword = g_regex_new (
          "\\bpassword\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'?|\"[^\"]*\"?|(?:\\\\.|\\S)*)\\s*",
          G_REGEX_CASELESS, 0, NULL);
      uri = g_regex_new ("(postgres(?:ql)?://[^:/@\\s]*):[^@\\s/]*@", G_REGEX_CASELESS, 0, NULL);
      g_once_init_leave (&compiled, 1);
    }
  valid = g_utf8_make_valid (text, -1);
  once = g_regex_replace (keyword, valid, -1, 0, "", 0, NULL);
  return g_regex_replace (uri, once != NULL ? once : "", -1, 0, "\\1@", 0, NULL);
}

/* Splits libpq's key=value list into its pairs, values as libpq reads
 * them: quoted '…' with \' and \\, or up to a space with \ escaping the
 * next character. Returns: %NULL when @list is not such a list. */
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
      /* A word without "=": not libpq's syntax (a value with a space not
       * in single quotes, say). */
      if (*p != '=')
        {
          g_ptr_array_unref (pairs);
          return NULL;
        }
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
        for (; *p && !g_ascii_isspace (*p); p++)
          {
            if (*p == '\\' && p[1] != '\0')
              p++;
            g_string_append_c (value, *p);
          }
      g_ptr_array_add (pairs, g_string_free (value, FALSE));
    }
  return pairs;
}

/* key=value, the value quoted when it must be. */
static void
append_pair (GString *out, const char *key, const char *value)
{
  gboolean plain = *value != '\0' && strpbrk (value, " \t\n\r'\"\\") == NULL;

  g_string_append_printf (out, "%s%s=", out->len > 0 && out->str[out->len - 1] != ':' ? " " : "",
                          key);
  if (plain)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '\'');
  for (const char *v = value; *v; v++)
    {
      if (*v == '\'' || *v == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *v);
    }
  g_string_append_c (out, '\'');
}

/**
 * gr_pg_redact_connection:
 *
 * Returns: (transfer full): @connection without its password, read as
 *   libpq reads it (so no part of a password with spaces, quotes or
 *   backslashes is left), every other key kept; a file's path as it is;
 *   %NULL for %NULL
 */
char *
gr_pg_redact_connection (const char *connection)
{
  gsize    skip;
  GString *out;
  g_autoptr (GPtrArray) pairs = NULL;

  if (connection == NULL)
    return NULL;
  if (!gr_pg_is_connection (connection))
    return g_strdup (connection); /* a file: its path as it is */
  if ((skip = prefix_length (connection)) == 0)
    return gr_pg_redact (connection); /* a postgresql:// address */
  if ((pairs = split_pairs (connection + skip)) == NULL)
    return gr_pg_redact (connection);
  out = g_string_new_len (connection, skip);
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    if (g_ascii_strcasecmp (g_ptr_array_index (pairs, i), "password") != 0)
      append_pair (out, g_ptr_array_index (pairs, i), g_ptr_array_index (pairs, i + 1));
  return g_string_free (out, FALSE);
}

/**
 * gr_pg_check:
 *
 * Returns: %FALSE with @error when @connection is not libpq's key=value
 *   list, saying so without quoting any of it but the part before a
 *   password (libpq's own message would quote the word it stopped at,
 *   which may be half a password)
 */
gboolean
gr_pg_check (const char *connection, GError **error)
{
  gsize skip = prefix_length (connection);
  g_autoptr (GPtrArray) pairs = NULL;
  g_autofree char *shown = NULL;

  if (skip == 0 || (pairs = split_pairs (connection + skip)) != NULL)
    return TRUE;
  /* Up to the password, if there is one: where the rest of it ends cannot
   * be told. */
  shown = g_utf8_make_valid (connection, -1);
  for (char *c = shown; *c; c++)
    if (g_ascii_strncasecmp (c, "password", 8) == 0)
      {
        strcpy (c, "…");
        break;
      }
  g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
               _ ("%s: not a connection string of key=value pairs; a value with spaces or "
                  "quotes is written in single quotes (key='…')"),
               shown);
  return FALSE;
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
  /* A host that drops packets is given up on in 15 s, not the system's
   * minutes; a connection that dies under an open project (a cable
   * pulled, a VPN gone) is noticed within about 20 s by TCP keepalives
   * and the user timeout, so that neither the window nor a script waits
   * on it for the kernel's two hours. Each unless the string says. */
  const char *const defaults[] = {
    "connect_timeout",
    "15",
    "keepalives_idle",
    "10",
    "keepalives_interval",
    "5",
    "keepalives_count",
    "3",
    "tcp_user_timeout",
    "20000",
    NULL,
  };
  gsize skip = prefix_length (connection);
  g_autoptr (GPtrArray) pairs = NULL;
  GString *out;

  if (skip == 0)
    return g_strdup (connection); /* a postgresql:// address */
  if ((pairs = split_pairs (connection + skip)) == NULL)
    return g_strdup (connection + skip); /* libpq says what is wrong (gr_pg_check) */
  out = g_string_new (NULL);
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *key = g_ptr_array_index (pairs, i);

      if (!g_strv_contains (gdal_keys, key))
        append_pair (out, key, g_ptr_array_index (pairs, i + 1));
    }
  for (guint d = 0; defaults[d] != NULL; d += 2)
    {
      gboolean given = FALSE;

      for (guint i = 0; i + 1 < pairs->len && !given; i += 2)
        given = g_str_equal (g_ptr_array_index (pairs, i), defaults[d]);
      if (!given)
        append_pair (out, defaults[d], defaults[d + 1]);
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
  gsize skip = prefix_length (connection);
  g_autoptr (GPtrArray) pairs = NULL;

  if (skip == 0 || (pairs = split_pairs (connection + skip)) == NULL)
    return NULL;
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
  g_autofree char *conninfo = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *why = NULL;
  PGconn          *conn;

  if (!gr_pg_check (connection, error))
    return NULL;
  conninfo = gr_pg_conninfo (connection);
  conn = PQconnectdb (conninfo);

  if (conn != NULL && PQstatus (conn) == CONNECTION_OK)
    {
      PQsetClientEncoding (conn, "UTF8");
      /* The server's notices ("relation … already exists, skipping") are
       * not for the user. */
      PQsetNoticeProcessor (conn, ignore_notice, NULL);
      return conn;
    }
  shown = gr_pg_redact_connection (connection);
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

/* Whether @connection names its schema (schema=, schemas=, active_schema=). */
gboolean
gr_pg_has_schema (const char *connection)
{
  gsize skip = prefix_length (connection);
  g_autoptr (GPtrArray) pairs = NULL;

  if (skip == 0 || (pairs = split_pairs (connection + skip)) == NULL)
    return FALSE;
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *key = g_ptr_array_index (pairs, i);

      if ((g_str_equal (key, "schema") || g_str_equal (key, "schemas")
           || g_str_equal (key, "active_schema"))
          && *(const char *) g_ptr_array_index (pairs, i + 1) != '\0')
        return TRUE;
    }
  return FALSE;
}

/**
 * gr_pg_get_schema:
 *
 * Returns: (transfer full): the schema a project in the database lives in:
 *   schema=, else GDAL's active_schema= or the first of its schemas=, else
 *   "public"
 */
char *
gr_pg_get_schema (const char *connection)
{
  const char *const keys[] = { "schema", "active_schema", "schemas" };
  gsize             skip = prefix_length (connection);
  g_autoptr (GPtrArray) pairs = NULL;

  if (skip > 0 && (pairs = split_pairs (connection + skip)) != NULL)
    for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
      for (guint i = 0; i + 1 < pairs->len; i += 2)
        if (g_str_equal (g_ptr_array_index (pairs, i), keys[k]))
          {
            const char *value = g_ptr_array_index (pairs, i + 1);

            if (k == 2)
              return g_strndup (value, strcspn (value, ","));
            return g_strdup (value);
          }
  return g_strdup ("public");
}

/**
 * gr_pg_with_schema:
 *
 * Returns: (transfer full): @connection in GDAL's syntax ("PG:" and
 *   libpq's pairs) with @schema as the only schema it lists and writes
 *   to, whatever schema keys it had
 */
char *
gr_pg_with_schema (const char *connection, const char *schema)
{
  g_autofree char *conninfo = gr_pg_conninfo (connection);
  GString         *out = g_string_new ("PG:");

  g_string_append (out, conninfo);
  append_pair (out, "schemas", schema);
  return g_string_free (out, FALSE);
}

/**
 * gr_pg_project_location:
 *
 * Returns: (transfer full): the location of a project in @schema of the
 *   database @connection names, as the programs take it: @connection
 *   with schema=@schema in place of any schema key and without tables=
 */
char *
gr_pg_project_location (const char *connection, const char *schema)
{
  gsize skip = prefix_length (connection);
  g_autoptr (GPtrArray) pairs = NULL;
  GString *out;

  if (skip == 0 || (pairs = split_pairs (connection + skip)) == NULL)
    return g_strdup (connection); /* refused by gr_pg_check_project() */
  out = g_string_new_len (connection, skip);
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *key = g_ptr_array_index (pairs, i);

      if (!g_str_equal (key, "schema") && !g_str_equal (key, "schemas")
          && !g_str_equal (key, "active_schema") && !g_str_equal (key, "tables"))
        append_pair (out, key, g_ptr_array_index (pairs, i + 1));
    }
  append_pair (out, "schema", schema);
  return g_string_free (out, FALSE);
}

/**
 * gr_pg_check_project:
 *
 * Returns: %FALSE with @error when @location cannot name a project in a
 *   database: an address (postgresql://…) has no place for its schema
 */
gboolean
gr_pg_check_project (const char *location, GError **error)
{
  g_autofree char *shown = NULL;

  if (!gr_pg_check (location, error))
    return FALSE;
  if (prefix_length (location) > 0)
    return TRUE;
  shown = gr_pg_redact_connection (location);
  g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
               _ ("%s: a project in a database is named as PG:\"host=… dbname=…\" schema=NAME"),
               shown);
  return FALSE;
}

/**
 * gr_pg_join_schema_args:
 * @argv: a command line
 *
 * Returns: (transfer full): @argv with each schema=NAME word that follows
 *   a connection made part of it (PG:"host=… dbname=…" schema=NAME, as a
 *   shell passes it, is one project)
 */
char **
gr_pg_join_schema_args (char **argv)
{
  g_autoptr (GStrvBuilder) out = g_strv_builder_new ();

  for (guint i = 0; argv != NULL && argv[i] != NULL; i++)
    if (gr_pg_is_connection (argv[i]) && prefix_length (argv[i]) > 0 && argv[i + 1] != NULL
        && g_str_has_prefix (argv[i + 1], "schema=") && argv[i + 1][7] != '\0')
      {
        g_autofree char *joined = gr_pg_project_location (argv[i], argv[i + 1] + 7);

        g_strv_builder_add (out, joined);
        i++;
      }
    else
      g_strv_builder_add (out, argv[i]);
  return g_strv_builder_end (out);
}

/**
 * gr_pg_describe:
 *
 * Returns: (transfer full): a short name for a project in a database, as
 *   a window title shows it: “SCHEMA (dbname on host)”, or the host or
 *   the database alone when the other is not given
 */
char *
gr_pg_describe (const char *location)
{
  gsize            skip = prefix_length (location);
  g_autofree char *schema = gr_pg_get_schema (location);
  const char      *dbname = NULL, *host = NULL;
  g_autoptr (GPtrArray) pairs = NULL;

  if (skip > 0 && (pairs = split_pairs (location + skip)) != NULL)
    for (guint i = 0; i + 1 < pairs->len; i += 2)
      {
        if (g_str_equal (g_ptr_array_index (pairs, i), "dbname"))
          dbname = g_ptr_array_index (pairs, i + 1);
        else if (g_str_equal (g_ptr_array_index (pairs, i), "host"))
          host = g_ptr_array_index (pairs, i + 1);
        else if (g_str_equal (g_ptr_array_index (pairs, i), "service") && dbname == NULL)
          dbname = g_ptr_array_index (pairs, i + 1);
      }
  if (dbname != NULL && host != NULL)
    /* TRANSLATORS: a project in a database: its schema, database and server */
    return g_strdup_printf (_ ("%s (%s on %s)"), schema, dbname, host);
  if (dbname != NULL || host != NULL)
    /* TRANSLATORS: a project in a database: its schema, and its database or server */
    return g_strdup_printf (_ ("%s (%s)"), schema, dbname != NULL ? dbname : host);
  return g_steal_pointer (&schema);
}

/* @key's value in @connection, or "" when it has none. */
static char *
value_of (const char *connection, const char *key)
{
  gsize skip = prefix_length (connection);
  g_autoptr (GPtrArray) pairs = NULL;

  if (skip > 0 && (pairs = split_pairs (connection + skip)) != NULL)
    for (guint i = 0; i + 1 < pairs->len; i += 2)
      if (g_str_equal (g_ptr_array_index (pairs, i), key))
        return g_strdup (g_ptr_array_index (pairs, i + 1));
  return g_strdup ("");
}

/**
 * gr_pg_same_project:
 *
 * Returns: whether @a and @b name the same project in a database: the
 *   same server, port, database (or service) and schema, however else
 *   they are written (user, password, order, timeouts)
 */
gboolean
gr_pg_same_project (const char *a, const char *b)
{
  const char *const keys[] = { "host", "hostaddr", "port", "dbname", "service" };
  g_autofree char  *schema_a = gr_pg_get_schema (a);
  g_autofree char  *schema_b = gr_pg_get_schema (b);

  if (!gr_pg_is_connection (a) || !gr_pg_is_connection (b) || prefix_length (a) == 0
      || prefix_length (b) == 0)
    return g_strcmp0 (a, b) == 0;
  if (!g_str_equal (schema_a, schema_b))
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autofree char *x = value_of (a, keys[k]);
      g_autofree char *y = value_of (b, keys[k]);

      if (!g_str_equal (x, y))
        return FALSE;
    }
  return TRUE;
}
