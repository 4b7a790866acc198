/* gr-layer.c — a layer's features, in the analysis CRS */
#include "config.h"

#include "gr-layer.h"

#include "gr-model-private.h"

#include <math.h>

GrFeature *
gr_feature_new (OGRGeometryH geometry)
{
  GrFeature *feature = g_new0 (GrFeature, 1);

  feature->geometry = geometry;
  feature->value = NAN;
  feature->children = NAN;
  feature->elderly = NAN;
  return feature;
}

void
gr_feature_free (GrFeature *feature)
{
  if (feature == NULL)
    return;
  if (feature->geometry != NULL)
    OGR_G_DestroyGeometry (feature->geometry);
  g_free (feature->name);
  g_free (feature->kind);
  g_free (feature->origin);
  g_free (feature);
}

void
_gr_layer_free (GrLayer *layer)
{
  if (layer == NULL)
    return;
  g_free (layer->sources);
  g_clear_pointer (&layer->features, g_ptr_array_unref);
  if (layer->dissolved != NULL)
    OGR_G_DestroyGeometry (layer->dissolved);
  g_free (layer);
}

G_LOCK_DEFINE_STATIC (dissolved);

/**
 * gr_layer_dup_dissolved_lines:
 *
 * The layer's lines merged, overlapping stretches once: for lengths of
 * greenways that share paths. Made once and kept with the layer (a layer
 * of lines is not edited in place; one of another size is merged again),
 * under a lock, as indicators are computed in worker threads too.
 *
 * Returns: (transfer full) (nullable): a copy, or %NULL without lines
 */
OGRGeometryH
gr_layer_dup_dissolved_lines (GrLayer *layer)
{
  OGRGeometryH copy = NULL;

  G_LOCK (dissolved);
  if (layer->dissolved == NULL || layer->dissolved_n != layer->features->len)
    {
      OGRGeometryH all = OGR_G_CreateGeometry (wkbMultiLineString);

      for (guint i = 0; i < layer->features->len; i++)
        {
          OGRGeometryH g = ((GrFeature *) g_ptr_array_index (layer->features, i))->geometry;

          if (wkbFlatten (OGR_G_GetGeometryType (g)) == wkbLineString)
            OGR_G_AddGeometry (all, g);
          else
            for (int k = 0; k < OGR_G_GetGeometryCount (g); k++)
              if (wkbFlatten (OGR_G_GetGeometryType (OGR_G_GetGeometryRef (g, k))) == wkbLineString)
                OGR_G_AddGeometry (all, OGR_G_GetGeometryRef (g, k));
        }
      if (layer->dissolved != NULL)
        OGR_G_DestroyGeometry (layer->dissolved);
      /* A union with itself nodes and dissolves the lines. */
      layer->dissolved = OGR_G_GetGeometryCount (all) > 0 ? OGR_G_Union (all, all) : NULL;
      if (layer->dissolved == NULL && OGR_G_GetGeometryCount (all) > 0)
        layer->dissolved = OGR_G_Clone (all);
      layer->dissolved_n = layer->features->len;
      OGR_G_DestroyGeometry (all);
    }
  if (layer->dissolved != NULL)
    copy = OGR_G_Clone (layer->dissolved);
  G_UNLOCK (dissolved);
  return copy;
}

/* The box around a layer's features, analysis CRS; empty for no layer. */
void
gr_layer_get_bounds (const GrLayer *layer, double bounds[4])
{
  gr_bounds_clear (bounds);
  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    {
      OGREnvelope env;

      OGR_G_GetEnvelope (((GrFeature *) g_ptr_array_index (layer->features, i))->geometry, &env);
      gr_bounds_union (bounds, (const double[4]){ env.MinX, env.MinY, env.MaxX, env.MaxY });
    }
}

/* The highest feature number @layer ever gave; 0 for none. */
gint64
gr_layer_get_last_id (const GrLayer *layer)
{
  gint64 last = layer != NULL ? layer->last_id : 0;

  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    last = MAX (last, ((GrFeature *) g_ptr_array_index (layer->features, i))->id);
  return last;
}

/**
 * gr_layer_number_features:
 * @after: the highest number the layer ever gave (0 for a new layer)
 *
 * Gives the features that have none a number of their own, above every
 * number the layer has and above @after. A number is never given twice in
 * a layer, so a scenario edit that names a feature by it names that
 * feature or none, whatever was deleted or added since.
 */
void
gr_layer_number_features (GrLayer *layer, gint64 after)
{
  gint64 next = MAX (after, gr_layer_get_last_id (layer));

  for (guint i = 0; i < layer->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (layer->features, i);

      if (f->id <= 0)
        f->id = ++next;
    }
  layer->last_id = next;
}

/* Returns: (transfer full): feature number → index + 1 in the layer */
GHashTable *
gr_layer_index_by_id (const GrLayer *layer)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (layer->features, i);

      if (f->id > 0)
        g_hash_table_insert (index, g_memdup2 (&f->id, sizeof f->id), GUINT_TO_POINTER (i + 1));
    }
  return index;
}

static void
append_rings (OGRGeometryH geometry, GArray *xy, GArray *ends)
{
  OGRwkbGeometryType type = wkbFlatten (OGR_G_GetGeometryType (geometry));

  if (type == wkbPolygon)
    {
      for (int r = 0; r < OGR_G_GetGeometryCount (geometry); r++)
        {
          OGRGeometryH ring = OGR_G_GetGeometryRef (geometry, r);
          int          n = OGR_G_GetPointCount (ring);
          guint        start = xy->len / 2;

          if (n < 3)
            continue;
          g_array_set_size (xy, xy->len + 2 * n);
          OGR_G_GetPoints (ring, &g_array_index (xy, double, 2 * start), 2 * sizeof (double),
                           &g_array_index (xy, double, 2 * start + 1), 2 * sizeof (double), NULL,
                           0);
          /* OGR repeats the first point at the end; GrPolygon closes implicitly. */
          if (OGR_G_GetX (ring, 0) == OGR_G_GetX (ring, n - 1)
              && OGR_G_GetY (ring, 0) == OGR_G_GetY (ring, n - 1))
            {
              n--;
              g_array_set_size (xy, xy->len - 2);
            }
          g_array_append_vals (ends, &(guint){ start + n }, 1);
        }
    }
  else if (type == wkbMultiPolygon || type == wkbGeometryCollection)
    {
      for (int i = 0; i < OGR_G_GetGeometryCount (geometry); i++)
        append_rings (OGR_G_GetGeometryRef (geometry, i), xy, ends);
    }
}

static void
append_lines (OGRGeometryH geometry, GArray *xy, GArray *ends)
{
  OGRwkbGeometryType type = wkbFlatten (OGR_G_GetGeometryType (geometry));

  if (type == wkbLineString)
    {
      int n = OGR_G_GetPointCount (geometry);

      if (n < 2)
        return;
      /* There and back: a ring of no area whose edges are the line's. */
      for (int k = 0; k < n; k++)
        g_array_append_vals (xy, (double[]){ OGR_G_GetX (geometry, k), OGR_G_GetY (geometry, k) },
                             2);
      for (int k = n - 2; k >= 1; k--)
        g_array_append_vals (xy, (double[]){ OGR_G_GetX (geometry, k), OGR_G_GetY (geometry, k) },
                             2);
      g_array_append_vals (ends, &(guint){ xy->len / 2 }, 1);
    }
  else if (type == wkbMultiLineString || type == wkbGeometryCollection)
    for (int i = 0; i < OGR_G_GetGeometryCount (geometry); i++)
      append_lines (OGR_G_GetGeometryRef (geometry, i), xy, ends);
}

typedef void (*Append) (OGRGeometryH geometry, GArray *xy, GArray *ends);

static GrPolygon *
polygon_from (OGRGeometryH geometry, Append append)
{
  g_autoptr (GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));

  append (geometry, xy, ends);
  if (ends->len == 0)
    return NULL;
  return gr_polygon_new ((double *) xy->data, xy->len / 2, (guint *) ends->data, ends->len);
}

/* The lines of an OGR geometry as a GrPolygon of no area, each line there
 * and back: its distance bands are the lines' (a greenway's reach); NULL
 * if it has none. */
GrPolygon *
gr_polygon_new_from_lines (OGRGeometryH geometry)
{
  return polygon_from (geometry, append_lines);
}

/* The polygonal part of an OGR geometry as a GrPolygon; NULL if it has none. */
GrPolygon *
gr_polygon_new_from_ogr (OGRGeometryH geometry)
{
  return polygon_from (geometry, append_rings);
}
