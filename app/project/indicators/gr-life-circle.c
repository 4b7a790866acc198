/* gr-life-circle.c — life circles of GB 50180-2018 and their public green
 *
 * The circles are the project's life-circle layer, or else its zones (a
 * 街道 is about a 15-minute circle). A circle's level is read from its
 * class or name: "10分钟", "十分钟生活圈", "15-minute"…; without one, and
 * for every zone standing in, both of the standard's checks apply.
 */
#include "config.h"

#include "gr-life-circle.h"

#include <math.h>
#include <string.h>

/* A circle's level from its class or name: "15分钟生活圈", "十分钟",
 * "5-minute", or a class field of just "15"; a place name such as 五华区
 * or 十里河街道, or a year, says nothing. */
GrLifeCircleLevel
gr_life_circle_level_from_text (const char *text)
{
  static const struct
  {
    GrLifeCircleLevel level;
    const char       *words; /* fifteen first: "15分钟" holds "5分钟" */
  } levels[] = {
    { GR_LIFE_CIRCLE_15, "15分钟|十五分钟|15-minute|15 minute|15min|15-min" },
    { GR_LIFE_CIRCLE_10, "10分钟|十分钟|10-minute|10 minute|10min|10-min" },
    { GR_LIFE_CIRCLE_5, "5分钟|五分钟|5-minute|5 minute|5min|5-min" },
  };
  g_autofree char *bare = text != NULL ? g_strstrip (g_strdup (text)) : NULL;

  if (bare == NULL)
    return GR_LIFE_CIRCLE_UNKNOWN;
  if (g_str_equal (bare, "15"))
    return GR_LIFE_CIRCLE_15;
  if (g_str_equal (bare, "10"))
    return GR_LIFE_CIRCLE_10;
  if (g_str_equal (bare, "5"))
    return GR_LIFE_CIRCLE_5;
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (gr_text_has_word (bare, levels[i].words))
      return levels[i].level;
  return GR_LIFE_CIRCLE_UNKNOWN;
}

gboolean
gr_life_circle_checks_green (GrLifeCircleLevel level)
{
  return level == GR_LIFE_CIRCLE_15 || level == GR_LIFE_CIRCLE_UNKNOWN;
}

gboolean
gr_life_circle_checks_park (GrLifeCircleLevel level)
{
  return level == GR_LIFE_CIRCLE_10 || level == GR_LIFE_CIRCLE_UNKNOWN;
}

static void
life_circle_clear (gpointer data)
{
  g_free (((GrLifeCircle *) data)->name);
}

/* @from_zones: the zones stand in, whose names are places, not levels. */
static void
measure (GrLifeCircle *c,
         GrFeature    *f,
         gboolean      from_zones,
         GrProject    *project,
         GrAnalysis   *analysis)
{
  GrLayer *parks = project->layers[GR_ROLE_PARK];
  g_autoptr (GrPolygon) polygon = gr_polygon_new_from_ogr (f->geometry);
  OGREnvelope area;
  GrAmount    all = { 0, 0 }, covered;

  c->level = from_zones ? GR_LIFE_CIRCLE_UNKNOWN : gr_life_circle_level_from_text (f->kind);
  if (c->level == GR_LIFE_CIRCLE_UNKNOWN && !from_zones)
    c->level = gr_life_circle_level_from_text (f->name);
  if (polygon != NULL)
    gr_analysis_sum_within (analysis, polygon, GR_LAYER_SERVICE, &all, &covered);
  c->residents = all.population;
  OGR_G_GetEnvelope (f->geometry, &area);
  for (guint i = 0; parks != NULL && i < parks->features->len; i++)
    {
      GrFeature *park = g_ptr_array_index (parks->features, i);
      g_auto (OGRGeometryH) inside = NULL;
      OGREnvelope e;
      double      m2;

      OGR_G_GetEnvelope (park->geometry, &e);
      if (e.MaxX < area.MinX || e.MinX > area.MaxX || e.MaxY < area.MinY || e.MinY > area.MaxY
          || (inside = OGR_G_Intersection (park->geometry, f->geometry)) == NULL)
        continue;
      m2 = OGR_G_Area (inside);
      c->green_m2 += m2;
      c->largest_park_m2 = MAX (c->largest_park_m2, m2);
    }
  c->per_capita = c->residents > 0 ? c->green_m2 / c->residents : NAN;
  c->green_ok = isfinite (c->per_capita) && c->per_capita >= GR_LIFE_CIRCLE_15_GREEN_M2;
  c->park_ok = c->largest_park_m2 >= GR_LIFE_CIRCLE_10_PARK_M2;
}

/**
 * gr_life_circles_measure:
 * @zone: a zone (1-based): the circles whose inside point lies in it; or
 *   -1 for every circle
 * @source: (out) (optional): the layer the circles came from
 *   (%GR_ROLE_LIFECIRCLES or %GR_ROLE_ZONES)
 *
 * Returns: (transfer full) (nullable): one GrLifeCircle per circle, or
 *   %NULL when the project has neither life circles nor zones
 */
GArray *
gr_life_circles_measure (GrProject *project, GrAnalysis *analysis, int zone, GrRole *source)
{
  GrLayer   *own = project->layers[GR_ROLE_LIFECIRCLES];
  GrRole     role = own != NULL && own->features->len > 0 ? GR_ROLE_LIFECIRCLES : GR_ROLE_ZONES;
  GrLayer   *layer = project->layers[role];
  GrLayer   *zones = project->layers[GR_ROLE_ZONES];
  GrFeature *in = zone > 0 && zones != NULL && (guint) zone <= zones->features->len
                      ? g_ptr_array_index (zones->features, zone - 1)
                      : NULL;
  GArray    *circles;

  if (layer == NULL || layer->features->len == 0)
    return NULL;
  if (source != NULL)
    *source = role;
  circles = g_array_new (FALSE, TRUE, sizeof (GrLifeCircle));
  g_array_set_clear_func (circles, life_circle_clear);
  for (guint i = 0; i < layer->features->len; i++)
    {
      GrFeature   *f = g_ptr_array_index (layer->features, i);
      GrLifeCircle c = { 0 };

      if (role == GR_ROLE_ZONES && zone > 0 && i + 1 != (guint) zone)
        continue;
      if (role != GR_ROLE_ZONES && in != NULL)
        {
          g_auto (OGRGeometryH) point = OGR_G_PointOnSurface (f->geometry);

          if (point == NULL || !OGR_G_Contains (in->geometry, point))
            continue;
        }
      c.name = role == GR_ROLE_ZONES ? gr_project_zone_name (project, i + 1)
               : f->name != NULL     ? g_strdup (f->name)
                                     : g_strdup_printf ("#%u", i + 1);
      measure (&c, f, role == GR_ROLE_ZONES, project, analysis);
      g_array_append_val (circles, c);
    }
  return circles;
}
