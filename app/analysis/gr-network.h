/* gr-network.h — the walking network as a graph
 *
 * Lines connect only where they share a vertex (as OpenStreetMap ways do),
 * so a bridge does not meet the street it crosses. Segments are split to at
 * most GR_NETWORK_MAX_SEGMENT metres so that a path running past or through
 * a park has a node near it. Lengths are whole millimetres, rounded up:
 * sums are exact in any order and never shorter than the straight line.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GR_NETWORK_MAX_SEGMENT 20.0

typedef struct _GrNetwork GrNetwork;

typedef struct
{
  guint nodes;
  guint edges;
  guint components;
  guint dangling_ends;
  guint snapped;
} GrNetworkStats;

typedef struct
{
  guint32 segment;
  gint64  to_a;     /* mm from the point to the segment's first node */
  gint64  to_b;     /* … and to its second */
  double  distance; /* m from the point to the segment */
} GrNetworkHit;

GrNetwork *gr_network_new (void);
void       gr_network_free (GrNetwork *network);
void       gr_network_add_line (GrNetwork *network, const double *xy, guint n_points);
void       gr_network_finish (GrNetwork *network, double snap);
void       gr_network_get_stats (const GrNetwork *network, GrNetworkStats *stats);

guint  gr_network_get_n_nodes (const GrNetwork *network);
guint  gr_network_get_n_segments (const GrNetwork *network);
void   gr_network_node_position (const GrNetwork *network, guint node, double *x, double *y);
void   gr_network_segment_nodes (const GrNetwork *network, guint segment, guint *a, guint *b);
gint64 gr_network_segment_length (const GrNetwork *network, guint segment);
const guint32 *gr_network_node_segments (const GrNetwork *network, guint node, guint *n_segments);

gboolean gr_network_nearest_segment (const GrNetwork *network,
                                     double           x,
                                     double           y,
                                     double           max_distance,
                                     guint32          hint,
                                     GrNetworkHit    *hit);
typedef struct
{
  double  bound;                /* m, at most the segment's distance to any point asked about */
  double  ax, ay, dx, dy, len2; /* the segment, from its first node */
  guint32 segment;
} GrNetworkCandidate;

guint32  gr_network_candidates (const GrNetwork *network,
                                double           x,
                                double           y,
                                double           radius,
                                double           max_distance,
                                guint32          hint,
                                GArray          *candidates);
gboolean gr_network_nearest_candidate (const GrNetwork *network,
                                       const GArray    *candidates,
                                       double           x,
                                       double           y,
                                       double           max_distance,
                                       GrNetworkHit    *hit);
void     gr_network_nodes_near (const GrNetwork *network, const double bounds[4], GArray *nodes);

gint64 gr_mm_ceil (double metres);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrNetwork, gr_network_free)

G_END_DECLS
