/* gr-map-style.h — how each layer is drawn, and the colours and labels of
 * the blind-spot overlay's cells
 */
#pragma once

#include "gr-park-class.h"
#include "gr-project.h"

G_BEGIN_DECLS

typedef enum
{
  GR_CELL_BOTH,     /* green within 300 m and a park within 500 m */
  GR_CELL_NO_PARK,  /* green only */
  GR_CELL_NO_GREEN, /* a park only (it serves farther than green) */
  GR_CELL_NEITHER,  /* a blind spot */
  GR_N_CELL_KINDS
} GrCellKind;

typedef struct
{
  double fill[4]; /* r, g, b, a in 0–1; a = 0: not filled (lines) */
  double stroke[4];
  double width;    /* line width, pixels at 96 dpi */
  double min_zoom; /* drawn from this zoom level on */
} GrRoleStyle;

typedef struct
{
  GrRoleStyle roles[GR_N_ROLES];
  double      opacity[GR_N_ROLES];
  gboolean    hidden[GR_N_ROLES];
  gboolean    recoloured[GR_N_ROLES]; /* parks: one colour, not by class */
  gboolean    labels[GR_N_ROLES];     /* names drawn (gr_role_has_labels) */
  GrRole      order[GR_N_ROLES];      /* bottom first; roles left out are not drawn */
  guint       n_order;
} GrMapStyle;

void        gr_map_style_init (GrMapStyle *style);
gboolean    gr_map_style_can_label (GrRole role);
void        gr_map_style_get_color (const GrMapStyle *style, GrRole role, double rgb[3]);
void        gr_map_style_set_color (GrMapStyle *style, GrRole role, const double rgb[3]);
void        gr_map_style_get_park_fill (guint park_class, double rgba[4]);
void        gr_render_kind_color (GrCellKind kind, double rgba[4]);
void        gr_render_gain_color (guint gain, double rgba[4]);
const char *gr_render_kind_label (GrCellKind kind);
void        gr_render_candidate_color (double rgba[4]);

G_END_DECLS
