/* gr-render-private.h — what the drawing files of render/ share */
#pragma once

#include "gr-render.h"

G_BEGIN_DECLS

/* Candidate parks' fill and outline: the marks and the legend agree. */
extern const double _gr_candidate_fill[4];
extern const double _gr_candidate_line[4];

const double *_gr_map_style_park_fill (guint park_class);
void          _gr_render_set_rgba (cairo_t *cr, const double c[4]);
void _gr_render_trace (cairo_t *cr, const double a[4], const GrPolygon *shape, gboolean close);

G_END_DECLS
