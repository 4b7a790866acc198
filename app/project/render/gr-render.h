/* gr-render.h — the map, drawn with cairo: one drawing for the window, the
 * exported map and the printed report
 *
 * Everything is drawn through one affine map from Web Mercator (the world
 * as the unit square, y down) to the surface: x = a[0] mx + a[2],
 * y = a[1] my + a[3].
 */
#pragma once

#include "gr-compare.h"
#include "gr-display.h"
#include "gr-mbtiles.h"

#include <cairo.h>

G_BEGIN_DECLS

/* Sans-serif text with Chinese glyphs wherever it is drawn. */
#define GR_RENDER_FONT "Noto Sans CJK SC, WenQuanYi Micro Hei, Source Han Sans SC, Sans"

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
  double fill[4];   /* r, g, b, a in 0–1; a = 0: not filled (lines) */
  double stroke[4];
  double width;     /* line width, pixels at 96 dpi */
  double min_zoom;  /* drawn from this zoom level on */
} GrRoleStyle;

typedef struct
{
  GrRoleStyle roles[GR_N_ROLES];
  double      opacity[GR_N_ROLES];
  gboolean    hidden[GR_N_ROLES];
  gboolean    recoloured[GR_N_ROLES]; /* parks: one colour, not by class */
  GrRole      order[GR_N_ROLES];      /* bottom first; roles left out are not drawn */
  guint       n_order;
} GrMapStyle;

void gr_map_style_init          (GrMapStyle   *style);
void gr_map_style_get_color     (const GrMapStyle *style,
                                 GrRole        role,
                                 double        rgb[3]);
void gr_map_style_set_color     (GrMapStyle   *style,
                                 GrRole        role,
                                 const double  rgb[3]);
void gr_render_kind_color       (GrCellKind    kind,
                                 double        rgba[4]);
void gr_render_gain_color       (guint         gain,
                                 double        rgba[4]);
const char *gr_render_kind_label (GrCellKind   kind);

double gr_render_zoom           (const double  affine[4]);
void   gr_render_fit            (const double  bounds[4],
                                 double        width,
                                 double        height,
                                 double        margin,
                                 double        affine[4]);
void   gr_render_default_bounds (GrDisplay   *display,
                                 double       bounds[4]);
void   gr_render_view_bounds    (const double affine[4],
                                 double       width,
                                 double       height,
                                 double       bounds[4]);

void gr_render_layers           (cairo_t          *cr,
                                 GrDisplay        *display,
                                 const GrMapStyle *style,
                                 const double      affine[4],
                                 double            width,
                                 double            height);

/* ---- the blind-spot overlay ---------------------------------------------- */

typedef struct _GrCoverageTiles GrCoverageTiles;

GrCoverageTiles *gr_coverage_tiles_new          (void);
void             gr_coverage_tiles_free         (GrCoverageTiles *tiles);
void             gr_coverage_tiles_set_source   (GrCoverageTiles *tiles,
                                                 GrAnalysis      *analysis,
                                                 GrComparison    *comparison,
                                                 GrDisplay       *display);
void             gr_coverage_tiles_set_gains    (GrCoverageTiles *tiles,
                                                 GrAnalysis      *before,
                                                 GrAnalysis      *after,
                                                 GrDisplay       *display);
void             gr_coverage_tiles_refresh      (GrCoverageTiles *tiles);
void             gr_coverage_tiles_refresh_area (GrCoverageTiles *tiles,
                                                 const double     bounds[4]);
guint            gr_coverage_tiles_get_n_tiles  (GrCoverageTiles *tiles);
void             gr_coverage_tiles_draw         (GrCoverageTiles *tiles,
                                                 cairo_t         *cr,
                                                 const double     affine[4],
                                                 double           width,
                                                 double           height);

/* ---- edits, findings and drafts over the map ----------------------------- */

typedef enum
{
  GR_MARK_CANDIDATE, /* a park the scenario adds */
  GR_MARK_RESHAPED,  /* an existing feature's new outline */
  GR_MARK_REMOVED,   /* an existing feature the scenario takes away */
  GR_MARK_SELECTED,  /* an unedited feature picked for editing: outline only */
} GrMarkKind;

typedef struct _GrMarks GrMarks;

GrMarks *gr_marks_new           (void);
void     gr_marks_free          (GrMarks      *marks);
void     gr_marks_clear         (GrMarks      *marks);
void     gr_marks_add           (GrMarks      *marks,
                                 GrDisplay    *display,
                                 OGRGeometryH  geometry,
                                 GrMarkKind    kind,
                                 gboolean      selected,
                                 gboolean      flagged);
void     gr_marks_add_scenario  (GrMarks          *marks,
                                 GrDisplay        *display,
                                 const GrScenario *scenario,
                                 GrProject        *baseline);
guint    gr_marks_get_n_shapes  (GrMarks      *marks);
void     gr_marks_set_findings  (GrMarks      *marks,
                                 GrDisplay    *display,
                                 const double *pinches,
                                 guint         n_pinches,
                                 const double *gaps,
                                 guint         n_gaps);
guint    gr_marks_get_n_findings (GrMarks     *marks);
void     gr_marks_set_draft     (GrMarks      *marks,
                                 GrDisplay    *display,
                                 const double *xy,
                                 guint         n);
gboolean gr_marks_is_empty      (GrMarks      *marks);
void     gr_marks_draw          (GrMarks      *marks,
                                 cairo_t      *cr,
                                 const double  affine[4],
                                 double        width,
                                 double        height);

/* ---- base map, legend, scale bar, north arrow, the whole map -------------- */

gboolean gr_render_basemap      (cairo_t      *cr,
                                 GrMbtiles    *basemap,
                                 const double  affine[4],
                                 double        width,
                                 double        height,
                                 GError      **error);

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

void     gr_render_map          (cairo_t           *cr,
                                 const GrMapRender *map,
                                 double             width,
                                 double             height,
                                 GError           **basemap_error);
gboolean gr_render_map_to_file  (const GrMapRender *map,
                                 const char        *path,
                                 double             width,
                                 double             height,
                                 double             dpi,
                                 GError           **basemap_error,
                                 GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrCoverageTiles, gr_coverage_tiles_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrMarks, gr_marks_free)

G_END_DECLS
