/* gr-vector-layer.h — the project's layers drawn on the map */
#pragma once

#include <shumate/shumate.h>

#include "gr-render.h"

G_BEGIN_DECLS

#define GR_TYPE_VECTOR_LAYER (gr_vector_layer_get_type ())
G_DECLARE_FINAL_TYPE (GrVectorLayer, gr_vector_layer, GR, VECTOR_LAYER, ShumateLayer)

/* What the project's layers and their names are drawn from: plain bytes a
 * drawing on another thread may copy (the display does not change while it
 * is set, and is let go of only after "releasing-display"). */
typedef struct
{
  GrDisplay *display;
  GrMapStyle style;
} GrVectorDrawing;

GrVectorLayer *gr_vector_layer_new (ShumateViewport *viewport);
void           gr_vector_layer_set_display (GrVectorLayer *self, GrDisplay *display);
void     gr_vector_layer_set_visible_role (GrVectorLayer *self, GrRole role, gboolean visible);
gboolean gr_vector_layer_get_visible_role (GrVectorLayer *self, GrRole role);

void gr_map_affine (ShumateViewport *viewport, GtkWidget *widget, double affine[4]);
void gr_vector_layer_get_role_color (GrVectorLayer *self, GrRole role, GdkRGBA *color);
void gr_vector_layer_set_role_color (GrVectorLayer *self, GrRole role, const GdkRGBA *color);
void gr_vector_layer_set_role_opacity (GrVectorLayer *self, GrRole role, double opacity);
void gr_vector_layer_set_order (GrVectorLayer *self, const GrRole *order, guint n);

double   gr_vector_layer_get_role_opacity (GrVectorLayer *self, GrRole role);
void     gr_vector_layer_set_role_labels (GrVectorLayer *self, GrRole role, gboolean labels);
gboolean gr_vector_layer_get_role_labels (GrVectorLayer *self, GrRole role);

GrDisplay        *gr_vector_layer_get_display (GrVectorLayer *self);
guint             gr_vector_layer_get_version (GrVectorLayer *self);
void              gr_vector_layer_set_style (GrVectorLayer *self, const GrMapStyle *style);
const GrMapStyle *gr_vector_layer_get_style (GrVectorLayer *self);

G_END_DECLS
