/* gr-criteria.h — what an analysis measures: distances, smallest sizes,
 * the grid and the walking network, with the range each may take
 */
#pragma once

#include "gr-defaults.h"

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double resolution;     /* grid cell size, metres */
  double green_radius;   /* metres */
  double green_min_area; /* m² */
  double park_radius;
  double park_min_area;
  /* Walking mode: distance along the path network instead of straight. */
  gboolean walking;
  double   access_distance; /* a path this near a green feature enters it */
  double   attach_distance; /* a home this near a path reaches the network */
  double   snap;            /* join dangling line ends this near; 0 = off */
} GrCriteria;

/* The ranges gr_criteria_validate() accepts. The settings schema's
 * <range>s for the radii and the smallest sizes are these
 * (tests/analysis/test-defaults.c checks that they agree), so a value the
 * window keeps is one the command line takes. */
#define GR_CRITERIA_RESOLUTION_MIN     0.5    /* metres */
#define GR_CRITERIA_RESOLUTION_MAX     1000.0 /* metres */
#define GR_CRITERIA_RADIUS_MIN         0.0    /* metres, green and park */
#define GR_CRITERIA_RADIUS_MAX         5000.0 /* metres, green and park */
#define GR_CRITERIA_MIN_AREA_MIN       0.0    /* m², green and park */
#define GR_CRITERIA_GREEN_MIN_AREA_MAX 1.0e6  /* m² */
#define GR_CRITERIA_PARK_MIN_AREA_MAX  1.0e7  /* m² */
#define GR_CRITERIA_DISTANCE_MIN       0.0    /* metres, access and attach */
#define GR_CRITERIA_DISTANCE_MAX       1000.0 /* metres, access and attach */
#define GR_CRITERIA_SNAP_MIN           0.0    /* metres */
#define GR_CRITERIA_SNAP_MAX           100.0  /* metres */

void     gr_criteria_init_default (GrCriteria *criteria);
gboolean gr_criteria_validate (const GrCriteria *criteria, GError **error);

G_END_DECLS
