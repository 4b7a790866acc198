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

#include <glib/gi18n-lib.h>
#include <math.h>

typedef struct
{
  guint32 col, row;
  double  x, y, area, people;
  guint   cluster;
} Cell;

typedef struct
{
  GArray     *cells; /* Cell */
  GHashTable *index; /* (col, row) → cell index + 1 */
  double      resolution;
} Gather;

static guint64
key_of (guint32 col, guint32 row)
{
  return ((guint64) row << 32) | col;
}

/* g_int64_hash folds row into col (row ^ col), so that a block of cells
 * collides; a multiplicative hash spreads them. */
static guint
cell_hash (gconstpointer key)
{
  return (guint) ((*(const guint64 *) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32);
}

static void
gather_cell (guint    col,
             guint    row,
             double   x,
             double   y,
             double   area_m2,
             double   people,
             guint    state,
             gpointer data)
{
  Gather *g = data;
  Cell    cell = { col, row, x, y, area_m2, people, G_MAXUINT };

  if (state & ((1u << GR_LAYER_GREEN) | (1u << GR_LAYER_PARK)))
    return;
  g_array_append_val (g->cells, cell);
  g_hash_table_insert (g->index, g_memdup2 (&(guint64){ key_of (col, row) }, sizeof (guint64)),
                       GUINT_TO_POINTER (g->cells->len));
}

/* Flood fill over blind cells within @reach cells of each other. */
static guint
cluster_cells (Gather *g, int reach)
{
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = 0;

  for (guint start = 0; start < g->cells->len; start++)
    {
      if (g_array_index (g->cells, Cell, start).cluster != G_MAXUINT)
        continue;
      g_array_index (g->cells, Cell, start).cluster = n;
      g_array_append_val (stack, start);
      while (stack->len > 0)
        {
          guint i = g_array_index (stack, guint, stack->len - 1);
          Cell *c = &g_array_index (g->cells, Cell, i);

          g_array_set_size (stack, stack->len - 1);
          for (int dr = -reach; dr <= reach; dr++)
            for (int dc = -reach; dc <= reach; dc++)
              {
                guint64  key;
                gpointer found;
                guint    j;

                if ((dr == 0 && dc == 0) || (int) c->col + dc < 0 || (int) c->row + dr < 0)
                  continue;
                key = key_of (c->col + dc, c->row + dr);
                if ((found = g_hash_table_lookup (g->index, &key)) == NULL)
                  continue;
                j = GPOINTER_TO_UINT (found) - 1;
                if (g_array_index (g->cells, Cell, j).cluster != G_MAXUINT)
                  continue;
                g_array_index (g->cells, Cell, j).cluster = n;
                g_array_append_val (stack, j);
              }
        }
      n++;
    }
  return n;
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

/* The children and elderly of @area: each census area's age groups spread
 * over its residents, as the coverage shares are. */
static void
count_ages (GrPriorityArea *area,
            const Gather   *g,
            guint           cluster,
            GrProject      *project,
            GrAnalysis     *analysis)
{
  GrLayer *pop = project->layers[GR_ROLE_POPULATION];
  gboolean any_children = FALSE, any_elderly = FALSE;

  area->children = area->elderly = 0;
  for (guint i = 0; pop != NULL && i < pop->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (pop->features, i);
      g_autoptr (GrPolygon) polygon = NULL;
      GrAmount all, covered;
      double   b[4], people = 0;

      if ((isnan (f->children) && isnan (f->elderly))
          || wkbFlatten (OGR_G_GetGeometryType (f->geometry)) == wkbPoint
          || (polygon = gr_polygon_new_from_ogr (f->geometry)) == NULL)
        continue;
      gr_polygon_bounds (polygon, b);
      if (b[2] < area->bounds[0] || b[0] > area->bounds[2] || b[3] < area->bounds[1]
          || b[1] > area->bounds[3])
        continue;
      for (guint k = 0; k < g->cells->len; k++)
        {
          const Cell *c = &g_array_index (g->cells, Cell, k);

          if (c->cluster == cluster && gr_polygon_contains (polygon, c->x, c->y))
            people += c->people;
        }
      if (!(people > 0))
        continue;
      gr_analysis_sum_within (analysis, polygon, GR_LAYER_SERVICE, &all, &covered);
      if (!(all.population > 0))
        continue;
      if (!isnan (f->children))
        any_children = TRUE, area->children += f->children * people / all.population;
      if (!isnan (f->elderly))
        any_elderly = TRUE, area->elderly += f->elderly * people / all.population;
    }
  if (!any_children)
    area->children = NAN;
  if (!any_elderly)
    area->elderly = NAN;
}

/* The nearest feature of the sites layer: land a new park could go on. */
static void
nearest_site (GrPriorityArea *area, GrProject *project)
{
  GrLayer *sites = project->layers[GR_ROLE_SITES];
  g_auto (OGRGeometryH) home = OGR_G_CreateGeometry (wkbPoint);
  double best = INFINITY;
  guint  chosen = 0;

  area->site_x = area->site_y = area->site_distance_m = NAN;
  OGR_G_SetPoint_2D (home, 0, area->x, area->y);
  for (guint i = 0; sites != NULL && i < sites->features->len; i++)
    {
      double d =
          OGR_G_Distance (home, ((GrFeature *) g_ptr_array_index (sites->features, i))->geometry);

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

/**
 * gr_priority_areas_find:
 * @analysis: the coverage of the scenario shown
 * @max: how many to keep, the most residents left out first
 *
 * Returns: (transfer full): GrPriorityArea, ranked; empty when no home is
 *   a blind spot
 */
GArray *
gr_priority_areas_find (GrProject *project, GrAnalysis *analysis, guint max)
{
  GArray            *areas = g_array_new (FALSE, TRUE, sizeof (GrPriorityArea));
  GrLayer           *zones = project->layers[GR_ROLE_ZONES];
  Gather             g = { g_array_new (FALSE, FALSE, sizeof (Cell)),
                           g_hash_table_new_full (cell_hash, g_int64_equal, g_free, NULL),
                           gr_analysis_get_criteria (analysis)->resolution };
  guint              n;
  g_autofree double *sx = NULL, *sy = NULL, *weight = NULL;

  g_array_set_clear_func (areas, gr_priority_area_clear);
  gr_analysis_foreach_cell (analysis, gather_cell, &g);
  n = cluster_cells (&g, MAX (1, (int) ceil (GR_PRIORITY_JOIN_M / g.resolution)));
  g_array_set_size (areas, n);
  sx = g_new0 (double, MAX (n, 1));
  sy = g_new0 (double, MAX (n, 1));
  weight = g_new0 (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      GrPriorityArea *a = &g_array_index (areas, GrPriorityArea, i);

      a->bounds[0] = a->bounds[1] = INFINITY;
      a->bounds[2] = a->bounds[3] = -INFINITY;
    }
  for (guint k = 0; k < g.cells->len; k++)
    {
      const Cell     *c = &g_array_index (g.cells, Cell, k);
      GrPriorityArea *a = &g_array_index (areas, GrPriorityArea, c->cluster);
      double          w = c->people > 0 ? c->people : c->area * 1e-6;

      a->area_m2 += c->area;
      a->residents += c->people;
      a->bounds[0] = MIN (a->bounds[0], c->x - g.resolution / 2);
      a->bounds[1] = MIN (a->bounds[1], c->y - g.resolution / 2);
      a->bounds[2] = MAX (a->bounds[2], c->x + g.resolution / 2);
      a->bounds[3] = MAX (a->bounds[3], c->y + g.resolution / 2);
      sx[c->cluster] += w * c->x;
      sy[c->cluster] += w * c->y;
      weight[c->cluster] += w;
    }
  /* A home near the middle: the cell nearest the residents' centre. */
  for (guint i = 0; i < n; i++)
    {
      g_array_index (areas, GrPriorityArea, i).x = INFINITY;
      g_array_index (areas, GrPriorityArea, i).zone = i; /* the cluster, until ranked */
      sx[i] /= weight[i], sy[i] /= weight[i];
    }
  for (guint k = 0; k < g.cells->len; k++)
    {
      const Cell     *c = &g_array_index (g.cells, Cell, k);
      GrPriorityArea *a = &g_array_index (areas, GrPriorityArea, c->cluster);

      if (!isfinite (a->x)
          || hypot (c->x - sx[c->cluster], c->y - sy[c->cluster])
                 < hypot (a->x - sx[c->cluster], a->y - sy[c->cluster]))
        a->x = c->x, a->y = c->y;
    }
  g_array_sort (areas, compare_areas);
  if (areas->len > max)
    g_array_set_size (areas, max);
  for (guint r = 0; r < areas->len; r++)
    {
      GrPriorityArea *a = &g_array_index (areas, GrPriorityArea, r);
      guint           cluster = a->zone;

      a->rank = r + 1;
      count_ages (a, &g, cluster, project, analysis);
      nearest_site (a, project);
      a->zone = 0;
      for (guint z = 0; zones != NULL && z < zones->features->len; z++)
        {
          g_auto (OGRGeometryH) home = OGR_G_CreateGeometry (wkbPoint);

          OGR_G_SetPoint_2D (home, 0, a->x, a->y);
          if (OGR_G_Contains (((GrFeature *) g_ptr_array_index (zones->features, z))->geometry,
                              home))
            {
              a->zone = z + 1;
              break;
            }
        }
    }
  g_array_unref (g.cells);
  g_hash_table_unref (g.index);
  return areas;
}
