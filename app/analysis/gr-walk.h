/* gr-walk.h — walking distance from homes to green space along the network
 *
 * Each residential cell attaches to the nearest network segment within the
 * attach distance: its walking distance is the straight line to that
 * segment plus the way along the network. A green feature is entered where
 * the network touches it: nodes within the access distance of its boundary
 * (or inside it), or its entrances when an entrance layer covers it. A
 * Dijkstra bounded by the service radius gives the cells the feature
 * reaches. All distances are whole millimetres.
 */
#pragma once

#include "gr-analysis.h"

G_BEGIN_DECLS

typedef struct _GrWalkScratch GrWalkScratch;

typedef struct
{
  guint32 node;
  gint64  mm; /* walking distance from the node into the feature */
} GrWalkSeed;

GrWalk *gr_walk_new (GrNetwork    *network,
                     const GrGrid *grid,
                     double        attach_distance,
                     double        access_distance);
void    gr_walk_free (GrWalk *walk);
void    gr_walk_add_entrance (GrWalk *walk, double x, double y);
void    gr_walk_attach (GrWalk *walk);

const GrNetwork *gr_walk_get_network (const GrWalk *walk);
guint            gr_walk_get_n_attachments (const GrWalk *walk);
void             gr_walk_get_attachment (const GrWalk *walk,
                                         guint         index,
                                         guint        *col,
                                         guint        *row,
                                         guint        *segment,
                                         gint64       *to_a,
                                         gint64       *to_b);
GrAmount         gr_walk_get_unattached (const GrWalk *walk);

void     gr_walk_access (const GrWalk *walk, const GrPolygon *polygon, GArray *seeds);
gboolean gr_walk_reach (GrWalk *walk, const GrPolygon *polygon, double radius, GArray *cells);
gboolean gr_walk_reach_line (GrWalk *walk, const GrPolygon *line, double radius, GArray *cells);
GrWalkScratch *gr_walk_scratch_new (const GrWalk *walk);
void           gr_walk_scratch_free (GrWalkScratch *scratch);
gboolean       gr_walk_reach_with (const GrWalk    *walk,
                                   GrWalkScratch   *scratch,
                                   const GrPolygon *polygon,
                                   double           radius,
                                   GArray          *cells);

gint64
gr_walk_nearest (const GrWalk *walk, double x, double y, const gint64 *target_mm, double limit);

gint64
gr_walk_between (const GrWalk *walk, double x0, double y0, double x1, double y1, double limit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrWalk, gr_walk_free)

G_END_DECLS
