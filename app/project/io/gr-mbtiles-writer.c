/* gr-mbtiles-writer.c — a new MBTiles file, written whole or not at all
 *
 * The tiles go into a file beside the destination, renamed over it only
 * when the last one is in: a cancelled or failed run leaves any earlier
 * base map as it was. Identical tiles (open country, water, empty ground)
 * are stored once, in the images-and-map layout the MBTiles 1.3
 * specification allows, with the `tiles` view readers query.
 */
#include "config.h"

#include "gr-mbtiles-writer.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

struct _GrMbtilesWriter
{
  char         *path;
  char         *part; /* written here, renamed to path at the end */
  sqlite3      *db;
  sqlite3_stmt *image, *map;
  gboolean      finished;
};

static const char schema[] =
    "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
    "CREATE TABLE metadata (name TEXT PRIMARY KEY, value TEXT);"
    "CREATE TABLE images (tile_id TEXT PRIMARY KEY, tile_data BLOB);"
    "CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT,"
    " PRIMARY KEY (zoom_level, tile_column, tile_row));"
    "CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,"
    " map.tile_row AS tile_row, images.tile_data AS tile_data"
    " FROM map JOIN images ON images.tile_id = map.tile_id;"
    "BEGIN;";

static gboolean
fail (GrMbtilesWriter *writer, GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("%s: cannot write the base map: %s"),
               writer->path, writer->db != NULL ? sqlite3_errmsg (writer->db) : g_strerror (errno));
  return FALSE;
}

/**
 * gr_mbtiles_writer_new:
 *
 * Starts a new MBTiles file at @path; nothing is at @path until
 * gr_mbtiles_writer_finish().
 */
GrMbtilesWriter *
gr_mbtiles_writer_new (const char *path, GError **error)
{
  g_autoptr (GrMbtilesWriter) writer = g_new0 (GrMbtilesWriter, 1);

  writer->path = g_strdup (path);
  writer->part = g_strconcat (path, ".part", NULL);
  g_unlink (writer->part);
  if (sqlite3_open_v2 (writer->part, &writer->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
          != SQLITE_OK
      || sqlite3_exec (writer->db, schema, NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (writer->db,
                             "INSERT OR IGNORE INTO images (tile_id, tile_data) VALUES (?1, ?2)",
                             -1, &writer->image, NULL)
             != SQLITE_OK
      || sqlite3_prepare_v2 (writer->db,
                             "INSERT OR REPLACE INTO map (zoom_level, tile_column, tile_row, "
                             "tile_id) VALUES (?1, ?2, ?3, ?4)",
                             -1, &writer->map, NULL)
             != SQLITE_OK)
    {
      fail (writer, error);
      return NULL;
    }
  return g_steal_pointer (&writer);
}

gboolean
gr_mbtiles_writer_set_metadata (GrMbtilesWriter *writer,
                                const char      *name,
                                const char      *value,
                                GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean      ok;

  ok = sqlite3_prepare_v2 (writer->db, "INSERT OR REPLACE INTO metadata VALUES (?1, ?2)", -1, &stmt,
                           NULL)
           == SQLITE_OK
       && sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT) == SQLITE_OK
       && sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT) == SQLITE_OK
       && sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return ok || fail (writer, error);
}

static gboolean
run (sqlite3_stmt *stmt)
{
  gboolean ok = sqlite3_step (stmt) == SQLITE_DONE;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

/* The tile at @z/@x/@y, @y counted from the north as web maps do; stored
 * in the TMS row MBTiles uses (from the south). */
gboolean
gr_mbtiles_writer_put (GrMbtilesWriter *writer, int z, int x, int y, GBytes *data, GError **error)
{
  g_autofree char *id = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, data);
  gsize            size;
  const void      *bytes = g_bytes_get_data (data, &size);

  sqlite3_bind_text (writer->image, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_blob (writer->image, 2, bytes, size, SQLITE_STATIC);
  sqlite3_bind_int (writer->map, 1, z);
  sqlite3_bind_int (writer->map, 2, x);
  sqlite3_bind_int (writer->map, 3, (1 << z) - 1 - y);
  sqlite3_bind_text (writer->map, 4, id, -1, SQLITE_STATIC);
  return (run (writer->image) && run (writer->map)) || fail (writer, error);
}

/* Commits and puts the file in place; @bytes is its size. */
gboolean
gr_mbtiles_writer_finish (GrMbtilesWriter *writer, guint64 *bytes, GError **error)
{
  GStatBuf st;

  g_return_val_if_fail (!writer->finished, FALSE);
  if (sqlite3_exec (writer->db, "COMMIT; VACUUM;", NULL, NULL, NULL) != SQLITE_OK)
    return fail (writer, error);
  sqlite3_finalize (writer->image);
  sqlite3_finalize (writer->map);
  writer->image = writer->map = NULL;
  if (sqlite3_close (writer->db) != SQLITE_OK)
    return fail (writer, error);
  writer->db = NULL;
  if (g_rename (writer->part, writer->path) != 0)
    return fail (writer, error);
  writer->finished = TRUE;
  if (bytes != NULL)
    *bytes = g_stat (writer->path, &st) == 0 ? (guint64) st.st_size : 0;
  return TRUE;
}

/* Without gr_mbtiles_writer_finish(), nothing is left behind. */
void
gr_mbtiles_writer_free (GrMbtilesWriter *writer)
{
  if (writer == NULL)
    return;
  sqlite3_finalize (writer->image);
  sqlite3_finalize (writer->map);
  sqlite3_close (writer->db);
  if (!writer->finished)
    g_unlink (writer->part);
  g_free (writer->part);
  g_free (writer->path);
  g_free (writer);
}
