/* gr-mbtiles-writer.h — a new MBTiles file, written whole or not at all */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _GrMbtilesWriter GrMbtilesWriter;

GrMbtilesWriter *gr_mbtiles_writer_new (const char *path, GError **error);
gboolean         gr_mbtiles_writer_set_metadata (GrMbtilesWriter *writer,
                                                 const char      *name,
                                                 const char      *value,
                                                 GError         **error);
gboolean
gr_mbtiles_writer_put (GrMbtilesWriter *writer, int z, int x, int y, GBytes *data, GError **error);
gboolean gr_mbtiles_writer_finish (GrMbtilesWriter *writer, guint64 *bytes, GError **error);
void     gr_mbtiles_writer_free (GrMbtilesWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrMbtilesWriter, gr_mbtiles_writer_free)

G_END_DECLS
