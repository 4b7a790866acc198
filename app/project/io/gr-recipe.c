/* gr-recipe.c — how an import was made, as a key file in the project
 *
 *   [import]
 *   osm=/data/city.osm.pbf
 *   source-crs=EPSG:4527
 *   code-table=guide-2023
 *   [source 1]
 *   role=landuse
 *   path=/data/用地现状.shp
 *
 * Paths are kept absolute, so the project finds its sources from
 * wherever it is opened.
 */
#include "config.h"

#include "gr-recipe.h"

#include "gr-pg.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#define IMPORT "import"

static void
set_string (GKeyFile *kf, const char *key, const char *value)
{
  if (value != NULL)
    g_key_file_set_string (kf, IMPORT, key, value);
}

static void
set_path (GKeyFile *kf, const char *group, const char *key, const char *path)
{
  g_autofree char *absolute = NULL;

  if (path == NULL)
    return;
  /* A connection string (PG:…) is kept without its password (the next
   * import finds it where libpq looks: PGPASSFILE, ~/.pgpass, PGSERVICE);
   * a GDAL virtual path as given. */
  if (gr_pg_is_connection (path))
    absolute = gr_pg_redact_connection (path);
  else if (g_str_has_prefix (path, "/vsi"))
    absolute = g_strdup (path);
  else
    absolute = g_canonicalize_filename (path, NULL);
  g_key_file_set_string (kf, group, key, absolute);
}

/**
 * gr_recipe_to_text:
 *
 * Returns: (transfer full): the recipe of an import of @osm and @sources
 *   with @options, for GrProject.recipe
 */
char *
gr_recipe_to_text (const char *osm, GPtrArray *sources, const GrImportOptions *options)
{
  static const GrImportOptions none = { 0 };
  const GrImportOptions       *o = options != NULL ? options : &none;
  g_autoptr (GKeyFile) kf = g_key_file_new ();

  set_path (kf, IMPORT, "osm", osm);
  set_string (kf, "crs", o->crs);
  set_string (kf, "source-crs", o->source_crs);
  set_string (kf, "encoding", o->encoding);
  set_string (kf, "population-field", o->population_field);
  set_string (kf, "zone-field", o->zone_field);
  set_path (kf, IMPORT, "population-table", o->population_table);
  set_string (kf, "population-join", o->population_join);
  set_string (kf, "code-field", o->code_field);
  /* A table file by its path, a built-in one by its id. */
  if (o->code_table != NULL && g_file_test (o->code_table, G_FILE_TEST_EXISTS))
    set_path (kf, IMPORT, "code-table", o->code_table);
  else
    set_string (kf, "code-table", o->code_table);
  if (o->code_roles != NULL)
    g_key_file_set_string_list (kf, IMPORT, "code-roles", o->code_roles,
                                g_strv_length ((char **) o->code_roles));
  if (o->strict)
    g_key_file_set_boolean (kf, IMPORT, "strict", TRUE);
  if (o->floor_area_per_resident > 0)
    g_key_file_set_double (kf, IMPORT, "floor-area-per-resident", o->floor_area_per_resident);
  if (o->default_storeys > 0)
    g_key_file_set_double (kf, IMPORT, "default-storeys", o->default_storeys);
  if (o->no_estimate)
    g_key_file_set_boolean (kf, IMPORT, "no-population-estimate", TRUE);
  if (o->all_cycleways)
    g_key_file_set_string (kf, IMPORT, "greenways", "cycleways");
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const GrSource  *source = g_ptr_array_index (sources, i);
      g_autofree char *group = g_strdup_printf ("source %u", i + 1);

      g_key_file_set_string (kf, group, "role",
                             source->landuse ? "landuse" : gr_role_to_string (source->role));
      set_path (kf, group, "path", source->path);
      if (source->layer != NULL)
        g_key_file_set_string (kf, group, "layer", source->layer);
      if (source->add)
        g_key_file_set_boolean (kf, group, "add", TRUE);
      if (source->crs != NULL)
        g_key_file_set_string (kf, group, "crs", source->crs);
    }
  return g_key_file_to_data (kf, NULL, NULL);
}

void
gr_recipe_free (GrRecipe *recipe)
{
  if (recipe == NULL)
    return;
  g_free (recipe->osm);
  g_clear_pointer (&recipe->sources, g_ptr_array_unref);
  g_clear_pointer (&recipe->strings, g_ptr_array_unref);
  g_strfreev (recipe->code_roles);
  g_free (recipe);
}

/* A string of the [import] group, kept by the recipe; NULL when absent. */
static const char *
get_string (GrRecipe *recipe, GKeyFile *kf, const char *key)
{
  char *value = g_key_file_get_string (kf, IMPORT, key, NULL);

  if (value != NULL)
    g_ptr_array_add (recipe->strings, value);
  return value;
}

static double
get_double (GKeyFile *kf, const char *key)
{
  g_autoptr (GError) error = NULL;
  double value = g_key_file_get_double (kf, IMPORT, key, &error);

  return error == NULL && isfinite (value) ? value : 0;
}

static gboolean
read_sources (GrRecipe *recipe, GKeyFile *kf, GError **error)
{
  for (guint i = 1;; i++)
    {
      g_autofree char *group = g_strdup_printf ("source %u", i);
      g_autofree char *role = g_key_file_get_string (kf, group, "role", NULL);
      g_autofree char *path = g_key_file_get_string (kf, group, "path", NULL);
      g_autofree char *layer = g_key_file_get_string (kf, group, "layer", NULL);
      g_autofree char *spec = NULL;
      GrSource        *source;

      if (!g_key_file_has_group (kf, group))
        return TRUE;
      if (role == NULL || path == NULL)
        {
          g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                       _ ("the project's import recipe is damaged: [%s] has no role or path"),
                       group);
          return FALSE;
        }
      spec = g_strconcat (role, "=", path, NULL);
      if ((source = gr_source_parse (spec, error)) == NULL)
        return FALSE;
      /* The layer as kept, not split from the path again. */
      g_free (source->layer);
      source->layer = g_steal_pointer (&layer);
      gr_source_set_path (source, path);
      source->add = g_key_file_get_boolean (kf, group, "add", NULL);
      source->crs = g_key_file_get_string (kf, group, "crs", NULL);
      g_ptr_array_add (recipe->sources, source);
    }
}

/**
 * gr_recipe_parse:
 *
 * Returns: (transfer full): the import @text describes
 */
GrRecipe *
gr_recipe_parse (const char *text, GError **error)
{
  g_autoptr (GrRecipe) recipe = g_new0 (GrRecipe, 1);
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (GError) local = NULL;
  GrImportOptions *o = &recipe->options;

  recipe->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  recipe->strings = g_ptr_array_new_with_free_func (g_free);
  if (!g_key_file_load_from_data (kf, text, -1, G_KEY_FILE_NONE, &local))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("the project's import recipe is damaged: %s"), local->message);
      return NULL;
    }
  recipe->osm = g_key_file_get_string (kf, IMPORT, "osm", NULL);
  o->crs = get_string (recipe, kf, "crs");
  o->source_crs = get_string (recipe, kf, "source-crs");
  o->encoding = get_string (recipe, kf, "encoding");
  o->population_field = get_string (recipe, kf, "population-field");
  o->zone_field = get_string (recipe, kf, "zone-field");
  o->population_table = get_string (recipe, kf, "population-table");
  o->population_join = get_string (recipe, kf, "population-join");
  o->code_field = get_string (recipe, kf, "code-field");
  o->code_table = get_string (recipe, kf, "code-table");
  recipe->code_roles = g_key_file_get_string_list (kf, IMPORT, "code-roles", NULL, NULL);
  o->code_roles = (const char *const *) recipe->code_roles;
  o->strict = g_key_file_get_boolean (kf, IMPORT, "strict", NULL);
  o->floor_area_per_resident = get_double (kf, "floor-area-per-resident");
  o->default_storeys = get_double (kf, "default-storeys");
  o->no_estimate = g_key_file_get_boolean (kf, IMPORT, "no-population-estimate", NULL);
  o->all_cycleways = g_strcmp0 (get_string (recipe, kf, "greenways"), "cycleways") == 0;
  if (!read_sources (recipe, kf, error))
    return NULL;
  if (recipe->osm == NULL && recipe->sources->len == 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("the project's import recipe names no source"));
      return NULL;
    }
  return g_steal_pointer (&recipe);
}

static gboolean
same_source (const GrSource *a, const GrSource *b)
{
  return a->landuse == b->landuse && (a->landuse || a->role == b->role)
         && g_strcmp0 (a->path, b->path) == 0 && g_strcmp0 (a->layer, b->layer) == 0;
}

/**
 * gr_recipe_merge:
 * @base: (nullable): a project's recipe
 * @added: the recipe of layers imported over it
 * @add: for each role, whether @added's layer of it follows the project's
 *   features (else it replaces them, and the sources that gave them)
 *
 * Returns: (transfer full) (nullable): the recipe of the project with the
 *   layers; %NULL when neither can be read
 */
char *
gr_recipe_merge (const char *base, const char *added, const gboolean add[GR_N_ROLES])
{
  g_autoptr (GrRecipe) into = base != NULL ? gr_recipe_parse (base, NULL) : NULL;
  g_autoptr (GrRecipe) from = added != NULL ? gr_recipe_parse (added, NULL) : NULL;
  g_autoptr (GPtrArray) sources = g_ptr_array_new ();

  if (into == NULL)
    return from != NULL ? g_strdup (added) : NULL;
  if (from == NULL)
    return g_strdup (base);
  for (guint i = 0; i < into->sources->len; i++)
    {
      GrSource *source = g_ptr_array_index (into->sources, i);
      gboolean  replaced = FALSE;

      for (guint k = 0; k < from->sources->len; k++)
        {
          GrSource *new_source = g_ptr_array_index (from->sources, k);

          replaced = replaced || same_source (source, new_source)
                     || (!source->landuse && !new_source->landuse
                         && source->role == new_source->role && !add[source->role]);
        }
      if (!replaced)
        g_ptr_array_add (sources, source);
    }
  for (guint k = 0; k < from->sources->len; k++)
    {
      GrSource *source = g_ptr_array_index (from->sources, k);

      /* Read again under the base's options, a source keeps the CRS it
       * was read with, not the base's --source-crs. */
      if (source->crs == NULL && from->options.source_crs != NULL)
        source->crs = g_strdup (from->options.source_crs);
      else if (source->crs == NULL && into->options.source_crs != NULL)
        source->crs = g_strdup (GR_SOURCE_CRS_OWN);
      g_ptr_array_add (sources, source);
    }
  return gr_recipe_to_text (into->osm != NULL ? into->osm : from->osm, sources, &into->options);
}
