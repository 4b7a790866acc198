/* gr-layer-cache.c — a map layer's last drawing, reused while panning
 * and zooming
 *
 * Drawing every polygon of a city each frame costs far more than a frame
 * has. A layer is drawn once, with a margin around the view, and while the
 * map only pans (same zoom, same contents) that image is moved instead.
 * While the map zooms, the image is stretched as a stand-in, and the layer
 * is drawn afresh once the zoom has rested for SETTLE_MS.
 *
 * A layer that can be drawn from a copy of its data (the project's
 * layers and their names: an immutable display and a style; the blind
 * spots: tile images that change only after a wait) is drawn afresh on
 * another thread instead, and the stretched image stays up until the new
 * one is ready: the frame that follows a zoom costs no more than a
 * stretch.
 *
 * What changes in one place only (the blind spots a dragged park moves)
 * is drawn again there, over the kept image, not the whole view.
 *
 * The drawing is kept as a cairo image. With GTK's software renderer it is
 * painted straight from that image: GTK 4.8 turns a texture into a cairo
 * surface on every frame through floating point, which cost two thirds of
 * a 60 Hz frame for a window's three layers. With a GPU renderer it goes up
 * once as a texture that shares the image's memory.
 */
#include "config.h"

#include "gr-layer-cache.h"

#include <math.h>
#include <string.h>

#define MARGIN    128 /* pixels of drawing kept beyond each edge of the view */
#define SETTLE_MS 120 /* a zoom resting this long is drawn afresh */

static gboolean stand_ins = TRUE;
static gint     settling; /* settle timers armed and drawings running */

/* What a drawing is made for: the map transform, the view's size and
 * scale, and the layer's version. */
typedef struct
{
  double affine[4];
  int    width, height, scale;
  guint  version;
} View;

struct _GrLayerJob
{
  GrLayerCache    *cache; /* NULL once let go of (gr_layer_cache_wait()) */
  GThread         *thread;
  cairo_surface_t *surface;
  gboolean         reused; /* the spare image: to be cleared first */
  gboolean         parallel;
  View             view;
  guint            generation;
  GrLayerDrawFunc  draw;
  gpointer         data; /* a copy of the layer's drawing data */
};

/* Benchmarks turn stand-ins off to time the full drawing of every frame. */
void
gr_layer_cache_set_stand_ins (gboolean enabled)
{
  stand_ins = enabled;
}

/**
 * gr_layer_cache_is_settling:
 *
 * Whether a zoom has not rested yet or is still being drawn afresh: the
 * map shows a stretched drawing until it is done.
 */
gboolean
gr_layer_cache_is_settling (void)
{
  return g_atomic_int_get (&settling) > 0;
}

static void
disarm_settle (GrLayerCache *cache)
{
  if (cache->settle_id == 0)
    return;
  g_clear_handle_id (&cache->settle_id, g_source_remove);
  g_atomic_int_dec_and_test (&settling);
}

static gboolean settle (gpointer data);

static void
arm_settle (GrLayerCache *cache)
{
  disarm_settle (cache);
  g_atomic_int_inc (&settling);
  cache->settle_id = g_timeout_add (SETTLE_MS, settle, cache);
}

static void
job_free (GrLayerJob *job)
{
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_free (job->data);
  g_free (job);
}

/**
 * gr_layer_cache_wait:
 *
 * Returns once no drawing on another thread reads the layer's data any
 * more: before that data is changed or freed. A drawing let go of this
 * way is not shown; the next frame draws afresh.
 */
void
gr_layer_cache_wait (GrLayerCache *cache)
{
  GrLayerJob *job = g_steal_pointer (&cache->job);

  /* Nor will one start from a copy taken before. */
  if (cache->settle_id != 0 || job != NULL)
    cache->stale = TRUE;
  disarm_settle (cache);
  g_clear_pointer (&cache->planned, job_free);
  if (job == NULL)
    return;
  g_thread_join (g_steal_pointer (&job->thread));
  job->cache = NULL;
}

void
gr_layer_cache_clear (GrLayerCache *cache)
{
  gr_layer_cache_wait (cache);
  g_clear_object (&cache->texture);
  g_clear_pointer (&cache->surface, cairo_surface_destroy);
  g_clear_pointer (&cache->spare, cairo_surface_destroy);
}

/* The same drawing at another zoom: stretched, within a factor of four. */
/* The cache's drawing is for @view's contents, size and scale. */
static gboolean
same_contents (const GrLayerCache *cache, const View *view)
{
  return cache->surface != NULL && cache->version == view->version && cache->scale == view->scale
         && cache->width == view->width && cache->height == view->height;
}

static gboolean
stretchable (const GrLayerCache *cache, const View *view)
{
  double k = view->affine[0] / cache->affine[0];

  return stand_ins && !cache->stale && !cache->damaged && same_contents (cache, view) && k > 0.25
         && k < 4;
}

static void launch_job (GrLayerCache *cache);

/* The zoom rested: a layer drawn from a copy of its data is drawn afresh on
 * another thread (the settling it counts for goes on until that is done),
 * any other at the next frame. */
static gboolean
settle (gpointer data)
{
  GrLayerCache *cache = data;

  cache->settle_id = 0;
  if (cache->planned != NULL)
    {
      launch_job (cache);
      return G_SOURCE_REMOVE;
    }
  g_atomic_int_dec_and_test (&settling);
  cache->stale = TRUE;
  gtk_widget_queue_draw (cache->widget);
  return G_SOURCE_REMOVE;
}

static gboolean
reusable (const GrLayerCache *cache, const View *view)
{
  const double *a = view->affine;

  return same_contents (cache, view) && fabs (a[0] / cache->affine[0] - 1) < 1e-9
         && fabs (a[1] / cache->affine[1] - 1) < 1e-9 && fabs (a[2] - cache->affine[2]) <= MARGIN
         && fabs (a[3] - cache->affine[3]) <= MARGIN;
}

typedef struct
{
  cairo_surface_t *band;
  double           affine[4];
  double           width, height;
  GrLayerDrawFunc  draw;
  gpointer         layer;
} Band;

/* One band of rows of the image, drawn as an image of its own over the
 * same memory: the map's transform moved up by the rows above it. */
static void
band_init (Band            *band,
           cairo_surface_t *image,
           const double     affine[4],
           int              row0,
           int              row1,
           int              scale,
           GrLayerDrawFunc  draw,
           gpointer         layer)
{
  int stride = cairo_image_surface_get_stride (image);

  band->band = cairo_image_surface_create_for_data (
      cairo_image_surface_get_data (image) + (gsize) row0 * stride, CAIRO_FORMAT_ARGB32,
      cairo_image_surface_get_width (image), row1 - row0, stride);
  memcpy (band->affine, affine, sizeof band->affine);
  band->affine[3] -= (double) row0 / scale;
  band->width = (double) cairo_image_surface_get_width (image) / scale;
  band->height = (double) (row1 - row0) / scale;
  band->draw = draw;
  band->layer = layer;
}

static gpointer
band_draw (gpointer data)
{
  Band    *band = data;
  cairo_t *cr = cairo_create (band->band);

  band->draw (band->layer, cr, band->affine, band->width, band->height);
  cairo_destroy (cr);
  cairo_surface_finish (band->band);
  cairo_surface_destroy (band->band);
  return NULL;
}

/* The layer drawn into @image; a layer whose drawing may run on several
 * threads at once draws the image's top and bottom halves on two cores.
 * Cairo rasterises each pixel from the geometry alone, so the halves meet
 * exactly as one drawing would. */
static void
draw_bands (cairo_surface_t *image,
            gboolean         parallel,
            const double     affine[4],
            int              scale,
            GrLayerDrawFunc  draw,
            gpointer         layer)
{
  int  rows = cairo_image_surface_get_height (image);
  int  split = parallel && g_get_num_processors () > 1 ? rows / 2 : rows;
  Band top, bottom;

  band_init (&top, image, affine, 0, split, scale, draw, layer);
  cairo_surface_set_device_scale (top.band, scale, scale);
  if (split == rows)
    {
      band_draw (&top);
      return;
    }
  band_init (&bottom, image, affine, split, rows, scale, draw, layer);
  cairo_surface_set_device_scale (bottom.band, scale, scale);
  {
    GThread *thread = g_thread_new ("gr-layer-band", band_draw, &bottom);

    band_draw (&top);
    g_thread_join (thread);
  }
}

/* Draws into @image, reused or not: the image's memory is drawn through
 * images of their own, so cairo is told first (a drawing a frame still
 * holds is copied aside) and after. */
static void
draw_image (cairo_surface_t *image,
            gboolean         reused,
            gboolean         parallel,
            const double     shifted[4],
            int              scale,
            GrLayerDrawFunc  draw,
            gpointer         layer)
{
  if (reused)
    {
      cairo_t *cr = cairo_create (image);

      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  cairo_surface_flush (image);
  draw_bands (image, parallel, shifted, scale, draw, layer);
  cairo_surface_mark_dirty (image);
}

/* @image, drawn for @view, becomes the cache's drawing. */
static void
take_up (GrLayerCache *cache, cairo_surface_t *image, const View *view)
{
  g_clear_object (&cache->texture);
  g_clear_pointer (&cache->spare, cairo_surface_destroy);
  cache->spare = g_steal_pointer (&cache->surface);
  cache->surface = image;
  memcpy (cache->affine, view->affine, sizeof cache->affine);
  cache->stale = FALSE;
  cache->width = view->width;
  cache->height = view->height;
  cache->scale = view->scale;
  cache->version = view->version;
  cache->damaged = FALSE;
  cache->generation++;
}

/* @affine moved to the image's corner, the margin out. */
static void
to_corner (const double affine[4], double corner[4])
{
  corner[0] = affine[0], corner[1] = affine[1];
  corner[2] = affine[2] + MARGIN, corner[3] = affine[3] + MARGIN;
}

/* The image a fresh drawing for @view goes into: the one before last when
 * nothing holds it any more (the frame that showed it has been replaced),
 * as a fresh image of this size costs more in page faults than the
 * drawing of a district; @reused says so, and that it is to be cleared. */
static cairo_surface_t *
image_for (GrLayerCache *cache, const View *view, gboolean *reused)
{
  int              w = (view->width + 2 * MARGIN) * view->scale;
  int              h = (view->height + 2 * MARGIN) * view->scale;
  cairo_surface_t *spare = g_steal_pointer (&cache->spare);

  if (spare != NULL
      && (cairo_surface_get_reference_count (spare) != 1
          || cairo_image_surface_get_width (spare) != w
          || cairo_image_surface_get_height (spare) != h))
    g_clear_pointer (&spare, cairo_surface_destroy);
  *reused = spare != NULL;
  return spare != NULL ? spare : cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
}

static void
redraw (GrLayerCache *cache, const View *view, GrLayerDrawFunc draw, gpointer layer)
{
  double           corner[4];
  gboolean         reused;
  cairo_surface_t *image = image_for (cache, view, &reused);

  /* Drawn here and now: no rest of the zoom is waited for any more. */
  disarm_settle (cache);
  g_clear_pointer (&cache->planned, job_free);
  to_corner (view->affine, corner);
  draw_image (image, reused, cache->parallel, corner, view->scale, draw, layer);
  take_up (cache, image, view);
}

/**
 * gr_layer_cache_damage:
 * @bounds: Web Mercator: where what the layer draws changed
 *
 * The next frame draws the layer again over @bounds only, when the view
 * is the one drawn; the layer's version stays as it is.
 */
void
gr_layer_cache_damage (GrLayerCache *cache, const double bounds[4])
{
  if (!cache->damaged)
    memcpy (cache->damage, bounds, sizeof cache->damage);
  else
    {
      cache->damage[0] = MIN (cache->damage[0], bounds[0]);
      cache->damage[1] = MIN (cache->damage[1], bounds[1]);
      cache->damage[2] = MAX (cache->damage[2], bounds[2]);
      cache->damage[3] = MAX (cache->damage[3], bounds[3]);
    }
  cache->damaged = TRUE;
}

/* The damage drawn again over the kept image: the device pixels it covers
 * and two more round them (a drawing's smoothing reaches a pixel beyond
 * its shapes), cleared and drawn through a clip, which gives the pixels a
 * whole drawing would. FALSE where that would be most of the image: it is
 * drawn whole instead. */
static gboolean
repair (GrLayerCache *cache, GrLayerDrawFunc draw, gpointer layer)
{
  int    w = cairo_image_surface_get_width (cache->surface);
  int    h = cairo_image_surface_get_height (cache->surface);
  int    s = cache->scale, c0, c1, r0, r1;
  double shifted[4], x0, x1, y0, y1;
  Band   band;

  to_corner (cache->affine, shifted);
  x0 = (shifted[0] * cache->damage[0] + shifted[2]) * s;
  x1 = (shifted[0] * cache->damage[2] + shifted[2]) * s;
  y0 = (shifted[1] * cache->damage[1] + shifted[3]) * s;
  y1 = (shifted[1] * cache->damage[3] + shifted[3]) * s;
  if (!(isfinite (x0) && isfinite (x1) && isfinite (y0) && isfinite (y1)))
    return FALSE;
  c0 = (int) CLAMP (floor (MIN (x0, x1)) - 2 * s, 0, w);
  c1 = (int) CLAMP (ceil (MAX (x0, x1)) + 2 * s, 0, w);
  r0 = (int) CLAMP (floor (MIN (y0, y1)) - 2 * s, 0, h);
  r1 = (int) CLAMP (ceil (MAX (y0, y1)) + 2 * s, 0, h);
  cache->damaged = FALSE;
  if (c0 >= c1 || r0 >= r1)
    return TRUE;
  if ((double) (c1 - c0) * (r1 - r0) > 0.9 * w * h)
    return FALSE;
  g_clear_object (&cache->texture);
  /* Cairo is told first (a drawing a frame still holds is copied aside). */
  cairo_surface_flush (cache->surface);
  band_init (&band, cache->surface, shifted, r0, r1, s, draw, layer);
  cairo_surface_set_device_scale (band.band, s, s);
  {
    cairo_t *cr = cairo_create (band.band);

    cairo_rectangle (cr, (double) c0 / s, 0, (double) (c1 - c0) / s, (double) (r1 - r0) / s);
    cairo_clip (cr);
    cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
    cairo_paint (cr);
    cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
    draw (layer, cr, band.affine, band.width, band.height);
    cairo_destroy (cr);
  }
  cairo_surface_finish (band.band);
  cairo_surface_destroy (band.band);
  cairo_surface_mark_dirty_rectangle (cache->surface, c0, r0, c1 - c0, r1 - r0);
  /* A drawing made elsewhere meanwhile lacks the change. */
  cache->generation++;
  return TRUE;
}

/* ---- a rested zoom drawn on another thread ---- */

/* Back on the main thread: the drawing is taken up unless the cache drew
 * afresh itself meanwhile (its contents or size changed) or let go of it. */
static gboolean
job_done (gpointer data)
{
  GrLayerJob   *job = data;
  GrLayerCache *cache = job->cache;

  if (job->thread != NULL)
    g_thread_join (g_steal_pointer (&job->thread));
  if (cache != NULL)
    {
      cache->job = NULL;
      if (cache->generation == job->generation)
        take_up (cache, g_steal_pointer (&job->surface), &job->view);
      /* Taken up or not, the next frame looks again: a zoom stretched
       * while this ran plans its own rest then. */
      gtk_widget_queue_draw (cache->widget);
    }
  job_free (job);
  g_atomic_int_dec_and_test (&settling);
  return G_SOURCE_REMOVE;
}

static gpointer
job_run (gpointer data)
{
  GrLayerJob *job = data;
  double      corner[4];

  to_corner (job->view.affine, corner);
  draw_image (job->surface, job->reused, job->parallel, corner, job->view.scale, job->draw,
              job->data);
  /* Before the frame that would show the stand-in again. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, job_done, job, NULL);
  return NULL;
}

/* What the zoom, if it rests here, is drawn for: the view and a copy of
 * the layer's drawing data. */
static void
plan_job (GrLayerCache *cache, const View *view, GrLayerDrawFunc draw, gpointer layer)
{
  GrLayerJob *job = cache->planned;

  if (job == NULL)
    {
      job = cache->planned = g_new0 (GrLayerJob, 1);
      job->data = g_malloc (cache->async_size);
    }
  job->view = *view;
  job->draw = draw;
  memcpy (job->data, layer, cache->async_size);
}

static void
launch_job (GrLayerCache *cache)
{
  GrLayerJob *job = g_steal_pointer (&cache->planned);

  job->cache = cache;
  job->surface = image_for (cache, &job->view, &job->reused);
  job->parallel = cache->parallel;
  job->generation = cache->generation;
  cache->job = job;
  job->thread = g_thread_new ("gr-layer-settle", job_run, job);
}

static gboolean
software_rendered (GtkWidget *widget)
{
  GtkNative *native = widget != NULL ? gtk_widget_get_native (widget) : NULL;

  return native != NULL && GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native));
}

/* The image as a texture sharing its memory, for a GPU renderer. */
static GdkTexture *
texture (GrLayerCache *cache)
{
  cairo_surface_t *surface = cache->surface;
  int              stride = cairo_image_surface_get_stride (surface);
  g_autoptr (GBytes) bytes = NULL;

  if (cache->texture != NULL)
    return cache->texture;
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * cairo_image_surface_get_height (surface),
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  /* Cairo's ARGB32 is premultiplied BGRA in memory on little-endian machines. */
  cache->texture = gdk_memory_texture_new (
      cairo_image_surface_get_width (surface), cairo_image_surface_get_height (surface),
      G_BYTE_ORDER == G_LITTLE_ENDIAN ? GDK_MEMORY_B8G8R8A8_PREMULTIPLIED
                                      : GDK_MEMORY_A8R8G8B8_PREMULTIPLIED,
      bytes, stride);
  return cache->texture;
}

/* The image laid over @rect, its size in the widget; only the part inside
 * the widget is painted. */
static void
append_image (GrLayerCache          *cache,
              GtkSnapshot           *snapshot,
              const graphene_rect_t *rect,
              int                    width,
              int                    height,
              gboolean               stretched)
{
  graphene_rect_t shown;
  cairo_t        *cr;
  double          kx, ky, x, y;

  if (!software_rendered (cache->widget))
    {
      gtk_snapshot_append_texture (snapshot, texture (cache), rect);
      return;
    }
  if (!graphene_rect_intersection (rect, &GRAPHENE_RECT_INIT (0, 0, width, height), &shown))
    return;
  kx = rect->size.width / cairo_image_surface_get_width (cache->surface);
  ky = rect->size.height / cairo_image_surface_get_height (cache->surface);
  x = rect->origin.x, y = rect->origin.y;
  /* Moved by whole device pixels, the image is copied rather than
   * resampled: half a pixel's offset from the base map is not seen. */
  if (!stretched)
    x = round (x * cache->scale) / cache->scale, y = round (y * cache->scale) / cache->scale;
  cr = gtk_snapshot_append_cairo (snapshot, &shown);
  cairo_translate (cr, x, y);
  cairo_scale (cr, kx, ky);
  cairo_set_source_surface (cr, cache->surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr),
                            stretched ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_FAST);
  cairo_paint (cr);
  cairo_destroy (cr);
}

/* The drawing stretched from its zoom to @view's. */
static void
append_stretched (GrLayerCache *cache, GtkSnapshot *snapshot, const View *view)
{
  /* Where the image's corner and far corner land at the new zoom. */
  const double *a = view->affine;
  double        kx = a[0] / cache->affine[0], ky = a[1] / cache->affine[1];
  double        x0 = kx * (-MARGIN - cache->affine[2]) + a[2],
         y0 = ky * (-MARGIN - cache->affine[3]) + a[3];

  append_image (cache, snapshot,
                &GRAPHENE_RECT_INIT (x0, y0, kx * (view->width + 2 * MARGIN),
                                     ky * (view->height + 2 * MARGIN)),
                view->width, view->height, TRUE);
}

/**
 * gr_layer_cache_snapshot:
 * @version: changes whenever what the layer draws changes
 * @layer: what @draw draws from; for a cache with an async_size, the
 *   first async_size bytes of it, copied
 *
 * Appends the layer to @snapshot: the cached image moved by the pan since
 * it was drawn, stretched while a zoom goes on, or a fresh drawing when
 * the zoom rested, the size or the contents changed or the pan went past
 * the margin.
 */
void
gr_layer_cache_snapshot (GrLayerCache   *cache,
                         GtkSnapshot    *snapshot,
                         const double    affine[4],
                         int             width,
                         int             height,
                         int             scale,
                         guint           version,
                         GrLayerDrawFunc draw,
                         gpointer        layer)
{
  View   view = { { affine[0], affine[1], affine[2], affine[3] }, width, height, scale, version };
  double dx, dy;

  if (width <= 0 || height <= 0)
    return;
  if (!reusable (cache, &view) && cache->widget != NULL && stretchable (cache, &view))
    {
      /* While a drawing runs, the next rest is planned once it is shown. */
      if (cache->job == NULL)
        {
          arm_settle (cache);
          if (cache->async_size > 0)
            plan_job (cache, &view, draw, layer);
        }
      append_stretched (cache, snapshot, &view);
      return;
    }
  if (!reusable (cache, &view) || cache->stale || (cache->damaged && !repair (cache, draw, layer)))
    redraw (cache, &view, draw, layer);
  dx = affine[2] - cache->affine[2] - MARGIN;
  dy = affine[3] - cache->affine[3] - MARGIN;
  append_image (cache, snapshot,
                &GRAPHENE_RECT_INIT (dx, dy, width + 2 * MARGIN, height + 2 * MARGIN), width,
                height, FALSE);
}
