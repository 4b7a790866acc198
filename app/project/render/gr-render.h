/* gr-render.h — the map, drawn with cairo: one drawing for the window, the
 * exported map and the printed report
 *
 * Everything is drawn through one affine map from Web Mercator (the world
 * as the unit square, y down) to the surface: x = a[0] mx + a[2],
 * y = a[1] my + a[3].
 */
#pragma once

#include "gr-coverage-tiles.h"
#include "gr-display.h"
#include "gr-map-style.h"
#include "gr-marks.h"
#include "gr-mbtiles.h"

#include <cairo.h>

G_BEGIN_DECLS

/* Sans-serif text with Chinese glyphs wherever it is drawn. */
#define GR_RENDER_FONT "Noto Sans CJK SC, WenQuanYi Micro Hei, Source Han Sans SC, Sans"

double gr_render_zoom (const double affine[4]);
void   gr_render_fit (const double bounds[4],
                      double       width,
                      double       height,
                      double       margin,
                      double       affine[4]);
void   gr_render_default_bounds (GrDisplay *display, double bounds[4]);
void gr_render_view_bounds (const double affine[4], double width, double height, double bounds[4]);

void gr_render_layers (cairo_t          *cr,
                       GrDisplay        *display,
                       const GrMapStyle *style,
                       const double      affine[4],
                       double            width,
                       double            height);

void gr_render_labels (cairo_t          *cr,
                       GrDisplay        *display,
                       const GrMapStyle *style,
                       const double      affine[4],
                       double            width,
                       double            height,
                       double            scale);

/* ---- base map and the whole map ------------------------------------------ */

gboolean gr_render_basemap (cairo_t     *cr,
                            GrMbtiles   *basemap,
                            const double affine[4],
                            double       width,
                            double       height,
                            GError     **error);

typedef struct
{
  GrDisplay        *display;
  const GrMapStyle *style;       /* NULL: the default style */
  GrCoverageTiles  *coverage;    /* nullable */
  gboolean          gains;       /* the coverage shows newly covered homes */
  GrMarks          *marks;       /* nullable */
  GrMbtiles        *basemap;     /* nullable: no base map */
  const char       *title;       /* nullable: printed at the top left */
  const char       *attribution; /* nullable: the data's attribution, bottom right */
  double            bounds[4];   /* Web Mercator: the part of the world to show */
  double            scale;       /* lines and text: 1 at 96 dpi */
  gboolean          decorations; /* legend, scale bar, north arrow */
} GrMapRender;

void     gr_render_map (cairo_t           *cr,
                        const GrMapRender *map,
                        double             width,
                        double             height,
                        GError           **basemap_error);
gboolean gr_render_map_to_file (const GrMapRender *map,
                                const char        *path,
                                double             width,
                                double             height,
                                double             dpi,
                                GError           **basemap_error,
                                GError           **error);

G_END_DECLS
