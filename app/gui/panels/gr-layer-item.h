/* gr-layer-item.h — one row of the layer panel: a role's layer, whether
 * it is shown, its colour and opacity */
#pragma once

#include <gtk/gtk.h>

#include "gr-project.h"

G_BEGIN_DECLS

#define GR_TYPE_LAYER_ITEM (gr_layer_item_get_type ())
G_DECLARE_FINAL_TYPE (GrLayerItem, gr_layer_item, GR, LAYER_ITEM, GObject)

GrLayerItem   *gr_layer_item_new (GrRole role, guint n_features);
GrRole         gr_layer_item_get_role (GrLayerItem *self);
const char    *gr_layer_item_get_title (GrLayerItem *self);
guint          gr_layer_item_get_n_features (GrLayerItem *self);
gboolean       gr_layer_item_get_visible (GrLayerItem *self);
void           gr_layer_item_set_visible (GrLayerItem *self, gboolean visible);
const GdkRGBA *gr_layer_item_get_color (GrLayerItem *self);
void           gr_layer_item_set_color (GrLayerItem *self, const GdkRGBA *color);
double         gr_layer_item_get_opacity (GrLayerItem *self);
void           gr_layer_item_set_opacity (GrLayerItem *self, double opacity);
gboolean       gr_layer_item_get_labels (GrLayerItem *self);
void           gr_layer_item_set_labels (GrLayerItem *self, gboolean labels);

G_END_DECLS
