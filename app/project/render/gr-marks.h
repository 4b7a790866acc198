/* gr-marks.h — a scenario's edits, the indicators' findings and the park
 * being drawn, over the map (see gr-render.h for the affine transform)
 */
#pragma once

#include "gr-display.h"
#include "gr-scenario.h"

#include <cairo.h>

G_BEGIN_DECLS

typedef enum
{
  GR_MARK_CANDIDATE, /* a park the scenario adds */
  GR_MARK_RESHAPED,  /* an existing feature's new outline */
  GR_MARK_REMOVED,   /* an existing feature the scenario takes away */
  GR_MARK_SELECTED,  /* an unedited feature picked for editing: outline only */
} GrMarkKind;

typedef struct _GrMarks GrMarks;

GrMarks *gr_marks_new (void);
void     gr_marks_free (GrMarks *marks);
void     gr_marks_clear (GrMarks *marks);
void     gr_marks_add (GrMarks     *marks,
                       GrDisplay   *display,
                       OGRGeometryH geometry,
                       GrMarkKind   kind,
                       gboolean     selected,
                       gboolean     flagged);
void     gr_marks_add_scenario (GrMarks          *marks,
                                GrDisplay        *display,
                                const GrScenario *scenario,
                                GrProject        *baseline);
guint    gr_marks_get_n_shapes (GrMarks *marks);
void     gr_marks_set_findings (GrMarks      *marks,
                                GrDisplay    *display,
                                const double *pinches,
                                guint         n_pinches,
                                const double *gaps,
                                guint         n_gaps);
guint    gr_marks_get_n_findings (GrMarks *marks);
void     gr_marks_set_priorities (GrMarks *marks, GrDisplay *display, const double *xy, guint n);
guint    gr_marks_get_n_priorities (GrMarks *marks);
void     gr_marks_set_findings_visible (GrMarks *marks, gboolean visible);
gboolean gr_marks_get_findings_visible (GrMarks *marks);

typedef enum
{
  GR_FINDING_GREENWAY_BREAK,
  GR_FINDING_CORRIDOR_PINCH,
  GR_FINDING_SUGGESTED_SITE,
  GR_FINDING_PRIORITY_AREA,
} GrFinding;

void  gr_marks_draw_symbol (GrFinding finding, cairo_t *cr, double width, double height);
void  gr_marks_set_sites (GrMarks *marks, GrDisplay *display, GPtrArray *sites, guint chosen);
guint gr_marks_get_n_sites (GrMarks *marks);
void
gr_marks_set_reach (GrMarks *marks, GrDisplay *display, const double *xy, guint n, double cell);
guint    gr_marks_get_n_reach (GrMarks *marks);
void     gr_marks_set_draft (GrMarks *marks, GrDisplay *display, const double *xy, guint n);
void     gr_marks_set_measure (GrMarks      *marks,
                               GrDisplay    *display,
                               const double *xy,
                               guint         n,
                               gboolean      closed);
void     gr_marks_set_handles (GrMarks *marks, gboolean handles);
gboolean gr_marks_is_empty (GrMarks *marks);
void
gr_marks_draw (GrMarks *marks, cairo_t *cr, const double affine[4], double width, double height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrMarks, gr_marks_free)

G_END_DECLS
