/* gr-corridor.c — ecological corridors and greenway connectivity
 *
 * A corridor is continuous at width w when the polygon shrunk by w / 2
 * (GEOS negative buffer) still joins its two ends in one piece: a circle of
 * diameter w can then travel from one end to the other inside it. The
 * narrowest width is the largest such w (found by bisection to 0.5 m), and
 * the pinch point is the thin bridge the shrunk polygon still has just
 * below it and loses just above it.
 *
 * The ends are the two points of the corridor's outline farthest apart.
 */
#include "config.h"

#include "gr-corridor.h"

#include "gr-osm.h"

#include <glib/gi18n-lib.h>
#include <math.h>

static void
farthest_pair (OGRGeometryH g, double ends[4])
{
  g_auto (OGRGeometryH) hull = OGR_G_ConvexHull (g);
  OGRGeometryH ring =
      hull != NULL && OGR_G_GetGeometryCount (hull) > 0 ? OGR_G_GetGeometryRef (hull, 0) : NULL;
  double best = -1;
  int    n = ring != NULL ? OGR_G_GetPointCount (ring) : 0;

  /* The diameter's ends are hull vertices; hulls are small. */
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++)
      {
        double dx = OGR_G_GetX (ring, i) - OGR_G_GetX (ring, j),
               dy = OGR_G_GetY (ring, i) - OGR_G_GetY (ring, j);

        if (dx * dx + dy * dy > best)
          {
            best = dx * dx + dy * dy;
            ends[0] = OGR_G_GetX (ring, i), ends[1] = OGR_G_GetY (ring, i);
            ends[2] = OGR_G_GetX (ring, j), ends[3] = OGR_G_GetY (ring, j);
          }
      }
}

/* The piece of @shrunk nearest (x, y), if within @reach. */
static int
piece_near (OGRGeometryH shrunk, double x, double y, double reach)
{
  g_auto (OGRGeometryH) p = OGR_G_CreateGeometry (wkbPoint);
  int    n = wkbFlatten (OGR_G_GetGeometryType (shrunk)) == wkbMultiPolygon
                 ? OGR_G_GetGeometryCount (shrunk)
                 : 1;
  int    best = -1;
  double nearest = reach;

  OGR_G_SetPoint_2D (p, 0, x, y);
  for (int k = 0; k < n; k++)
    {
      OGRGeometryH piece = n > 1 || wkbFlatten (OGR_G_GetGeometryType (shrunk)) == wkbMultiPolygon
                               ? OGR_G_GetGeometryRef (shrunk, k)
                               : shrunk;
      double       d = OGR_G_Distance (piece, p);

      if (d <= nearest)
        nearest = d, best = k;
    }
  return best;
}

/* Whether a circle of diameter @width passes from end to end. When it
 * does not, *a and *b are the pieces the two ends fall in (-1: none). */
static gboolean
passes (OGRGeometryH  corridor,
        const double  ends[4],
        double        width,
        OGRGeometryH *shrunk_out,
        int          *a,
        int          *b)
{
  OGRGeometryH shrunk = OGR_G_Buffer (corridor, -width / 2, 16);
  /* An end lies on the outline, often at a corner: the shrunk polygon keeps
   * a point within width / 2 of a straight edge, width / √2 of a right
   * angle; 1.5 width allows sharper corners and the buffer's facets. */
  double reach = 1.5 * width + 1;

  *a = *b = -1;
  if (shrunk == NULL || OGR_G_IsEmpty (shrunk))
    {
      if (shrunk != NULL)
        OGR_G_DestroyGeometry (shrunk);
      *shrunk_out = NULL;
      return FALSE;
    }
  *a = piece_near (shrunk, ends[0], ends[1], reach);
  *b = piece_near (shrunk, ends[2], ends[3], reach);
  *shrunk_out = shrunk;
  return *a >= 0 && *a == *b;
}

/**
 * gr_corridor_measure:
 * @corridor: a corridor polygon, analysis CRS (metres)
 * @min_width: the net width asked for (GR_CORRIDOR_MIN_WIDTH)
 *
 * Returns: %FALSE for a geometry that is not an area
 */
gboolean
gr_corridor_measure (OGRGeometryH corridor, double min_width, GrCorridorWidth *out)
{
  OGREnvelope  env;
  double       lo = 0, hi;
  OGRGeometryH shrunk = NULL;
  int          a, b;

  out->pinch_x = out->pinch_y = NAN;
  if (corridor == NULL || !(OGR_G_Area (corridor) > 0))
    return FALSE;
  farthest_pair (corridor, out->ends);
  OGR_G_GetEnvelope (corridor, &env);
  hi = 2 * MIN (env.MaxX - env.MinX, env.MaxY - env.MinY) + 2;
  /* Bisection on the width: continuous below, broken above. */
  while (hi - lo > 0.5)
    {
      double   mid = (lo + hi) / 2;
      gboolean ok = passes (corridor, out->ends, mid, &shrunk, &a, &b);

      g_clear_pointer (&shrunk, OGR_G_DestroyGeometry);
      if (ok)
        lo = mid;
      else
        hi = mid;
    }
  out->narrowest_m = lo;
  out->passes = lo >= min_width;
  /* Just below the narrowest width the shrunk corridor still holds a thin
   * bridge that is gone just above it: the pinch is that bridge, the piece
   * of the one not within reach of the other (the buffer's facets leave
   * slivers, all hugging the wider parts). */
  {
    g_auto (OGRGeometryH) below = OGR_G_Buffer (corridor, -lo / 2, 16);
    g_auto (OGRGeometryH) above = OGR_G_Buffer (corridor, -hi / 2, 16);
    g_auto (OGRGeometryH) grown = above != NULL && !OGR_G_IsEmpty (above)
                                      ? OGR_G_Buffer (above, (hi - lo) / 2 + 0.1, 16)
                                      : NULL;
    g_auto (OGRGeometryH) bridge =
        below != NULL && grown != NULL ? OGR_G_Difference (below, grown) : NULL;
    int    n = bridge == NULL || OGR_G_IsEmpty (bridge) ? 0
               : wkbFlatten (OGR_G_GetGeometryType (bridge)) == wkbMultiPolygon
                   ? OGR_G_GetGeometryCount (bridge)
                   : 1;
    double farthest = -1;

    for (int k = 0; k < n; k++)
      {
        OGRGeometryH piece = wkbFlatten (OGR_G_GetGeometryType (bridge)) == wkbMultiPolygon
                                 ? OGR_G_GetGeometryRef (bridge, k)
                                 : bridge;
        double       d = OGR_G_Distance (piece, above);
        g_auto (OGRGeometryH) centre = OGR_G_CreateGeometry (wkbPoint);

        if (d > farthest && OGR_G_Centroid (piece, centre) == OGRERR_NONE)
          {
            farthest = d;
            out->pinch_x = OGR_G_GetX (centre, 0);
            out->pinch_y = OGR_G_GetY (centre, 0);
          }
      }
  }
  return TRUE;
}

/* ---- greenways -------------------------------------------------------------- */

typedef struct
{
  OGRGeometryH line;    /* borrowed */
  double       end[4];  /* first and last point */
  guint        parent;  /* union-find */
  guint        feature; /* the greenway it is part of */
  gboolean     route;   /* of a walking or cycling route (OSM route=*) */
  OGREnvelope  bounds;
} Piece;

static guint
find (GArray *pieces, guint i)
{
  while (g_array_index (pieces, Piece, i).parent != i)
    i = g_array_index (pieces, Piece, i).parent =
        g_array_index (pieces, Piece, g_array_index (pieces, Piece, i).parent).parent;
  return i;
}

static void
collect (OGRGeometryH g, guint feature, gboolean route, GArray *pieces)
{
  if (wkbFlatten (OGR_G_GetGeometryType (g)) == wkbLineString && OGR_G_GetPointCount (g) >= 2)
    {
      int   n = OGR_G_GetPointCount (g);
      Piece p = {
        g,
        { OGR_G_GetX (g, 0), OGR_G_GetY (g, 0), OGR_G_GetX (g, n - 1), OGR_G_GetY (g, n - 1) },
        pieces->len,
        feature,
        route,
        { 0 }
      };

      OGR_G_GetEnvelope (g, &p.bounds);
      g_array_append_val (pieces, p);
      return;
    }
  for (int k = 0; k < OGR_G_GetGeometryCount (g); k++)
    collect (OGR_G_GetGeometryRef (g, k), feature, route, pieces);
}

/* Whether @e grown by @margin holds (@x, @y) or meets @f: a cheap test
 * before GEOS measures a distance. */
static gboolean
near_point (const OGREnvelope *e, double x, double y, double margin)
{
  return x >= e->MinX - margin && x <= e->MaxX + margin && y >= e->MinY - margin
         && y <= e->MaxY + margin;
}

static gboolean
near_envelope (const OGREnvelope *e, const OGREnvelope *f, double margin)
{
  return e->MaxX + margin >= f->MinX && e->MinX - margin <= f->MaxX && e->MaxY + margin >= f->MinY
         && e->MinY - margin <= f->MaxY;
}

/* Whether (@x, @y) lies on the edge of the town a route was cut to:
 * about GR_OSM_ROUTE_TOWN_M from the nearest home (the town's outline is
 * a buffer of few segments, so a little less at its corners). */
static gboolean
clipped_end (GrProject *project, double x, double y)
{
  GrLayer *homes = project->layers[GR_ROLE_RESIDENTIAL];
  g_auto (OGRGeometryH) end = OGR_G_CreateGeometry (wkbPoint);
  double reach = GR_OSM_ROUTE_TOWN_M * 0.9;

  OGR_G_SetPoint_2D (end, 0, x, y);
  for (guint i = 0; homes != NULL && i < homes->features->len; i++)
    {
      OGRGeometryH home = ((GrFeature *) g_ptr_array_index (homes->features, i))->geometry;
      OGREnvelope  e;

      OGR_G_GetEnvelope (home, &e);
      if (near_point (&e, x, y, reach) && OGR_G_Distance (end, home) < reach)
        return FALSE;
    }
  return TRUE;
}

static double
point_distance (double x, double y, OGRGeometryH g)
{
  g_auto (OGRGeometryH) p = OGR_G_CreateGeometry (wkbPoint);

  OGR_G_SetPoint_2D (p, 0, x, y);
  return OGR_G_Distance (p, g);
}

typedef struct
{
  GrGreenwayGap gap;  /* first, for compare_gaps() */
  guint         a, b; /* the two loose ends: piece × 2 + end */
} EndPair;

static int
compare_gaps (gconstpointer a, gconstpointer b)
{
  double x = ((const GrGreenwayGap *) a)->length_m, y = ((const GrGreenwayGap *) b)->length_m;
  return (x > y) - (x < y);
}

/**
 * gr_greenway_report:
 * @join_m: ends this near another greenway meet it (a few metres)
 * @gap_m: loose ends of different networks this near each other are a gap
 *   to close
 *
 * Datong 2025 park-city plan: greenways form a network without breaks. Networks are greenway pieces
 * joined where an end meets another piece; a gap is a pair of loose ends of
 * different networks facing each other; each network lists the parks and
 * waters it touches.
 */
void
gr_greenway_report (GrProject *project, double join_m, double gap_m, GrGreenwayReport *out)
{
  static const GrRole linked[] = { GR_ROLE_PARK, GR_ROLE_WATER };
  GrLayer            *layer = project->layers[GR_ROLE_GREENWAY];
  g_autoptr (GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_autoptr (GArray) loose = g_array_new (FALSE, FALSE, sizeof (guint)); /* piece × 2 + end */
  g_autoptr (GHashTable) network_of = g_hash_table_new (NULL, NULL);

  out->n_networks = 0;
  out->gaps = g_array_new (FALSE, FALSE, sizeof (GrGreenwayGap));
  out->links = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (layer->features, i);

      collect (f->geometry, i, g_str_has_prefix (f->kind != NULL ? f->kind : "", "route="), pieces);
    }
  /* Join: an end within @join_m of another piece. */
  for (guint i = 0; i < pieces->len; i++)
    for (guint e = 0; e < 2; e++)
      {
        Piece   *p = &g_array_index (pieces, Piece, i);
        gboolean meets = FALSE;

        /* A route is kept through town only (gr-import-place.c): an end
         * on the town's edge, GR_OSM_ROUTE_TOWN_M from the homes, is where
         * it leaves town, not a break to close. */
        if (p->route && clipped_end (project, p->end[2 * e], p->end[2 * e + 1]))
          meets = TRUE;
        for (guint j = 0; j < pieces->len; j++)
          {
            if (j == i
                || !near_point (&g_array_index (pieces, Piece, j).bounds, p->end[2 * e],
                                p->end[2 * e + 1], join_m)
                || point_distance (p->end[2 * e], p->end[2 * e + 1],
                                   g_array_index (pieces, Piece, j).line)
                       > join_m)
              continue;
            meets = TRUE;
            g_array_index (pieces, Piece, find (pieces, i)).parent = find (pieces, j);
          }
        if (!meets)
          {
            guint id = 2 * i + e;
            g_array_append_val (loose, id);
          }
      }
  for (guint i = 0; i < pieces->len; i++)
    {
      gpointer root = GUINT_TO_POINTER (find (pieces, i) + 1);

      if (!g_hash_table_contains (network_of, root))
        g_hash_table_insert (network_of, root, GUINT_TO_POINTER (out->n_networks++));
    }
  /* Gaps: every pair of loose ends of different networks within @gap_m,
   * shortest first; a pair is kept when neither end is in a gap yet, so
   * each end joins one gap only, to the nearest end still free. */
  {
    g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (EndPair));
    g_autofree gboolean *used = g_new0 (gboolean, 2 * pieces->len + 1);

    for (guint a = 0; a < loose->len; a++)
      for (guint b = a + 1; b < loose->len; b++)
        {
          EndPair      pair = { { 0 },
                                g_array_index (loose, guint, a),
                                g_array_index (loose, guint, b) };
          const Piece *pa = &g_array_index (pieces, Piece, pair.a / 2),
                      *pb = &g_array_index (pieces, Piece, pair.b / 2);

          if (find (pieces, pair.a / 2) == find (pieces, pair.b / 2))
            continue;
          pair.gap.x0 = pa->end[2 * (pair.a % 2)], pair.gap.y0 = pa->end[2 * (pair.a % 2) + 1];
          pair.gap.x1 = pb->end[2 * (pair.b % 2)], pair.gap.y1 = pb->end[2 * (pair.b % 2) + 1];
          pair.gap.length_m = hypot (pair.gap.x1 - pair.gap.x0, pair.gap.y1 - pair.gap.y0);
          if (pair.gap.length_m <= gap_m)
            g_array_append_val (pairs, pair);
        }
    g_array_sort (pairs, compare_gaps); /* the gap comes first in an EndPair */
    for (guint k = 0; k < pairs->len; k++)
      {
        const EndPair *pair = &g_array_index (pairs, EndPair, k);

        if (used[pair->a] || used[pair->b])
          continue;
        used[pair->a] = used[pair->b] = TRUE;
        g_array_append_val (out->gaps, pair->gap);
      }
  }
  g_array_sort (out->gaps, compare_gaps);
  /* What each network links: each park and water, once per network its
   * pieces come within @join_m of. */
  {
    GPtrArray        *names = g_ptr_array_new_with_free_func (NULL);
    g_autofree guint *last = g_new0 (guint, MAX (out->n_networks, 1));
    guint             stamp = 0;

    for (guint n = 0; n < out->n_networks; n++)
      g_ptr_array_add (names, g_string_new (NULL));
    for (guint r = 0; r < G_N_ELEMENTS (linked); r++)
      {
        GrLayer *targets = project->layers[linked[r]];

        for (guint f = 0; targets != NULL && f < targets->features->len; f++)
          {
            GrFeature  *feature = g_ptr_array_index (targets->features, f);
            OGREnvelope area;

            stamp++; /* this feature, for last[] */
            OGR_G_GetEnvelope (feature->geometry, &area);
            for (guint i = 0; i < pieces->len; i++)
              {
                const Piece *piece = &g_array_index (pieces, Piece, i);
                guint        n = GPOINTER_TO_UINT (
                           g_hash_table_lookup (network_of, GUINT_TO_POINTER (find (pieces, i) + 1)));
                GString *text = g_ptr_array_index (names, n);

                if (last[n] == stamp || !near_envelope (&piece->bounds, &area, join_m)
                    || OGR_G_Distance (piece->line, feature->geometry) > join_m)
                  continue;
                last[n] = stamp; /* named once per network */
                if (text->len > 0)
                  g_string_append (text, _ (", "));
                if (feature->name != NULL && feature->name[0] != '\0')
                  g_string_append (text, feature->name);
                else
                  g_string_append_printf (text, "%s #%u", gr_role_get_label (linked[r]), f + 1);
              }
          }
      }
    for (guint n = 0; n < out->n_networks; n++)
      g_ptr_array_add (out->links, g_string_free (g_ptr_array_index (names, n), FALSE));
    g_ptr_array_unref (names);
  }
}

void
gr_greenway_report_clear (GrGreenwayReport *report)
{
  g_clear_pointer (&report->gaps, g_array_unref);
  g_clear_pointer (&report->links, g_ptr_array_unref);
}
