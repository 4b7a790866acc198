/* gr-import-landuse.c — a bureau's land-use layer (用地现状, 规划用地) sorted
 * into roles by its code field and a code table; a single-role layer that
 * holds several codes said
 */
#include "config.h"

#include "gr-import-private.h"

#include "gr-code-table.h"
#include "gr-gdal.h"
#include "gr-runtime.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Fields that hold a land-use code (国土调查 地类编码 DLBM, 用地代码 YDDM…),
 * codes first, then the class names (地类名称 DLMC) some layers carry alone. */
static const char *const code_fields[] = { "DLBM",     "YDDM",     "DLDM",     "YDXZ",
                                           "YDLX",     "用地代码", "地类编码", "用地编码",
                                           "用地性质", "用地类型", "DLMC",     "YDMC",
                                           "地类名称", "用地名称", NULL };

/**
 * gr_find_code_field:
 *
 * Returns: the index of @defn's land-use code field (DLBM, YDDM, 用地代码…,
 *   or a class name field, DLMC), or -1
 */
int
gr_find_code_field (OGRFeatureDefnH defn)
{
  return gr_gdal_find_field (defn, NULL, code_fields);
}

gboolean
_gr_import_code_field (const GrSource        *source,
                       const GrImportOptions *o,
                       OGRFeatureDefnH        defn,
                       Fields                *fields,
                       GError               **error)
{
  g_autofree char *list = NULL;

  fields->kind = gr_gdal_find_field (defn, o->code_field, code_fields);
  if (fields->kind >= 0)
    return TRUE;
  list = gr_gdal_field_list (defn);
  if (o->code_field != NULL)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                 _ ("%s: no land-use code field “%s”; the fields are: %s"), source->label,
                 o->code_field, list);
  else
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                 _ ("%s: no land-use code field (DLBM, YDDM, 用地代码…); the fields are: %s. "
                    "Name it with --code-field"),
                 source->label, list);
  return FALSE;
}

static int
compare_counts (gconstpointer a, gconstpointer b, gpointer counts)
{
  guint na = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(const char **) a));
  guint nb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(const char **) b));

  return nb != na ? (nb > na ? 1 : -1) : strcmp (*(const char **) a, *(const char **) b);
}

/* A layer imported with one role whose land-use code field (国土调查 DLBM,
 * 用地代码…) holds several codes is a mixed land-use layer: every code was
 * taken for the role (housing, parks…). Said, naming the codes and their
 * counts, rather than counted silently. */
void
_gr_import_warn_mixed_codes (Import         *import,
                             const GrSource *source,
                             OGRLayerH       layer,
                             Batch          *batch,
                             int             kind)
{
  const char *field =
      kind >= 0 ? OGR_Fld_GetNameRef (OGR_FD_GetFieldDefn (OGR_L_GetLayerDefn (layer), kind))
                : NULL;
  g_autoptr (GHashTable) counts = NULL;
  g_autoptr (GPtrArray) codes = NULL;
  g_autoptr (GString) list = NULL;
  gboolean is_code = FALSE;

  for (guint i = 0; field != NULL && code_fields[i] != NULL; i++)
    is_code = is_code || g_ascii_strcasecmp (field, code_fields[i]) == 0;
  if (!is_code)
    return;
  counts = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < batch->items->len; i++)
    {
      const char *code = g_array_index (batch->items, Pending, i).feature->kind;

      code = code != NULL ? code : "";
      g_hash_table_insert (
          counts, (gpointer) code,
          GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, code)) + 1));
    }
  if (g_hash_table_size (counts) < 2)
    return;
  codes = g_ptr_array_new ();
  {
    GHashTableIter iter;
    gpointer       code;

    g_hash_table_iter_init (&iter, counts);
    while (g_hash_table_iter_next (&iter, &code, NULL))
      g_ptr_array_add (codes, code);
  }
  g_ptr_array_sort_with_data (codes, compare_counts, counts);
  list = g_string_new (NULL);
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);

      /* TRANSLATORS: a land-use code and how many features have it: 0701 (120) */
      g_string_append_printf (list, _ ("%s%s (%u)"), i > 0 ? ", " : "", code[0] ? code : "–",
                              GPOINTER_TO_UINT (g_hash_table_lookup (counts, code)));
    }
  g_ptr_array_add (
      import->project->warnings,
      g_strdup_printf (_ ("%s: the field %s holds %u different land-use codes — %s — and every "
                          "feature was taken as %s; if this is a mixed land-use layer, import "
                          "it as land use (landuse=), sorted by its codes"),
                       source->label, field, g_hash_table_size (counts), list->str,
                       gr_role_get_label (source->role)));
}

/* ---- land-use layers ------------------------------------------------------- */

static GrCodeTable *
pick_code_table (Import *import, GHashTable *counts, const char *path, GError **error)
{
  const GrImportOptions *o = import->options;

  if (import->code_tables == NULL)
    {
      g_autofree char *dir = gr_runtime_data_path ("landuse");

      if ((import->code_tables = gr_code_tables_load (dir, error)) == NULL)
        return NULL;
    }
  if (o->code_table != NULL)
    return gr_code_tables_find (import->code_tables, o->code_table, error);
  return gr_code_tables_detect (import->code_tables, counts, path, error);
}

static gboolean
apply_code_roles (GrCodeTable *table, const char *const *overrides, GError **error)
{
  for (guint i = 0; overrides != NULL && overrides[i] != NULL; i++)
    {
      g_auto (GStrv) pair = g_strsplit (overrides[i], "=", 2);

      if (!gr_code_table_set_role (table, pair[0], pair[1], error))
        return FALSE;
    }
  return TRUE;
}

static guint
report_line (GrLanduseReport *report, const char *code)
{
  for (guint i = 0; i < report->codes->len; i++)
    if (strcmp (g_array_index (report->codes, GrCodeCount, i).code, code) == 0)
      return i;
  g_return_val_if_reached (0);
}

/* Each feature of a land-use layer to the role its code means (or none),
 * with its class text as the code's name: “1401 公园绿地”, “G12 社区公园”. */
static void
assign_codes (Import *import, Batch *batch, GrCodeTable *table)
{
  g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < batch->items->len; i++)
    {
      Pending           *item = &g_array_index (batch->items, Pending, i);
      char              *code = gr_code_normalise (item->feature->kind);
      const GrCodeEntry *entry = code != NULL ? gr_code_table_lookup (table, code, NULL) : NULL;
      GrCodeCount       *line;

      code = code != NULL ? code : g_strdup ("");
      g_ptr_array_add (codes, code);
      line = gr_landuse_report_count (batch->report, code, entry);
      line->n_features++;
      item->role = entry != NULL ? entry->role : GR_ROLE_NONE;
      /* Parks from the park inventory, homes from the land-use layer: a
       * role given by a source of its own is not taken from here too. */
      if (item->role != GR_ROLE_NONE && (import->given_roles & (1u << item->role)))
        {
          item->role = GR_ROLE_NONE;
          line->taken = FALSE;
        }
      if (entry != NULL)
        {
          g_free (item->feature->kind);
          item->feature->kind = g_strdup_printf (
              "%s %s", entry->klass != NULL ? entry->klass : entry->code, entry->name);
        }
    }
  /* Once every code has its line, the lines stay where they are. */
  for (guint i = 0; i < batch->items->len; i++)
    g_array_index (batch->items, Pending, i).code =
        report_line (batch->report, g_ptr_array_index (codes, i));
}

/* Sorts a land-use layer's features by their codes, naming the table it
 * reads them with; unknown codes are left out and said (or, with
 * --strict, an error). */
gboolean
_gr_import_sort_by_codes (Import         *import,
                          const GrSource *source,
                          Batch          *batch,
                          const char     *field,
                          GError        **error)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GrCodeTable) table = NULL;
  g_autofree char *unknown = NULL;
  guint            n_unknown = 0;

  for (guint i = 0; i < batch->items->len; i++)
    {
      char *code = gr_code_normalise (g_array_index (batch->items, Pending, i).feature->kind);

      if (code == NULL)
        continue;
      g_hash_table_insert (
          counts, code,
          GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, code)) + 1));
    }
  if ((table = pick_code_table (import, counts, source->label, error)) == NULL
      || !apply_code_roles (table, import->options->code_roles, error))
    return FALSE;
  batch->report = gr_landuse_report_new (source->label, field, table);
  g_ptr_array_add (import->project->landuse, batch->report);
  assign_codes (import, batch, table);
  for (guint i = 0; i < batch->report->codes->len; i++)
    if (!g_array_index (batch->report->codes, GrCodeCount, i).known)
      n_unknown += g_array_index (batch->report->codes, GrCodeCount, i).n_features;
  if (n_unknown == 0)
    return TRUE;
  unknown = gr_landuse_report_list_unknown (batch->report);
  if (import->options->strict)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%s: %s has land-use codes that “%s” (%s) does not have: %s. Add them to a "
                      "copy of the table, or give --code-role CODE=ROLE"),
                   source->label, field, gr_code_table_get_title (table),
                   gr_code_table_get_id (table), unknown);
      return FALSE;
    }
  g_ptr_array_add (
      import->project->warnings,
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%s: %u feature has a land-use code that “%s” does not have, "
                                    "and was left out: %s (--strict stops at it)",
                                    "%s: %u features have land-use codes that “%s” does not "
                                    "have, and were left out: %s (--strict stops at them)",
                                    n_unknown),
                       source->label, n_unknown, gr_code_table_get_id (table), unknown));
  return TRUE;
}
