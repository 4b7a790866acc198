/* gr-map-style.c — how each layer is drawn, and the colours of the
 * blind-spot overlay
 */
#include "config.h"

#include "gr-map-style.h"

#include "gr-render-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define C(r, g, b, a)                                                                              \
  {                                                                                                \
    r / 255.0, g / 255.0, b / 255.0, a                                                             \
  }

/* Drawn bottom to top: land use first, then networks, then boundaries. */
static const GrRole draw_order[] = {
  GR_ROLE_BUILTUP,   GR_ROLE_ZONES,   GR_ROLE_LIFECIRCLES, GR_ROLE_RESIDENTIAL, GR_ROLE_WATER,
  GR_ROLE_CORRIDOR,  GR_ROLE_NURSERY, GR_ROLE_GREEN,       GR_ROLE_PARK,        GR_ROLE_TREES,
  GR_ROLE_BUILDINGS, GR_ROLE_WALK,    GR_ROLE_GREENWAY,    GR_ROLE_SITES,       GR_ROLE_ENTRANCES,
};

static const GrRoleStyle default_styles[GR_N_ROLES] = {
  [GR_ROLE_GREEN] = { C (166, 219, 160, 0.85), C (90, 174, 97, 1), 0.8, 0 },
  [GR_ROLE_PARK] = { C (90, 174, 97, 0.9), C (27, 120, 55, 1), 1.2, 0 },
  [GR_ROLE_RESIDENTIAL] = { C (240, 228, 200, 0.55), C (200, 180, 140, 0.8), 0.6, 0 },
  [GR_ROLE_WALK] = { C (0, 0, 0, 0), C (120, 120, 120, 0.7), 0.7, 14 },
  [GR_ROLE_GREENWAY] = { C (0, 0, 0, 0), C (0, 109, 44, 1), 2.0, 0 },
  [GR_ROLE_CORRIDOR] = { C (199, 233, 192, 0.5), C (65, 171, 93, 1), 1.0, 0 },
  [GR_ROLE_WATER] = { C (158, 202, 225, 0.9), C (66, 146, 198, 1), 0.6, 0 },
  [GR_ROLE_ZONES] = { C (0, 0, 0, 0), C (90, 90, 110, 0.9), 1.5, 0 },
  [GR_ROLE_BUILDINGS] = { C (190, 185, 180, 0.8), C (150, 145, 140, 0.8), 0.4, 15 },
  [GR_ROLE_NURSERY] = { C (217, 240, 163, 0.8), C (120, 198, 121, 1), 0.6, 0 },
  [GR_ROLE_BUILTUP] = { C (0, 0, 0, 0), C (120, 80, 60, 0.8), 1.5, 0 },
  [GR_ROLE_SITES] = { C (253, 141, 60, 0.6), C (217, 72, 1, 1), 1.5, 0 },
  [GR_ROLE_ENTRANCES] = { C (0, 0, 0, 0), C (27, 120, 55, 1), 4.0, 14 },
  [GR_ROLE_POPULATION] = { C (0, 0, 0, 0), C (0, 0, 0, 0), 0, 99 },
  [GR_ROLE_TREES] = { C (35, 139, 69, 0.45), C (0, 90, 50, 0.8), 2.0, 15 },
  [GR_ROLE_LIFECIRCLES] = { C (0, 0, 0, 0), C (118, 42, 131, 0.8), 1.2, 0 },
};

/* Parks by CJJ/T 85 class: the larger the class, the deeper the green;
 * specialised parks lean blue, country parks olive. */
static const double park_fills[GR_N_PARK_CLASSES][4] = {
  [GR_PARK_CLASS_COMPREHENSIVE] = C (49, 140, 70, 0.9),
  [GR_PARK_CLASS_COMMUNITY] = C (90, 174, 97, 0.9),
  [GR_PARK_CLASS_SPECIALISED] = C (65, 160, 140, 0.9),
  [GR_PARK_CLASS_STREET_GARDEN] = C (140, 200, 110, 0.9),
  [GR_PARK_CLASS_COUNTRY] = C (120, 150, 60, 0.9),
};

/* Candidate parks are reddish purple: the one Okabe–Ito colour the
 * blind-spot overlay does not use (proposals, not green yet). */
const double _gr_candidate_fill[4] = { 0.8, 0.475, 0.655, 0.8 };
const double _gr_candidate_line[4] = { 0.45, 0.15, 0.35, 1 };

/* The fill parks of @park_class take, for a legend. */
void
gr_map_style_get_park_fill (guint park_class, double rgba[4])
{
  memcpy (rgba, _gr_map_style_park_fill (park_class), 4 * sizeof (double));
}

/* A park's fill when parks are drawn by class. */
const double *
_gr_map_style_park_fill (guint park_class)
{
  g_return_val_if_fail (park_class < GR_N_PARK_CLASSES, park_fills[0]);
  return park_fills[park_class];
}

void
gr_map_style_init (GrMapStyle *style)
{
  memset (style, 0, sizeof *style);
  memcpy (style->roles, default_styles, sizeof default_styles);
  for (guint r = 0; r < GR_N_ROLES; r++)
    style->opacity[r] = 1;
  memcpy (style->order, draw_order, sizeof draw_order);
  style->n_order = G_N_ELEMENTS (draw_order);
  for (guint r = 0; r < GR_N_ROLES; r++)
    style->labels[r] = gr_map_style_can_label (r);
}

/* The layers whose features are named on the map: parks, green space,
 * water and zones (街道, 社区). */
gboolean
gr_map_style_can_label (GrRole role)
{
  return role == GR_ROLE_PARK || role == GR_ROLE_GREEN || role == GR_ROLE_WATER
         || role == GR_ROLE_ZONES;
}

/* The colour that stands for @role in a legend: its fill, or its line. */
void
gr_map_style_get_color (const GrMapStyle *style, GrRole role, double rgb[3])
{
  const GrRoleStyle *s;

  g_return_if_fail (role < GR_N_ROLES);
  s = &style->roles[role];
  memcpy (rgb, s->fill[3] > 0 ? s->fill : s->stroke, 3 * sizeof (double));
}

/* A new colour for @role: areas take it as their fill (with the default
 * translucency) and a darker outline; lines take it as their colour. */
void
gr_map_style_set_color (GrMapStyle *style, GrRole role, const double rgb[3])
{
  GrRoleStyle *s;

  g_return_if_fail (role < GR_N_ROLES);
  s = &style->roles[role];
  if (default_styles[role].fill[3] > 0)
    {
      for (guint k = 0; k < 3; k++)
        s->fill[k] = rgb[k], s->stroke[k] = rgb[k] * 0.7;
      s->fill[3] = default_styles[role].fill[3];
      s->stroke[3] = 1;
    }
  else
    for (guint k = 0; k < 3; k++)
      s->stroke[k] = rgb[k];
  style->recoloured[role] = TRUE;
}

/* Okabe–Ito colours, distinguishable with the common colour-vision
 * deficiencies: bluish green, orange, sky blue, vermillion. Orange and
 * vermillion differ mostly in hue, which deuteranopes barely see: the
 * blind spots take a darker vermillion, nearly opaque, and "no park" a
 * lighter orange, so that lightness tells them apart too (CIE ΔE under the
 * Machado et al. 2009 simulations: deuteranopia 16 → 30, protanopia
 * 23 → 38; tests/project/test-style.c). */
void
gr_render_kind_color (GrCellKind kind, double rgba[4])
{
  static const double colors[GR_N_CELL_KINDS][4] = {
    [GR_CELL_BOTH] = { 0.0, 0.620, 0.451, 0.35 },
    [GR_CELL_NO_PARK] = { 0.902, 0.624, 0.0, 0.7 },
    [GR_CELL_NO_GREEN] = { 0.337, 0.706, 0.914, 0.75 },
    [GR_CELL_NEITHER] = { 0.706, 0.275, 0.0, 0.95 },
  };

  g_return_if_fail (kind < GR_N_CELL_KINDS);
  memcpy (rgba, colors[kind], sizeof colors[kind]);
}

/* Newly covered homes: A only blue, B only orange, both bluish green
 * (Okabe–Ito); homes neither scenario changes stay light grey. */
void
gr_render_gain_color (guint gain, double rgba[4])
{
  static const double colors[4][4] = {
    { 0.6, 0.6, 0.6, 0.35 },
    { 0.0, 0.447, 0.698, 0.85 },
    { 0.902, 0.624, 0.0, 0.85 },
    { 0.0, 0.620, 0.451, 0.85 },
  };

  g_return_if_fail (gain < 4);
  memcpy (rgba, colors[gain], sizeof colors[gain]);
}

/* The fill of a scenario's candidate parks, as maps and the window draw them. */
void
gr_render_candidate_color (double rgba[4])
{
  memcpy (rgba, _gr_candidate_fill, sizeof _gr_candidate_fill);
}

const char *
gr_render_kind_label (GrCellKind kind)
{
  static const char *labels[GR_N_CELL_KINDS] = {
    [GR_CELL_BOTH] = N_ ("Green and a park in reach"),
    [GR_CELL_NO_PARK] = N_ ("No park within 500 m"),
    [GR_CELL_NO_GREEN] = N_ ("No green space within 300 m"),
    [GR_CELL_NEITHER] = N_ ("Neither: a blind spot"),
  };

  g_return_val_if_fail (kind < GR_N_CELL_KINDS, "");
  return _ (labels[kind]);
}
