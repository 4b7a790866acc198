/* gr-code-table.h — a land-use classification: which code is which role
 *
 * A bureau's land-use layer (用地现状, 规划用地) codes every polygon by a
 * national classification; a code table says which codes are homes, parks,
 * green space or water. The built-in tables are the CSV files in
 * resources/landuse; a user's own table is one more such file.
 */
#pragma once

#include "gr-role.h"

G_BEGIN_DECLS

/* A code that counts for no role (commercial land, roads…). */
#define GR_ROLE_NONE GR_N_ROLES

typedef struct
{
  char  *code;  /* normalised: upper case, no spaces */
  char  *name;  /* 城镇住宅用地 */
  GrRole role;  /* GR_ROLE_NONE for none */
  char  *klass; /* a park class code (G12, EG…), or NULL */
} GrCodeEntry;

typedef struct _GrCodeTable GrCodeTable;

GrCodeTable *gr_code_table_new_from_file (const char *path, GError **error);
GrCodeTable *gr_code_table_new_from_text (const char *text, const char *origin, GError **error);
void         gr_code_table_free (GrCodeTable *table);
const char  *gr_code_table_get_id (const GrCodeTable *table);
const char  *gr_code_table_get_title (const GrCodeTable *table);
const char  *gr_code_table_get_origin (const GrCodeTable *table);
const GrCodeEntry *
gr_code_table_lookup (const GrCodeTable *table, const char *code, gboolean *exact);
gboolean
gr_code_table_set_role (GrCodeTable *table, const char *code, const char *role, GError **error);
char *gr_code_normalise (const char *raw);

GPtrArray   *gr_code_tables_load (const char *dir, GError **error);
GrCodeTable *gr_code_tables_find (GPtrArray *tables, const char *id_or_path, GError **error);
GrCodeTable *
gr_code_tables_detect (GPtrArray *tables, GHashTable *counts, const char *path, GError **error);

/* What a land-use layer held: each code with its features, area and role. */
typedef struct
{
  char    *code;
  char    *name;  /* NULL for an unknown code */
  GrRole   role;  /* GR_ROLE_NONE for none or unknown */
  gboolean known; /* in the table, itself or by its group */
  gboolean taken; /* its features went to the role (not given by another source) */
  guint    n_features;
  double   area; /* m², in the analysis CRS */
} GrCodeCount;

typedef struct
{
  char   *path;
  char   *field;       /* the code field */
  char   *table_id;    /* the code table */
  char   *table_title; /* its standard's name */
  GArray *codes;       /* GrCodeCount, by code */
} GrLanduseReport;

GrLanduseReport *gr_landuse_report_new (const char *path, const char *field, GrCodeTable *table);
void             gr_landuse_report_free (GrLanduseReport *report);
GrCodeCount       *
gr_landuse_report_count (GrLanduseReport *report, const char *code, const GrCodeEntry *entry);
guint gr_landuse_report_get_n_unknown (const GrLanduseReport *report);
char *gr_landuse_report_list_unknown (const GrLanduseReport *report);
char *gr_landuse_report_to_text (const GrLanduseReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrCodeTable, gr_code_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrLanduseReport, gr_landuse_report_free)

G_END_DECLS
