/* gr-labels.h — names on a map, placed without collisions: the base map's
 * and the project layers' alike
 *
 * Labels are offered in order of importance; one whose box meets a label
 * already placed is left out. Coordinates are any pixel space the caller
 * draws in (world pixels for base-map tiles, the surface for the window).
 */
#pragma once

#include "gr-polygon.h"

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GR_LABEL_PLACE, /* towns, villages, districts */
  GR_LABEL_PARK,
  GR_LABEL_GREEN,
  GR_LABEL_WATER, /* italic */
  GR_LABEL_ROAD,
  GR_LABEL_ZONE, /* 街道, 社区: bold, muted */
} GrLabelStyle;

typedef struct
{
  const char  *text;  /* not copied: it outlives the labels */
  double       x, y;  /* the text's centre */
  double       angle; /* radians, clockwise on the screen; 0 level */
  double       size;  /* pixels */
  GrLabelStyle style;
  gboolean     bold;
  double       box[4]; /* set when placed: what it covers, with clear space */
} GrLabel;

typedef struct _GrLabels GrLabels;

GrLabels *gr_labels_new (void);
void      gr_labels_free (GrLabels *labels);
gboolean  gr_labels_measure (GrLabels *labels, const GrLabel *label, double *width, double *height);
gboolean  gr_labels_place (GrLabels *labels, const GrLabel *label);
guint     gr_labels_get_n_labels (GrLabels *labels);
const GrLabel *gr_labels_get_label (GrLabels *labels, guint index);
void
gr_labels_draw (GrLabels *labels, cairo_t *cr, double x0, double y0, double width, double height);
gboolean
gr_labels_inside_point (const GrPolygon *shape, const double bounds[4], double *x, double *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrLabels, gr_labels_free)

G_END_DECLS
