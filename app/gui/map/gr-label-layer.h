/* gr-label-layer.h — the names of the project's zones, parks, water and
 * green space, over the blind spots and the edits */
#pragma once

#include "gr-layer-cache.h"
#include "gr-vector-layer.h"

G_BEGIN_DECLS

#define GR_TYPE_LABEL_LAYER (gr_label_layer_get_type ())
G_DECLARE_FINAL_TYPE (GrLabelLayer, gr_label_layer, GR, LABEL_LAYER, ShumateLayer)

GrLabelLayer *gr_label_layer_new (ShumateViewport *viewport, GrVectorLayer *vectors);

/* For the tests: the drawing kept. */
GrLayerCache *gr_label_layer_get_cache (GrLabelLayer *self);

G_END_DECLS
