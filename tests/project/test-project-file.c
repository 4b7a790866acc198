/* test-project-file.c — the project file: saved and loaded with the same
 * evaluation, refused when it is not one, and nothing left when saving fails */
#include "gr-test-project.h"
#include "gr-test-main.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

static void
test_project_file_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = import_osm ("monaco.osm.pbf");
  g_autoptr (GrProject) loaded = NULL;
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "monaco.gpkg", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  GrEvaluation     before, after;

  g_assert_true (gr_project_save (project, path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_true (gr_project_file_is_project (path));
  loaded = gr_project_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->epsg, ==, 32632);
  for (guint r = 0; r < GR_N_ROLES; r++)
    {
      g_assert_true ((project->layers[r] == NULL) == (loaded->layers[r] == NULL));
      if (project->layers[r] != NULL)
        g_assert_cmpuint (project->layers[r]->features->len, ==, loaded->layers[r]->features->len);
    }
  evaluate (project, FALSE, &before);
  evaluate (loaded, FALSE, &after);
  g_assert_cmpmem (&before.city, sizeof before.city, &after.city, sizeof after.city);
  gr_evaluation_clear (&before);
  gr_evaluation_clear (&after);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_not_a_project (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *gpkg = g_test_build_filename (G_TEST_DIST, "data", "population",
                                                 "helsinki-population-grid-2020.gpkg", NULL);
  g_autofree char *json = bad_path ("JSONTestSuite_n/n_array_extra_comma.json");
  g_autoptr (GrProject) p = gr_project_load (gpkg, &error);

  g_assert_null (p);
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT);
  g_clear_error (&error);
  p = gr_project_load (json, &error);
  g_assert_null (p);
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "n_array_extra_comma.json"));
}

static void
test_save_failure_leaves_nothing (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = import_osm ("monaco.osm.pbf");

  g_assert_false (gr_project_save (project, "/nonexistent-dir/x.gpkg", &error));
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE);
  g_assert_false (g_file_test ("/nonexistent-dir/x.gpkg", G_FILE_TEST_EXISTS));
}

static void
sql (sqlite3 *db, const char *statement)
{
  g_assert_cmpint (sqlite3_exec (db, statement, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* A write-ahead log left beside a project by a program killed with another
 * file of that name open does not reach the project saved there now. */
static void
test_stale_wal (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = import_osm ("monaco.osm.pbf");
  g_autoptr (GrProject) loaded = NULL;
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.gpkg", NULL);
  g_autofree char *other = g_build_filename (dir, "other.gpkg", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *other_wal = g_strconcat (other, "-wal", NULL);
  g_autofree char *log = NULL;
  gsize            length;
  sqlite3         *db;

  g_assert_true (gr_project_save (project, other, &error));
  g_assert_no_error (error);
  /* The other file's log, pages not yet written back, copied while open. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  sql (db, "PRAGMA journal_mode=WAL");
  sql (db, "PRAGMA wal_autocheckpoint=0");
  sql (db, "CREATE TABLE scratch (x); INSERT INTO scratch VALUES (zeroblob(100000))");
  sql (db, "DROP TABLE gpkg_contents");
  g_assert_true (g_file_get_contents (other_wal, &log, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  sqlite3_close (db);
  g_assert_true (g_file_set_contents (wal, log, length, NULL));

  g_assert_true (gr_project_save (project, path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (gr_project_file_is_project (path));
  loaded = gr_project_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->layers[GR_ROLE_PARK]->features->len, ==,
                    project->layers[GR_ROLE_PARK]->features->len);
}

GR_TEST_MAIN (gr_gdal_init,
              { "/project/file/round-trip", test_project_file_round_trip },
              { "/project/file/not-a-project", test_not_a_project },
              { "/project/file/save-failure", test_save_failure_leaves_nothing },
              { "/project/file/stale-wal", test_stale_wal })
