/* gr-pg.h — PostgreSQL/PostGIS connections, in GDAL's own syntax
 * (PG:host=… port=… dbname=… [tables=schema.table]), and never a password in
 * what is printed, logged or kept
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

gboolean gr_pg_is_connection (const char *path);
char    *gr_pg_redact (const char *text);
char    *gr_pg_redact_connection (const char *connection);
gboolean gr_pg_check (const char *connection, GError **error);
char    *gr_pg_conninfo (const char *connection);
char    *gr_pg_first_table (const char *connection);
gboolean gr_pg_has_schema (const char *connection);
char    *gr_pg_get_schema (const char *connection);
char    *gr_pg_with_schema (const char *connection, const char *schema);
char    *gr_pg_project_location (const char *connection, const char *schema);
gboolean gr_pg_check_project (const char *location, GError **error);
char   **gr_pg_join_schema_args (char **argv);
char    *gr_pg_describe (const char *location);
gboolean gr_pg_same_project (const char *a, const char *b);
PGconn  *gr_pg_connect (const char *connection, GError **error);
char    *gr_pg_quote_identifier (PGconn *conn, const char *name);
gboolean gr_pg_exec (PGconn *conn, const char *sql, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
#define GR_PG_AUTOPTR_DEFINED 1
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

G_END_DECLS
