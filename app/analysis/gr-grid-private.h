/* gr-grid-private.h — tile layout shared by GrGrid and GrCoverage */
#pragma once

#include "gr-grid.h"

G_BEGIN_DECLS

#define GR_TILE_SHIFT 6
#define GR_TILE_SIZE  (1 << GR_TILE_SHIFT)
#define GR_TILE_CELLS (GR_TILE_SIZE * GR_TILE_SIZE)
#define GR_TILE_MASK  (GR_TILE_SIZE - 1)
/* Tiles are allocated in blocks large enough to come straight from fresh,
 * already zeroed pages, not cleared by hand one tile at a time, and to
 * hold whole huge pages (a block is ~4 MB with three service layers). */
#define GR_CHUNK_TILES 64

/* Population is kept in thousandths of a person so that totals are integer
 * sums: adding and then removing a service area restores them exactly. */
#define GR_POPULATION_SCALE 1000.0

typedef struct
{
  guint16  sample[GR_TILE_CELLS]; /* 4 × 4 residential sample bits */
  guint32  people[GR_TILE_CELLS]; /* thousandths of a person */
  guint16  zone[GR_TILE_CELLS];
  guint8   state[GR_TILE_CELLS]; /* bit L set when layer L covers the cell; 0 without homes */
  guint16 *count;                /* n_layers × GR_TILE_CELLS; kept for cells with homes */
  guint64  rows, cols;           /* bit k: row / column k of the tile has homes */
} GrTile;

struct _GrGrid
{
  double     x0, y0;
  double     resolution;
  guint      n_cols, n_rows;
  guint      n_tiles_x, n_tiles_y;
  guint      n_layers;
  GrTile   **tiles;
  guint      n_tiles;
  GPtrArray *chunks; /* tile memory, GR_CHUNK_TILES tiles a block */
  GrTile    *spare;  /* the next unused tile of the newest chunk */
  guint      n_spare;
  GMutex     lock; /* making tiles, while threads add homes */
  /* Whether any cell has residents or a zone: without, those arrays are
   * never read, so that their pages are never touched. */
  gboolean has_people, has_zones;
};

/* Residential samples of a cell. Inline bit counting: without a CPU
 * baseline that has POPCNT, __builtin_popcount is a library call. */
static inline guint
gr_samples (guint16 bits)
{
  guint x = bits;

  x = x - ((x >> 1) & 0x5555u);
  x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
  x = (x + (x >> 4)) & 0x0F0Fu;
  return (x + (x >> 8)) & 0x1Fu;
}

static inline GrTile *
gr_grid_tile_at (const GrGrid *grid, guint col, guint row)
{
  return grid->tiles[(row >> GR_TILE_SHIFT) * grid->n_tiles_x + (col >> GR_TILE_SHIFT)];
}

static inline guint
gr_tile_index (guint col, guint row)
{
  return ((row & GR_TILE_MASK) << GR_TILE_SHIFT) | (col & GR_TILE_MASK);
}

guint    gr_default_threads (void);
void     gr_advise_huge (gpointer data, gsize size);
guint    gr_threads_for (guint asked, guint n_parts);
void     gr_run_parts (GThreadFunc func, gpointer parts, gsize size, guint n);
gboolean gr_grid_row_range (const GrGrid *grid, double y0, double y1, guint *first, guint *last);
gboolean gr_grid_col_range (const GrGrid *grid, double x0, double x1, guint *first, guint *last);

typedef void (*GrSpanFunc) (guint row, guint first_col, guint last_col, gpointer data);
void gr_grid_foreach_span_within (const GrGrid    *grid,
                                  const GrPolygon *polygon,
                                  double           radius,
                                  GArray          *spans,
                                  GrSpanFunc       func,
                                  gpointer         data);
void gr_grid_foreach_span_in_bands (const GrGrid    *grid,
                                    const GrPolygon *polygon,
                                    double           radius,
                                    GArray          *spans,
                                    guint            part,
                                    guint            n_parts,
                                    GrSpanFunc       func,
                                    gpointer         data);

typedef void (*GrCellFunc) (GrTile *tile, guint index, guint col, guint row, gpointer data);
void gr_grid_foreach_cell_within (const GrGrid    *grid,
                                  const GrPolygon *polygon,
                                  double           radius,
                                  GArray          *spans,
                                  GrCellFunc       func,
                                  gpointer         data);

G_END_DECLS
