/* gr-source-preview.c — what an import of one source would bring, before
 * anything is computed: its CRS, encoding and code field, and the source
 * imported alone (each land-use code with its features and area, each
 * role's features, the residents and how they were placed)
 */
#include "config.h"

#include "gr-source-preview.h"

#include "gr-pg.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Features whose text is looked at to tell GBK from UTF-8. */
#define SAMPLED 2000

static void
inspect_encoding (GrSourcePreview *preview, OGRLayerH layer, const char *path)
{
  OGRFeatureDefnH  defn = OGR_L_GetLayerDefn (layer);
  g_autofree char *cpg = gr_shapefile_encoding (path);
  OGRFeatureH      row;
  gboolean         gbk = FALSE;

  if (cpg != NULL)
    {
      preview->encoding = g_strdup_printf (_ ("%s (from the .cpg file)"), cpg);
      return;
    }
  OGR_L_ResetReading (layer);
  for (guint n = 0; !gbk && n < SAMPLED && (row = OGR_L_GetNextFeature (layer)) != NULL; n++)
    {
      for (int i = 0; !gbk && i < OGR_FD_GetFieldCount (defn); i++)
        if (OGR_Fld_GetType (OGR_FD_GetFieldDefn (defn, i)) == OFTString
            && OGR_F_IsFieldSetAndNotNull (row, i))
          gbk = !g_utf8_validate (OGR_F_GetFieldAsString (row, i), -1, NULL);
      OGR_F_Destroy (row);
    }
  preview->encoding =
      g_strdup (gbk ? _ ("GBK (CP936), recognised: the text is not UTF-8 and there is no .cpg")
                    : _ ("UTF-8"));
}

static gboolean
inspect (GrSourcePreview *preview, const GrSource *source, GError **error)
{
  const char *options[] = { "ENCODING=", NULL };
  g_auto (GDALDatasetH) ds = NULL;
  g_autofree char *gdal = NULL;
  OGRLayerH        layer = NULL;
  int              code;

  gr_gdal_capture_begin ();
  ds = GDALOpenEx (source->path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, options, NULL);
  gdal = gr_gdal_capture_end ();
  if (ds == NULL)
    {
      /* The import says why, naming the file. */
      return TRUE;
    }
  if (source->layer != NULL)
    layer = GDALDatasetGetLayerByName (ds, source->layer);
  else if (GDALDatasetGetLayerCount (ds) >= 1)
    layer = GDALDatasetGetLayer (ds, 0);
  if (layer == NULL)
    return TRUE;
  preview->layer = g_strdup (OGR_L_GetName (layer));
  preview->n_features = (guint) MAX (0, OGR_L_GetFeatureCount (layer, TRUE));
  if (OGR_L_GetSpatialRef (layer) != NULL)
    preview->crs_name = g_strdup (OSRGetName (OGR_L_GetSpatialRef (layer)));
  code = gr_find_code_field (OGR_L_GetLayerDefn (layer));
  if (code >= 0)
    preview->code_field =
        g_strdup (OGR_Fld_GetNameRef (OGR_FD_GetFieldDefn (OGR_L_GetLayerDefn (layer), code)));
  inspect_encoding (preview, layer, source->path);
  return TRUE;
}

/**
 * gr_source_preview_new:
 * @options: (nullable): how the import would read it
 * @find_landuse: read @source as a land-use layer if it has a code field
 *
 * Reads @source as an import of it alone would (no residents estimated),
 * without writing or analysing anything. Slow for a large source: call it
 * off the main thread.
 *
 * Returns: (transfer full): the preview; its @error says why the import
 *   would fail, naming the file
 */
GrSourcePreview *
gr_source_preview_new (const GrSource        *source,
                       const GrImportOptions *options,
                       gboolean               find_landuse,
                       GCancellable          *cancellable)
{
  GrSourcePreview *preview = g_new0 (GrSourcePreview, 1);
  g_autoptr (GPtrArray) sources = g_ptr_array_new ();
  g_autoptr (GrSource) read = gr_source_copy (source);
  GrImportOptions alone = options != NULL ? *options : (GrImportOptions){ 0 };

  gr_gdal_init ();
  inspect (preview, source, NULL);
  read->landuse = source->landuse || (find_landuse && preview->code_field != NULL);
  preview->landuse = read->landuse;
  alone.no_estimate = TRUE;
  alone.cancellable = cancellable;
  g_ptr_array_add (sources, read);
  preview->project = gr_project_import (NULL, sources, &alone, &preview->error);
  return preview;
}

void
gr_source_preview_free (GrSourcePreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->layer);
  g_free (preview->crs_name);
  g_free (preview->encoding);
  g_free (preview->code_field);
  g_clear_pointer (&preview->project, gr_project_free);
  g_clear_error (&preview->error);
  g_free (preview);
}

/* ---- off the caller's thread ------------------------------------------------------ */

typedef struct
{
  GrSource *source;
  gboolean  find_landuse;
  char     *over_crs; /* the project's the layer would go into, or NULL */
  double    over_extent[4];
  char     *over_name;
} PreviewData;

static void
preview_data_free (gpointer data)
{
  PreviewData *p = data;

  gr_source_free (p->source);
  g_free (p->over_crs);
  g_free (p->over_name);
  g_free (p);
}

static void
preview_thread (GTask *task, gpointer object, gpointer data, GCancellable *cancellable)
{
  PreviewData    *p = data;
  GrImportOptions over = { .crs = p->over_crs,
                           .near_extent = p->over_crs != NULL ? p->over_extent : NULL,
                           .near_name = p->over_name };

  g_task_return_pointer (task,
                         gr_source_preview_new (p->source, &over, p->find_landuse, cancellable),
                         (GDestroyNotify) gr_source_preview_free);
}

/**
 * gr_source_preview_new_async:
 * @over_crs: (nullable): the CRS of the project the layer would be
 *   imported over: it is read in it, and must lie near @over_extent (that
 *   project's, in it), as the import over the project asks
 * @over_name: what messages call that project
 *
 * gr_source_preview_new() in a thread; @callback runs on the caller's main
 * context and calls gr_source_preview_new_finish().
 */
void
gr_source_preview_new_async (const GrSource     *source,
                             gboolean            find_landuse,
                             const char         *over_crs,
                             const double       *over_extent,
                             const char         *over_name,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PreviewData *p = g_new0 (PreviewData, 1);

  p->source = gr_source_copy (source);
  p->find_landuse = find_landuse;
  if (over_crs != NULL && over_extent != NULL)
    {
      p->over_crs = g_strdup (over_crs);
      memcpy (p->over_extent, over_extent, sizeof p->over_extent);
      p->over_name = gr_pg_redact_connection (over_name != NULL ? over_name : "");
    }
  g_task_set_source_tag (task, gr_source_preview_new_async);
  g_task_set_task_data (task, p, preview_data_free);
  g_task_run_in_thread (task, preview_thread);
}

/* Returns: (transfer full): the preview; its own @error says why an import would fail */
GrSourcePreview *
gr_source_preview_new_finish (GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), NULL);
}
