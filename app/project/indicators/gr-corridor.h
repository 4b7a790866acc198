/* gr-corridor.h — ecological corridors and greenway connectivity */
#pragma once

#include "gr-project.h"

G_BEGIN_DECLS

/* Yuncheng 2023 landscaping plan: corridors between built-up clusters (组团)
 * are at least 100 m wide net and continuous. */
#define GR_CORRIDOR_MIN_WIDTH 100.0

typedef struct
{
  double   narrowest_m;      /* the widest passage that still runs end to end */
  double   pinch_x, pinch_y; /* where it pinches (analysis CRS); NAN when it never does */
  gboolean passes;           /* a passage ≥ the minimum width runs end to end */
  double   ends[4];          /* the two ends the passage is measured between */
} GrCorridorWidth;

gboolean gr_corridor_measure (OGRGeometryH corridor, double min_width, GrCorridorWidth *out);

/* Greenway ends this near another greenway meet it; loose ends of two
 * networks this near each other are a break to close. The window's map
 * and the CLI's list use the same two figures, so that they show the same
 * breaks. */
#define GR_GREENWAY_JOIN_M 5.0
#define GR_GREENWAY_GAP_M  500.0

typedef struct
{
  double x0, y0, x1, y1; /* the two ends facing each other across the gap */
  double length_m;
} GrGreenwayGap;

typedef struct
{
  guint      n_networks; /* greenway pieces joined end to end */
  GArray    *gaps;       /* GrGreenwayGap, shortest first */
  GPtrArray *links; /* per network: a "name, name…" list of the parks and waters it touches */
} GrGreenwayReport;

void gr_greenway_report (GrProject *project, double join_m, double gap_m, GrGreenwayReport *out);
void gr_greenway_report_clear (GrGreenwayReport *report);

G_END_DECLS
