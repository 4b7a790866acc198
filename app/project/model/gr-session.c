/* gr-session.c — what the window has open */
#include "config.h"

#include "gr-session.h"

#include "gr-import.h"
#include "gr-model-private.h"
#include "gr-pg.h"
#include "gr-population.h"
#include "gr-prepared-import.h"
#include "gr-recipe.h"

#include <math.h>

struct _GrSession
{
  char       *path;    /* NULL for layers imported on their own */
  GPtrArray  *sources; /* GrSource: layers imported over the file */
  GrProject  *project;
  GrDisplay  *display;
  GrAnalysis *analysis;
  GPtrArray  *shapes[GR_N_ROLES]; /* GrPolygon or NULL, analysis CRS, by feature */
};

static GPtrArray *
area_shapes (GrLayer *layer)
{
  GPtrArray *shapes = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_polygon_free);

  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    g_ptr_array_add (shapes, gr_polygon_new_from_ogr (
                                 ((GrFeature *) g_ptr_array_index (layer->features, i))->geometry));
  return shapes;
}

/* The layers of @from take the place of @into's layers of the same role,
 * or, where @add says so, follow their features. */
static void
take_layers (GrProject *into, GrProject *from, const gboolean add[GR_N_ROLES])
{
  for (guint r = 0; r < GR_N_ROLES; r++)
    {
      GrLayer *layer = from->layers[r];

      if (layer == NULL)
        continue;
      if (into->layers[r] != NULL)
        {
          /* Numbered after the features they follow or replace: an edit
           * of a replaced feature finds no other in its place. */
          gint64 last = gr_layer_get_last_id (into->layers[r]);

          if (!add[r])
            g_ptr_array_set_size (into->layers[r]->features, 0);
          g_ptr_array_extend_and_steal (into->layers[r]->features,
                                        g_steal_pointer (&layer->features));
          gr_layer_number_features (into->layers[r], last);
          if (add[r] && into->layers[r]->sources != NULL && layer->sources != NULL)
            {
              char *both = g_strjoin ("; ", into->layers[r]->sources, layer->sources, NULL);

              g_free (into->layers[r]->sources);
              into->layers[r]->sources = both;
            }
          else if (!add[r] || layer->sources != NULL)
            {
              g_free (into->layers[r]->sources);
              into->layers[r]->sources = g_steal_pointer (&layer->sources);
            }
        }
      else
        {
          into->layers[r] = layer;
          from->layers[r] = NULL;
        }
    }
  {
    char *recipe = gr_recipe_merge (into->recipe, from->recipe, add);

    g_free (into->recipe);
    into->recipe = recipe;
  }
  into->repaired += from->repaired;
  for (guint i = 0; i < from->warnings->len; i++)
    g_ptr_array_add (into->warnings, g_strdup (g_ptr_array_index (from->warnings, i)));
  gr_project_update_extent (into);
}

/* After layers are imported over a project: residents given by them keep
 * their method; residents estimated from buildings are estimated again
 * when the homes or the buildings changed (an estimate over the old
 * residential land would be stale), or for the first time. */
static void
follow_residents (GrProject *project, const char *given, gboolean homes_changed)
{
  if (given != NULL)
    {
      g_free (project->population_method);
      project->population_method = g_strdup (given);
      return;
    }
  if (!homes_changed)
    return;
  if (gr_population_is_estimate (project))
    {
      g_clear_pointer (&project->layers[GR_ROLE_POPULATION], _gr_layer_free);
      g_clear_pointer (&project->population_method, g_free);
    }
  gr_population_estimate_from_buildings (project, NULL);
}

static GrProject *
read_project (const char *path, GPtrArray *sources, GCancellable *cancellable, GError **error)
{
  GrImportOptions options = { .cancellable = cancellable };
  g_autoptr (GrProject) project = NULL;
  g_autoptr (GrProject) layers = NULL;
  g_autofree char *given = NULL;
  g_autofree char *shown = NULL; /* @path without a password */
  gboolean         add[GR_N_ROLES] = { FALSE };
  gboolean         homes_changed;

  if (path == NULL)
    return gr_project_import (NULL, sources, &options, error);
  if (!gr_path_is_osm (path))
    project = gr_project_load (path, error);
  /* The bundled sample was imported when the program was built. */
  else if ((project = gr_prepared_import_load (path, &options)) == NULL)
    project = gr_project_import (path, NULL, &options, error);
  if (project == NULL)
    return NULL;
  if (sources == NULL || sources->len == 0)
    return g_steal_pointer (&project);
  /* Imported straight into the project's own CRS. A role's sources add to
   * the file's layer when the first of them says so. */
  options.crs = project->crs_wkt;
  options.near_extent = project->extent;
  options.near_name = shown = gr_pg_redact_connection (path);
  /* Residents from buildings are estimated once the layers are merged. */
  options.no_estimate = TRUE;
  if ((layers = gr_project_import (NULL, sources, &options, error)) == NULL)
    return NULL;
  for (guint i = sources->len; i-- > 0;)
    {
      const GrSource *source = g_ptr_array_index (sources, i);
      add[source->role] = source->add;
    }
  homes_changed =
      layers->layers[GR_ROLE_RESIDENTIAL] != NULL || layers->layers[GR_ROLE_BUILDINGS] != NULL;
  given = layers->layers[GR_ROLE_POPULATION] != NULL ? g_strdup (layers->population_method) : NULL;
  take_layers (project, layers, add);
  follow_residents (project, given, homes_changed);
  return g_steal_pointer (&project);
}

/**
 * gr_session_open:
 * @path: (nullable): a project (.gpkg) or an OSM extract; %NULL when
 *   @sources are the whole project
 * @sources: (nullable) (element-type GrSource): layers imported over it,
 *   each replacing the layer of its role or, with source->add, adding to
 *   it; copied
 *
 * Reads (or imports) and prepares the display geometry. Blocking: see
 * gr_session_open_async().
 */
GrSession *
gr_session_open (const char *path, GPtrArray *sources, GCancellable *cancellable, GError **error)
{
  g_autoptr (GrSession) session = g_new0 (GrSession, 1);

  g_return_val_if_fail (path != NULL || (sources != NULL && sources->len > 0), NULL);
  session->path = g_strdup (path);
  session->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    g_ptr_array_add (session->sources, gr_source_copy (g_ptr_array_index (sources, i)));
  session->project = read_project (path, sources, cancellable, error);
  if (session->project == NULL)
    return NULL;
  session->display = gr_display_new (session->project, error);
  if (session->display == NULL)
    return NULL;
  for (guint r = 0; r < GR_N_ROLES; r++)
    if (gr_role_get_shape (r) != GR_SHAPE_LINE && gr_role_get_shape (r) != GR_SHAPE_POINT)
      session->shapes[r] = area_shapes (session->project->layers[r]);
  return g_steal_pointer (&session);
}

typedef struct
{
  char      *path;
  GPtrArray *sources;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *open = data;

  g_free (open->path);
  g_clear_pointer (&open->sources, g_ptr_array_unref);
  g_free (open);
}

static void
open_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  OpenData  *open = data;
  GError    *error = NULL;
  GrSession *session = gr_session_open (open->path, open->sources, cancellable, &error);

  if (session == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, session, (GDestroyNotify) gr_session_free);
}

/**
 * gr_session_open_async:
 * @path: (nullable): as for gr_session_open()
 * @sources: (nullable) (element-type GrSource): copied
 *
 * gr_session_open() in a thread. The task owns copies of everything it
 * reads, so a cancelled open returns at once and its thread's late result
 * is dropped.
 */
void
gr_session_open_async (const char         *path,
                       GPtrArray          *sources,
                       GCancellable       *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  OpenData *open;

  g_return_if_fail (path != NULL || (sources != NULL && sources->len > 0));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  open = g_new0 (OpenData, 1);
  open->path = g_strdup (path);
  open->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    g_ptr_array_add (open->sources, gr_source_copy (g_ptr_array_index (sources, i)));
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gr_session_open_async);
  g_task_set_task_data (task, open, open_data_free);
  /* Already cancelled: no thread. (GLib 2.74 would also start none, but
   * loses the error it records for it.) */
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, open_thread);
}

/**
 * gr_session_open_finish:
 *
 * Returns: (transfer full): the session, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when it was cancelled)
 */
GrSession *
gr_session_open_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, gr_session_open_async), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* After the project was saved to @path: that file is the session's now,
 * layers imported over the old one included. */
void
gr_session_set_path (GrSession *session, const char *path)
{
  g_free (session->path);
  session->path = g_strdup (path);
  g_ptr_array_set_size (session->sources, 0);
}

/* A feature's area in the analysis CRS, or %NULL for lines and points. */
const GrPolygon *
gr_session_get_shape (GrSession *session, GrRole role, guint index)
{
  g_return_val_if_fail (role < GR_N_ROLES, NULL);
  if (session->shapes[role] == NULL || index >= session->shapes[role]->len)
    return NULL;
  return g_ptr_array_index (session->shapes[role], index);
}

/* The layers imported over the session's file, in order. */
GPtrArray *
gr_session_get_sources (GrSession *session)
{
  return session->sources;
}

void
gr_session_free (GrSession *session)
{
  if (session == NULL)
    return;
  g_free (session->path);
  g_clear_pointer (&session->sources, g_ptr_array_unref);
  for (guint r = 0; r < GR_N_ROLES; r++)
    g_clear_pointer (&session->shapes[r], g_ptr_array_unref);
  gr_analysis_free (session->analysis);
  gr_display_free (session->display);
  gr_project_free (session->project);
  g_free (session);
}

/**
 * gr_session_set_analysis:
 * @analysis: (transfer full): built from this session's project, perhaps on
 *   another thread; the previous analysis is freed
 */
void
gr_session_set_analysis (GrSession *session, GrAnalysis *analysis)
{
  if (session->analysis == analysis)
    return;
  gr_analysis_free (session->analysis);
  session->analysis = analysis;
}

/**
 * gr_session_steal_analysis:
 *
 * Returns: (transfer full) (nullable): the session's analysis, which the
 * session lets go of (to keep it aside, e.g. for the other distance mode)
 */
GrAnalysis *
gr_session_steal_analysis (GrSession *session)
{
  return g_steal_pointer (&session->analysis);
}

GrProject *
gr_session_get_project (GrSession *session)
{
  return session->project;
}

GrDisplay *
gr_session_get_display (GrSession *session)
{
  return session->display;
}

GrAnalysis *
gr_session_get_analysis (GrSession *session)
{
  return session->analysis;
}

const char *
gr_session_get_path (GrSession *session)
{
  return session->path;
}

/* The distance from (x, y) to a box, 0 inside it. */
static double
box_distance (const double b[4], double x, double y)
{
  double dx = MAX (MAX (b[0] - x, 0), x - b[2]);
  double dy = MAX (MAX (b[1] - y, 0), y - b[3]);

  return sqrt (dx * dx + dy * dy);
}

/**
 * gr_session_nearest:
 * @role: an area role
 * @index: (out) (optional): the nearest feature, in the role's layer
 *
 * Returns: the straight-line distance in metres from (@x, @y), analysis
 *   CRS, to the nearest feature of @role (0 inside one); INFINITY if none
 */
double
gr_session_nearest (GrSession *session, GrRole role, double x, double y, guint *index)
{
  return gr_session_nearest_of_size (session, role, x, y, 0, index);
}

/**
 * gr_session_nearest_of_size:
 * @min_area: m²: smaller features are passed over
 *
 * gr_session_nearest() among the features of @min_area or more: the park
 * a 500 m rule counts, say.
 */
double
gr_session_nearest_of_size (GrSession *session,
                            GrRole     role,
                            double     x,
                            double     y,
                            double     min_area,
                            guint     *index)
{
  GPtrArray *shapes = session->shapes[role];
  double     best = INFINITY;

  for (guint i = 0; shapes != NULL && i < shapes->len; i++)
    {
      GrPolygon *shape = g_ptr_array_index (shapes, i);
      double     b[4], d;

      if (shape == NULL)
        continue;
      gr_polygon_bounds (shape, b);
      if (box_distance (b, x, y) >= best || (min_area > 0 && gr_polygon_area (shape) < min_area))
        continue;
      d = gr_polygon_distance (shape, x, y);
      if (d < best)
        {
          best = d;
          if (index != NULL)
            *index = i;
        }
    }
  return best;
}
