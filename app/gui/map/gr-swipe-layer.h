/* gr-swipe-layer.h — presentation mode's before/after: the baseline left
 * of a divider, and the newly covered homes flashing */
#pragma once

#include <shumate/shumate.h>

#include "gr-render.h"

G_BEGIN_DECLS

#define GR_TYPE_SWIPE_LAYER (gr_swipe_layer_get_type ())
G_DECLARE_FINAL_TYPE (GrSwipeLayer, gr_swipe_layer, GR, SWIPE_LAYER, ShumateLayer)

GrSwipeLayer *gr_swipe_layer_new (ShumateViewport *viewport);
void          gr_swipe_layer_set_baseline (GrSwipeLayer     *self,
                                           GrAnalysis       *baseline,
                                           GrAnalysis       *scenario,
                                           GrDisplay        *display,
                                           const GrMapStyle *style,
                                           const char       *basemap);
void          gr_swipe_layer_refresh_gains (GrSwipeLayer *self);
void          gr_swipe_layer_set_divider (GrSwipeLayer *self, double fraction);
double        gr_swipe_layer_get_divider (GrSwipeLayer *self);
void          gr_swipe_layer_set_flash (GrSwipeLayer *self, gboolean shown);
guint         gr_swipe_layer_get_n_gain_tiles (GrSwipeLayer *self);

G_END_DECLS
