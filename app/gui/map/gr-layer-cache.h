/* gr-layer-cache.h — a map layer's last drawing, reused while panning */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Draws the layer for the map transform @affine (Web Mercator to pixels:
 * x = affine[0] mx + affine[2], y = affine[1] my + affine[3]) into a
 * surface of @width × @height pixels; @layer is what
 * gr_layer_cache_snapshot() was given, or for a cache with an async_size a
 * copy of it. */
typedef void (*GrLayerDrawFunc) (gpointer     layer,
                                 cairo_t     *cr,
                                 const double affine[4],
                                 double       width,
                                 double       height);

typedef struct _GrLayerJob GrLayerJob;

typedef struct
{
  GtkWidget *widget;   /* the layer, redrawn when a zoom settles; not owned */
  gboolean   parallel; /* its drawing may run on two threads at once, each on a band of rows */
  /* Not 0: its drawing data is this many plain bytes, which may be copied
   * and drawn from on another thread while the window goes on; a zoom that
   * rests is then drawn there, the stretched drawing shown meanwhile. */
  gsize            async_size;
  cairo_surface_t *surface; /* the drawing, margins included */
  cairo_surface_t *spare;   /* the drawing before, its memory reused for the next */
  GdkTexture      *texture; /* the same, for a GPU renderer; made when first needed */
  double           affine[4];
  int              width, height, scale;
  guint            version;
  gboolean         stale; /* stretched: draw afresh at the next frame */
  guint            settle_id;
  gboolean         damaged;    /* part of the drawing is to be made again: */
  double           damage[4];  /* that part, Web Mercator */
  GrLayerJob      *planned;    /* the drawing to start when the zoom rests */
  GrLayerJob      *job;        /* the drawing on another thread, while it runs */
  guint            generation; /* bumped with each drawing taken up */
} GrLayerCache;

void     gr_layer_cache_snapshot (GrLayerCache   *cache,
                                  GtkSnapshot    *snapshot,
                                  const double    affine[4],
                                  int             width,
                                  int             height,
                                  int             scale,
                                  guint           version,
                                  GrLayerDrawFunc draw,
                                  gpointer        layer);
void     gr_layer_cache_damage (GrLayerCache *cache, const double bounds[4]);
void     gr_layer_cache_wait (GrLayerCache *cache);
void     gr_layer_cache_clear (GrLayerCache *cache);
void     gr_layer_cache_set_stand_ins (gboolean enabled);
gboolean gr_layer_cache_is_settling (void);

G_END_DECLS
