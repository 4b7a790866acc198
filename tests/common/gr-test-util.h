/* gr-test-util.h — scratch directories that tests remove after themselves */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

static inline void
gr_test_remove_tree (const char *path)
{
  GDir       *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        gr_test_remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static inline void
gr_test_remove_tree_and_free (gpointer path)
{
  gr_test_remove_tree (path);
  g_free (path);
}

/* A fresh directory, removed with everything in it when the test ends. */
static inline char *
gr_test_scratch_dir (void)
{
  char *dir = g_dir_make_tmp ("greenreach-test-XXXXXX", NULL);

  g_assert_nonnull (dir);
  g_test_queue_destroy (gr_test_remove_tree_and_free, g_strdup (dir));
  return dir;
}

/* Writes @path, a GeoJSON layer of one 0.01° square whose south-west
 * corner is at @lon, @lat; returns @path. */
static inline const char *
gr_test_write_square (const char *path, double lon, double lat)
{
  g_autofree char *json = g_strdup_printf (
      "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
      "{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],"
      "[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}}]}",
      lon, lat, lon + 0.01, lat, lon + 0.01, lat + 0.01, lon, lat + 0.01, lon, lat);

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  return path;
}
