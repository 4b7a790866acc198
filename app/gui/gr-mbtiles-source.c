/* gr-mbtiles-source.c — offline base-map tiles from an MBTiles file
 *
 * Bureau networks are often air-gapped, so the default base map is a local
 * MBTiles file (SQLite, raster tiles in TMS rows). libshumate 1.0.3 shows a
 * data source's tiles only after "received-data" is emitted. Beyond the
 * file's deepest zoom the parent tile is cut and scaled (overzoom), so the
 * base map stays visible at street level.
 */
#include "config.h"

#include "gr-mbtiles-source.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

struct _GrMbtilesSource
{
  ShumateDataSource parent_instance;
  sqlite3          *db;
  int               min_zoom, max_zoom;
};

G_DEFINE_FINAL_TYPE (GrMbtilesSource, gr_mbtiles_source, SHUMATE_TYPE_DATA_SOURCE)

static GBytes *
read_tile (GrMbtilesSource *self, int x, int y, int z)
{
  sqlite3_stmt *stmt = NULL;
  GBytes *bytes = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT tile_data FROM tiles WHERE zoom_level = ?1 "
                                    "AND tile_column = ?2 AND tile_row = ?3", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_int (stmt, 1, z);
  sqlite3_bind_int (stmt, 2, x);
  sqlite3_bind_int (stmt, 3, (1 << z) - 1 - y); /* MBTiles rows are TMS */
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) > 0)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  return bytes;
}

static cairo_status_t
append_png (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The part of an ancestor tile that covers (x, y, z), scaled to 256 px. */
static GBytes *
overzoom (GrMbtilesSource *self, int x, int y, int z)
{
  int dz = z - self->max_zoom, n = 1 << dz;
  g_autoptr (GBytes) parent = read_tile (self, x >> dz, y >> dz, self->max_zoom);
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GByteArray) png = g_byte_array_new ();
  cairo_surface_t *src, *dst;
  cairo_t *cr;

  if (parent == NULL || (texture = gdk_texture_new_from_bytes (parent, NULL)) == NULL)
    return NULL;
  src = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gdk_texture_get_width (texture),
                                    gdk_texture_get_height (texture));
  gdk_texture_download (texture, cairo_image_surface_get_data (src), cairo_image_surface_get_stride (src));
  cairo_surface_mark_dirty (src);
  dst = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 256);
  cr = cairo_create (dst);
  cairo_scale (cr, 256.0 * n / gdk_texture_get_width (texture), 256.0 * n / gdk_texture_get_height (texture));
  cairo_set_source_surface (cr, src, -(double) (x % n) * gdk_texture_get_width (texture) / n,
                            -(double) (y % n) * gdk_texture_get_height (texture) / n);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (dst, append_png, png);
  cairo_surface_destroy (dst);
  cairo_surface_destroy (src);
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

/* SQLite on a local disk answers in well under a millisecond: the tile is
 * read at once, and handed over as libshumate expects. */
static void
gr_mbtiles_source_get_tile_data_async (ShumateDataSource  *source,
                                       int                 x,
                                       int                 y,
                                       int                 z,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data)
{
  GrMbtilesSource *self = GR_MBTILES_SOURCE (source);
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  GBytes *bytes = z > self->max_zoom ? overzoom (self, x, y, z) : read_tile (self, x, y, z);

  if (bytes == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no tile %d/%d/%d", z, x, y);
      return;
    }
  g_signal_emit_by_name (self, "received-data", x, y, z, bytes);
  g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static GBytes *
gr_mbtiles_source_get_tile_data_finish (ShumateDataSource *source,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
gr_mbtiles_source_finalize (GObject *object)
{
  GrMbtilesSource *self = GR_MBTILES_SOURCE (object);

  g_clear_pointer (&self->db, sqlite3_close);
  G_OBJECT_CLASS (gr_mbtiles_source_parent_class)->finalize (object);
}

static void
gr_mbtiles_source_class_init (GrMbtilesSourceClass *klass)
{
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = gr_mbtiles_source_finalize;
  source_class->get_tile_data_async = gr_mbtiles_source_get_tile_data_async;
  source_class->get_tile_data_finish = gr_mbtiles_source_get_tile_data_finish;
}

static void
gr_mbtiles_source_init (GrMbtilesSource *self)
{
}

static gboolean
zoom_range (GrMbtilesSource *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles", -1, &stmt,
                          NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      self->min_zoom = CLAMP (sqlite3_column_int (stmt, 0), 0, 22);
      self->max_zoom = CLAMP (sqlite3_column_int (stmt, 1), self->min_zoom, 22);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/**
 * gr_mbtiles_source_new:
 *
 * Returns: (nullable): the source, or %NULL with @error naming the file
 *   when it is not a readable MBTiles file with tiles
 */
GrMbtilesSource *
gr_mbtiles_source_new (const char *path,
                       GError    **error)
{
  g_autoptr (GrMbtilesSource) self = g_object_new (GR_TYPE_MBTILES_SOURCE, NULL);

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK
      || !zoom_range (self))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: not an MBTiles base map with tiles (%s)"), path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : _("cannot open"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

int
gr_mbtiles_source_get_min_zoom (GrMbtilesSource *self)
{
  return self->min_zoom;
}

int
gr_mbtiles_source_get_max_zoom (GrMbtilesSource *self)
{
  return self->max_zoom;
}
