/* test-pg.c — connection strings in GDAL's syntax: which strings are
 * connections, what libpq is given, and that no part of a password (with
 * spaces, quotes or backslashes, in any case of key or prefix) survives
 * in what is printed or kept */
#include "gr-import.h"
#include "gr-pg.h"

#include "gr-test-main.h"

#include <string.h>

static void
test_is_connection (void)
{
  g_assert_true (gr_pg_is_connection ("PG:host=h dbname=d"));
  g_assert_true (gr_pg_is_connection ("pg:host=h dbname=d"));
  g_assert_true (gr_pg_is_connection ("PGB:host=h"));
  g_assert_true (gr_pg_is_connection ("postgresql://u@h/d"));
  g_assert_true (gr_pg_is_connection ("Postgres://u@h/d"));
  g_assert_false (gr_pg_is_connection ("/data/pg:parks.shp"));
  g_assert_false (gr_pg_is_connection ("parks.gpkg"));
  g_assert_false (gr_pg_is_connection (NULL));
}

/* A connection string without its password, every other key kept. */
static void
test_redact_connection (void)
{
  static const struct
  {
    const char *in, *out;
  } cases[] = {
    { "PG:host=h password=s tables=t", "PG:host=h tables=t" },
    { "pg:host=h PASSWORD = 's p\\'q' tables=t", "pg:host=h tables=t" },
    { "PG:host=h password=a\\ b dbname=d", "PG:host=h dbname=d" },
    { "PG:password='x' host=h", "PG:host=h" },
    { "PG:host=h tables='city data.parks' password=z", "PG:host=h tables='city data.parks'" },
    /* Not libpq's syntax: redacted as text, the value's quotes taken as
     * quotes. */
    { "PG:host=h password=\"a b\" dbname=d", "PG:host=h dbname=d" },
    { "postgresql://u:pw@h:5432/db", "postgresql://u@h:5432/db" },
    { "PG:service=bureau tables=t", "PG:service=bureau tables=t" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = gr_pg_redact_connection (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* Free text, a message quoting a connection: as libpq would read the
 * value, and a little more rather than less. */
static void
test_redact_text (void)
{
  static const char *const texts[] = {
    "PG:host=h password=\"a b\" tables=t: cannot connect",
    "x password=ab'cd y",
    "x password=ab\"cd y",
    "x password=a\\ b y",
    "x PassWord = 'a b\\'c' y",
    "postgresql://user:a%20b@host/db failed",
    "\xb9\xab password=gbk y",
  };
  static const char *const secrets[] = { "a b", "ab", "ab", "a\\", "a b", "a%20b", "gbk" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *out = gr_pg_redact (texts[i]);

      g_test_message ("%s → %s", texts[i], out);
      g_assert_null (strstr (out, secrets[i]));
      g_assert_true (g_utf8_validate (out, -1, NULL));
      g_assert_true (g_str_has_suffix (out, "y") || g_str_has_suffix (out, "failed")
                     || g_str_has_suffix (out, "connect"));
    }
  {
    g_autofree char *kept = gr_pg_redact ("postgresql://h:5432/db?x=a@b");

    g_assert_cmpstr (kept, ==, "postgresql://h:5432/db?x=a@b");
  }
}

/* What libpq is given: no GDAL keys, the password as typed, a timeout. */
static void
test_conninfo (void)
{
  g_autofree char *info =
      gr_pg_conninfo ("PG:host=h tables=t schemas=s schema=x password='a b' dbname=d");
  g_autofree char *own =
      gr_pg_conninfo ("pg:host=h connect_timeout=3 keepalives_idle=60 tcp_user_timeout=0");
  g_autofree char *table = gr_pg_first_table ("PG:host=h tables='city data.parks(geom),x'");
  g_autofree char *none = gr_pg_first_table ("PG:host=h");

  /* A dead server or network is given up on in bounded time. */
  g_assert_cmpstr (info, ==,
                   "host=h password='a b' dbname=d connect_timeout=15 keepalives_idle=10 "
                   "keepalives_interval=5 keepalives_count=3 tcp_user_timeout=20000");
  /* … unless the connection says otherwise. */
  g_assert_cmpstr (own, ==,
                   "host=h connect_timeout=3 keepalives_idle=60 tcp_user_timeout=0 "
                   "keepalives_interval=5 keepalives_count=3");
  g_assert_cmpstr (table, ==, "city data.parks");
  g_assert_null (none);
}

/* A project in a database: its schema, named in any of the ways GDAL and
 * the programs take; the location with another schema; the name a title
 * shows; `PG:"…" schema=NAME` on a command line as one argument. */
static void
test_project_location (void)
{
  g_autofree char *plain = gr_pg_get_schema ("PG:host=h dbname=d");
  g_autofree char *ours = gr_pg_get_schema ("PG:host=h schema='规划 2025' dbname=d");
  g_autofree char *active = gr_pg_get_schema ("PG:host=h active_schema=a");
  g_autofree char *listed = gr_pg_get_schema ("PG:host=h schemas=b,c");
  g_autofree char *moved =
      gr_pg_project_location ("PG:host=h schemas=b tables=b.parks password=s dbname=d", "new");
  g_autofree char *gdal = gr_pg_with_schema ("PG:host=h schema=x dbname=d", "x");
  g_autofree char *title = gr_pg_describe ("PG:host=gis dbname=city schema=plan");
  char            *args[] = { "greenreach", "PG:host=h dbname=d", "schema=p", "x.gpkg", NULL };
  g_auto (GStrv) joined = gr_pg_join_schema_args (args);
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (plain, ==, "public");
  g_assert_cmpstr (ours, ==, "规划 2025");
  g_assert_cmpstr (active, ==, "a");
  g_assert_cmpstr (listed, ==, "b");
  g_assert_false (gr_pg_has_schema ("PG:host=h dbname=d"));
  g_assert_true (gr_pg_has_schema ("PG:host=h schema=p"));
  g_assert_cmpstr (moved, ==, "PG:host=h password=s dbname=d schema=new");
  g_assert_true (g_str_has_prefix (gdal, "PG:host=h dbname=d connect_timeout=15"));
  g_assert_true (g_str_has_suffix (gdal, " schemas=x"));
  g_assert_null (strstr (gdal, "schema=x "));
  g_assert_cmpstr (title, ==, "plan (city on gis)");
  g_assert_cmpuint (g_strv_length (joined), ==, 3);
  g_assert_cmpstr (joined[1], ==, "PG:host=h dbname=d schema=p");
  g_assert_cmpstr (joined[2], ==, "x.gpkg");
  g_assert_true (gr_pg_check_project ("PG:host=h schema=p", NULL));
  g_assert_false (gr_pg_check_project ("postgresql://u@h/d", &error));
  g_assert_nonnull (strstr (error->message, "schema=NAME"));
}

/* ROLE=connection: no layer split off at a port's or a password's colon,
 * and the label says the connection without the password. */
static void
test_source_spec (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrSource) uri = gr_source_parse ("park=postgresql://u:s3cret@host:5432/db", &error);
  g_autoptr (GrSource) pg = gr_source_parse ("park=pg:host=h password=ab:cd tables=t", &error);
  g_autofree char *key = NULL;

  g_assert_no_error (error);
  g_assert_null (uri->layer);
  g_assert_cmpstr (uri->path, ==, "postgresql://u:s3cret@host:5432/db");
  g_assert_cmpstr (uri->label, ==, "postgresql://u@host:5432/db");
  g_assert_null (pg->layer);
  g_assert_cmpstr (pg->label, ==, "pg:host=h tables=t");
  key = gr_source_get_short_name (pg);
  g_assert_cmpstr (key, ==, "t");
}

/* A value with a space not in single quotes: refused before libpq (whose
 * message would quote the word after the space), naming the rest. */
static void
test_bad_syntax (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (gr_pg_check ("PG:host=h password='a b'", NULL));
  g_assert_true (gr_pg_check ("parks.shp", NULL));
  g_assert_false (gr_pg_check ("PG:host=h password=a b dbname=d", &error));
  g_assert_nonnull (strstr (error->message, "host=h"));
  g_assert_null (strstr (error->message, "a b"));
  g_assert_null (strstr (error->message, " b "));
}

GR_TEST_MAIN (NULL,
              { "/project/pg/is-connection", test_is_connection },
              { "/project/pg/redact-connection", test_redact_connection },
              { "/project/pg/redact-text", test_redact_text },
              { "/project/pg/conninfo", test_conninfo },
              { "/project/pg/project-location", test_project_location },
              { "/project/pg/source-spec", test_source_spec },
              { "/project/pg/bad-syntax", test_bad_syntax })
