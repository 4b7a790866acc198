/* gr-mbtiles-source.c — offline base-map tiles for the map widget
 *
 * The library's MBTiles reader (gr-mbtiles.c) as a libshumate data
 * source. libshumate 1.0.3 shows a data source's tiles only after
 * "received-data" is emitted. Beyond the
 * file's deepest zoom the parent tile is cut and scaled (overzoom), so the
 * base map stays visible at street level.
 */
#include "config.h"

#include "gr-mbtiles-source.h"

#include "gr-mbtiles.h"

struct _GrMbtilesSource
{
  ShumateDataSource parent_instance;
  GrMbtiles        *tiles;
};

G_DEFINE_FINAL_TYPE (GrMbtilesSource, gr_mbtiles_source, SHUMATE_TYPE_DATA_SOURCE)

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
  int max_zoom = gr_mbtiles_get_max_zoom (self->tiles), dz = z - max_zoom, n = 1 << dz;
  g_autoptr (GBytes) parent = gr_mbtiles_read (self->tiles, max_zoom, x >> dz, y >> dz);
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GByteArray) png = g_byte_array_new ();
  cairo_surface_t *src, *dst;
  cairo_t         *cr;

  if (parent == NULL || (texture = gdk_texture_new_from_bytes (parent, NULL)) == NULL)
    return NULL;
  src = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gdk_texture_get_width (texture),
                                    gdk_texture_get_height (texture));
  gdk_texture_download (texture, cairo_image_surface_get_data (src),
                        cairo_image_surface_get_stride (src));
  cairo_surface_mark_dirty (src);
  dst = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 256);
  cr = cairo_create (dst);
  cairo_scale (cr, 256.0 * n / gdk_texture_get_width (texture),
               256.0 * n / gdk_texture_get_height (texture));
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
  GBytes *bytes = z > gr_mbtiles_get_max_zoom (self->tiles)
                      ? overzoom (self, x, y, z)
                      : gr_mbtiles_read (self->tiles, z, x, y);

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

  g_clear_pointer (&self->tiles, gr_mbtiles_free);
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

/**
 * gr_mbtiles_source_new:
 *
 * Returns: (nullable): the source, or %NULL with @error naming the file
 *   when it is not a readable MBTiles file with tiles
 */
GrMbtilesSource *
gr_mbtiles_source_new (const char *path, GError **error)
{
  GrMbtiles       *tiles = gr_mbtiles_open (path, error);
  GrMbtilesSource *self;

  if (tiles == NULL)
    return NULL;
  self = g_object_new (GR_TYPE_MBTILES_SOURCE, NULL);
  self->tiles = tiles;
  return self;
}

int
gr_mbtiles_source_get_min_zoom (GrMbtilesSource *self)
{
  return gr_mbtiles_get_min_zoom (self->tiles);
}

int
gr_mbtiles_source_get_max_zoom (GrMbtilesSource *self)
{
  return gr_mbtiles_get_max_zoom (self->tiles);
}
