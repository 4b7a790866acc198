/* gr-basemap-png.c — base map tiles as 8-bit palette PNG
 *
 * A tile is a few flat fills with antialiased edges between them, so 256
 * colours show it as it is at less than half the size of true colour. The
 * palette is the 256 most used colours at 5 bits a channel, each the
 * average of the pixels it stands for (so a flat fill keeps its exact
 * colour); the other pixels take the nearest palette colour.
 */
#include "config.h"

#include "gr-basemap-png.h"

#include <png.h>
#include <string.h>

#define BINS 32768 /* 5 bits a channel */

typedef struct
{
  guint64 sum[3];
  guint   count;
  int     index; /* in the palette, once chosen */
} Bin;

static guint
bin_of (guint32 pixel)
{
  return ((pixel >> 9) & 0x7c00) | ((pixel >> 6) & 0x03e0) | ((pixel >> 3) & 0x001f);
}

static int
by_count (gconstpointer a, gconstpointer b, gpointer bins)
{
  guint x = ((Bin *) bins)[*(const guint16 *) a].count;
  guint y = ((Bin *) bins)[*(const guint16 *) b].count;

  return x > y ? -1 : x < y;
}

static void
write_bytes (png_structp png, png_bytep data, png_size_t length)
{
  g_byte_array_append (png_get_io_ptr (png), data, length);
}

static int
nearest (const png_color *palette, int n, const Bin *bin)
{
  int    best = 0;
  double best_d = G_MAXDOUBLE;

  for (int i = 0; i < n; i++)
    {
      double dr = palette[i].red - (double) bin->sum[0] / bin->count;
      double dg = palette[i].green - (double) bin->sum[1] / bin->count;
      double db = palette[i].blue - (double) bin->sum[2] / bin->count;
      double d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;

      if (d < best_d)
        best_d = d, best = i;
    }
  return best;
}

static gboolean
write_png (GByteArray *out, png_bytep *rows, int w, int h, const png_color *palette, int n_palette)
{
  png_structp png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop   info = png_create_info_struct (png);

  if (setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      return FALSE;
    }
  png_set_write_fn (png, out, write_bytes, NULL);
  png_set_IHDR (png, info, w, h, 8, PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_PLTE (png, info, palette, n_palette);
  png_set_compression_level (png, 9);
  png_write_info (png, info);
  png_write_image (png, rows);
  png_write_end (png, NULL);
  png_destroy_write_struct (&png, &info);
  return TRUE;
}

/* @surface: a CAIRO_FORMAT_RGB24 image. */
GBytes *
gr_basemap_encode_png (cairo_surface_t *surface)
{
  int                   w = cairo_image_surface_get_width (surface);
  int                   h = cairo_image_surface_get_height (surface);
  int                   stride = cairo_image_surface_get_stride (surface);
  const guint8         *pixels;
  g_autofree Bin       *bins = g_new0 (Bin, BINS);
  g_autofree guint16   *used = g_new (guint16, BINS);
  g_autofree guint8    *indexed = g_new (guint8, (gsize) w * h);
  g_autofree png_bytep *rows = g_new (png_bytep, h);
  png_color             palette[256];
  GByteArray           *out = g_byte_array_sized_new (4096);
  int                   n_used = 0, n_palette;

  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(const guint32 *) (pixels + y * stride + 4 * x);
        Bin    *bin = &bins[bin_of (p)];

        if (bin->count++ == 0)
          used[n_used++] = bin_of (p);
        bin->sum[0] += (p >> 16) & 0xff;
        bin->sum[1] += (p >> 8) & 0xff;
        bin->sum[2] += p & 0xff;
      }
  g_qsort_with_data (used, n_used, sizeof *used, by_count, bins);
  n_palette = MIN (n_used, 256);
  for (int i = 0; i < n_palette; i++)
    {
      Bin *bin = &bins[used[i]];

      palette[i].red = (bin->sum[0] + bin->count / 2) / bin->count;
      palette[i].green = (bin->sum[1] + bin->count / 2) / bin->count;
      palette[i].blue = (bin->sum[2] + bin->count / 2) / bin->count;
      bin->index = i;
    }
  for (int i = n_palette; i < n_used; i++)
    bins[used[i]].index = nearest (palette, n_palette, &bins[used[i]]);
  for (int y = 0; y < h; y++)
    {
      for (int x = 0; x < w; x++)
        indexed[y * w + x] = bins[bin_of (*(const guint32 *) (pixels + y * stride + 4 * x))].index;
      rows[y] = indexed + y * w;
    }

  if (!write_png (out, rows, w, h, palette, n_palette))
    {
      g_byte_array_unref (out);
      return NULL;
    }
  return g_byte_array_free_to_bytes (out);
}
