/* gr-candidate-rules.c — the checks the plans put on a proposed park, and
 * the occupation–compensation balance (占补平衡) of a scenario
 */
#include "config.h"

#include "gr-candidate-rules.h"

#include "gr-model-private.h"
#include "gr-park-class.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/**
 * gr_pocket_park_new:
 * @area_m2: the park's area: the square's side or the circle's radius
 *   follows from it
 *
 * Returns: (transfer full): a square or a circle (64 sides) centred on
 * (@x, @y), analysis CRS
 */
OGRGeometryH
gr_pocket_park_new (double x, double y, double area_m2, gboolean circle)
{
  OGRGeometryH ring = OGR_G_CreateGeometry (wkbLinearRing);
  OGRGeometryH polygon = OGR_G_CreateGeometry (wkbPolygon);
  guint        n = circle ? 64 : 4;
  /* A regular n-gon of area A has circumradius sqrt (2A / (n sin (2π/n))). */
  double r = sqrt (2 * area_m2 / (n * sin (2 * G_PI / n)));

  for (guint i = 0; i <= n; i++)
    {
      double a = 2 * G_PI * (i % n) / n + (circle ? 0 : G_PI / 4);
      OGR_G_AddPoint_2D (ring, x + r * cos (a), y + r * sin (a));
    }
  OGR_G_AddGeometryDirectly (polygon, ring);
  return polygon;
}

#define AREA_TOLERANCE 0.01 /* m² */

/**
 * gr_candidate_flags:
 * @geometry: a proposed park, analysis CRS
 *
 * The checks the two cities' plans put on new green projects (Yuncheng
 * 2023 landscaping plan, Datong 2025 park-city plan): ≥ 5,000 m² needs expert review of the design, ≥ 100,000 m² public
 * disclosure for 15 days; a pocket park is 400–10,000 m² (MOHURD
 * guideline); a park should not cover buildings or water.
 *
 * @klass: (nullable): the park's class text; the pocket-park size is
 *   checked only for a park not classed otherwise than G14 游园 (a G12
 *   community park is meant to be larger)
 */
GrCandidateFlags
gr_candidate_flags (GrProject *baseline, OGRGeometryH geometry, const char *klass)
{
  static const GrRole blocking[] = { GR_ROLE_BUILDINGS, GR_ROLE_WATER };
  GrCandidateFlags    flags = 0;
  double              area = OGR_G_Area (geometry);
  gboolean            by_size = TRUE;
  GrParkClass         park_class = gr_park_class_from_kind (klass, area, &by_size);
  OGREnvelope         env;

  /* Within a hundredth of a m²: a 10,000 m² circle is stored as
   * 10,000.0000000817 m². */
  if (area >= 5000 - AREA_TOLERANCE)
    flags |= GR_FLAG_EXPERT_REVIEW;
  if (area >= 100000 - AREA_TOLERANCE)
    flags |= GR_FLAG_PUBLIC_DISCLOSURE;
  if ((by_size || park_class == GR_PARK_CLASS_STREET_GARDEN)
      && (area < 400 - AREA_TOLERANCE || area > 10000 + AREA_TOLERANCE))
    flags |= GR_FLAG_NOT_POCKET_PARK;
  OGR_G_GetEnvelope (geometry, &env);
  for (guint r = 0; r < G_N_ELEMENTS (blocking); r++)
    {
      GrLayer *layer = baseline->layers[blocking[r]];

      for (guint i = 0; layer != NULL && i < layer->features->len; i++)
        {
          GrFeature  *f = g_ptr_array_index (layer->features, i);
          OGREnvelope fe;

          OGR_G_GetEnvelope (f->geometry, &fe);
          if (fe.MaxX < env.MinX || fe.MinX > env.MaxX || fe.MaxY < env.MinY || fe.MinY > env.MaxY)
            continue;
          if (OGR_G_Intersects (f->geometry, geometry))
            {
              g_auto (OGRGeometryH) common = OGR_G_Intersection (f->geometry, geometry);

              /* Touching along an edge is not covering. */
              if (common != NULL && OGR_G_Area (common) > 1)
                {
                  flags |= blocking[r] == GR_ROLE_BUILDINGS ? GR_FLAG_OVER_BUILDINGS
                                                            : GR_FLAG_OVER_WATER;
                  break;
                }
            }
        }
    }
  return flags;
}

/* The flags in words, one per line; empty for none. */
char *
gr_candidate_flags_describe (GrCandidateFlags flags)
{
  GString *text = g_string_new (NULL);

  if (flags & GR_FLAG_PUBLIC_DISCLOSURE)
    g_string_append_printf (text, "%s\n", _ ("≥ 100,000 m²: public disclosure for 15 days"));
  else if (flags & GR_FLAG_EXPERT_REVIEW)
    g_string_append_printf (text, "%s\n", _ ("≥ 5,000 m²: expert review of the design"));
  if (flags & GR_FLAG_NOT_POCKET_PARK)
    g_string_append_printf (text, "%s\n", _ ("not a pocket park: outside 400–10,000 m²"));
  if (flags & GR_FLAG_OVER_BUILDINGS)
    g_string_append_printf (text, "%s\n", _ ("covers buildings"));
  if (flags & GR_FLAG_OVER_WATER)
    g_string_append_printf (text, "%s\n", _ ("covers water"));
  if (text->len > 0)
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

/**
 * gr_scenario_balance:
 * @nearby: metres: compensation this near the land taken counts
 *
 * The occupation–compensation balance (占补平衡, green-line control):
 * green land a scenario takes (features removed, the parts reshaping cuts
 * off) must be replaced nearby by at least the same area (new parks, the
 * parts reshaping adds).
 */
void
gr_scenario_balance (const GrScenario *scenario,
                     GrProject        *baseline,
                     double            nearby,
                     GrBalance        *balance)
{
  g_autoptr (GArray) touched = gr_scenario_get_touched (scenario);
  g_autoptr (GPtrArray) taken =
      g_ptr_array_new_with_free_func ((GDestroyNotify) OGR_G_DestroyGeometry);
  g_autoptr (GPtrArray) added =
      g_ptr_array_new_with_free_func ((GDestroyNotify) OGR_G_DestroyGeometry);

  memset (balance, 0, sizeof *balance);
  for (guint i = 0; i < touched->len; i++)
    {
      GrFeatureKey k = g_array_index (touched, GrFeatureKey, i);
      OGRGeometryH now = gr_scenario_get_geometry (scenario, baseline, k);
      OGRGeometryH before =
          k.index < _gr_scenario_n_baseline (baseline, k.role)
              ? ((GrFeature *) g_ptr_array_index (baseline->layers[k.role]->features, k.index))
                    ->geometry
              : NULL;

      if (before != NULL && now == NULL)
        g_ptr_array_add (taken, OGR_G_Clone (before));
      else if (before == NULL && now != NULL)
        g_ptr_array_add (added, OGR_G_Clone (now));
      else if (before != NULL && now != NULL)
        {
          OGRGeometryH cut = OGR_G_Difference (before, now), grown = OGR_G_Difference (now, before);

          if (cut != NULL && OGR_G_Area (cut) > 0)
            g_ptr_array_add (taken, cut);
          else if (cut != NULL)
            OGR_G_DestroyGeometry (cut);
          if (grown != NULL && OGR_G_Area (grown) > 0)
            g_ptr_array_add (added, grown);
          else if (grown != NULL)
            OGR_G_DestroyGeometry (grown);
        }
    }
  for (guint i = 0; i < taken->len; i++)
    balance->taken_m2 += OGR_G_Area (g_ptr_array_index (taken, i));
  for (guint i = 0; i < added->len; i++)
    {
      OGRGeometryH g = g_ptr_array_index (added, i);
      double       area = OGR_G_Area (g);

      balance->added_m2 += area;
      for (guint t = 0; t < taken->len; t++)
        if (OGR_G_Distance (g, g_ptr_array_index (taken, t)) <= nearby)
          {
            balance->compensated_m2 += area;
            break;
          }
    }
  balance->outstanding_m2 = MAX (0, balance->taken_m2 - balance->compensated_m2);
}

/**
 * gr_scenario_candidate_parks:
 * @applied: @scenario over @baseline (gr_scenario_apply())
 *
 * Returns: (transfer container): the parks @scenario adds, in the order
 *   they were added, as @applied's features (GrFeature, borrowed): the
 *   edited park layer lists the baseline's parks, then the candidates
 */
GPtrArray *
gr_scenario_candidate_parks (const GrScenario *scenario, GrProject *baseline, GrProject *applied)
{
  GrLayer *parks = applied->layers[GR_ROLE_PARK];
  guint    n_parks =
      baseline->layers[GR_ROLE_PARK] != NULL ? baseline->layers[GR_ROLE_PARK]->features->len : 0;
  GPtrArray *candidates = g_ptr_array_new ();
  g_autoptr (GArray) touched = gr_scenario_get_touched (scenario);
  guint n = 0;

  for (guint i = 0; i < touched->len; i++)
    {
      GrFeatureKey k = g_array_index (touched, GrFeatureKey, i);

      if (k.role == GR_ROLE_PARK && k.index >= n_parks
          && gr_scenario_get_geometry (scenario, baseline, k) != NULL)
        n++;
    }
  for (guint i = parks != NULL ? parks->features->len - MIN (n, parks->features->len) : 0;
       parks != NULL && i < parks->features->len; i++)
    g_ptr_array_add (candidates, g_ptr_array_index (parks->features, i));
  return candidates;
}

/**
 * gr_scenario_suggested_parks:
 * @candidates: gr_scenario_candidate_parks()
 *
 * Returns: (transfer full) (element-type guint): the indices in
 *   @candidates of the parks that accepted site suggestions placed (moved
 *   since or not)
 */
GArray *
gr_scenario_suggested_parks (const GrScenario *scenario, GrProject *baseline, GPtrArray *candidates)
{
  GArray *indices = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint e = 0; e < scenario->position; e++)
    {
      const GrEdit *edit = g_ptr_array_index (scenario->edits, e);
      OGRGeometryH  now;

      if (edit->kind != GR_EDIT_ADD || !edit->suggested)
        continue;
      now = gr_scenario_get_geometry (scenario, baseline, edit->target);
      for (guint i = 0; now != NULL && i < candidates->len; i++)
        if (OGR_G_Equals (((GrFeature *) g_ptr_array_index (candidates, i))->geometry, now))
          {
            g_array_append_val (indices, i);
            break;
          }
    }
  return indices;
}
