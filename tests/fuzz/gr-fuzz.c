/* gr-fuzz.c — what the fuzz targets share
 *
 * Every input is written to a file of a scratch directory made once per
 * process, because GDAL's drivers and SQLite read files by name, and the
 * import and the project file are reached through the same functions the
 * window and the command line call.
 */
#include "config.h"

#include "gr-fuzz.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <glib/gstdio.h>
#include <stdlib.h>

static char *scratch_dir;

static void
remove_scratch_dir (void)
{
  g_autoptr (GDir) dir = g_dir_open (scratch_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (scratch_dir);
  g_clear_pointer (&scratch_dir, g_free);
}

/* GDAL's complaints about a broken input are expected, and GDAL's own
 * error handler would print each of them; a g_critical() (a failed
 * g_return_if_fail()) is a bug in the program, so it stops the run as a
 * crash does. */
int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;

  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  scratch_dir = g_dir_make_tmp ("greenreach-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_scratch_dir);
  CPLSetErrorHandler (CPLQuietErrorHandler);
  /* The OSM driver's temporary node store, if it needs one, goes there too. */
  CPLSetConfigOption ("CPL_TMPDIR", scratch_dir);
  gr_gdal_init ();
  return 0;
}

/* Returns: (transfer full): the path of @name in the scratch directory,
 * holding @data */
char *
gr_fuzz_write (const char *name, const uint8_t *data, size_t size)
{
  char *path = g_build_filename (scratch_dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, (const char *) data, (gssize) size, &error);
  g_assert_no_error (error);
  return path;
}

/* Removes @path and what SQLite and the project writer leave beside it. */
void
gr_fuzz_remove (const char *path)
{
  static const char *const siblings[] = { "-wal", "-shm", "-journal", ".partial", NULL };

  g_unlink (path);
  for (guint i = 0; siblings[i] != NULL; i++)
    {
      g_autofree char *sibling = g_strconcat (path, siblings[i], NULL);
      g_unlink (sibling);
    }
}

/* A function that fails says why, and one that succeeds sets no error:
 * the command line and the window print error->message. */
void
gr_fuzz_check_result (gconstpointer result, const GError *error)
{
  if (result == NULL && error == NULL)
    g_error ("a failure without an error");
  if (result != NULL && error != NULL)
    g_error ("a result with an error: %s", error->message);
}

/* The input written as the OSM extract @name (its ending decides the
 * format) and opened as the window opens one: imported with the built-in
 * tag mapping, and its display geometry made. */
void
gr_fuzz_open_extract (const char *name, const uint8_t *data, size_t size)
{
  g_autofree char *path = gr_fuzz_write (name, data, size);
  g_autoptr (GrSession) session = NULL;
  g_autoptr (GError) error = NULL;

  session = gr_session_open (path, NULL, NULL, &error);
  gr_fuzz_check_result (session, error);
  gr_fuzz_remove (path);
}

/* The roles that read a source differently: areas, areas or points with a
 * number of residents, lines, points. */
static const GrRole import_roles[] = {
  GR_ROLE_PARK,
  GR_ROLE_POPULATION,
  GR_ROLE_WALK,
  GR_ROLE_ENTRANCES,
};

/* Opens @path (@layer of it, or its only layer) as the window opens
 * layers imported without a project: imported, reprojected, repaired, and
 * its display geometry made; once for each kind of role. */
void
gr_fuzz_import_as_roles (const char *path, const char *layer)
{
  for (guint i = 0; i < G_N_ELEMENTS (import_roles); i++)
    {
      g_autoptr (GPtrArray) sources =
          g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
      GrSource *source = g_new0 (GrSource, 1);
      g_autoptr (GrSession) session = NULL;
      g_autoptr (GError) error = NULL;

      source->role = import_roles[i];
      source->path = g_strdup (path);
      source->layer = g_strdup (layer);
      g_ptr_array_add (sources, source);
      session = gr_session_open (NULL, sources, NULL, &error);
      gr_fuzz_check_result (session, error);
    }
}
