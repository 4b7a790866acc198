/* gr-green-cover.c — green space, vegetation and shade over the built-up area
 *
 * 建成区绿地率 and 建成区绿化覆盖率 (GB/T 50563-2010): the green layers
 * and the tree canopy merged, overlaps counted once, inside the built-up
 * boundary. 林荫路覆盖率 (national ecological garden city standard): the
 * length of secondary and branch roads under tree crowns over their length.
 */
#include "config.h"

#include "gr-green-cover.h"

#include <math.h>

static gboolean
envelopes_meet (const OGREnvelope *a, const OGREnvelope *b, double margin)
{
  return a->MaxX + margin >= b->MinX && a->MinX - margin <= b->MaxX && a->MaxY + margin >= b->MinY
         && a->MinY - margin <= b->MaxY;
}

static void
add_polygons (OGRGeometryH into, OGRGeometryH g)
{
  OGRwkbGeometryType type = wkbFlatten (OGR_G_GetGeometryType (g));

  if (type == wkbPolygon)
    OGR_G_AddGeometry (into, g);
  else if (type == wkbMultiPolygon || type == wkbGeometryCollection)
    for (int k = 0; k < OGR_G_GetGeometryCount (g); k++)
      add_polygons (into, OGR_G_GetGeometryRef (g, k));
}

/* A tree's crown: its canopy polygon, or a circle round its point. */
static OGRGeometryH
crown (OGRGeometryH tree, double grow)
{
  OGRwkbGeometryType type = wkbFlatten (OGR_G_GetGeometryType (tree));

  if (type == wkbPoint || type == wkbMultiPoint)
    return OGR_G_Buffer (tree, GR_TREE_CROWN_RADIUS + grow, 8);
  return grow > 0 ? OGR_G_Buffer (tree, grow, 4) : OGR_G_Clone (tree);
}

/**
 * gr_green_union:
 * @clip: (nullable): the built-up area (and zone) to count inside
 * @with_trees: add the tree canopy (vegetation cover) to green space and
 *   parks (green space ratio)
 *
 * Returns: (transfer full) (nullable): the merged area inside @clip
 */
OGRGeometryH
gr_green_union (GrProject *project, OGRGeometryH clip, gboolean with_trees)
{
  static const GrRole roles[] = { GR_ROLE_GREEN, GR_ROLE_PARK, GR_ROLE_TREES };
  OGRGeometryH        all = OGR_G_CreateGeometry (wkbMultiPolygon), merged, cut;
  OGREnvelope         bounds;

  if (clip != NULL)
    OGR_G_GetEnvelope (clip, &bounds);
  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      GrLayer *layer = project->layers[roles[r]];

      if (roles[r] == GR_ROLE_TREES && !with_trees)
        continue;
      for (guint i = 0; layer != NULL && i < layer->features->len; i++)
        {
          GrFeature  *f = g_ptr_array_index (layer->features, i);
          OGREnvelope e;

          OGR_G_GetEnvelope (f->geometry, &e);
          if (clip != NULL && !envelopes_meet (&e, &bounds, GR_TREE_CROWN_RADIUS))
            continue;
          if (roles[r] == GR_ROLE_TREES)
            {
              g_auto (OGRGeometryH) c = crown (f->geometry, 0);

              if (c != NULL)
                add_polygons (all, c);
            }
          else
            add_polygons (all, f->geometry);
        }
    }
  if (OGR_G_GetGeometryCount (all) == 0)
    {
      OGR_G_DestroyGeometry (all);
      return NULL;
    }
  merged = OGR_G_UnionCascaded (all);
  OGR_G_DestroyGeometry (all);
  if (merged == NULL || clip == NULL)
    return merged;
  cut = OGR_G_Intersection (merged, clip);
  OGR_G_DestroyGeometry (merged);
  return cut;
}

/* 次干路 and 支路: OSM's secondary, tertiary, residential, unclassified and
 * living streets; a bureau's layer by its class field. */
gboolean
gr_road_is_secondary_or_branch (const GrFeature *road)
{
  static const char *const osm[] = { "highway=secondary",     "highway=secondary_link",
                                     "highway=tertiary",      "highway=tertiary_link",
                                     "highway=residential",   "highway=unclassified",
                                     "highway=living_street", NULL };

  if (road->kind == NULL)
    return FALSE;
  return g_strv_contains (osm, road->kind)
         || gr_text_has_word (road->kind, "次干路|支路|secondary|branch|tertiary");
}

/**
 * gr_shaded_roads:
 * @clip: (nullable): the area to count in
 * @shaded_m: (out): length of secondary and branch roads under a crown
 * @total_m: (out): their whole length
 *
 * Returns: %FALSE when the project has no trees, or no such roads
 */
gboolean
gr_shaded_roads (GrProject *project, OGRGeometryH clip, double *shaded_m, double *total_m)
{
  GrLayer *roads = project->layers[GR_ROLE_WALK];
  GrLayer *trees = project->layers[GR_ROLE_TREES];
  g_autoptr (GArray) envelopes = NULL;

  *shaded_m = *total_m = 0;
  if (roads == NULL || trees == NULL || trees->features->len == 0)
    return FALSE;
  envelopes = g_array_sized_new (FALSE, FALSE, sizeof (OGREnvelope), trees->features->len);
  for (guint t = 0; t < trees->features->len; t++)
    {
      OGREnvelope e;

      OGR_G_GetEnvelope (((GrFeature *) g_ptr_array_index (trees->features, t))->geometry, &e);
      g_array_append_val (envelopes, e);
    }
  for (guint i = 0; i < roads->features->len; i++)
    {
      GrFeature *road = g_ptr_array_index (roads->features, i);
      g_auto (OGRGeometryH) line = NULL;
      g_auto (OGRGeometryH) shade = NULL;
      g_auto (OGRGeometryH) under = NULL;
      OGREnvelope e;
      double      margin = GR_TREE_CROWN_RADIUS + GR_SHADE_REACH;

      if (!gr_road_is_secondary_or_branch (road))
        continue;
      line =
          clip != NULL ? OGR_G_Intersection (road->geometry, clip) : OGR_G_Clone (road->geometry);
      if (line == NULL || !(OGR_G_Length (line) > 0))
        continue;
      *total_m += OGR_G_Length (line);
      OGR_G_GetEnvelope (line, &e);
      shade = OGR_G_CreateGeometry (wkbMultiPolygon);
      for (guint t = 0; t < trees->features->len; t++)
        if (envelopes_meet (&g_array_index (envelopes, OGREnvelope, t), &e, margin))
          {
            g_auto (OGRGeometryH) c = crown (
                ((GrFeature *) g_ptr_array_index (trees->features, t))->geometry, GR_SHADE_REACH);

            if (c != NULL)
              add_polygons (shade, c);
          }
      if (OGR_G_GetGeometryCount (shade) == 0)
        continue;
      {
        g_auto (OGRGeometryH) merged = OGR_G_UnionCascaded (shade);

        under = merged != NULL ? OGR_G_Intersection (line, merged) : NULL;
      }
      if (under != NULL)
        *shaded_m += OGR_G_Length (under);
    }
  return *total_m > 0;
}
