/* gr-sketch-layer.h — a scenario's edits drawn over the map: candidate
 * parks, new outlines, removed features, the selection */
#pragma once

#include <shumate/shumate.h>

#include "gr-render.h"

G_BEGIN_DECLS

#define GR_TYPE_SKETCH_LAYER (gr_sketch_layer_get_type ())
G_DECLARE_FINAL_TYPE (GrSketchLayer, gr_sketch_layer, GR, SKETCH_LAYER, ShumateLayer)

GrSketchLayer *gr_sketch_layer_new (ShumateViewport *viewport);
void           gr_sketch_layer_clear (GrSketchLayer *self);
void           gr_sketch_layer_add (GrSketchLayer *self,
                                    GrDisplay     *display,
                                    OGRGeometryH   geometry,
                                    GrMarkKind     kind,
                                    gboolean       selected,
                                    gboolean       flagged);
guint          gr_sketch_layer_get_n_shapes (GrSketchLayer *self);
void           gr_sketch_layer_set_findings (GrSketchLayer *self,
                                             GrDisplay     *display,
                                             const double  *pinches,
                                             guint          n_pinches,
                                             const double  *gaps,
                                             guint          n_gaps);
guint          gr_sketch_layer_get_n_findings (GrSketchLayer *self);
void
gr_sketch_layer_set_priorities (GrSketchLayer *self, GrDisplay *display, const double *xy, guint n);
void gr_sketch_layer_set_draft (GrSketchLayer *self, GrDisplay *display, const double *xy, guint n);
void gr_sketch_layer_set_handles (GrSketchLayer *self, gboolean handles);

GrMarks *gr_sketch_layer_get_marks (GrSketchLayer *self);

G_END_DECLS
