/* gr-reimport.c — next year's delivery into the same project
 *
 * The project's recipe is imported again, into the project's own CRS. A
 * feature of the new delivery keeps the lasting number of the feature it
 * is: the one from the same source and record with the same shape, or
 * else the one with the same name, centre and area (a delivery whose
 * records were reordered). A feature whose shape changed is a new
 * feature: the edits of the old one are left out and said, never applied
 * to it or to another. Scenarios and the project's own targets are kept.
 */
#include "config.h"

#include "gr-reimport.h"

#include "gr-recipe.h"
#include "gr-scenario-store.h"
#include "gr-targets-store.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* Equal shapes: the same to a hundredth of a m² and a centimetre. */
#define SAME_AREA_M2 0.01
#define SAME_CENTRE  0.01

typedef struct
{
  double   area, x, y;
  gboolean ok;
} Shape;

static Shape
shape_of (OGRGeometryH geometry)
{
  g_auto (OGRGeometryH) centre = OGR_G_CreateGeometry (wkbPoint);
  OGRwkbGeometryType type = wkbFlatten (OGR_G_GetGeometryType (geometry));
  Shape              shape = { 0 };

  /* A line's size is its length, a polygon's its area, a point's nothing. */
  shape.area = OGR_GT_IsCurve (type) || OGR_GT_IsSubClassOf (type, wkbMultiCurve)
                   ? OGR_G_Length (geometry)
                   : gr_geometry_area (geometry);
  shape.ok = OGR_G_Centroid (geometry, centre) == OGRERR_NONE && !OGR_G_IsEmpty (centre);
  shape.x = shape.ok ? OGR_G_GetX (centre, 0) : 0;
  shape.y = shape.ok ? OGR_G_GetY (centre, 0) : 0;
  return shape;
}

static gboolean
same_shape (const Shape *a, const Shape *b)
{
  return a->ok && b->ok && fabs (a->area - b->area) <= SAME_AREA_M2
         && hypot (a->x - b->x, a->y - b->y) <= SAME_CENTRE;
}

/* What identifies a feature without its origin: name, centre, area. */
static char *
content_key (const GrFeature *f, const Shape *s)
{
  return g_strdup_printf ("%s|%.1f|%.1f|%.0f", f->name != NULL ? f->name : "", s->x, s->y, s->area);
}

typedef struct
{
  guint            kept, changed, added, gone;
  const GrFeature *first_changed; /* for the note */
} Tally;

static void
match_layer (GrLayer *old, GrLayer *fresh, Tally *t)
{
  g_autoptr (GHashTable) by_origin = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) by_content = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) taken = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) shapes = g_array_new (FALSE, FALSE, sizeof (Shape));

  for (guint i = 0; old != NULL && i < old->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (old->features, i);
      Shape      s = shape_of (f->geometry);

      g_array_append_val (shapes, s);
      if (f->origin != NULL)
        g_hash_table_insert (by_origin, f->origin, GUINT_TO_POINTER (i + 1));
      g_hash_table_insert (by_content, content_key (f, &s), GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < fresh->features->len; i++)
    {
      GrFeature       *f = g_ptr_array_index (fresh->features, i);
      Shape            s = shape_of (f->geometry);
      g_autofree char *key = content_key (f, &s);
      guint            at =
          f->origin != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (by_origin, f->origin)) : 0;
      guint    by_key = GPOINTER_TO_UINT (g_hash_table_lookup (by_content, key));
      gboolean changed = FALSE;

      f->id = 0;
      if (at > 0 && !g_hash_table_contains (taken, GUINT_TO_POINTER (at)))
        {
          if (same_shape (&g_array_index (shapes, Shape, at - 1), &s))
            f->id = ((GrFeature *) g_ptr_array_index (old->features, at - 1))->id;
          else
            changed = TRUE;
        }
      if (f->id == 0 && by_key > 0 && !g_hash_table_contains (taken, GUINT_TO_POINTER (by_key))
          && same_shape (&g_array_index (shapes, Shape, by_key - 1), &s))
        {
          at = by_key;
          f->id = ((GrFeature *) g_ptr_array_index (old->features, at - 1))->id;
          changed = FALSE;
        }
      if (f->id > 0)
        {
          g_hash_table_add (taken, GUINT_TO_POINTER (at));
          t->kept++;
        }
      else if (changed)
        {
          /* Its old number stays unused: the edits of the old shape find
           * nothing, and are left out. */
          g_hash_table_add (taken, GUINT_TO_POINTER (at));
          t->changed++;
          if (t->first_changed == NULL)
            t->first_changed = g_ptr_array_index (old->features, at - 1);
        }
      else
        t->added++;
    }
  t->gone = (old != NULL ? old->features->len : 0) - g_hash_table_size (taken);
  gr_layer_number_features (fresh, gr_layer_get_last_id (old));
}

static void
note_layer (GPtrArray *notes, GrRole role, const Tally *t)
{
  g_autofree char *changed = NULL;

  if (t->changed == 0 && t->added == 0 && t->gone == 0)
    return;
  if (t->first_changed != NULL && t->first_changed->name != NULL && *t->first_changed->name != '\0')
    /* TRANSLATORS: “, e.g. no. 12 (“人民公园”)” after a count of changed features */
    changed = g_strdup_printf (_ (", e.g. no. %lld (“%s”)"), (long long) t->first_changed->id,
                               t->first_changed->name);
  else if (t->first_changed != NULL)
    /* TRANSLATORS: “, e.g. no. 12” after a count of changed features */
    changed = g_strdup_printf (_ (", e.g. no. %lld"), (long long) t->first_changed->id);
  g_ptr_array_add (notes,
                   /* TRANSLATORS: parks: 40 kept, 1 changed, e.g. …, 2 new, 0 gone */
                   g_strdup_printf (_ ("%s: %u kept, %u changed shape%s, %u new, %u gone"),
                                    gr_role_get_label (role), t->kept, t->changed,
                                    changed != NULL ? changed : "", t->added, t->gone));
}

static gboolean
restore_targets (const char *path, const GrTarget targets[GR_N_INDICATORS], GError **error)
{
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    if (!isnan (targets[i].value)
        && !gr_project_targets_set (path, i, targets[i].value, targets[i].strict, error))
      return FALSE;
  return TRUE;
}

static GrProject *
import_again (GrProject *old, const char *path, GCancellable *cancellable, GError **error)
{
  g_autoptr (GrRecipe) recipe = NULL;
  GrProject *fresh;

  if (old->recipe == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("%s keeps no import recipe (it was made before recipes were kept, or not by "
                      "an import): import the delivery with greenreach-cli import instead"),
                   path);
      return NULL;
    }
  if ((recipe = gr_recipe_parse (old->recipe, error)) == NULL)
    return NULL;
  recipe->options.cancellable = cancellable;
  /* Into the project's own CRS: the same places have the same numbers. */
  if (recipe->options.crs == NULL)
    recipe->options.crs = old->crs_wkt;
  fresh = gr_project_import (recipe->osm, recipe->sources->len > 0 ? recipe->sources : NULL,
                             &recipe->options, error);
  if (fresh != NULL)
    {
      g_free (fresh->recipe);
      fresh->recipe = g_strdup (old->recipe);
    }
  return fresh;
}

/**
 * gr_project_reimport:
 * @notes: (element-type utf8): what changed, layer by layer, and the
 *   scenario edits left out, for the user
 *
 * Imports the project's recipe again and writes the project at @path with
 * the new features, its scenarios and its own targets.
 *
 * Returns: (transfer full): the project as written, or %NULL with @error
 *   (and the file untouched)
 */
GrProject *
gr_project_reimport (const char *path, GCancellable *cancellable, GPtrArray *notes, GError **error)
{
  g_autoptr (GrProject) old = gr_project_load (path, error);
  g_autoptr (GrProject) fresh = NULL;
  g_autoptr (GrScenarioStore) store = NULL;
  g_autoptr (GPtrArray) scenarios = NULL;
  GrTarget targets[GR_N_INDICATORS];

  if (old == NULL || (fresh = import_again (old, path, cancellable, error)) == NULL
      || !gr_project_targets_load (path, targets, error))
    return NULL;
  if (gr_project_file_is_read_only (path))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_READ_ONLY,
                   _ ("%s: the file or its folder is read-only: nothing was written"), path);
      return NULL;
    }
  for (guint r = 0; r < GR_N_ROLES; r++)
    {
      Tally t = { 0 };

      if (fresh->layers[r] == NULL)
        {
          if (old->layers[r] != NULL)
            g_ptr_array_add (
                notes, g_strdup_printf (_ ("%s: gone from the delivery"), gr_role_get_label (r)));
          continue;
        }
      match_layer (old->layers[r], fresh->layers[r], &t);
      note_layer (notes, r, &t);
    }
  /* The scenarios read against the new features: what no longer fits is
   * left out and said. */
  store = gr_scenario_store_open (path, fresh, GR_SCENARIO_STORE_READ, error);
  scenarios = store != NULL ? gr_scenario_store_load (store, error) : NULL;
  g_clear_pointer (&store, gr_scenario_store_close);
  if (scenarios == NULL)
    return NULL;
  for (guint i = 0; i < scenarios->len; i++)
    {
      GrScenario *s = g_ptr_array_index (scenarios, i);

      for (guint k = 0; k < s->left_out->len; k++)
        g_ptr_array_add (notes, g_strdup (g_ptr_array_index (s->left_out, k)));
    }
  if (!gr_project_save_with_scenarios (fresh, path, scenarios, error)
      || !restore_targets (path, targets, error))
    return NULL;
  return g_steal_pointer (&fresh);
}

/* ---- off the caller's thread ------------------------------------------------------ */

typedef struct
{
  char      *path;
  GPtrArray *notes;
} ReimportData;

static void
reimport_data_free (gpointer data)
{
  ReimportData *r = data;

  g_free (r->path);
  g_ptr_array_unref (r->notes);
  g_free (r);
}

static void
reimport_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ReimportData *r = data;
  GError       *error = NULL;
  GrProject    *project = gr_project_reimport (r->path, cancellable, r->notes, &error);

  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, (GDestroyNotify) gr_project_free);
}

/**
 * gr_project_reimport_async:
 *
 * gr_project_reimport() in a thread; @callback runs on the caller's main
 * context and calls gr_project_reimport_finish().
 */
void
gr_project_reimport_async (const char         *path,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReimportData *r = g_new0 (ReimportData, 1);

  r->path = g_strdup (path);
  r->notes = g_ptr_array_new_with_free_func (g_free);
  g_task_set_source_tag (task, gr_project_reimport_async);
  g_task_set_task_data (task, r, reimport_data_free);
  g_task_run_in_thread (task, reimport_thread);
}

/**
 * gr_project_reimport_finish:
 * @notes: (out) (transfer full) (element-type utf8): what changed
 *
 * Returns: (transfer full): the project as written, or %NULL with @error
 */
GrProject *
gr_project_reimport_finish (GAsyncResult *result, GPtrArray **notes, GError **error)
{
  ReimportData *r = g_task_get_task_data (G_TASK (result));

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  *notes = g_ptr_array_ref (r->notes);
  return g_task_propagate_pointer (G_TASK (result), error);
}
