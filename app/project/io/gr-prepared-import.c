/* gr-prepared-import.c — OpenStreetMap extracts imported when the program
 * was built
 *
 * Importing the bundled sample city (tag mapping, reprojection, greenway
 * checks, residents estimated from buildings) takes most of a second, every
 * time the window starts. The build imports it once, with the program just
 * built, into a project file in the data folder's prepared/ (or
 * GREENREACH_PREPARED_DIR) named by the extract's size and SHA-256:
 * "SIZE-SHA256.gpkg", and "SIZE-SHA256-zh.gpkg" imported in Chinese (the
 * features' Chinese names first, gr_osm_prefers_chinese()). Opening an
 * extract whose bytes are those reads the project file instead, which
 * gives the same project (its layers, residents and analysis to the last
 * digit) in a fraction of the time. Any other extract, or a prepared file
 * that cannot be read, is imported as always.
 */
#include "config.h"

#include "gr-prepared-import.h"

#include "gr-osm.h"
#include "gr-population.h"
#include "gr-recipe.h"
#include "gr-runtime.h"

#include <glib/gstdio.h>

static char *
prepared_dir (void)
{
  const char *dir = g_getenv ("GREENREACH_PREPARED_DIR");

  return dir != NULL && *dir != '\0' ? g_strdup (dir) : gr_runtime_data_path ("prepared");
}

/* The SHA-256 of the file's bytes, in hex. */
static char *
file_sha256 (const char *path, GError **error)
{
  g_autoptr (GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);

  if (mapped == NULL)
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                      (const guchar *) g_mapped_file_get_contents (mapped),
                                      g_mapped_file_get_length (mapped));
}

static gboolean
file_size (const char *path, goffset *size)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  *size = st.st_size;
  return TRUE;
}

/**
 * gr_prepared_import_name:
 *
 * Returns: (transfer full): the name the build gives @extract's prepared
 *   import without its ending ("SIZE-SHA256", then "-zh.gpkg" or
 *   ".gpkg"), or %NULL with @error when the file cannot be read
 */
char *
gr_prepared_import_name (const char *extract, GError **error)
{
  g_autofree char *sha = NULL;
  goffset          size;

  if (!file_size (extract, &size))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s: not a readable file", extract);
      return NULL;
    }
  if ((sha = file_sha256 (extract, error)) == NULL)
    return NULL;
  return g_strdup_printf ("%" G_GOFFSET_FORMAT "-%s", size, sha);
}

/**
 * gr_prepared_import_find:
 *
 * Only an extract of a prepared file's size is read through for its
 * checksum, so a city's own extract costs a look at a folder's names.
 *
 * Returns: (transfer full) (nullable): the prepared project file holding
 *   @extract imported in the language the program speaks, or %NULL
 */
char *
gr_prepared_import_find (const char *extract)
{
  g_autofree char *dir_path = prepared_dir ();
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autofree char *prefix = NULL;
  g_autofree char *name = NULL;
  const char      *entry;
  goffset          size;
  gboolean         candidate = FALSE;

  if (dir == NULL || !file_size (extract, &size))
    return NULL;
  prefix = g_strdup_printf ("%" G_GOFFSET_FORMAT "-", size);
  while (!candidate && (entry = g_dir_read_name (dir)) != NULL)
    candidate = g_str_has_prefix (entry, prefix) && g_str_has_suffix (entry, ".gpkg");
  if (!candidate || (name = gr_prepared_import_name (extract, NULL)) == NULL)
    return NULL;
  {
    g_autofree char *file =
        g_strconcat (name, gr_osm_prefers_chinese () ? "-zh" : "", ".gpkg", NULL);
    g_autofree char *path = g_build_filename (dir_path, file, NULL);

    return g_file_test (path, G_FILE_TEST_IS_REGULAR) ? g_steal_pointer (&path) : NULL;
  }
}

/* The build imports with every option left as it is by default. */
static gboolean
is_default (const GrImportOptions *o)
{
  return o->crs == NULL && o->source_crs == NULL && o->encoding == NULL
         && o->population_field == NULL && o->zone_field == NULL && o->population_table == NULL
         && o->population_join == NULL && o->floor_area_per_resident == 0 && o->default_storeys == 0
         && !o->no_estimate && o->code_field == NULL && o->code_table == NULL
         && o->code_roles == NULL && !o->strict && !o->all_cycleways;
}

/**
 * gr_prepared_import_load:
 * @options: the options the extract is opened with; only the defaults,
 *   which the build imports with, may use a prepared import
 *
 * Returns: (transfer full) (nullable): @extract's project as its import
 *   would give it (the recipe names @extract, no revision), or %NULL where
 *   there is no prepared import of it that can be read
 */
GrProject *
gr_prepared_import_load (const char *extract, const GrImportOptions *options)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  GrProject *project;

  if (!is_default (options))
    return NULL;
  if ((path = gr_prepared_import_find (extract)) == NULL)
    return NULL;
  if ((project = gr_project_load (path, &error)) == NULL)
    {
      g_message ("%s: the prepared import of %s could not be read, importing it instead: %s", path,
                 extract, error->message);
      return NULL;
    }
  /* What importing gives: the layers come from the extract as it was
   * named now, not as the build named it (an import of an extract alone
   * names nothing else); residents from buildings are said to be so in the
   * language spoken now; how to import it again names the extract; and the
   * project was never saved, so its features have no lasting numbers yet
   * (the first save gives them the same ones). */
  for (GrRole role = 0; role < GR_N_ROLES; role++)
    {
      GrLayer *layer = project->layers[role];

      if (layer == NULL)
        continue;
      for (guint i = 0; i < layer->features->len; i++)
        ((GrFeature *) g_ptr_array_index (layer->features, i))->id = 0;
      layer->last_id = 0;
      if (layer->sources == NULL)
        continue;
      g_free (layer->sources);
      layer->sources = g_strdup (role == GR_ROLE_POPULATION && gr_population_is_estimate (project)
                                     ? gr_population_estimate_label ()
                                     : extract);
    }
  g_free (project->recipe);
  project->recipe = gr_recipe_to_text (extract, NULL, options);
  g_clear_pointer (&project->revision, g_free);
  return project;
}
