/* gr-scenario.c — what-if edits over the baseline, and scenarios of them */
#include "config.h"

#include "gr-scenario.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

static gint edit_serial; /* every edit made here has its own serial */

/* ---- edits -------------------------------------------------------------- */

typedef struct
{
  GrEdit edit;
  gint64 serial;
} EditBox;

static gint64
serial_of (const GrEdit *edit)
{
  return ((const EditBox *) edit)->serial;
}

/**
 * gr_edit_new:
 * @geometry: (transfer full) (nullable): analysis CRS
 */
GrEdit *
gr_edit_new (GrEditKind   kind,
             GrRole       role,
             guint        index,
             OGRGeometryH geometry)
{
  EditBox *box = g_new0 (EditBox, 1);

  box->edit.kind = kind;
  box->edit.target.role = role;
  box->edit.target.index = index;
  box->edit.geometry = geometry;
  /* Positive and unique for the first 2^31 edits of a run. */
  box->serial = (gint64) g_atomic_int_add (&edit_serial, 1) + 1;
  return &box->edit;
}

GrEdit *
gr_edit_copy (const GrEdit *edit)
{
  GrEdit *copy = gr_edit_new (edit->kind, edit->target.role, edit->target.index,
                              edit->geometry != NULL ? OGR_G_Clone (edit->geometry) : NULL);

  copy->name = g_strdup (edit->name);
  copy->klass = g_strdup (edit->klass);
  return copy;
}

void
gr_edit_free (GrEdit *edit)
{
  if (edit == NULL)
    return;
  if (edit->geometry != NULL)
    OGR_G_DestroyGeometry (edit->geometry);
  g_free (edit->name);
  g_free (edit->klass);
  g_free ((EditBox *) edit);
}

static const char *const kind_names[] = { "add", "reshape", "remove", "rename" };

const char *
gr_edit_kind_to_string (GrEditKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
gr_edit_kind_from_string (const char *text,
                          GrEditKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* One line for the history list. */
char *
gr_edit_describe (const GrEdit *edit)
{
  const char *what = gr_role_get_label (edit->target.role);
  double area = edit->geometry != NULL ? OGR_G_Area (edit->geometry) : 0;

  switch (edit->kind)
    {
    case GR_EDIT_ADD:
      return g_strdup_printf (_("Add park “%s” (%.0f m²)"), edit->name != NULL ? edit->name : "", area);
    case GR_EDIT_RESHAPE:
      return g_strdup_printf (_("Reshape %s #%u (%.0f m²)"), what, edit->target.index + 1, area);
    case GR_EDIT_REMOVE:
      return g_strdup_printf (_("Remove %s #%u"), what, edit->target.index + 1);
    case GR_EDIT_RENAME:
      return g_strdup_printf (_("Rename %s #%u to “%s”"), what, edit->target.index + 1,
                              edit->name != NULL ? edit->name : "");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- scenarios ------------------------------------------------------------ */

GrScenario *
gr_scenario_new (const char *name)
{
  GrScenario *scenario = g_new0 (GrScenario, 1);

  scenario->name = g_strdup (name);
  scenario->edits = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_edit_free);
  return scenario;
}

/* A copy under another name, history and position included; not stored. */
GrScenario *
gr_scenario_copy (const GrScenario *scenario,
                  const char       *name)
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
  g_ptr_array_unref (scenario->edits);
  g_free (scenario);
}

static guint
n_baseline (GrProject *baseline, GrRole role)
{
  return baseline->layers[role] != NULL ? baseline->layers[role]->features->len : 0;
}

/* The index the next candidate park gets: after the baseline's parks and
 * the candidates added by the edits in force. */
guint
gr_scenario_next_candidate (const GrScenario *scenario,
                            GrProject        *baseline)
{
  guint next = n_baseline (baseline, GR_ROLE_PARK);

  for (guint i = 0; i < scenario->position; i++)
    if (((GrEdit *) g_ptr_array_index (scenario->edits, i))->kind == GR_EDIT_ADD)
      next++;
  return next;
}

/* Whether @key exists after the edits in force. */
static gboolean
key_exists (const GrScenario *scenario, GrProject *baseline, GrFeatureKey key)
{
  gboolean exists = key.index < n_baseline (baseline, key.role);

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
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_ROLE, _("only parks and green space can be edited"));
      return FALSE;
    }
  if (edit->kind == GR_EDIT_ADD)
    {
      if (edit->target.role != GR_ROLE_PARK || edit->target.index != gr_scenario_next_candidate (scenario, baseline))
        {
          g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID, _("a new park must be the next candidate"));
          return FALSE;
        }
    }
  else if (!key_exists (scenario, baseline, edit->target))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID, _("%s #%u does not exist in scenario “%s”"),
                   gr_role_get_label (edit->target.role), edit->target.index + 1, scenario->name);
      return FALSE;
    }
  if (edit->kind == GR_EDIT_ADD || edit->kind == GR_EDIT_RESHAPE)
    {
      OGRwkbGeometryType type = edit->geometry != NULL ? wkbFlatten (OGR_G_GetGeometryType (edit->geometry))
                                                       : wkbUnknown;
      double area = edit->geometry != NULL ? OGR_G_Area (edit->geometry) : 0;

      if ((type != wkbPolygon && type != wkbMultiPolygon) || !OGR_G_IsValid (edit->geometry) || !(area > 0)
          || !isfinite (area))
        {
          g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                       _("the new outline is not a valid polygon with an area"));
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
gr_scenario_push (GrScenario *scenario,
                  GrEdit     *edit)
{
  g_ptr_array_set_size (scenario->edits, scenario->position);
  g_ptr_array_add (scenario->edits, edit);
  scenario->position = scenario->edits->len;
}

typedef struct
{
  const GrEdit *shape; /* the edit that gave the outline; NULL: the baseline's */
  const GrEdit *label; /* the edit that gave name and class */
  gboolean      removed;
  gboolean      candidate;
} KeyState;

static guint
key_hash (gconstpointer key)
{
  const GrFeatureKey *k = key;
  return k->role * 2654435761u ^ k->index;
}

static gboolean
key_equal (gconstpointer a, gconstpointer b)
{
  const GrFeatureKey *x = a, *y = b;
  return x->role == y->role && x->index == y->index;
}

/* Per touched feature, what the edits in force make of it. */
static GHashTable *
key_states (const GrScenario *scenario)
{
  GHashTable *states = g_hash_table_new_full (key_hash, key_equal, NULL, g_free);

  for (guint i = 0; i < scenario->position; i++)
    {
      const GrEdit *e = g_ptr_array_index (scenario->edits, i);
      KeyState *s = g_hash_table_lookup (states, &e->target);

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
  copy->value = f->value;
  copy->historic = f->historic;
  return copy;
}

static GrProject *apply_roles (const GrScenario *scenario, GrProject *baseline, gboolean supply_only);

/**
 * gr_scenario_apply:
 *
 * Returns: (transfer full): a copy of @baseline with the edits in force
 * applied to its parks and green space; removed features are left out,
 * candidate parks come after the baseline's parks in the order added.
 */
GrProject *
gr_scenario_apply (const GrScenario *scenario,
                   GrProject        *baseline)
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
gr_scenario_view (const GrScenario *scenario,
                  GrProject        *baseline,
                  GrProject        *view)
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
  g_autoptr (GHashTable) states = key_states (scenario);
  GrProject *project = gr_project_new ();
  guint next;

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
      for (guint i = 0; i < from->features->len; i++)
        {
          GrFeatureKey key = { r, i };
          KeyState *s = g_hash_table_lookup (states, &key);
          GrFeature *f;

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
  for (guint i = n_baseline (baseline, GR_ROLE_PARK); i < next; i++)
    {
      GrFeatureKey key = { GR_ROLE_PARK, i };
      KeyState *s = g_hash_table_lookup (states, &key);
      GrFeature *f;

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
 * gr_pocket_park_new:
 * @area_m2: the park's area: the square's side or the circle's radius
 *   follows from it
 *
 * Returns: (transfer full): a square or a circle (64 sides) centred on
 * (@x, @y), analysis CRS
 */
OGRGeometryH
gr_pocket_park_new (double   x,
                    double   y,
                    double   area_m2,
                    gboolean circle)
{
  OGRGeometryH ring = OGR_G_CreateGeometry (wkbLinearRing);
  OGRGeometryH polygon = OGR_G_CreateGeometry (wkbPolygon);
  guint n = circle ? 64 : 4;
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

/**
 * gr_scenario_get_geometry:
 *
 * Returns: (transfer none) (nullable): @key's outline under the edits in
 * force, %NULL when it does not exist there
 */
OGRGeometryH
gr_scenario_get_geometry (const GrScenario *scenario,
                          GrProject        *baseline,
                          GrFeatureKey      key)
{
  OGRGeometryH geometry = NULL;

  if (key.index < n_baseline (baseline, key.role))
    geometry = ((GrFeature *) g_ptr_array_index (baseline->layers[key.role]->features, key.index))->geometry;
  for (guint i = 0; scenario != NULL && i < scenario->position; i++)
    {
      const GrEdit *e = g_ptr_array_index (scenario->edits, i);

      if (e->target.role != key.role || e->target.index != key.index)
        continue;
      if (e->kind == GR_EDIT_ADD || e->kind == GR_EDIT_RESHAPE)
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
      gboolean seen = FALSE;

      if (e->kind == GR_EDIT_RENAME)
        continue;
      for (guint k = 0; k < keys->len && !seen; k++)
        seen = key_equal (&g_array_index (keys, GrFeatureKey, k), &e->target);
      if (!seen)
        g_array_append_val (keys, e->target);
    }
  return keys;
}

/**
 * gr_candidate_flags:
 * @geometry: a proposed park, analysis CRS
 *
 * The checks the two cities' plans put on new green projects (STANDARDS.md
 * §6–7): ≥ 5,000 m² needs expert review of the design, ≥ 100,000 m² public
 * disclosure for 15 days; a pocket park is 400–10,000 m² (MOHURD
 * guideline); a park should not cover buildings or water.
 */
GrCandidateFlags
gr_candidate_flags (GrProject    *baseline,
                    OGRGeometryH  geometry)
{
  static const GrRole blocking[] = { GR_ROLE_BUILDINGS, GR_ROLE_WATER };
  GrCandidateFlags flags = 0;
  double area = OGR_G_Area (geometry);
  OGREnvelope env;

  if (area >= 5000)
    flags |= GR_FLAG_EXPERT_REVIEW;
  if (area >= 100000)
    flags |= GR_FLAG_PUBLIC_DISCLOSURE;
  if (area < 400 || area > 10000)
    flags |= GR_FLAG_NOT_POCKET_PARK;
  OGR_G_GetEnvelope (geometry, &env);
  for (guint r = 0; r < G_N_ELEMENTS (blocking); r++)
    {
      GrLayer *layer = baseline->layers[blocking[r]];

      for (guint i = 0; layer != NULL && i < layer->features->len; i++)
        {
          GrFeature *f = g_ptr_array_index (layer->features, i);
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
                  flags |= blocking[r] == GR_ROLE_BUILDINGS ? GR_FLAG_OVER_BUILDINGS : GR_FLAG_OVER_WATER;
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
    g_string_append_printf (text, "%s\n", _("≥ 100,000 m²: public disclosure for 15 days"));
  else if (flags & GR_FLAG_EXPERT_REVIEW)
    g_string_append_printf (text, "%s\n", _("≥ 5,000 m²: expert review of the design"));
  if (flags & GR_FLAG_NOT_POCKET_PARK)
    g_string_append_printf (text, "%s\n", _("not a pocket park: outside 400–10,000 m²"));
  if (flags & GR_FLAG_OVER_BUILDINGS)
    g_string_append_printf (text, "%s\n", _("covers buildings"));
  if (flags & GR_FLAG_OVER_WATER)
    g_string_append_printf (text, "%s\n", _("covers water"));
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
  g_autoptr (GPtrArray) taken = g_ptr_array_new_with_free_func ((GDestroyNotify) OGR_G_DestroyGeometry);
  g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func ((GDestroyNotify) OGR_G_DestroyGeometry);

  memset (balance, 0, sizeof *balance);
  for (guint i = 0; i < touched->len; i++)
    {
      GrFeatureKey k = g_array_index (touched, GrFeatureKey, i);
      OGRGeometryH now = gr_scenario_get_geometry (scenario, baseline, k);
      OGRGeometryH before = k.index < n_baseline (baseline, k.role)
                              ? ((GrFeature *) g_ptr_array_index (baseline->layers[k.role]->features, k.index))->geometry
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
      double area = OGR_G_Area (g);

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

/* ---- live editing ----------------------------------------------------------- */

typedef struct
{
  guint    supply;  /* analysis supply id; 0 when not entered */
  gint64   serial;  /* the edit whose outline is entered; 0 baseline, -1 a preview */
  gboolean known;   /* bounds set: else the baseline outline is entered */
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
gr_editor_new (GrProject  *baseline,
               GrAnalysis *analysis,
               GArray     *supply_refs)
{
  GrEditor *editor = g_new0 (GrEditor, 1);

  editor->baseline = baseline;
  editor->analysis = analysis;
  editor->applied = g_hash_table_new_full (key_hash, key_equal, g_free, g_free);
  for (guint id = 1; id <= supply_refs->len; id++)
    {
      const GrSupplyRef *ref = &g_array_index (supply_refs, GrSupplyRef, id - 1);
      Applied *a = g_new0 (Applied, 1);

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
    envelope (key.index < n_baseline (editor->baseline, key.role)
                ? ((GrFeature *) g_ptr_array_index (editor->baseline->layers[key.role]->features, key.index))->geometry
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
gr_editor_sync (GrEditor         *editor,
                const GrScenario *scenario,
                double            changed[4])
{
  g_autoptr (GHashTable) states = key_states (scenario);
  GHashTableIter iter;
  gpointer key, value;
  double box[4];

  gr_bounds_clear (box);
  /* Features edited before but not by this scenario go back to the baseline. */
  g_hash_table_iter_init (&iter, editor->applied);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GrFeatureKey *k = key;
      Applied *a = value;
      gboolean baseline = k->index < n_baseline (editor->baseline, k->role);

      if (a->serial == 0 || g_hash_table_contains (states, k))
        continue;
      if (baseline)
        enter (editor, *k, ((GrFeature *) g_ptr_array_index (editor->baseline->layers[k->role]->features,
                                                             k->index))->geometry, 0, box);
      else
        enter (editor, *k, NULL, 0, box);
    }
  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GrFeatureKey *k = key;
      KeyState *s = value;
      Applied *a = g_hash_table_lookup (editor->applied, k);
      gint64 want = s->removed ? G_MAXINT64 : s->shape != NULL ? serial_of (s->shape) : 0;
      gint64 have = a == NULL ? (k->index < n_baseline (editor->baseline, k->role) ? 0 : G_MAXINT64)
                              : a->supply == 0 ? G_MAXINT64 : a->serial;

      if (want == have)
        continue;
      if (s->removed)
        enter (editor, *k, NULL, G_MAXINT64, box);
      else if (s->shape != NULL)
        enter (editor, *k, s->shape->geometry, serial_of (s->shape), box);
      else
        enter (editor, *k, ((GrFeature *) g_ptr_array_index (editor->baseline->layers[k->role]->features,
                                                             k->index))->geometry, 0, box);
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
gr_editor_preview (GrEditor     *editor,
                   GrFeatureKey  key,
                   OGRGeometryH  geometry,
                   double        changed[4])
{
  double box[4];

  gr_bounds_clear (box);
  enter (editor, key, geometry, -1, box);
  if (changed != NULL)
    memcpy (changed, box, sizeof box);
}
