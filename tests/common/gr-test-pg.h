/* gr-test-pg.h — the PostgreSQL server pg-server.sh started for a test:
 * where it is, a connection to it, a value read from it */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

#ifndef GR_PG_AUTOPTR_DEFINED /* gr-pg.h defines it too */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
#define GR_PG_AUTOPTR_DEFINED 1
#endif

/* One of the GREENREACH_PG_* variables pg-server.sh sets. */
static inline const char *
gr_test_pg_env (const char *name)
{
  const char *value = g_getenv (name);

  g_assert_nonnull (value);
  return value;
}

/* host, port, dbname and user, without a password. */
static inline char *
gr_test_pg_base (void)
{
  return g_strdup_printf (
      "host=%s port=%s dbname=%s user=%s", gr_test_pg_env ("GREENREACH_PG_HOST"),
      gr_test_pg_env ("GREENREACH_PG_PORT"), gr_test_pg_env ("GREENREACH_PG_DBNAME"),
      gr_test_pg_env ("GREENREACH_PG_USER"));
}

/* A project in @schema of the server (the password from the password file). */
static inline char *
gr_test_pg_location (const char *schema)
{
  g_autofree char *base = gr_test_pg_base ();

  return g_strdup_printf ("PG:%s schema=%s", base, schema);
}

static inline PGconn *
gr_test_pg_connect (void)
{
  g_autofree char *base = gr_test_pg_base ();
  g_autofree char *info =
      g_strdup_printf ("%s password=%s", base, gr_test_pg_env ("GREENREACH_PG_PASSWORD"));
  PGconn *conn = PQconnectdb (info);

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  return conn;
}

/* The first value of @text's first row, or NULL. */
static inline char *
gr_test_pg_value (PGconn *conn, const char *text)
{
  PGresult *r = PQexec (conn, text);
  char     *value = NULL;

  if (PQresultStatus (r) != PGRES_TUPLES_OK)
    g_error ("%s: %s", text, PQresultErrorMessage (r));
  if (PQntuples (r) > 0 && !PQgetisnull (r, 0, 0))
    value = g_strdup (PQgetvalue (r, 0, 0));
  PQclear (r);
  return value;
}
