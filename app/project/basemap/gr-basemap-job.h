/* gr-basemap-job.h — a base map's tiles rendered on every core into an
 * MBTiles file, with progress and cancel
 */
#pragma once

#include "gr-basemap-data.h"
#include "gr-progress.h"

G_BEGIN_DECLS

typedef struct
{
  int         min_zoom, max_zoom; /* 0–20 */
  double      bounds[4];          /* west, south, east, north in degrees; all 0: the data's */
  guint       threads;            /* 0: one per core */
  const char *name;               /* the file's metadata */
  const char *attribution;
} GrBasemapOptions;

typedef struct
{
  guint   tiles;
  guint64 bytes; /* the file's size */
  double  seconds;
} GrBasemapStats;

#define GR_BASEMAP_MAX_TILES 1000000

char    *gr_basemap_path_beside (const char *project_path);
char    *gr_basemap_find_beside (const char *project_path);
void     gr_basemap_options_init (GrBasemapOptions *options);
gboolean gr_basemap_check (GrBasemapData *data, const GrBasemapOptions *options, GError **error);
guint64  gr_basemap_count_tiles (GrBasemapData *data, const GrBasemapOptions *options);
gboolean gr_basemap_write (GrBasemapData          *data,
                           const GrBasemapOptions *options,
                           const char             *path,
                           GrProgressFunc          progress,
                           gpointer                user_data,
                           GCancellable           *cancellable,
                           GrBasemapStats         *stats,
                           GError                **error);

void     gr_basemap_write_async (GrBasemapData          *data,
                                 const GrBasemapOptions *options,
                                 const char             *path,
                                 GrProgressFunc          progress,
                                 gpointer                progress_data,
                                 GCancellable           *cancellable,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data);
gboolean gr_basemap_write_finish (GAsyncResult *result, GrBasemapStats *stats, GError **error);

G_END_DECLS
