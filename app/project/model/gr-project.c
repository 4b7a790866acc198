/* gr-project.c — a city's layers in one analysis CRS */
#include "config.h"

#include "gr-project.h"

#include "gr-code-table.h"

#include "gr-model-private.h"

G_DEFINE_QUARK (gr - project - error - quark, gr_project_error)

GrProject *
gr_project_new (void)
{
  GrProject *project = g_new0 (GrProject, 1);

  project->rules = gr_service_rules_new_default ();
  project->warnings = g_ptr_array_new_with_free_func (g_free);
  project->landuse = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_landuse_report_free);
  gr_bounds_clear (project->extent);
  return project;
}

void
gr_project_free (GrProject *project)
{
  if (project == NULL)
    return;
  for (guint i = 0; i < GR_N_ROLES; i++)
    _gr_layer_free (project->layers[i]);
  gr_service_rules_free (project->rules);
  g_ptr_array_unref (project->warnings);
  g_ptr_array_unref (project->landuse);
  g_free (project->population_method);
  g_free (project->recipe);
  g_free (project->revision);
  g_free (project->crs_name);
  g_free (project->crs_wkt);
  g_free (project);
}

GrLayer *
gr_project_ensure_layer (GrProject *project, GrRole role)
{
  g_return_val_if_fail (role < GR_N_ROLES, NULL);

  if (project->layers[role] == NULL)
    {
      GrLayer *layer = g_new0 (GrLayer, 1);

      layer->role = role;
      layer->features = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_feature_free);
      project->layers[role] = layer;
    }
  return project->layers[role];
}

void
gr_project_update_extent (GrProject *project)
{
  gr_bounds_clear (project->extent);
  for (guint r = 0; r < GR_N_ROLES; r++)
    {
      double bounds[4];

      gr_layer_get_bounds (project->layers[r], bounds);
      gr_bounds_union (project->extent, bounds);
    }
}
