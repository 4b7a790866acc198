/* gr-basemap-labels.c — where the names go on a base map
 *
 * Candidates in order of importance (places by rank, then parks and water
 * by size, then roads by class) are placed greedily: a name whose box
 * meets one already placed is left out. Road names run along the
 * straightest stretch of their road, upright, and a road's name is not
 * repeated within a tile's width.
 */
#include "config.h"

#include "gr-basemap-labels-private.h"

#include <math.h>
#include <string.h>

static const struct
{
  int    min_zoom;
  double size;
} place_ranks[] = {
  { 8, 16 },  /* city */
  { 10, 14 }, /* town */
  { 12, 12 }, /* suburb */
  { 12, 12 }, /* village */
  { 14, 11 }, /* quarter */
  { 13, 11 }, /* hamlet */
  { 15, 10 }, /* neighbourhood */
};

void
gr_basemap_labels_free (GrBasemapLabels *labels)
{
  if (labels == NULL)
    return;
  gr_labels_free (labels->labels);
  g_free (labels);
}

guint
gr_basemap_labels_get_n_labels (GrBasemapLabels *labels)
{
  return gr_labels_get_n_labels (labels->labels);
}

/* The text of a placed name and its box, in world pixels at the labels'
 * zoom. */
const char *
gr_basemap_labels_get_text (GrBasemapLabels *labels, guint index, double box[4])
{
  const GrLabel *l = gr_labels_get_label (labels->labels, index);

  g_return_val_if_fail (l != NULL, NULL);
  memcpy (box, l->box, sizeof l->box);
  return l->text;
}

typedef struct
{
  GrLabel label;
  double  priority; /* smaller first */
  double  length;   /* road labels: the straight stretch available */
} Candidate;

/* The longest nearly straight stretch of a line, in world pixels: its
 * middle, direction and length. */
static double
straight_stretch (const GrPolygon *shape, double scale, double *x, double *y, double *angle)
{
  double best = 0;
  guint  start = 0;

  for (guint r = 0; r < shape->n_rings; r++)
    {
      guint end = shape->ring_ends[r];

      for (guint i = start; i + 1 < end; i++)
        {
          double x0 = shape->xy[2 * i] * scale, y0 = shape->xy[2 * i + 1] * scale;
          double heading = atan2 (shape->xy[2 * i + 3] - shape->xy[2 * i + 1],
                                  shape->xy[2 * i + 2] - shape->xy[2 * i]);

          for (guint j = i + 1; j < end; j++)
            {
              double x1 = shape->xy[2 * j] * scale, y1 = shape->xy[2 * j + 1] * scale;
              double turn = atan2 (shape->xy[2 * j + 1] - shape->xy[2 * j - 1],
                                   shape->xy[2 * j] - shape->xy[2 * j - 2])
                            - heading;
              double len;

              turn = fabs (remainder (turn, 2 * G_PI));
              if (turn > 0.26) /* 15° */
                break;
              if ((len = hypot (x1 - x0, y1 - y0)) > best)
                {
                  best = len;
                  *x = (x0 + x1) / 2;
                  *y = (y0 + y1) / 2;
                  *angle = atan2 (y1 - y0, x1 - x0);
                }
            }
        }
      start = end;
    }
  /* Upright: text never reads upside down. */
  if (*angle > G_PI / 2)
    *angle -= G_PI;
  else if (*angle < -G_PI / 2)
    *angle += G_PI;
  return best;
}

static gboolean
candidate (const GrBaseFeature *f, int zoom, double scale, Candidate *c)
{
  double area;

  memset (c, 0, sizeof *c);
  c->label.text = f->name;
  switch (f->kind)
    {
    case GR_BASE_PLACE:
      if (f->rank >= G_N_ELEMENTS (place_ranks) || zoom < place_ranks[f->rank].min_zoom)
        return FALSE;
      c->label.style = GR_LABEL_PLACE;
      c->label.size = place_ranks[f->rank].size + (zoom >= 15 ? 1 : 0);
      c->label.bold = c->label.size >= 14;
      c->label.x = f->shape->xy[0] * scale;
      c->label.y = f->shape->xy[1] * scale;
      c->priority = f->rank;
      return TRUE;
    case GR_BASE_PARK:
    case GR_BASE_WATER:
      area = (f->bounds[2] - f->bounds[0]) * (f->bounds[3] - f->bounds[1]) * scale * scale;
      if (zoom < 12 || area < 2500
          || !gr_labels_inside_point (f->shape, f->bounds, &c->label.x, &c->label.y))
        return FALSE;
      c->label.x *= scale;
      c->label.y *= scale;
      c->label.style = f->kind == GR_BASE_PARK ? GR_LABEL_PARK : GR_LABEL_WATER;
      c->label.size = zoom >= 16 ? 12 : 11;
      /* Parks before water, the larger first. */
      c->priority = (f->kind == GR_BASE_PARK ? 10 : 15) + 1 / (1 + area / 1e4);
      return TRUE;
    case GR_BASE_RIVER:
    case GR_BASE_MINOR:
    case GR_BASE_TERTIARY:
    case GR_BASE_SECONDARY:
    case GR_BASE_PRIMARY:
    case GR_BASE_MAJOR:
      if (zoom < (f->kind == GR_BASE_MINOR ? 15 : 13))
        return FALSE;
      c->length = straight_stretch (f->shape, scale, &c->label.x, &c->label.y, &c->label.angle);
      c->label.style = f->kind == GR_BASE_RIVER ? GR_LABEL_WATER : GR_LABEL_ROAD;
      c->label.size = zoom >= 16 ? 11 : 10;
      c->priority = 20 + (GR_BASE_MAJOR - f->kind) + 1 / (1 + c->length);
      return c->length > 0;
    default:
      return FALSE;
    }
}

static int
by_priority (gconstpointer a, gconstpointer b)
{
  double x = ((const Candidate *) a)->priority, y = ((const Candidate *) b)->priority;

  return x < y ? -1 : x > y;
}

/* A road's name again only a tile's width away from where it already is. */
static gboolean
repeats (GHashTable *roads, const GrLabel *label)
{
  GArray *at = g_hash_table_lookup (roads, label->text);

  for (guint i = 0; at != NULL && i < at->len; i += 2)
    if (hypot (g_array_index (at, double, i) - label->x,
               g_array_index (at, double, i + 1) - label->y)
        < 256)
      return TRUE;
  return FALSE;
}

static void
remember (GHashTable *roads, const GrLabel *label)
{
  GArray *at = g_hash_table_lookup (roads, label->text);

  if (at == NULL)
    {
      at = g_array_new (FALSE, FALSE, sizeof (double));
      g_hash_table_insert (roads, (gpointer) label->text, at);
    }
  g_array_append_vals (at, (double[]){ label->x, label->y }, 2);
}

/**
 * gr_basemap_labels_new:
 *
 * Places the names drawn at @zoom. The labels point into @data's names:
 * @data outlives them.
 */
GrBasemapLabels *
gr_basemap_labels_new (GrBasemapData *data, int zoom)
{
  GrBasemapLabels *labels = g_new0 (GrBasemapLabels, 1);
  double           scale = 256.0 * (1 << zoom);
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr (GHashTable) roads =
      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);

  labels->zoom = zoom;
  labels->labels = gr_labels_new ();
  for (guint i = 0; i < gr_basemap_data_get_n_features (data); i++)
    {
      const GrBaseFeature *f = gr_basemap_data_get_feature (data, i);
      Candidate            c;

      if (f->name != NULL && candidate (f, zoom, scale, &c))
        g_array_append_val (candidates, c);
    }
  g_array_sort (candidates, by_priority);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      double     w, h;

      /* A road's name fits its straight stretch or is left out. */
      if (c->length > 0
          && (!gr_labels_measure (labels->labels, &c->label, &w, &h) || c->length < w + 8
              || repeats (roads, &c->label)))
        continue;
      if (gr_labels_place (labels->labels, &c->label) && c->length > 0)
        remember (roads, &c->label);
    }
  return labels;
}
