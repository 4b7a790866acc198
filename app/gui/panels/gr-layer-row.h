/* gr-layer-row.h — a row of the layer panel: shown or not, colour, opacity, order, name */
#pragma once

#include <gtk/gtk.h>

#include "gr-layer-item.h"

G_BEGIN_DECLS

#define GR_TYPE_LAYER_ROW (gr_layer_row_get_type ())
G_DECLARE_FINAL_TYPE (GrLayerRow, gr_layer_row, GR, LAYER_ROW, GtkBox)

GrLayerItem *gr_layer_row_get_item (GrLayerRow *self);
void         gr_layer_row_set_item (GrLayerRow *self, GrLayerItem *item);

G_END_DECLS
