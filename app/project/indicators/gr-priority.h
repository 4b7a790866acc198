/* gr-priority.h — blind-spot clusters ranked by the residents they leave out */
#pragma once

#include "gr-evaluate.h"

G_BEGIN_DECLS

/* Blind cells this near each other are one area: across a street, not
 * across a park. */
#define GR_PRIORITY_JOIN_M 50.0

typedef struct
{
  guint  rank;      /* 1: the most residents left out */
  double x, y;      /* a home of the area near its middle, analysis CRS */
  double bounds[4]; /* its cells' extent */
  double area_m2;   /* residential land */
  double residents;
  double children;        /* aged 0–14; NAN when the population has no age groups */
  double elderly;         /* aged 60 and over; NAN likewise */
  guint  zone;            /* the zone its middle home lies in, 0 outside every zone */
  char  *site;            /* the nearest usable site's name (or its layer's and number), or NULL */
  double site_x, site_y;  /* its nearest point, NAN without one */
  double site_distance_m; /* straight, from (x, y) */
} GrPriorityArea;

GArray *gr_priority_areas_find (GrProject *project, GrAnalysis *analysis, int zone, guint max);
void    gr_priority_area_clear (gpointer area);

G_END_DECLS
