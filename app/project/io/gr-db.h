/* gr-db.h — the project's own tables, in its GeoPackage (SQLite) or in a
 * PostgreSQL schema, through one small interface
 *
 * Statements are written once, with ?1, ?2… for their values; a value is
 * always bound, never spliced into the text.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GrDb       GrDb;
typedef struct _GrDbResult GrDbResult;

typedef enum
{
  GR_DB_SQLITE,
  GR_DB_POSTGRES,
} GrDbKind;

typedef struct
{
  char        type; /* 'i', 'd', 't' or 'n' (NULL) */
  gint64      i;
  double      d;
  const char *s;
} GrDbValue;

#define GR_DB_INT(v)  ((GrDbValue){ 'i', (v), 0, NULL })
#define GR_DB_REAL(v) ((GrDbValue){ 'd', 0, (v), NULL })
#define GR_DB_TEXT(v) ((GrDbValue){ (v) != NULL ? 't' : 'n', 0, 0, (v) })
#define GR_DB_NULL    ((GrDbValue){ 'n', 0, 0, NULL })

GrDb       *gr_db_open (const char *location, gboolean write, GError **error);
void        gr_db_close (GrDb *db);
GrDbKind    gr_db_get_kind (GrDb *db);
const char *gr_db_get_label (GrDb *db);
int         gr_db_get_backend_pid (GrDb *db);
const char *gr_db_get_who (void);

gboolean gr_db_exec (GrDb *db, const char *sql, GError **error);
GrDbResult          *
gr_db_query (GrDb *db, const char *sql, const GrDbValue *values, guint n, GError **error);
gboolean gr_db_run (GrDb *db, const char *sql, const GrDbValue *values, guint n, GError **error);
gboolean gr_db_begin (GrDb *db, GError **error);
gboolean gr_db_commit (GrDb *db, GError **error);
void     gr_db_rollback (GrDb *db);
gboolean gr_db_has_table (GrDb *db, const char *table);
gboolean gr_db_has_column (GrDb *db, const char *table, const char *column);

gboolean gr_db_result_next (GrDbResult *result);
guint64  gr_db_result_get_changes (GrDbResult *result);
gboolean gr_db_result_is_null (GrDbResult *result, guint column);
gint64   gr_db_result_get_int (GrDbResult *result, guint column, gint64 otherwise);
double   gr_db_result_get_real (GrDbResult *result, guint column, double otherwise);
char    *gr_db_result_dup_text (GrDbResult *result, guint column);
void     gr_db_result_free (GrDbResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrDb, gr_db_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrDbResult, gr_db_result_free)

G_END_DECLS
