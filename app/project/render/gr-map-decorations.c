/* gr-map-decorations.c — legend, scale bar, north arrow, title and
 * attribution: what makes an exported map readable on its own
 */
#include "config.h"

#include "gr-map-decorations.h"

#include "gr-render-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

/* WGS 84 equatorial circumference: the Web Mercator unit square's side. */
#define EARTH_CIRCUMFERENCE_M 40075016.686

/* Ground metres per pixel at the centre of the surface. */
static double
metres_per_pixel (const double affine[4], double height)
{
  double my = (height / 2 - affine[3]) / affine[1];
  double lat = atan (sinh (G_PI * (1 - 2 * my)));

  return EARTH_CIRCUMFERENCE_M * cos (lat) / fabs (affine[0]);
}

static PangoLayout *
text_layout (cairo_t *cr, const char *text, double size, gboolean bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string (GR_RENDER_FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
legend_row (cairo_t     *cr,
            double       x,
            double       y,
            double       s,
            const double color[4],
            gboolean     line,
            const char  *text,
            double      *width)
{
  g_autoptr (PangoLayout) layout = text_layout (cr, text, 11 * s, FALSE);
  int tw, th;

  if (line)
    {
      cairo_move_to (cr, x, y + 7 * s);
      cairo_line_to (cr, x + 16 * s, y + 7 * s);
      cairo_set_source_rgb (cr, color[0], color[1], color[2]);
      cairo_set_line_width (cr, 2.5 * s);
      cairo_stroke (cr);
    }
  else
    {
      cairo_rectangle (cr, x, y + 1 * s, 16 * s, 12 * s);
      cairo_set_source_rgba (cr, color[0], color[1], color[2], MAX (color[3], 0.75));
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.4);
      cairo_set_line_width (cr, 0.5 * s);
      cairo_stroke (cr);
    }
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_move_to (cr, x + 22 * s, y + 7 * s - th / 2.0);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  pango_cairo_show_layout (cr, layout);
  *width = MAX (*width, 22 * s + tw);
}

typedef struct
{
  double      color[4];
  gboolean    line;
  const char *text;
  char       *owned;
} LegendEntry;

static void
draw_legend (cairo_t *cr, const GrMapRender *map, const GrMapStyle *style, double height)
{
  g_autoptr (GArray) entries = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  double              s = map->scale, row = 18 * s, pad = 8 * s, width = 0, box_h, x, y;
  static const GrRole roles[] = { GR_ROLE_PARK,  GR_ROLE_GREEN,    GR_ROLE_RESIDENTIAL,
                                  GR_ROLE_WATER, GR_ROLE_CORRIDOR, GR_ROLE_GREENWAY };

  if (map->coverage != NULL && gr_coverage_tiles_get_n_tiles (map->coverage) > 0)
    {
      if (map->gains)
        {
          LegendEntry e = { { 0 }, FALSE, _ ("Newly covered homes"), NULL };

          gr_render_gain_color (1, e.color);
          g_array_append_val (entries, e);
        }
      else
        for (guint k = 0; k < GR_N_CELL_KINDS; k++)
          {
            LegendEntry e = { { 0 }, FALSE, gr_render_kind_label (k), NULL };

            gr_render_kind_color (k, e.color);
            g_array_append_val (entries, e);
          }
    }
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      GPtrArray  *features = gr_display_get_features (map->display, roles[i]);
      LegendEntry e = { { 0 }, FALSE, gr_role_get_label (roles[i]), NULL };

      if (features == NULL || features->len == 0 || style->hidden[roles[i]])
        continue;
      gr_map_style_get_color (style, roles[i], e.color);
      e.color[3] = 1;
      e.line = style->roles[roles[i]].fill[3] == 0;
      g_array_append_val (entries, e);
    }
  if (map->marks != NULL && gr_marks_get_n_shapes (map->marks) > 0)
    {
      LegendEntry e = { { 0 }, FALSE, _ ("Candidate park"), NULL };

      memcpy (e.color, _gr_candidate_fill, sizeof e.color);
      g_array_append_val (entries, e);
    }
  if (entries->len == 0)
    return;
  /* Measure first, then draw the box and the rows over it. */
  cairo_save (cr);
  cairo_push_group (cr);
  for (guint i = 0; i < entries->len; i++)
    {
      LegendEntry *e = &g_array_index (entries, LegendEntry, i);

      legend_row (cr, 0, i * row, s, e->color, e->line, e->text, &width);
    }
  cairo_pattern_destroy (cairo_pop_group (cr));
  box_h = entries->len * row + 2 * pad - 4 * s;
  x = 12 * s, y = height - 12 * s - box_h;
  cairo_rectangle (cr, x, y, width + 2 * pad, box_h);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.88);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 1 * s);
  cairo_stroke (cr);
  for (guint i = 0; i < entries->len; i++)
    {
      LegendEntry *e = &g_array_index (entries, LegendEntry, i);
      double       unused = 0;

      legend_row (cr, x + pad, y + pad + i * row, s, e->color, e->line, e->text, &unused);
    }
  cairo_restore (cr);
}

/* A round length near a fifth of the map's width: 1, 2 or 5 × 10ⁿ m. */
static double
nice_length (double metres)
{
  double p = pow (10, floor (log10 (metres))), f = metres / p;

  return (f >= 5 ? 5 : f >= 2 ? 2 : 1) * p;
}

static void
draw_scale_bar (cairo_t *cr, const double a[4], double width, double height, double s)
{
  double mpp = metres_per_pixel (a, height);
  double metres = nice_length (width / 5 * mpp), px = metres / mpp, x = width - 16 * s - px,
         y = height - 28 * s;
  g_autofree char *text = metres >= 1000 ? g_strdup_printf (_ ("%g km"), metres / 1000)
                                         : g_strdup_printf (_ ("%g m"), metres);
  g_autoptr (PangoLayout) layout = text_layout (cr, text, 11 * s, FALSE);
  int tw, th;

  cairo_save (cr);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_rectangle (cr, x - 6 * s, y - th - 6 * s, px + 12 * s, th + 18 * s);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
  cairo_fill (cr);
  /* Two halves, black and white, so the bar reads over any colour. */
  cairo_rectangle (cr, x, y, px / 2, 5 * s);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_fill (cr);
  cairo_rectangle (cr, x + px / 2, y, px / 2, 5 * s);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, 1 * s);
  cairo_stroke (cr);
  cairo_rectangle (cr, x, y, px, 5 * s);
  cairo_stroke (cr);
  cairo_move_to (cr, x + px / 2 - tw / 2.0, y - th - 2 * s);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* Web Mercator keeps north up everywhere on the map. */
static void
draw_north_arrow (cairo_t *cr, double width, double s)
{
  double cx = width - 30 * s, top = 14 * s;
  g_autoptr (PangoLayout) layout = text_layout (cr, C_ ("compass", "N"), 13 * s, TRUE);
  int tw, th;

  cairo_save (cr);
  cairo_arc (cr, cx, top + 26 * s, 20 * s, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
  cairo_fill (cr);
  cairo_move_to (cr, cx, top + 14 * s);
  cairo_line_to (cr, cx + 8 * s, top + 40 * s);
  cairo_line_to (cr, cx, top + 34 * s);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_fill (cr);
  cairo_move_to (cr, cx, top + 14 * s);
  cairo_line_to (cr, cx - 8 * s, top + 40 * s);
  cairo_line_to (cr, cx, top + 34 * s);
  cairo_close_path (cr);
  cairo_set_line_width (cr, 1 * s);
  cairo_stroke (cr);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_move_to (cr, cx - tw / 2.0, top + 12 * s - th);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_corner_text (cairo_t    *cr,
                  const char *text,
                  double      x,
                  double      y,
                  double      size,
                  gboolean    right,
                  gboolean    bold)
{
  g_autoptr (PangoLayout) layout = text_layout (cr, text, size, bold);
  int tw, th;

  pango_layout_get_pixel_size (layout, &tw, &th);
  if (right)
    x -= tw;
  cairo_rectangle (cr, x - 3, y - 1, tw + 6, th + 2);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.75);
  cairo_fill (cr);
  cairo_move_to (cr, x, y);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  pango_cairo_show_layout (cr, layout);
}

/* MBTiles attributions are often HTML links: their text only. */
static char *
strip_markup (const char *html)
{
  GString *out = g_string_new (NULL);
  gboolean in_tag = FALSE;

  for (const char *p = html; *p; p++)
    if (*p == '<')
      in_tag = TRUE;
    else if (*p == '>')
      in_tag = FALSE;
    else if (!in_tag)
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* Over the whole map, widened by the map's scale like its lines: the
 * legend bottom left, the scale bar bottom right, the north arrow top
 * right, the title top left and the attributions along the bottom. */
void
gr_map_decorations_draw (cairo_t           *cr,
                         const GrMapRender *map,
                         const GrMapStyle  *style,
                         const double       affine[4],
                         double             width,
                         double             height)
{
  double           s = map->scale > 0 ? map->scale : 1;
  g_autofree char *credits = gr_map_decorations_credits (map);

  draw_legend (cr, map, style, height);
  draw_scale_bar (cr, affine, width, height, s);
  draw_north_arrow (cr, width, s);
  if (map->title != NULL)
    draw_corner_text (cr, map->title, 12 * s, 10 * s, 15 * s, FALSE, TRUE);
  if (credits[0] != '\0')
    draw_corner_text (cr, credits, width - 8 * s, height - 16 * s, 8.5 * s, TRUE, FALSE);
}

/**
 * gr_map_decorations_credits:
 *
 * Returns: (transfer full): the credits along a map's bottom: the data's,
 *   then the base map's where it says something else (both are often
 *   "© OpenStreetMap contributors"); "" for none
 */
char *
gr_map_decorations_credits (const GrMapRender *map)
{
  GString *credits = g_string_new (map->attribution);

  if (map->basemap != NULL && gr_mbtiles_get_attribution (map->basemap) != NULL)
    {
      g_autofree char *plain = strip_markup (gr_mbtiles_get_attribution (map->basemap));

      if (plain[0] != '\0' && strstr (credits->str, plain) == NULL)
        g_string_append_printf (credits, "%s%s", credits->len > 0 ? " · " : "", plain);
    }
  return g_string_free (credits, FALSE);
}
