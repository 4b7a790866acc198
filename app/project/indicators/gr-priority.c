/* gr-priority.c — blind-spot clusters ranked by the residents they leave out
 *
 * A blind spot is a home beyond 300 m of green space and 500 m of a park
 * (300米见绿、500米见园 both missed). Neighbouring blind homes are one area;
 * areas are ranked by the residents they leave out, as the Trust for
 * Public Land ranks a city's unserved areas for its ParkServe priorities,
 * with children and the elderly counted where the census gives ages, and
 * each named with the nearest site a new park could go on.
 */
#include "config.h"

#include "gr-priority.h"

#include "gr-indicators-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

typedef struct
{
  GrCell cell;
  guint  cluster;
} Blind;

/* The blind cells come row by row, and by column within a row; each row's
 * run of them starts where its RowStart says. */
typedef struct
{
  GArray *cells; /* Blind, row-major */
  GArray *rows;  /* RowStart: where each row's run starts */
} Gather;

typedef struct
{
  guint row, first;
} RowStart;

static void
gather_cell (const GrCell *cell, gpointer data)
{
  Gather  *g = data;
  Blind    blind = { *cell, G_MAXUINT };
  RowStart start = { cell->row, g->cells->len };

  if (cell->state & ((1u << GR_LAYER_GREEN) | (1u << GR_LAYER_PARK)))
    return;
  if (g->rows->len == 0 || g_array_index (g->rows, RowStart, g->rows->len - 1).row != cell->row)
    g_array_append_val (g->rows, start);
  g_array_append_val (g->cells, blind);
}

/* Joins blind cells within @reach cells of each other, across rows and
 * columns, by union–find in grid order. A cell is joined with the cell
 * before it in its row when that is within reach (the others within reach
 * on its left are joined to that one already); and, in each of the @reach
 * rows before its own, with the first cell within reach of its column and
 * with each cell after that, still within reach, that follows a gap wider
 * than @reach (the cells between two such gaps are one cluster already).
 * Clusters are numbered in order of their first cell.
 * Returns: the number of clusters. */
static guint
cluster_cells (Gather *g, guint reach)
{
  guint             n = g->cells->len;
  g_autofree guint *parent = g_new (guint, MAX (n, 1));
  g_autofree guint *after_gap = g_new (guint, MAX (n, 1)); /* next cell past a gap, or row end */
  g_autofree guint *cursor = g_new (guint, reach);
  g_autofree guint *below_end = g_new (guint, reach);
  guint             clusters = 0;

#define COL(i) (g_array_index (g->cells, Blind, (i)).cell.col)
  for (guint r = 0; r < g->rows->len; r++)
    {
      guint first = g_array_index (g->rows, RowStart, r).first;
      guint end = r + 1 < g->rows->len ? g_array_index (g->rows, RowStart, r + 1).first : n;
      guint row = g_array_index (g->rows, RowStart, r).row, n_below = 0;

      for (guint i = end; i-- > first;)
        after_gap[i] = i + 1 == end || COL (i + 1) - COL (i) > reach ? i + 1 : after_gap[i + 1];
      /* The rows within reach before this one. */
      for (guint b = r; b-- > 0 && g_array_index (g->rows, RowStart, b).row + reach >= row;)
        {
          cursor[n_below] = g_array_index (g->rows, RowStart, b).first;
          below_end[n_below++] = g_array_index (g->rows, RowStart, b + 1).first;
        }
      for (guint i = first; i < end; i++)
        {
          guint col = COL (i);

          parent[i] = i;
          if (i > first && col - COL (i - 1) <= reach)
            _gr_union_join (parent, i, i - 1);
          for (guint k = 0; k < n_below; k++)
            {
              while (cursor[k] < below_end[k] && COL (cursor[k]) + reach < col)
                cursor[k]++;
              for (guint j = cursor[k]; j < below_end[k] && COL (j) <= col + reach;
                   j = after_gap[j])
                _gr_union_join (parent, i, j);
            }
        }
    }
#undef COL
  for (guint i = 0; i < n; i++)
    {
      guint root = _gr_union_find (parent, i);

      g_array_index (g->cells, Blind, i).cluster =
          root == i ? clusters++ : g_array_index (g->cells, Blind, root).cluster;
    }
  return clusters;
}

void
gr_priority_area_clear (gpointer area)
{
  g_clear_pointer (&((GrPriorityArea *) area)->site, g_free);
}

static int
compare_areas (gconstpointer a, gconstpointer b)
{
  const GrPriorityArea *x = a, *y = b;

  if (x->residents != y->residents)
    return x->residents < y->residents ? 1 : -1;
  return (x->area_m2 < y->area_m2) - (x->area_m2 > y->area_m2);
}

/* A census area with age groups: its outline (a point's 100 m square, the
 * homes the analysis snaps its residents to) and its placed residents. */
typedef struct
{
  GrFeature *feature;
  GrPolygon *area;
  double     bounds[4];
  double     placed;
} Census;

static void
census_clear (gpointer data)
{
  g_clear_pointer (&((Census *) data)->area, gr_polygon_free);
}

static GArray *
census_areas (GrProject *project, GrAnalysis *analysis)
{
  GrLayer *pop = project->layers[GR_ROLE_POPULATION];
  GArray  *out = g_array_new (FALSE, TRUE, sizeof (Census));

  g_array_set_clear_func (out, census_clear);
  for (guint i = 0; pop != NULL && i < pop->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (pop->features, i);
      Census     c = { f, NULL, { 0 }, 0 };
      GrAmount   all, covered;

      if (isnan (f->children) && isnan (f->elderly))
        continue;
      if (wkbFlatten (OGR_G_GetGeometryType (f->geometry)) == wkbPoint)
        c.area = gr_polygon_new_rect (
            OGR_G_GetX (f->geometry, 0) - 50, OGR_G_GetY (f->geometry, 0) - 50,
            OGR_G_GetX (f->geometry, 0) + 50, OGR_G_GetY (f->geometry, 0) + 50);
      else
        c.area = gr_polygon_new_from_ogr (f->geometry);
      if (c.area == NULL)
        continue;
      gr_polygon_bounds (c.area, c.bounds);
      gr_analysis_sum_within (analysis, c.area, GR_LAYER_SERVICE, &all, &covered);
      c.placed = all.population;
      if (c.placed > 0)
        g_array_append_val (out, c);
      else
        census_clear (&c);
    }
  return out;
}

/* The children and elderly of an area: each census area's age groups
 * spread over its residents, as the coverage shares are. */
static void
count_ages (GrPriorityArea *area, GArray *cells, GArray *census)
{
  gboolean any_children = FALSE, any_elderly = FALSE;

  area->children = area->elderly = 0;
  for (guint i = 0; i < census->len; i++)
    {
      const Census *c = &g_array_index (census, Census, i);
      double        people = 0;

      if (c->bounds[2] < area->bounds[0] || c->bounds[0] > area->bounds[2]
          || c->bounds[3] < area->bounds[1] || c->bounds[1] > area->bounds[3])
        continue;
      for (guint k = 0; k < cells->len; k++)
        {
          const GrCell *cell = &g_array_index (cells, GrCell, k);

          if (gr_polygon_contains (c->area, cell->x, cell->y))
            people += cell->people;
        }
      if (!(people > 0))
        continue;
      if (!isnan (c->feature->children))
        any_children = TRUE, area->children += c->feature->children * people / c->placed;
      if (!isnan (c->feature->elderly))
        any_elderly = TRUE, area->elderly += c->feature->elderly * people / c->placed;
    }
  if (!any_children)
    area->children = NAN;
  if (!any_elderly)
    area->elderly = NAN;
}

/* The nearest feature of the sites layer: land a new park could go on.
 * Sites are measured nearest envelope first, and no further once an
 * envelope lies beyond the best distance found. */
static void
nearest_site (GrPriorityArea *area, GrProject *project, GArray *envelopes)
{
  GrLayer *sites = project->layers[GR_ROLE_SITES];
  g_auto (OGRGeometryH) home = OGR_G_CreateGeometry (wkbPoint);
  double best = INFINITY;
  guint  chosen = 0;

  area->site_x = area->site_y = area->site_distance_m = NAN;
  OGR_G_SetPoint_2D (home, 0, area->x, area->y);
  for (guint i = 0; sites != NULL && i < sites->features->len; i++)
    {
      const OGREnvelope *e = &g_array_index (envelopes, OGREnvelope, i);
      double             dx = MAX (0, MAX (e->MinX - area->x, area->x - e->MaxX)),
             dy = MAX (0, MAX (e->MinY - area->y, area->y - e->MaxY)), d;

      if (hypot (dx, dy) >= best)
        continue;
      d = OGR_G_Distance (home, ((GrFeature *) g_ptr_array_index (sites->features, i))->geometry);
      if (d >= 0 && d < best)
        best = d, chosen = i + 1;
    }
  if (chosen == 0)
    return;
  {
    GrFeature *f = g_ptr_array_index (sites->features, chosen - 1);
    g_auto (OGRGeometryH) spot = OGR_G_PointOnSurface (f->geometry);

    area->site = f->name != NULL && f->name[0] != '\0'
                     ? g_strdup (f->name)
                     : g_strdup_printf ("%s #%u", gr_role_get_label (GR_ROLE_SITES), chosen);
    area->site_distance_m = best;
    if (spot != NULL)
      area->site_x = OGR_G_GetX (spot, 0), area->site_y = OGR_G_GetY (spot, 0);
  }
}

/* Each cluster's land, residents and extent, and its middle home: the
 * cell nearest the residents' centre, whose zone the area takes. */
static GArray *
summarize_clusters (Gather *g, guint n, double resolution)
{
  GArray            *areas = g_array_new (FALSE, TRUE, sizeof (GrPriorityArea));
  g_autofree double *sx = g_new0 (double, MAX (n, 1));
  g_autofree double *sy = g_new0 (double, MAX (n, 1));
  g_autofree double *weight = g_new0 (double, MAX (n, 1));
  g_autofree double *best = g_new (double, MAX (n, 1));

  g_array_set_clear_func (areas, gr_priority_area_clear);
  g_array_set_size (areas, n);
  for (guint i = 0; i < n; i++)
    {
      GrPriorityArea *a = &g_array_index (areas, GrPriorityArea, i);

      a->bounds[0] = a->bounds[1] = INFINITY;
      a->bounds[2] = a->bounds[3] = -INFINITY;
      a->rank = i; /* the cluster, until ranked */
      best[i] = INFINITY;
    }
  for (guint k = 0; k < g->cells->len; k++)
    {
      const Blind    *b = &g_array_index (g->cells, Blind, k);
      GrPriorityArea *a = &g_array_index (areas, GrPriorityArea, b->cluster);
      double          w = b->cell.people > 0 ? b->cell.people : b->cell.area_m2 * 1e-6;

      a->area_m2 += b->cell.area_m2;
      a->residents += b->cell.people;
      a->bounds[0] = MIN (a->bounds[0], b->cell.x - resolution / 2);
      a->bounds[1] = MIN (a->bounds[1], b->cell.y - resolution / 2);
      a->bounds[2] = MAX (a->bounds[2], b->cell.x + resolution / 2);
      a->bounds[3] = MAX (a->bounds[3], b->cell.y + resolution / 2);
      sx[b->cluster] += w * b->cell.x;
      sy[b->cluster] += w * b->cell.y;
      weight[b->cluster] += w;
    }
  for (guint k = 0; k < g->cells->len; k++)
    {
      const Blind    *b = &g_array_index (g->cells, Blind, k);
      GrPriorityArea *a = &g_array_index (areas, GrPriorityArea, b->cluster);
      double          d = hypot (b->cell.x - sx[b->cluster] / weight[b->cluster],
                                 b->cell.y - sy[b->cluster] / weight[b->cluster]);

      if (d < best[b->cluster])
        best[b->cluster] = d, a->x = b->cell.x, a->y = b->cell.y, a->zone = b->cell.zone;
    }
  return areas;
}

/**
 * gr_priority_areas_find:
 * @analysis: the coverage of the scenario shown
 * @zone: a zone (1-based): the areas whose middle home lies in it; or -1
 *   for the whole city
 * @max: how many to keep, the most residents left out first
 *
 * Returns: (transfer full): GrPriorityArea, ranked from 1; empty when no
 *   home is a blind spot
 */
GArray *
gr_priority_areas_find (GrProject *project, GrAnalysis *analysis, int zone, guint max)
{
  double resolution = gr_analysis_get_criteria (analysis)->resolution;
  Gather g = { g_array_new (FALSE, FALSE, sizeof (Blind)),
               g_array_new (FALSE, FALSE, sizeof (RowStart)) };
  g_autoptr (GArray) census = NULL;
  g_autoptr (GArray) site_bounds = NULL;
  GrLayer          *sites = project->layers[GR_ROLE_SITES];
  g_autofree guint *kept_as = NULL;
  GPtrArray        *cells_of;
  GArray           *areas;
  guint             n;

  gr_analysis_foreach_cell_where (analysis, (1u << GR_LAYER_GREEN) | (1u << GR_LAYER_PARK), 0,
                                  gather_cell, &g);
  n = cluster_cells (&g, MAX (1, (guint) ceil (GR_PRIORITY_JOIN_M / resolution)));
  areas = summarize_clusters (&g, n, resolution);
  for (guint i = areas->len; zone > 0 && i-- > 0;)
    if (g_array_index (areas, GrPriorityArea, i).zone != (guint) zone)
      g_array_remove_index_fast (areas, i);
  g_array_sort (areas, compare_areas);
  if (areas->len > max)
    g_array_set_size (areas, max);
  /* The cells of the areas kept, in one pass. */
  kept_as = g_new0 (guint, MAX (n, 1));
  cells_of = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint r = 0; r < areas->len; r++)
    {
      kept_as[g_array_index (areas, GrPriorityArea, r).rank] = r + 1;
      g_ptr_array_add (cells_of, g_array_new (FALSE, FALSE, sizeof (GrCell)));
    }
  for (guint k = 0; k < g.cells->len; k++)
    {
      const Blind *b = &g_array_index (g.cells, Blind, k);

      if (kept_as[b->cluster] > 0)
        g_array_append_val (g_ptr_array_index (cells_of, kept_as[b->cluster] - 1), b->cell);
    }
  census = census_areas (project, analysis);
  site_bounds = g_array_new (FALSE, FALSE, sizeof (OGREnvelope));
  for (guint i = 0; sites != NULL && i < sites->features->len; i++)
    {
      OGREnvelope e;

      OGR_G_GetEnvelope (((GrFeature *) g_ptr_array_index (sites->features, i))->geometry, &e);
      g_array_append_val (site_bounds, e);
    }
  for (guint r = 0; r < areas->len; r++)
    {
      GrPriorityArea *a = &g_array_index (areas, GrPriorityArea, r);

      a->rank = r + 1;
      count_ages (a, g_ptr_array_index (cells_of, r), census);
      nearest_site (a, project, site_bounds);
    }
  g_ptr_array_unref (cells_of);
  g_array_unref (g.cells);
  g_array_unref (g.rows);
  return areas;
}
