/* gr-basemap-labels-private.h — a base map's names placed for one zoom,
 * shared by the placing and the drawing
 */
#pragma once

#include "gr-basemap-render.h"
#include "gr-labels.h"

G_BEGIN_DECLS

struct _GrBasemapLabels
{
  int       zoom;
  GrLabels *labels; /* world pixels at zoom */
};

G_END_DECLS
