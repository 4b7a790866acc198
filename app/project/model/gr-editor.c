/* gr-editor.c — live editing: a baseline's analysis kept in step with a
 * scenario, feature by feature
 */
#include "config.h"

#include "gr-editor.h"

#include "gr-model-private.h"

#include <string.h>

typedef struct
{
  guint    supply;    /* analysis supply id; 0 when not entered */
  gint64   serial;    /* the edit whose outline is entered; 0 baseline, -1 a preview */
  gboolean known;     /* bounds set: else the baseline outline is entered */
  double   bounds[4]; /* of the outline entered; empty for none */
} Applied;

struct _GrEditor
{
  GrProject  *baseline; /* borrowed */
  GrAnalysis *analysis; /* borrowed */
  GHashTable *applied;  /* GrFeatureKey → Applied, for features as the analysis has them */
};

static GrFeatureKey *
key_new (GrRole role, guint index)
{
  GrFeatureKey *key = g_new (GrFeatureKey, 1);

  key->role = role;
  key->index = index;
  return key;
}

/**
 * gr_editor_new:
 * @analysis: built from @baseline by gr_project_build_analysis()
 * @supply_refs: (element-type GrSupplyRef): the refs that call filled
 */
GrEditor *
gr_editor_new (GrProject *baseline, GrAnalysis *analysis, GArray *supply_refs)
{
  GrEditor *editor = g_new0 (GrEditor, 1);

  editor->baseline = baseline;
  editor->analysis = analysis;
  editor->applied =
      g_hash_table_new_full (_gr_feature_key_hash, _gr_feature_key_equal, g_free, g_free);
  for (guint id = 1; id <= supply_refs->len; id++)
    {
      const GrSupplyRef *ref = &g_array_index (supply_refs, GrSupplyRef, id - 1);
      Applied           *a = g_new0 (Applied, 1);

      a->supply = id;
      g_hash_table_insert (editor->applied, key_new (ref->role, ref->index), a);
    }
  return editor;
}

void
gr_editor_free (GrEditor *editor)
{
  if (editor == NULL)
    return;
  g_hash_table_unref (editor->applied);
  g_free (editor);
}

static gboolean
is_historic (GrEditor *editor, GrFeatureKey key)
{
  GrLayer *layer = editor->baseline->layers[key.role];

  return layer != NULL && key.index < layer->features->len
         && ((GrFeature *) g_ptr_array_index (layer->features, key.index))->historic;
}

static void
envelope (OGRGeometryH geometry, double bounds[4])
{
  OGREnvelope env;

  gr_bounds_clear (bounds);
  if (geometry == NULL)
    return;
  OGR_G_GetEnvelope (geometry, &env);
  bounds[0] = env.MinX, bounds[1] = env.MinY, bounds[2] = env.MaxX, bounds[3] = env.MaxY;
}

/* Enters @geometry (NULL: nothing) for @key in place of what is entered;
 * the old and the new outline's box joins @changed. */
static void
enter (GrEditor *editor, GrFeatureKey key, OGRGeometryH geometry, gint64 serial, double changed[4])
{
  Applied *a = g_hash_table_lookup (editor->applied, &key);
  g_autoptr (GrPolygon) polygon = geometry != NULL ? gr_polygon_new_from_ogr (geometry) : NULL;
  double old[4];

  if (a == NULL)
    {
      a = g_new0 (Applied, 1);
      g_hash_table_insert (editor->applied, key_new (key.role, key.index), a);
    }
  if (a->known)
    memcpy (old, a->bounds, sizeof old);
  else
    envelope (key.index < _gr_scenario_n_baseline (editor->baseline, key.role)
                  ? ((GrFeature *) g_ptr_array_index (editor->baseline->layers[key.role]->features,
                                                      key.index))
                        ->geometry
                  : NULL,
              old);
  envelope (geometry, a->bounds);
  a->known = TRUE;
  gr_bounds_union (changed, old);
  gr_bounds_union (changed, a->bounds);
  if (polygon != NULL && a->supply != 0)
    gr_analysis_replace_supply (editor->analysis, a->supply, polygon);
  else if (polygon != NULL)
    a->supply = gr_analysis_add_supply (editor->analysis, polygon, key.role == GR_ROLE_PARK,
                                        is_historic (editor, key));
  else if (a->supply != 0)
    {
      gr_analysis_remove_supply (editor->analysis, a->supply);
      a->supply = 0;
    }
  a->serial = serial;
}

/**
 * gr_editor_sync:
 * @changed: (out) (optional): the box of every outline taken out or put in,
 *   empty when nothing changed: coverage can have changed only within the
 *   service radii around it
 *
 * Brings the analysis to @scenario's edits in force (any scenario of the
 * same baseline: undo, redo and switching scenarios are all a sync). Only
 * the features whose outline differs from what the analysis has are
 * removed and entered again.
 */
void
gr_editor_sync (GrEditor *editor, const GrScenario *scenario, double changed[4])
{
  g_autoptr (GHashTable) states = _gr_scenario_key_states (scenario);
  GHashTableIter iter;
  gpointer       key, value;
  double         box[4];

  gr_bounds_clear (box);
  /* Features edited before but not by this scenario go back to the baseline. */
  g_hash_table_iter_init (&iter, editor->applied);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GrFeatureKey *k = key;
      Applied      *a = value;
      gboolean      baseline = k->index < _gr_scenario_n_baseline (editor->baseline, k->role);

      if (a->serial == 0 || g_hash_table_contains (states, k))
        continue;
      if (baseline)
        enter (editor, *k,
               ((GrFeature *) g_ptr_array_index (editor->baseline->layers[k->role]->features,
                                                 k->index))
                   ->geometry,
               0, box);
      else
        enter (editor, *k, NULL, 0, box);
    }
  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GrFeatureKey *k = key;
      KeyState     *s = value;
      Applied      *a = g_hash_table_lookup (editor->applied, k);
      gint64 want = s->removed ? G_MAXINT64 : s->shape != NULL ? _gr_edit_get_serial (s->shape) : 0;
      gint64 have =
          a == NULL
              ? (k->index < _gr_scenario_n_baseline (editor->baseline, k->role) ? 0 : G_MAXINT64)
          : a->supply == 0 ? G_MAXINT64
                           : a->serial;

      if (want == have)
        continue;
      if (s->removed)
        enter (editor, *k, NULL, G_MAXINT64, box);
      else if (s->shape != NULL)
        enter (editor, *k, s->shape->geometry, _gr_edit_get_serial (s->shape), box);
      else
        enter (editor, *k,
               ((GrFeature *) g_ptr_array_index (editor->baseline->layers[k->role]->features,
                                                 k->index))
                   ->geometry,
               0, box);
    }
  if (changed != NULL)
    memcpy (changed, box, sizeof box);
}

/**
 * gr_editor_preview:
 * @geometry: (nullable): the outline being dragged, not yet an edit
 * @changed: (out) (optional): the box of the outline taken out and put in
 *
 * Enters a provisional outline for @key, as a drag moves it; the next
 * gr_editor_sync() puts back what the scenario says.
 */
void
gr_editor_preview (GrEditor *editor, GrFeatureKey key, OGRGeometryH geometry, double changed[4])
{
  double box[4];

  gr_bounds_clear (box);
  enter (editor, key, geometry, -1, box);
  if (changed != NULL)
    memcpy (changed, box, sizeof box);
}
