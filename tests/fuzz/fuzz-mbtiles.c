/* fuzz-mbtiles.c — the input as an MBTiles base map, read as the map and
 * the renderer read one: its zoom range and attribution, and a few of its
 * tiles, raw and decoded */
#include "config.h"

#include "gr-fuzz.h"
#include "gr-mbtiles.h"

#include <sqlite3.h>

/* Tiles looked at: the first rows of the tiles table, as a map at those
 * places would ask for them. */
#define N_TILES 4

typedef struct
{
  int z, x, y;
} Tile;

/* The tiles the file has, in web-map rows, within its zoom range. */
static guint
list_tiles (const char *path, GrMbtiles *tiles, Tile list[N_TILES])
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint         n = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "SELECT zoom_level, tile_column, tile_row FROM tiles LIMIT 16", -1,
                             &stmt, NULL)
             == SQLITE_OK)
    while (n < N_TILES && sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 z = sqlite3_column_int64 (stmt, 0);
        gint64 x = sqlite3_column_int64 (stmt, 1);
        gint64 row = sqlite3_column_int64 (stmt, 2);

        if (z < gr_mbtiles_get_min_zoom (tiles) || z > gr_mbtiles_get_max_zoom (tiles) || x < 0
            || x >= ((gint64) 1 << z) || row < 0 || row >= ((gint64) 1 << z))
          continue;
        list[n++] = (Tile){ (int) z, (int) x, (int) (((gint64) 1 << z) - 1 - row) };
      }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = gr_fuzz_write ("input.mbtiles", data, size);
  g_autoptr (GrMbtiles) tiles = NULL;
  g_autoptr (GError) error = NULL;
  Tile  list[N_TILES + 1];
  guint n;

  tiles = gr_mbtiles_open (path, &error);
  gr_fuzz_check_result (tiles, error);
  if (tiles != NULL)
    {
      gr_mbtiles_get_attribution (tiles);
      /* The map's first tile at the lowest zoom, asked for whether or not
       * the file has it, then the file's own. */
      list[0] = (Tile){ gr_mbtiles_get_min_zoom (tiles), 0, 0 };
      n = 1 + list_tiles (path, tiles, list + 1);
      for (guint i = 0; i < n; i++)
        {
          GBytes *bytes = gr_mbtiles_read (tiles, list[i].z, list[i].x, list[i].y);
          g_autoptr (GError) local = NULL;

          g_clear_pointer (&bytes, g_bytes_unref);
          /* Twice: the second comes from the decoded tiles kept. */
          gr_mbtiles_get_image (tiles, list[i].z, list[i].x, list[i].y, &local);
          g_clear_error (&local);
          gr_mbtiles_get_image (tiles, list[i].z, list[i].x, list[i].y, &local);
        }
    }
  gr_fuzz_remove (path);
  return 0;
}
