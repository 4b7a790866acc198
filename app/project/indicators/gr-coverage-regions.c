/* gr-coverage-regions.c — the analysis grid's cells merged by coverage state
 *
 * The residential cells are joined into regions of touching cells (sharing
 * a side) in the same state, by union–find over the cells in grid order;
 * the regions' numbers are written into a raster over the cells' extent
 * and GDAL traces each number's outline (GDALPolygonize, 4-connected, as
 * the regions were joined), so every region is one polygon with its holes.
 * The polygons are whole cells, as the map draws them; a region's
 * residential land and residents are the analysis's own sums over its
 * cells, so they add up to the coverage figures exactly.
 */
#include "config.h"

#include "gr-coverage-regions.h"

#include "gr-gdal.h"
#include "gr-indicators-private.h"
#include "gr-project.h"

#include <gdal.h>
#include <gdal_alg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

typedef struct
{
  guint  col, row;
  guint8 state;
  double area_m2, people;
} Cell;

typedef struct
{
  GArray *cells; /* Cell, in grid order */
  guint   min_col, max_col, min_row, max_row;
  double  x, y; /* one cell's centre */
  guint   col, row;
  double  dy; /* the step in y from one row to the next */
} Cells;

const char *
gr_coverage_state_get_key (GrCoverageState state)
{
  static const char *const keys[] = { "both", "no_park", "no_green", "neither" };

  g_return_val_if_fail (state < GR_N_COVERAGE_STATES, NULL);
  return keys[state];
}

static void
collect (const GrCell *cell, gpointer data)
{
  Cells   *all = data;
  gboolean green = (cell->state & (1u << GR_LAYER_GREEN)) != 0;
  gboolean park = (cell->state & (1u << GR_LAYER_PARK)) != 0;
  Cell     c = { cell->col, cell->row, 0, cell->area_m2, cell->people };

  c.state = green && park ? GR_COVERAGE_BOTH
            : green       ? GR_COVERAGE_NO_PARK
            : park        ? GR_COVERAGE_NO_GREEN
                          : GR_COVERAGE_NEITHER;
  if (all->cells->len == 0)
    {
      all->min_col = all->max_col = cell->col;
      all->min_row = all->max_row = cell->row;
      all->x = cell->x, all->y = cell->y;
      all->col = cell->col, all->row = cell->row;
    }
  else if (cell->row != all->row && all->dy == 0)
    all->dy = (cell->y - all->y) / ((double) cell->row - all->row);
  all->min_col = MIN (all->min_col, cell->col);
  all->max_col = MAX (all->max_col, cell->col);
  all->min_row = MIN (all->min_row, cell->row);
  all->max_row = MAX (all->max_row, cell->row);
  g_array_append_val (all->cells, c);
}

/* Joins each cell with the cells left of it and above it in its state:
 * the cells come in grid order (row by row, left to right), so the cell
 * on the left is the one before, and the cells above are found in the
 * last row's index by column.
 * Returns: the region (1-based) of every cell, and their number. */
static guint *
label_regions (const Cells *all, guint *n_regions)
{
  guint             n = all->cells->len, width = all->max_col - all->min_col + 1;
  g_autofree guint *parent = g_new (guint, n);
  g_autofree guint *above = g_new0 (guint, width); /* cell index + 1 in the last row, by column */
  g_autofree guint *here = g_new0 (guint, width);
  guint            *label = g_new0 (guint, n);
  guint             row = G_MAXUINT;

  for (guint i = 0; i < n; i++)
    {
      const Cell *c = &g_array_index (all->cells, Cell, i);
      guint       x = c->col - all->min_col, j;

      parent[i] = i;
      if (c->row != row)
        {
          guint *swap = above;

          /* The row just done is above this one only if it is the next. */
          above = here, here = swap;
          if (row == G_MAXUINT || c->row != row + 1)
            memset (above, 0, width * sizeof (guint));
          memset (here, 0, width * sizeof (guint));
          row = c->row;
        }
      here[x] = i + 1;
      if (x > 0 && (j = here[x - 1]) != 0
          && g_array_index (all->cells, Cell, j - 1).state == c->state)
        _gr_union_join (parent, i, j - 1);
      if ((j = above[x]) != 0 && g_array_index (all->cells, Cell, j - 1).state == c->state)
        _gr_union_join (parent, i, j - 1);
    }
  *n_regions = 0;
  for (guint i = 0; i < n; i++)
    {
      guint root = _gr_union_find (parent, i);

      label[i] = root == i ? ++*n_regions : label[root];
    }
  return label;
}

/* Traces the regions' outlines; region r's polygon goes to regions[r - 1]. */
static gboolean
trace (const Cells *all, const guint *label, GPtrArray *regions, double resolution, GError **error)
{
  int         width = all->max_col - all->min_col + 1, height = all->max_row - all->min_row + 1;
  GDALDriverH mem = (gr_gdal_init (), GDALGetDriverByName ("MEM"));
  GDALDriverH vmem = GDALGetDriverByName ("Memory");
  double      dy = all->dy != 0 ? all->dy : -resolution;
  double      transform[6] = {
         all->x + ((double) all->min_col - all->col - 0.5) * resolution, resolution, 0,
         all->y + ((double) all->min_row - all->row - 0.5) * dy,         0,          dy,
  };
  g_autofree GInt32 *pixels = g_try_new0 (GInt32, (gsize) width * height);
  GDALDatasetH       raster, vector;
  GDALRasterBandH    band;
  OGRLayerH          layer;
  OGRFeatureH        f;
  OGRFieldDefnH      field;
  CPLErr             err;

  g_return_val_if_fail (mem != NULL && vmem != NULL, FALSE);
  if (pixels == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                   _ ("not enough memory to trace the coverage of %d × %d grid cells"), width,
                   height);
      return FALSE;
    }
  for (guint i = 0; i < all->cells->len; i++)
    {
      const Cell *c = &g_array_index (all->cells, Cell, i);

      pixels[(gsize) (c->row - all->min_row) * width + (c->col - all->min_col)] = (GInt32) label[i];
    }
  raster = GDALCreate (mem, "", width, height, 1, GDT_Int32, NULL);
  GDALSetGeoTransform (raster, transform);
  band = GDALGetRasterBand (raster, 1);
  err = GDALRasterIO (band, GF_Write, 0, 0, width, height, pixels, width, height, GDT_Int32, 0, 0);
  vector = GDALCreate (vmem, "", 0, 0, 0, GDT_Unknown, NULL);
  layer = GDALDatasetCreateLayer (vector, "regions", NULL, wkbPolygon, NULL);
  field = OGR_Fld_Create ("region", OFTInteger);
  OGR_L_CreateField (layer, field, TRUE);
  OGR_Fld_Destroy (field);
  if (err == CE_None)
    err = GDALPolygonize (band, band, layer, 0, NULL, NULL, NULL);
  GDALClose (raster);
  OGR_L_ResetReading (layer);
  while (err == CE_None && (f = OGR_L_GetNextFeature (layer)) != NULL)
    {
      int               r = OGR_F_GetFieldAsInteger (f, 0);
      GrCoverageRegion *region =
          r >= 1 && (guint) r <= regions->len ? g_ptr_array_index (regions, r - 1) : NULL;
      OGRGeometryH g = OGR_F_StealGeometry (f);

      if (region != NULL && g != NULL)
        {
          if (region->geometry == NULL)
            region->geometry = OGR_G_ForceToMultiPolygon (g);
          else
            {
              OGRGeometryH more = OGR_G_ForceToMultiPolygon (g);

              for (int k = 0; k < OGR_G_GetGeometryCount (more); k++)
                OGR_G_AddGeometry (region->geometry, OGR_G_GetGeometryRef (more, k));
              OGR_G_DestroyGeometry (more);
            }
        }
      else if (g != NULL)
        OGR_G_DestroyGeometry (g);
      OGR_F_Destroy (f);
    }
  GDALClose (vector);
  if (err != CE_None)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                   _ ("the coverage could not be traced into polygons: %s"), CPLGetLastErrorMsg ());
      return FALSE;
    }
  return TRUE;
}

static void
region_free (gpointer data)
{
  GrCoverageRegion *region = data;

  if (region->geometry != NULL)
    OGR_G_DestroyGeometry (region->geometry);
  g_free (region);
}

/**
 * gr_coverage_regions:
 *
 * Returns: (transfer full) (element-type GrCoverageRegion): the regions of
 *   touching residential cells in one coverage state (green space within
 *   its radius, a park within its), in grid order of their first cell;
 *   %NULL with @error when there is not memory enough to trace them
 */
GPtrArray *
gr_coverage_regions (GrAnalysis *analysis, GError **error)
{
  Cells all = { g_array_new (FALSE, FALSE, sizeof (Cell)) };
  g_autoptr (GPtrArray) regions = g_ptr_array_new_with_free_func (region_free);
  g_autofree guint *label = NULL;
  guint             n_regions;

  gr_analysis_foreach_cell (analysis, collect, &all);
  if (all.cells->len == 0)
    {
      g_array_unref (all.cells);
      return g_steal_pointer (&regions);
    }
  label = label_regions (&all, &n_regions);
  for (guint r = 0; r < n_regions; r++)
    g_ptr_array_add (regions, g_new0 (GrCoverageRegion, 1));
  for (guint i = 0; i < all.cells->len; i++)
    {
      const Cell       *c = &g_array_index (all.cells, Cell, i);
      GrCoverageRegion *region = g_ptr_array_index (regions, label[i] - 1);

      region->state = c->state;
      region->residential_m2 += c->area_m2;
      region->residents += c->people;
      region->cells++;
    }
  if (!trace (&all, label, regions, gr_analysis_get_criteria (analysis)->resolution, error))
    {
      g_array_unref (all.cells);
      return NULL;
    }
  g_array_unref (all.cells);
  return g_steal_pointer (&regions);
}
