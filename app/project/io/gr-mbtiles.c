/* gr-mbtiles.c — an offline base map: raster tiles in an MBTiles file
 *
 * Bureau networks are often air-gapped, so the default base map is a
 * local MBTiles file (SQLite, tiles in TMS rows). The window's tile source
 * reads the raw tiles; the renderer draws decoded ones, kept for the next
 * frame.
 */
#include "config.h"

#include "gr-mbtiles.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

/* Decoded tiles kept: a full-screen map at two zoom levels. */
#define IMAGE_CACHE_SIZE 512

struct _GrMbtiles
{
  char         *path;
  sqlite3      *db;
  sqlite3_stmt *read;
  int           min_zoom, max_zoom;
  char         *attribution;
  GHashTable   *images;    /* z/x/y → cairo_surface_t, NULL for no tile */
  char        **templates; /* an online source's URL templates, NULL for a file */
};

static char *
metadata (sqlite3 *db, const char *name)
{
  sqlite3_stmt *stmt = NULL;
  char         *value = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM metadata WHERE name = ?1", -1, &stmt, NULL)
      != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
zoom_range (GrMbtiles *tiles)
{
  sqlite3_stmt *stmt = NULL;
  gboolean      ok = FALSE;

  if (sqlite3_prepare_v2 (tiles->db, "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles", -1,
                          &stmt, NULL)
          == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      tiles->min_zoom = CLAMP (sqlite3_column_int (stmt, 0), 0, 22);
      tiles->max_zoom = CLAMP (sqlite3_column_int (stmt, 1), tiles->min_zoom, 22);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static void
destroy_image (gpointer image)
{
  if (image != NULL)
    cairo_surface_destroy (image);
}

/* Whether @data begins as a PNG or JPEG image does: what the map draws
 * everywhere (WebP needs a loader a desktop may lack). */
static gboolean
is_image (const guint8 *data, gsize size)
{
  return (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
         || (size >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0);
}

/* A file whose tiles are something else (vector tiles, damaged bytes)
 * would draw nothing without a word: its first tile is looked at. */
static gboolean
first_tile_is_image (GrMbtiles *tiles, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean      ok = TRUE;

  if (sqlite3_prepare_v2 (tiles->db,
                          "SELECT tile_data FROM tiles WHERE length(tile_data) > 0 LIMIT 1", -1,
                          &stmt, NULL)
          == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const guint8 *data = sqlite3_column_blob (stmt, 0);
      gsize         size = (gsize) sqlite3_column_bytes (stmt, 0);

      if (data != NULL && !is_image (data, size))
        {
          g_autofree char *format = metadata (tiles->db, "format");

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _ ("%s: its tiles are not PNG or JPEG images (format “%s”, the first "
                          "begins %02x %02x %02x %02x)"),
                       tiles->path, format != NULL ? format : "?", size > 0 ? data[0] : 0,
                       size > 1 ? data[1] : 0, size > 2 ? data[2] : 0, size > 3 ? data[3] : 0);
          ok = FALSE;
        }
    }
  sqlite3_finalize (stmt);
  return ok;
}

/**
 * gr_mbtiles_open:
 *
 * Returns: (nullable): the base map, or %NULL with @error naming the file
 *   when it is not a readable MBTiles file with tiles
 */
GrMbtiles *
gr_mbtiles_open (const char *path, GError **error)
{
  g_autoptr (GrMbtiles) tiles = g_new0 (GrMbtiles, 1);

  tiles->path = g_strdup (path);
  tiles->images = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, destroy_image);
  if (sqlite3_open_v2 (path, &tiles->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL)
          != SQLITE_OK
      || !zoom_range (tiles)
      || sqlite3_prepare_v2 (
             tiles->db,
             "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 "
             "AND tile_row = ?3",
             -1, &tiles->read, NULL)
             != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _ ("%s: not an MBTiles base map with tiles (%s)"), path,
                   tiles->db != NULL ? sqlite3_errmsg (tiles->db) : _ ("cannot open"));
      return NULL;
    }
  if (!first_tile_is_image (tiles, error))
    return NULL;
  tiles->attribution = metadata (tiles->db, "attribution");
  return g_steal_pointer (&tiles);
}

/* The folder the map widget (libshumate 1.0) keeps a URL template's
 * tiles in: the template with every character but letters and digits
 * made '_', under the user's cache, then z/x/y.png. */
static char *
cache_folder (const char *template)
{
  g_autofree char *key = g_strdup (template);

  for (char *c = key; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c))
      *c = '_';
  return g_build_filename (g_get_user_cache_dir (), "shumate", key, NULL);
}

/**
 * gr_mbtiles_open_cache:
 * @templates: an online source's tile URL templates ({z}, {x}, {y}),
 *   drawn one over the other (Tianditu's map and its labels)
 *
 * An online base map as the window has fetched it: the tiles its tile
 * cache holds, read without going online, so that exports and the report
 * show what the window shows (and nothing where it has not been).
 */
GrMbtiles *
gr_mbtiles_open_cache (const char *const *templates, const char *attribution, int max_zoom)
{
  GrMbtiles *tiles = g_new0 (GrMbtiles, 1);

  tiles->templates = g_strdupv ((char **) templates);
  tiles->path = g_strdup (templates[0]);
  tiles->attribution = g_strdup (attribution);
  tiles->min_zoom = 0;
  tiles->max_zoom = CLAMP (max_zoom, 0, 22);
  tiles->images = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, destroy_image);
  return tiles;
}

/* The cached tiles of every template at z/x/y, one over the other. */
static cairo_surface_t *
read_cached (GrMbtiles *tiles, int z, int x, int y)
{
  cairo_surface_t *image = NULL;
  cairo_t         *cr = NULL;

  for (guint i = 0; tiles->templates[i] != NULL; i++)
    {
      g_autofree char *folder = cache_folder (tiles->templates[i]);
      g_autofree char *name = g_strdup_printf ("%d/%d/%d.png", z, x, y);
      g_autofree char *file = g_build_filename (folder, name, NULL);
      cairo_surface_t *tile = cairo_image_surface_create_from_png (file);

      /* Not fetched yet, or not PNG (JPEG tiles are left out). */
      if (cairo_surface_status (tile) == CAIRO_STATUS_SUCCESS)
        {
          if (image == NULL)
            {
              image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                  cairo_image_surface_get_width (tile),
                                                  cairo_image_surface_get_height (tile));
              cr = cairo_create (image);
            }
          cairo_set_source_surface (cr, tile, 0, 0);
          cairo_paint (cr);
        }
      cairo_surface_destroy (tile);
    }
  if (cr != NULL)
    cairo_destroy (cr);
  return image;
}

void
gr_mbtiles_free (GrMbtiles *tiles)
{
  if (tiles == NULL)
    return;
  g_strfreev (tiles->templates);
  sqlite3_finalize (tiles->read);
  sqlite3_close (tiles->db);
  g_hash_table_unref (tiles->images);
  g_free (tiles->attribution);
  g_free (tiles->path);
  g_free (tiles);
}

const char *
gr_mbtiles_get_path (GrMbtiles *tiles)
{
  return tiles->path;
}

/* The file's attribution metadata (often HTML), or %NULL. */
const char *
gr_mbtiles_get_attribution (GrMbtiles *tiles)
{
  return tiles->attribution;
}

int
gr_mbtiles_get_min_zoom (GrMbtiles *tiles)
{
  return tiles->min_zoom;
}

int
gr_mbtiles_get_max_zoom (GrMbtiles *tiles)
{
  return tiles->max_zoom;
}

/* Tile (@x, @y) of zoom @z, rows counted from the north as web maps do;
 * %NULL when the file has none. */
GBytes *
gr_mbtiles_read (GrMbtiles *tiles, int z, int x, int y)
{
  GBytes *bytes = NULL;

  if (tiles->templates != NULL)
    return NULL;
  sqlite3_reset (tiles->read);
  sqlite3_bind_int (tiles->read, 1, z);
  sqlite3_bind_int (tiles->read, 2, x);
  sqlite3_bind_int (tiles->read, 3, (1 << z) - 1 - y); /* MBTiles rows are TMS */
  if (sqlite3_step (tiles->read) == SQLITE_ROW && sqlite3_column_bytes (tiles->read, 0) > 0)
    bytes =
        g_bytes_new (sqlite3_column_blob (tiles->read, 0), sqlite3_column_bytes (tiles->read, 0));
  sqlite3_reset (tiles->read);
  return bytes;
}

typedef struct
{
  const guint8 *data;
  gsize         left;
} PngReader;

static cairo_status_t
read_png (void *closure, unsigned char *data, unsigned int length)
{
  PngReader *r = closure;

  if (length > r->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, r->data, length);
  r->data += length, r->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

/**
 * gr_mbtiles_get_image:
 *
 * Returns: (transfer none) (nullable): the tile decoded, kept for the
 *   next call; %NULL where the file has no tile, or with @error set when
 *   the tile is not a PNG image
 */
cairo_surface_t *
gr_mbtiles_get_image (GrMbtiles *tiles, int z, int x, int y, GError **error)
{
  gint64 key = ((gint64) z << 48) | ((gint64) x << 24) | y;
  g_autoptr (GBytes) bytes = NULL;
  cairo_surface_t *image = NULL;
  gpointer         cached;

  if (g_hash_table_lookup_extended (tiles->images, &key, NULL, &cached))
    return cached;
  if (tiles->templates != NULL)
    image = read_cached (tiles, z, x, y);
  else if ((bytes = gr_mbtiles_read (tiles, z, x, y)) != NULL)
    {
      g_autofree char *name = g_filename_display_basename (tiles->path);
      PngReader        r = { g_bytes_get_data (bytes, &r.left), 0 };

      r.left = g_bytes_get_size (bytes);
      image = cairo_image_surface_create_from_png_stream (read_png, &r);
      if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
        {
          cairo_surface_destroy (image);
          g_set_error (
              error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
              _ ("The base map %s has tiles that are not PNG images (zoom %d, column %d, row %d)."),
              name, z, x, (1 << z) - 1 - y);
          return NULL;
        }
    }
  if (g_hash_table_size (tiles->images) >= IMAGE_CACHE_SIZE)
    g_hash_table_remove_all (tiles->images);
  g_hash_table_insert (tiles->images, g_memdup2 (&key, sizeof key), image);
  return image;
}
