/* gr-basemap-job.c — a base map's tiles rendered on every core into an
 * MBTiles file
 *
 * Names are placed first, one zoom level at a time, for the whole map;
 * then worker threads take tiles from a shared counter, render and encode
 * them, and hand the PNG bytes to the calling thread, the only one that
 * writes to the file. Cancelling stops the workers at their next tile and
 * leaves no file behind.
 */
#include "config.h"

#include "gr-basemap-job.h"

#include "gr-basemap-png.h"
#include "gr-basemap-render.h"
#include "gr-display.h"
#include "gr-mbtiles-writer.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

typedef struct
{
  int z, x, y;
} TileId;

typedef struct
{
  TileId  id;
  GBytes *png; /* NULL: a worker has finished */
} Rendered;

typedef struct
{
  GrBasemapData *data;
  GPtrArray     *labels; /* GrBasemapLabels per zoom, from min_zoom */
  int            min_zoom;
  GArray        *tiles; /* TileId */
  gint           next;  /* the next tile to take, atomically */
  gint           stop;
  GAsyncQueue   *rendered;
} Work;

void
gr_basemap_options_init (GrBasemapOptions *options)
{
  memset (options, 0, sizeof *options);
  options->min_zoom = 10;
  options->max_zoom = 17;
}

/* The tiles covered, in Web Mercator. */
static void
mercator_bounds (GrBasemapData *data, const GrBasemapOptions *options, double m[4])
{
  const double *b = options->bounds;

  if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0)
    {
      gr_basemap_data_get_bounds (data, m);
      return;
    }
  gr_lonlat_to_mercator (b[0], b[3], &m[0], &m[1]);
  gr_lonlat_to_mercator (b[2], b[1], &m[2], &m[3]);
}

static void
tile_range (const double m[4], int z, int r[4])
{
  int n = 1 << z;

  r[0] = CLAMP ((int) floor (m[0] * n), 0, n - 1);
  r[1] = CLAMP ((int) floor (m[1] * n), 0, n - 1);
  r[2] = CLAMP ((int) floor (m[2] * n), 0, n - 1);
  r[3] = CLAMP ((int) floor (m[3] * n), 0, n - 1);
}

/**
 * gr_basemap_path_beside:
 * @project_path: a project file, `city.gpkg`
 *
 * Returns: where a project's own base map is kept: `city.mbtiles` beside
 *   it. The window, `render` and `report` use it when it is there.
 */
char *
gr_basemap_path_beside (const char *project_path)
{
  g_autofree char *stem = NULL;
  const char      *dot;

  g_return_val_if_fail (project_path != NULL, NULL);
  dot = strrchr (project_path, '.');
  stem = dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL
             ? g_strndup (project_path, dot - project_path)
             : g_strdup (project_path);
  return g_strconcat (stem, ".mbtiles", NULL);
}

/* The project's own base map when there is one beside it, else %NULL. */
char *
gr_basemap_find_beside (const char *project_path)
{
  g_autofree char *path = NULL;

  if (project_path == NULL || !g_str_has_suffix (project_path, ".gpkg"))
    return NULL;
  path = gr_basemap_path_beside (project_path);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR) ? g_steal_pointer (&path) : NULL;
}

/* How many tiles @options asks for: checked before any work is done. */
guint64
gr_basemap_count_tiles (GrBasemapData *data, const GrBasemapOptions *options)
{
  double  m[4];
  guint64 n = 0;

  mercator_bounds (data, options, m);
  if (!(m[0] < m[2] && m[1] < m[3]))
    return 0;
  for (int z = options->min_zoom; z <= options->max_zoom; z++)
    {
      int r[4];

      tile_range (m, z, r);
      n += (guint64) (r[2] - r[0] + 1) * (r[3] - r[1] + 1);
    }
  return n;
}

/* Whether @options ask for a base map that can be made: a zoom range
 * within 0–20 and between one and GR_BASEMAP_MAX_TILES tiles. */
gboolean
gr_basemap_check (GrBasemapData *data, const GrBasemapOptions *options, GError **error)
{
  guint64 count;

  if (!(options->min_zoom >= 0 && options->min_zoom <= options->max_zoom
        && options->max_zoom <= 20))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("Zoom levels %d to %d: they must be from 0 to 20, the first not above the "
                      "last."),
                   options->min_zoom, options->max_zoom);
      return FALSE;
    }
  count = gr_basemap_count_tiles (data, options);
  if (count == 0)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _ ("The area asked for is empty: no tiles to make."));
  else if (count > GR_BASEMAP_MAX_TILES)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _ ("%.0f tiles is too many (at most %d): ask for fewer zoom levels or a smaller "
                    "area."),
                 (double) count, GR_BASEMAP_MAX_TILES);
  return count > 0 && count <= GR_BASEMAP_MAX_TILES;
}

static gpointer
render_tiles (gpointer user_data)
{
  Work    *work = user_data;
  Rendered done = { { 0 }, NULL };
  guint    i;

  while (!g_atomic_int_get (&work->stop)
         && (i = (guint) g_atomic_int_add (&work->next, 1)) < work->tiles->len)
    {
      TileId          *t = &g_array_index (work->tiles, TileId, i);
      cairo_surface_t *surface = gr_basemap_render_tile (
          work->data, g_ptr_array_index (work->labels, t->z - work->min_zoom), t->z, t->x, t->y);
      Rendered *r = g_new (Rendered, 1);

      r->id = *t;
      r->png = gr_basemap_encode_png (surface);
      cairo_surface_destroy (surface);
      if (r->png == NULL) /* libpng ran out of memory: an empty tile says so */
        r->png = g_bytes_new (NULL, 0);
      g_async_queue_push (work->rendered, r);
    }
  g_async_queue_push (work->rendered, g_memdup2 (&done, sizeof done));
  return NULL;
}

static gboolean
write_metadata (GrMbtilesWriter        *writer,
                const GrBasemapOptions *options,
                const double            m[4],
                GError                **error)
{
  double west = m[0] * 360 - 180, east = m[2] * 360 - 180;
  double north = atan (sinh (G_PI * (1 - 2 * m[1]))) * 180 / G_PI;
  double south = atan (sinh (G_PI * (1 - 2 * m[3]))) * 180 / G_PI;
  char   bounds[128], min_zoom[8], max_zoom[8];

  g_snprintf (bounds, sizeof bounds, "%.6f,%.6f,%.6f,%.6f", west, south, east, north);
  g_snprintf (min_zoom, sizeof min_zoom, "%d", options->min_zoom);
  g_snprintf (max_zoom, sizeof max_zoom, "%d", options->max_zoom);
  return gr_mbtiles_writer_set_metadata (
             writer, "name", options->name != NULL ? options->name : "greenreach", error)
         && gr_mbtiles_writer_set_metadata (writer, "format", "png", error)
         && gr_mbtiles_writer_set_metadata (writer, "type", "baselayer", error)
         && gr_mbtiles_writer_set_metadata (writer, "bounds", bounds, error)
         && gr_mbtiles_writer_set_metadata (writer, "minzoom", min_zoom, error)
         && gr_mbtiles_writer_set_metadata (writer, "maxzoom", max_zoom, error)
         && (options->attribution == NULL
             || gr_mbtiles_writer_set_metadata (writer, "attribution", options->attribution,
                                                error));
}

static void
work_clear (Work *work)
{
  g_clear_pointer (&work->labels, g_ptr_array_unref);
  g_clear_pointer (&work->tiles, g_array_unref);
  g_clear_pointer (&work->rendered, g_async_queue_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Work, work_clear)

/* Takes the rendered tiles as they come and writes them; stops the
 * workers at the first failure or when cancelled. */
static gboolean
collect (Work            *work,
         GPtrArray       *threads,
         GrMbtilesWriter *writer,
         GrProgressFunc   progress,
         gpointer         user_data,
         GCancellable    *cancellable,
         GError         **error)
{
  g_autoptr (GError) failure = NULL;
  guint running = threads->len, written = 0, step = MAX (work->tiles->len / 100, 1);

  while (running > 0)
    {
      Rendered *r = g_async_queue_pop (work->rendered);

      if (r->png == NULL)
        running--;
      else if (failure == NULL && g_bytes_get_size (r->png) == 0)
        g_set_error_literal (&failure, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                             _ ("Out of memory while encoding a tile."));
      else if (failure == NULL && !g_cancellable_set_error_if_cancelled (cancellable, &failure)
               && gr_mbtiles_writer_put (writer, r->id.z, r->id.x, r->id.y, r->png, &failure)
               && ++written % step == 0 && progress != NULL)
        progress (0.1 + 0.9 * written / work->tiles->len, _ ("Rendering tiles"), user_data);
      if (failure != NULL)
        g_atomic_int_set (&work->stop, TRUE);
      g_clear_pointer (&r->png, g_bytes_unref);
      g_free (r);
    }
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return FALSE;
    }
  return TRUE;
}

/**
 * gr_basemap_write:
 * @progress: (nullable): called from this thread
 *
 * Renders @data's tiles for @options into a new MBTiles file at @path,
 * in Web Mercator, 256-pixel PNG tiles in TMS rows. On failure or cancel
 * nothing is left at @path that was not there before.
 */
gboolean
gr_basemap_write (GrBasemapData          *data,
                  const GrBasemapOptions *options,
                  const char             *path,
                  GrProgressFunc          progress,
                  gpointer                user_data,
                  GCancellable           *cancellable,
                  GrBasemapStats         *stats,
                  GError                **error)
{
  g_auto (Work) work = { data,
                         g_ptr_array_new_with_free_func ((GDestroyNotify) gr_basemap_labels_free),
                         options->min_zoom,
                         g_array_new (FALSE, FALSE, sizeof (TileId)),
                         0,
                         0,
                         g_async_queue_new () };
  g_autoptr (GrMbtilesWriter) writer = NULL;
  g_autoptr (GPtrArray) threads = g_ptr_array_new ();
  g_autoptr (GTimer) timer = g_timer_new ();
  guint  n_threads = options->threads > 0 ? options->threads : g_get_num_processors ();
  double m[4];

  if (!gr_basemap_check (data, options, error))
    return FALSE;
  mercator_bounds (data, options, m);
  if ((writer = gr_mbtiles_writer_new (path, error)) == NULL
      || !write_metadata (writer, options, m, error))
    return FALSE;
  for (int z = options->min_zoom; z <= options->max_zoom; z++)
    {
      int r[4];

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (progress != NULL)
        progress (0.1 * (z - options->min_zoom) / (options->max_zoom - options->min_zoom + 1),
                  _ ("Placing names"), user_data);
      g_ptr_array_add (work.labels, gr_basemap_labels_new (data, z));
      tile_range (m, z, r);
      for (int y = r[1]; y <= r[3]; y++)
        for (int x = r[0]; x <= r[2]; x++)
          g_array_append_val (work.tiles, ((TileId){ z, x, y }));
    }
  for (guint i = 0; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("greenreach-tiles", render_tiles, &work));
  if (!collect (&work, threads, writer, progress, user_data, cancellable, error)
      || !gr_mbtiles_writer_finish (writer, stats != NULL ? &stats->bytes : NULL, error))
    return FALSE;
  if (stats != NULL)
    {
      stats->tiles = work.tiles->len;
      stats->seconds = g_timer_elapsed (timer, NULL);
    }
  return TRUE;
}

/* ---- in a thread, for the window ----------------------------------------- */

typedef struct
{
  GrBasemapData   *data;
  GrBasemapOptions options;
  char            *name, *attribution, *path;
  GrProgressFunc   progress;
  gpointer         progress_data;
  GrBasemapStats   stats;
} AsyncWork;

static void
async_work_free (gpointer p)
{
  AsyncWork *w = p;

  gr_basemap_data_free (w->data);
  g_free (w->name);
  g_free (w->attribution);
  g_free (w->path);
  g_free (w);
}

static void
relay (double fraction, const char *what, gpointer task)
{
  AsyncWork *w = g_task_get_task_data (task);

  gr_progress_relay (task, w->progress, w->progress_data, fraction, what);
}

static void
write_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AsyncWork *w = task_data;
  GError    *error = NULL;

  if (gr_basemap_write (w->data, &w->options, w->path, relay, task, cancellable, &w->stats, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * gr_basemap_write_async:
 * @data: (transfer full): what to draw
 * @progress: (nullable): called on the caller's main context
 *
 * gr_basemap_write() in a thread.
 */
void
gr_basemap_write_async (GrBasemapData          *data,
                        const GrBasemapOptions *options,
                        const char             *path,
                        GrProgressFunc          progress,
                        gpointer                progress_data,
                        GCancellable           *cancellable,
                        GAsyncReadyCallback     callback,
                        gpointer                user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  AsyncWork *w = g_new0 (AsyncWork, 1);

  w->data = data;
  w->options = *options;
  w->name = g_strdup (options->name);
  w->attribution = g_strdup (options->attribution);
  w->options.name = w->name;
  w->options.attribution = w->attribution;
  w->path = g_strdup (path);
  w->progress = progress;
  w->progress_data = progress_data;
  g_task_set_task_data (task, w, async_work_free);
  g_task_set_source_tag (task, gr_basemap_write_async);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
gr_basemap_write_finish (GAsyncResult *result, GrBasemapStats *stats, GError **error)
{
  AsyncWork *w = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (stats != NULL)
    *stats = w->stats;
  return TRUE;
}
