/* gr-basemap-render.h — a base map drawn with cairo: land, water, parks,
 * buildings, roads by class with casing, rail, and names placed without
 * collisions
 *
 * Names are placed once per zoom level for the whole map (world pixels),
 * not per tile: each tile draws every label that reaches into it, so a
 * name across a tile border is drawn whole, half by each tile.
 */
#pragma once

#include "gr-basemap-data.h"

#include <cairo.h>

G_BEGIN_DECLS

typedef struct _GrBasemapLabels GrBasemapLabels;

GrBasemapLabels *gr_basemap_labels_new (GrBasemapData *data, int zoom);
void             gr_basemap_labels_free (GrBasemapLabels *labels);
guint            gr_basemap_labels_get_n_labels (GrBasemapLabels *labels);
const char      *gr_basemap_labels_get_text (GrBasemapLabels *labels, guint index, double box[4]);

void gr_basemap_draw (cairo_t         *cr,
                      GrBasemapData   *data,
                      GrBasemapLabels *labels,
                      int              zoom,
                      double           x0,
                      double           y0,
                      double           width,
                      double           height);
cairo_surface_t *
gr_basemap_render_tile (GrBasemapData *data, GrBasemapLabels *labels, int z, int x, int y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrBasemapLabels, gr_basemap_labels_free)

G_END_DECLS
