/* gr-green-cover.h — green space, vegetation and shade over the built-up area */
#pragma once

#include "gr-project.h"

G_BEGIN_DECLS

/* A street tree's crown when the layer gives points: 6 m across, a young
 * street tree's (CJJ 75-97 plants them 4–6 m apart). */
#define GR_TREE_CROWN_RADIUS 3.0
/* A road is shaded where a crown reaches its centre line: half a branch
 * road's carriageway beyond the crown. */
#define GR_SHADE_REACH 5.0

OGRGeometryH gr_green_union (GrProject *project, OGRGeometryH clip, gboolean with_trees);
gboolean     gr_road_is_secondary_or_branch (const GrFeature *road);
gboolean gr_shaded_roads (GrProject *project, OGRGeometryH clip, double *shaded_m, double *total_m);

G_END_DECLS
