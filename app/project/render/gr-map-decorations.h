/* gr-map-decorations.h — legend, scale bar, north arrow, title and
 * attribution over a whole map
 */
#pragma once

#include "gr-render.h"

G_BEGIN_DECLS

void  gr_map_decorations_draw (cairo_t           *cr,
                               const GrMapRender *map,
                               const GrMapStyle  *style,
                               const double       affine[4],
                               double             width,
                               double             height);
char *gr_map_decorations_credits (const GrMapRender *map);

G_END_DECLS
