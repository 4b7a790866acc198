/* gr-synthetic-city.c — a made-up city for benchmarks (synthetic data) */
#include "gr-synthetic-city.h"

#include <math.h>

#define BLOCK    150.0 /* block side, metres */
#define STREET   20.0  /* street width */
#define PITCH    (BLOCK + STREET)
#define POP_CELL 500.0 /* population grid cell */
#define PIECES   20    /* vertices per block side on streets and paths */

static GArray *
straight_path (double x0, double y0, double x1, double y1, guint pieces)
{
  GArray *xy = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint k = 0; k <= pieces; k++)
    {
      double p[2] = { x0 + (x1 - x0) * k / pieces, y0 + (y1 - y0) * k / pieces };
      g_array_append_vals (xy, p, 2);
    }
  return xy;
}

/* Street centre lines run at multiples of PITCH with a vertex every
 * PITCH / PIECES, so block-centre footpaths meet them at shared vertices. */
static void
add_streets (GrSyntheticCity *city, guint n_blocks)
{
  double end = n_blocks * PITCH;

  for (guint k = 0; k <= n_blocks; k++)
    {
      g_ptr_array_add (city->paths,
                       straight_path (0, k * PITCH, end, k * PITCH, n_blocks * PIECES));
      g_ptr_array_add (city->paths,
                       straight_path (k * PITCH, 0, k * PITCH, end, n_blocks * PIECES));
    }
}

static void
add_footpath (GrSyntheticCity *city, double x, double y)
{
  double cx = x - STREET / 2 + PITCH / 2;

  g_ptr_array_add (city->paths,
                   straight_path (cx, y - STREET / 2, cx, y - STREET / 2 + PITCH, PIECES));
}

static void
add_block_use (GrSyntheticCity *city, GRand *rand, double x, double y)
{
  double roll = g_rand_double (rand);

  if (roll < 0.76)
    add_footpath (city, x, y);
  if (roll < 0.70)
    {
      g_ptr_array_add (city->residential, gr_polygon_new_rect (x, y, x + BLOCK, y + BLOCK));
      /* One housing block in five has a pocket green in a corner. */
      if (g_rand_double (rand) < 0.2)
        {
          double side = g_rand_double_range (rand, 20, 45);
          g_ptr_array_add (city->greens, gr_polygon_new_rect (x, y, x + side, y + side));
        }
    }
  else if (roll < 0.76)
    g_ptr_array_add (city->parks,
                     gr_polygon_new_rect (x + 10, y + 10, x + BLOCK - 10, y + BLOCK - 10));
  else if (roll < 0.80)
    g_ptr_array_add (city->greens, gr_polygon_new_rect (x, y, x + BLOCK, y + 40));
}

static void
add_large_parks (GrSyntheticCity *city, double side)
{
  /* A 3 × 3-block comprehensive park every 3 km (about 25 ha). */
  for (double y = 1500; y + 3 * PITCH < side; y += 3000)
    for (double x = 1500; x + 3 * PITCH < side; x += 3000)
      {
        const double xy[] = { x,
                              y,
                              x + 3 * PITCH,
                              y,
                              x + 3 * PITCH,
                              y + 2 * PITCH,
                              x + 2 * PITCH,
                              y + 3 * PITCH,
                              x,
                              y + 3 * PITCH };
        const guint  end = 5;
        g_ptr_array_add (city->parks, gr_polygon_new (xy, 5, &end, 1));
      }
}

static void
add_population (GrSyntheticCity *city, GRand *rand, double side, double residents)
{
  double total = 0;
  guint  n = 0;

  for (double y = 0; y < side; y += POP_CELL)
    for (double x = 0; x < side; x += POP_CELL)
      {
        /* Denser towards the centre. */
        double d = hypot (x - side / 2, y - side / 2) / side;
        double weight = (1.5 - d) * g_rand_double_range (rand, 0.5, 1.5);

        g_ptr_array_add (city->population, gr_polygon_new_rect (x, y, x + POP_CELL, y + POP_CELL));
        g_array_append_val (city->people, weight);
        total += weight;
        n++;
      }
  for (guint i = 0; i < n; i++)
    g_array_index (city->people, double, i) *= residents / total;
}

GrSyntheticCity *
gr_synthetic_city_new (const GrCityPlan *plan)
{
  GrSyntheticCity *city = g_new0 (GrSyntheticCity, 1);
  g_autoptr (GRand) rand = g_rand_new_with_seed (plan->seed);
  double side = sqrt (plan->area_km2) * 1000;

  city->bounds[0] = city->bounds[1] = 0;
  city->bounds[2] = city->bounds[3] = side;
  city->residential = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_polygon_free);
  city->parks = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_polygon_free);
  city->greens = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_polygon_free);
  city->population = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_polygon_free);
  city->people = g_array_new (FALSE, FALSE, sizeof (double));
  city->paths = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  add_large_parks (city, side);
  add_streets (city, (guint) floor (side / PITCH));
  for (double y = STREET / 2; y + BLOCK < side; y += PITCH)
    for (double x = STREET / 2; x + BLOCK < side; x += PITCH)
      {
        gboolean in_park = FALSE;
        for (guint p = 0; p < city->parks->len && !in_park; p++)
          in_park = gr_polygon_contains (g_ptr_array_index (city->parks, p), x + BLOCK / 2,
                                         y + BLOCK / 2);
        if (!in_park)
          add_block_use (city, rand, x, y);
      }
  add_population (city, rand, side, plan->residents);
  return city;
}

void
gr_synthetic_city_free (GrSyntheticCity *city)
{
  if (city == NULL)
    return;
  g_ptr_array_unref (city->residential);
  g_ptr_array_unref (city->parks);
  g_ptr_array_unref (city->greens);
  g_ptr_array_unref (city->population);
  g_array_unref (city->people);
  g_ptr_array_unref (city->paths);
  g_free (city);
}
