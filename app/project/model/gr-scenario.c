/* gr-scenario.c — named, ordered lists of edits over the baseline */
#include "config.h"

#include "gr-scenario.h"

#include "gr-model-private.h"
#include "gr-format.h"

#include <glib/gi18n-lib.h>
#include <string.h>

GrScenario *
gr_scenario_new (const char *name)
{
  GrScenario *scenario = g_new0 (GrScenario, 1);

  scenario->name = g_strdup (name);
  scenario->edits = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_edit_free);
  scenario->left_out = g_ptr_array_new_with_free_func (g_free);
  return scenario;
}

/* A copy under another name, history and position included; not stored. */
GrScenario *
gr_scenario_copy (const GrScenario *scenario, const char *name)
{
  GrScenario *copy = gr_scenario_new (name);

  for (guint i = 0; i < scenario->edits->len; i++)
    g_ptr_array_add (copy->edits, gr_edit_copy (g_ptr_array_index (scenario->edits, i)));
  copy->position = scenario->position;
  return copy;
}

void
gr_scenario_free (GrScenario *scenario)
{
  if (scenario == NULL)
    return;
  g_free (scenario->name);
  g_free (scenario->changed_by);
  g_ptr_array_unref (scenario->edits);
  g_ptr_array_unref (scenario->left_out);
  g_free (scenario);
}

guint
_gr_scenario_n_baseline (GrProject *baseline, GrRole role)
{
  return baseline->layers[role] != NULL ? baseline->layers[role]->features->len : 0;
}

/* The index the next candidate park gets: after the baseline's parks and
 * the candidates added by the edits in force. */
guint
gr_scenario_next_candidate (const GrScenario *scenario, GrProject *baseline)
{
  guint next = _gr_scenario_n_baseline (baseline, GR_ROLE_PARK);

  for (guint i = 0; i < scenario->position; i++)
    if (((GrEdit *) g_ptr_array_index (scenario->edits, i))->kind == GR_EDIT_ADD)
      next++;
  return next;
}

/* Whether @key exists after the edits in force. */
static gboolean
key_exists (const GrScenario *scenario, GrProject *baseline, GrFeatureKey key)
{
  gboolean exists = key.index < _gr_scenario_n_baseline (baseline, key.role);

  for (guint i = 0; i < scenario->position; i++)
    {
      const GrEdit *e = g_ptr_array_index (scenario->edits, i);

      if (e->target.role != key.role || e->target.index != key.index)
        continue;
      if (e->kind == GR_EDIT_ADD)
        exists = TRUE;
      else if (e->kind == GR_EDIT_REMOVE)
        exists = FALSE;
    }
  return exists;
}

/**
 * gr_scenario_check_edit:
 *
 * Whether @edit can follow the edits in force: its feature exists (or, to
 * add, is the next candidate), its geometry is a valid polygon of the
 * analysis CRS.
 */
gboolean
gr_scenario_check_edit (const GrScenario *scenario,
                        GrProject        *baseline,
                        const GrEdit     *edit,
                        GError          **error)
{
  if (edit->target.role != GR_ROLE_PARK && edit->target.role != GR_ROLE_GREEN)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_ROLE,
                   _ ("only parks and green space can be edited"));
      return FALSE;
    }
  if (edit->kind == GR_EDIT_ADD)
    {
      if (edit->target.role != GR_ROLE_PARK
          || edit->target.index != gr_scenario_next_candidate (scenario, baseline))
        {
          g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                       _ ("a new park must be the next candidate"));
          return FALSE;
        }
    }
  else if (!key_exists (scenario, baseline, edit->target))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%s #%u does not exist in scenario “%s”"),
                   gr_role_get_label (edit->target.role), edit->target.index + 1, scenario->name);
      return FALSE;
    }
  if (gr_edit_kind_has_outline (edit->kind))
    {
      OGRwkbGeometryType type =
          edit->geometry != NULL ? wkbFlatten (OGR_G_GetGeometryType (edit->geometry)) : wkbUnknown;
      double area = edit->geometry != NULL ? OGR_G_Area (edit->geometry) : 0;

      if ((type != wkbPolygon && type != wkbMultiPolygon) || !OGR_G_IsValid (edit->geometry)
          || !(area > 0) || !isfinite (area))
        {
          g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                       _ ("the new outline is not a valid polygon with an area"));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * gr_scenario_push:
 * @edit: (transfer full): checked with gr_scenario_check_edit()
 *
 * Puts @edit in force after the position; edits that were undone are
 * dropped, as after an undo in any editor.
 */
void
gr_scenario_push (GrScenario *scenario, GrEdit *edit)
{
  g_ptr_array_set_size (scenario->edits, scenario->position);
  g_ptr_array_add (scenario->edits, edit);
  scenario->position = scenario->edits->len;
}

/* Per touched feature, what the edits in force make of it. */
GHashTable *
_gr_scenario_key_states (const GrScenario *scenario)
{
  GHashTable *states =
      g_hash_table_new_full (_gr_feature_key_hash, _gr_feature_key_equal, NULL, g_free);

  for (guint i = 0; i < scenario->position; i++)
    {
      const GrEdit *e = g_ptr_array_index (scenario->edits, i);
      KeyState     *s = g_hash_table_lookup (states, &e->target);

      if (s == NULL)
        {
          s = g_new0 (KeyState, 1);
          g_hash_table_insert (states, (gpointer) &e->target, s);
        }
      switch (e->kind)
        {
        case GR_EDIT_ADD:
          s->shape = s->label = e, s->removed = FALSE, s->candidate = TRUE;
          break;
        case GR_EDIT_RESHAPE:
        case GR_EDIT_MOVE:
          s->shape = e;
          break;
        case GR_EDIT_REMOVE:
          s->removed = TRUE;
          break;
        case GR_EDIT_RENAME:
          s->label = e;
          break;
        }
    }
  return states;
}

static GrFeature *
feature_copy (const GrFeature *f)
{
  GrFeature *copy = gr_feature_new (OGR_G_Clone (f->geometry));

  copy->name = g_strdup (f->name);
  copy->kind = g_strdup (f->kind);
  copy->origin = g_strdup (f->origin);
  copy->value = f->value;
  copy->children = f->children;
  copy->elderly = f->elderly;
  copy->historic = f->historic;
  copy->id = f->id;
  return copy;
}

static GrProject *
apply_roles (const GrScenario *scenario, GrProject *baseline, gboolean supply_only);

/**
 * gr_scenario_apply:
 *
 * Returns: (transfer full): a copy of @baseline with the edits in force
 * applied to its parks and green space; removed features are left out,
 * candidate parks come after the baseline's parks in the order added.
 */
GrProject *
gr_scenario_apply (const GrScenario *scenario, GrProject *baseline)
{
  return apply_roles (scenario, baseline, FALSE);
}

/**
 * gr_scenario_view:
 * @view: (out caller-allocates): filled with @baseline's fields, its park
 *   and green layers those of the return value
 *
 * The scenario as a project without copying what edits never touch (the
 * walk network, buildings…): @view borrows them from @baseline and the
 * edited layers from the returned project. Free only the return value,
 * after the last use of @view.
 *
 * Returns: (transfer full): the owner of @view's park and green layers
 */
GrProject *
gr_scenario_view (const GrScenario *scenario, GrProject *baseline, GrProject *view)
{
  GrProject *supply = apply_roles (scenario, baseline, TRUE);

  *view = *baseline;
  view->layers[GR_ROLE_PARK] = supply->layers[GR_ROLE_PARK];
  view->layers[GR_ROLE_GREEN] = supply->layers[GR_ROLE_GREEN];
  return supply;
}

static GrProject *
apply_roles (const GrScenario *scenario, GrProject *baseline, gboolean supply_only)
{
  g_autoptr (GHashTable) states = _gr_scenario_key_states (scenario);
  GrProject *project = gr_project_new ();
  guint      next;

  project->crs_name = g_strdup (baseline->crs_name);
  project->crs_wkt = g_strdup (baseline->crs_wkt);
  project->epsg = baseline->epsg;
  gr_service_rules_free (project->rules);
  project->rules = gr_service_rules_copy (baseline->rules);
  for (guint r = 0; r < GR_N_ROLES; r++)
    {
      GrLayer *from = baseline->layers[r];
      GrLayer *to;

      if (from == NULL || (supply_only && r != GR_ROLE_PARK && r != GR_ROLE_GREEN))
        continue;
      to = gr_project_ensure_layer (project, r);
      to->sources = g_strdup (from->sources);
      to->last_id = from->last_id;
      for (guint i = 0; i < from->features->len; i++)
        {
          GrFeatureKey key = { r, i };
          KeyState    *s = g_hash_table_lookup (states, &key);
          GrFeature   *f;

          if (s != NULL && s->removed)
            continue;
          f = feature_copy (g_ptr_array_index (from->features, i));
          if (s != NULL && s->shape != NULL)
            {
              OGR_G_DestroyGeometry (f->geometry);
              f->geometry = OGR_G_Clone (s->shape->geometry);
            }
          if (s != NULL && s->label != NULL)
            {
              g_free (f->name), f->name = g_strdup (s->label->name);
              g_free (f->kind), f->kind = g_strdup (s->label->klass);
            }
          g_ptr_array_add (to->features, f);
        }
    }
  next = gr_scenario_next_candidate (scenario, baseline);
  for (guint i = _gr_scenario_n_baseline (baseline, GR_ROLE_PARK); i < next; i++)
    {
      GrFeatureKey key = { GR_ROLE_PARK, i };
      KeyState    *s = g_hash_table_lookup (states, &key);
      GrFeature   *f;

      if (s == NULL || s->removed || s->shape == NULL)
        continue;
      f = gr_feature_new (OGR_G_Clone (s->shape->geometry));
      f->name = g_strdup (s->label != NULL ? s->label->name : NULL);
      f->kind = g_strdup (s->label != NULL ? s->label->klass : NULL);
      g_ptr_array_add (gr_project_ensure_layer (project, GR_ROLE_PARK)->features, f);
    }
  gr_project_update_extent (project);
  return project;
}

/**
 * gr_scenario_get_geometry:
 *
 * Returns: (transfer none) (nullable): @key's outline under the edits in
 * force, %NULL when it does not exist there
 */
OGRGeometryH
gr_scenario_get_geometry (const GrScenario *scenario, GrProject *baseline, GrFeatureKey key)
{
  OGRGeometryH geometry = NULL;

  if (key.index < _gr_scenario_n_baseline (baseline, key.role))
    geometry = ((GrFeature *) g_ptr_array_index (baseline->layers[key.role]->features, key.index))
                   ->geometry;
  for (guint i = 0; scenario != NULL && i < scenario->position; i++)
    {
      const GrEdit *e = g_ptr_array_index (scenario->edits, i);

      if (e->target.role != key.role || e->target.index != key.index)
        continue;
      if (gr_edit_kind_has_outline (e->kind))
        geometry = e->geometry;
      else if (e->kind == GR_EDIT_REMOVE)
        geometry = NULL;
    }
  return geometry;
}

/**
 * gr_scenario_get_touched:
 *
 * Returns: (transfer full) (element-type GrFeatureKey): every feature the
 * edits in force add, reshape or remove, each once, in the order first
 * edited
 */
GArray *
gr_scenario_get_touched (const GrScenario *scenario)
{
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (GrFeatureKey));

  for (guint i = 0; i < scenario->position; i++)
    {
      const GrEdit *e = g_ptr_array_index (scenario->edits, i);
      gboolean      seen = FALSE;

      if (e->kind == GR_EDIT_RENAME)
        continue;
      for (guint k = 0; k < keys->len && !seen; k++)
        seen = _gr_feature_key_equal (&g_array_index (keys, GrFeatureKey, k), &e->target);
      if (!seen)
        g_array_append_val (keys, e->target);
    }
  return keys;
}

/**
 * gr_scenario_get_feature_name:
 * @baseline: (nullable): the project the scenario edits
 * @before: only the edits before this one count
 *
 * Returns: (transfer none) (nullable): what @key is called after the first
 * @before edits: the latest naming by an edit, else the data's name
 */
/* The latest name (or with @klass, class) of @key by an edit before
 * @before, else the data's. */
static const char *
latest_label (const GrScenario *scenario,
              GrProject        *baseline,
              GrFeatureKey      key,
              guint             before,
              gboolean          klass)
{
  const char *label = NULL;

  if (baseline != NULL && key.index < _gr_scenario_n_baseline (baseline, key.role))
    {
      GrFeature *f = g_ptr_array_index (baseline->layers[key.role]->features, key.index);

      label = klass ? f->kind : f->name;
    }
  for (guint i = 0; scenario != NULL && i < MIN (before, scenario->edits->len); i++)
    {
      const GrEdit *e = g_ptr_array_index (scenario->edits, i);
      const char   *text = klass ? e->klass : e->name;

      if (e->target.role == key.role && e->target.index == key.index
          && (e->kind == GR_EDIT_ADD || e->kind == GR_EDIT_RENAME) && text != NULL
          && text[0] != '\0')
        label = text;
    }
  return label != NULL && label[0] != '\0' ? label : NULL;
}

const char *
gr_scenario_get_feature_name (const GrScenario *scenario,
                              GrProject        *baseline,
                              GrFeatureKey      key,
                              guint             before)
{
  return latest_label (scenario, baseline, key, before, FALSE);
}

/* Returns: (transfer none) (nullable): the class text of @key after the
 * first @before edits, as gr_scenario_get_feature_name() the name. */
const char *
gr_scenario_get_feature_class (const GrScenario *scenario,
                               GrProject        *baseline,
                               GrFeatureKey      key,
                               guint             before)
{
  return latest_label (scenario, baseline, key, before, TRUE);
}

/* "“人民公园”", or "park #12", "green space #162" for a feature without a
 * name. */
static char *
feature_phrase (const GrScenario *scenario, GrProject *baseline, GrFeatureKey key, guint before)
{
  const char *name = gr_scenario_get_feature_name (scenario, baseline, key, before);

  if (name != NULL)
    /* TRANSLATORS: a feature's name in quotes, e.g. “People's Park” */
    return g_strdup_printf (_ ("“%s”"), name);
  if (key.role == GR_ROLE_PARK)
    return g_strdup_printf (_ ("park #%u"), key.index + 1);
  return g_strdup_printf (_ ("green space #%u"), key.index + 1);
}

/**
 * gr_scenario_describe_edit:
 *
 * Returns: (transfer full): one line for the history: what edit @i does,
 * naming the feature as it was called before it
 */
char *
gr_scenario_describe_edit (const GrScenario *scenario, GrProject *baseline, guint i)
{
  const GrEdit    *e;
  g_autofree char *what = NULL;
  g_autofree char *area = NULL;

  g_return_val_if_fail (i < scenario->edits->len, NULL);
  e = g_ptr_array_index (scenario->edits, i);
  what = feature_phrase (scenario, baseline, e->target, e->kind == GR_EDIT_ADD ? i + 1 : i);
  if (e->geometry != NULL)
    area = gr_format_number (OGR_G_Area (e->geometry), 0);
  switch (e->kind)
    {
    case GR_EDIT_ADD:
      /* TRANSLATORS: "Add park “Pocket park 1” (2,500 m²)" */
      return g_strdup_printf (_ ("Add %s (%s m²)"), what, area);
    case GR_EDIT_MOVE:
      return g_strdup_printf (_ ("Move %s"), what);
    case GR_EDIT_RESHAPE:
      return g_strdup_printf (_ ("Reshape %s (%s m²)"), what, area);
    case GR_EDIT_REMOVE:
      return g_strdup_printf (_ ("Remove %s"), what);
    case GR_EDIT_RENAME:
      return g_strdup_printf (_ ("Rename %s to “%s”"), what, e->name != NULL ? e->name : "");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * gr_scenario_shift_candidates:
 * @from: the first candidate index to move
 * @by: how far: the parks added to (or, negative, taken from) the baseline
 *
 * Candidates follow the baseline's parks: when the baseline gains parks,
 * every edit of a candidate from @from on follows them.
 */
void
gr_scenario_shift_candidates (GrScenario *scenario, guint from, int by)
{
  for (guint i = 0; i < scenario->edits->len; i++)
    {
      GrEdit *e = g_ptr_array_index (scenario->edits, i);

      if (e->target.role == GR_ROLE_PARK && e->target.index >= from)
        e->target.index = (guint) ((int) e->target.index + by);
    }
}

/* Whether an edit of the history, undone ones included, changes a feature
 * of @baseline's layer of @role (not a candidate). */
gboolean
gr_scenario_edits_baseline (const GrScenario *scenario, GrProject *baseline, GrRole role)
{
  guint n = _gr_scenario_n_baseline (baseline, role);

  for (guint i = 0; i < scenario->edits->len; i++)
    {
      const GrEdit *e = g_ptr_array_index (scenario->edits, i);

      if (e->target.role == role && e->target.index < n && e->kind != GR_EDIT_ADD)
        return TRUE;
    }
  return FALSE;
}
