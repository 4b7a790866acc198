/* gr-source-preview.h — what an import of one source would bring, before
 * anything is computed */
#pragma once

#include "gr-import.h"

G_BEGIN_DECLS

typedef struct
{
  char      *layer;      /* the layer read */
  char      *crs_name;   /* the source's CRS, or NULL for none */
  char      *encoding;   /* how its text is read, said for the user */
  char      *code_field; /* a land-use code field (DLBM…), or NULL */
  guint      n_features;
  gboolean   landuse; /* read as a land-use layer (asked, or found by its code field) */
  GrProject *project; /* the source imported alone, or NULL … */
  GError    *error;   /* … with why, naming the file */
} GrSourcePreview;

GrSourcePreview *gr_source_preview_new (const GrSource        *source,
                                        const GrImportOptions *options,
                                        gboolean               find_landuse,
                                        GCancellable          *cancellable);
void             gr_source_preview_new_async (const GrSource     *source,
                                              gboolean            find_landuse,
                                              const char         *over_crs,
                                              const double       *over_extent,
                                              const char         *over_name,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
GrSourcePreview *gr_source_preview_new_finish (GAsyncResult *result);
void             gr_source_preview_free (GrSourcePreview *preview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrSourcePreview, gr_source_preview_free)

G_END_DECLS
