/* gr-layer-panel.h — the project's layers, top drawn on top, and the legend of the blind spots */
#pragma once

#include <gtk/gtk.h>

#include "gr-layer-item.h"

G_BEGIN_DECLS

#define GR_TYPE_LAYER_PANEL (gr_layer_panel_get_type ())
G_DECLARE_FINAL_TYPE (GrLayerPanel, gr_layer_panel, GR, LAYER_PANEL, GtkBox)

GListModel *gr_layer_panel_get_model (GrLayerPanel *self);
void        gr_layer_panel_set_layers (GrLayerPanel *self, GPtrArray *items);
void        gr_layer_panel_move (GrLayerPanel *self, GrRole role, int step);

G_END_DECLS
