/* gr-test-project.h — the extracts and bad files the project tests read, an
 * evaluation with the default criteria, and imports that must fail */
#pragma once

#include "gr-evaluate.h"
#include "gr-import.h"

#include "gr-test-util.h"

#include <math.h>
#include <string.h>

/* Issue requirement: grid and exact agree within 0.3 percentage points. */
#define AGREEMENT 0.003

static inline char *
extract_path (const char *file)
{
  if (g_str_equal (file, "andorra"))
    return g_strdup (g_getenv ("GREENREACH_SAMPLE"));
  return g_test_build_filename (G_TEST_DIST, "data", "osm", file, NULL);
}

static inline char *
bad_path (const char *file)
{
  return g_test_build_filename (G_TEST_DIST, "data", "bad-input", file, NULL);
}

static inline GrProject *
import_osm (const char *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = extract_path (file);
  GrProject       *project = gr_project_import (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static inline GrCriteria
default_criteria (void)
{
  GrCriteria c;

  gr_criteria_init_default (&c);
  return c;
}

static inline void
evaluate (GrProject *project, gboolean exact, GrEvaluation *evaluation)
{
  g_autoptr (GError) error = NULL;
  GrCriteria c = default_criteria ();

  g_assert_true (gr_project_evaluate (project, &c, exact, evaluation, &error));
  g_assert_no_error (error);
}

static inline double
share (const GrAmount *part, const GrAmount *whole, gboolean people)
{
  double p = people ? part->population : part->area_m2;
  double w = people ? whole->population : whole->area_m2;

  return w > 0 ? p / w : 0;
}

static inline double
worst_difference (const GrSummary *a, const GrSummary *b, gboolean people)
{
  const GrAmount *pa[] = { &a->green, &a->park, &a->both, &a->neither, &a->service };
  const GrAmount *pb[] = { &b->green, &b->park, &b->both, &b->neither, &b->service };
  double          worst = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pa); i++)
    worst = MAX (worst, fabs (share (pa[i], &a->residential, people)
                              - share (pb[i], &b->residential, people)));
  return worst;
}

static inline void
assert_import_fails (const char *role, const char *path, int code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *spec = g_strdup_printf ("%s=%s", role, path);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  g_autoptr (GrProject) project = NULL;
  g_autofree char *base = g_path_get_basename (path);

  g_ptr_array_add (sources, gr_source_parse (spec, &error));
  g_assert_no_error (error);
  project = gr_project_import (NULL, sources, NULL, &error);
  g_assert_null (project);
  g_assert_nonnull (error);
  if (code >= 0)
    g_assert_error (error, GR_PROJECT_ERROR, code);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, base));
}

static inline char *
write_temp (const char *name, const char *text)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  char            *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

#define FC(features) "{\"type\":\"FeatureCollection\",\"features\":[" features "]}"
#define SQUARE(x)                                                                                  \
  "{\"type\":\"Feature\",\"properties\":{\"name\":\"p\",\"population\":100},"                      \
  "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" x ",42.5],[" x                          \
  ",42.51],[1.51,42.51],[1.51,42.5],"                                                              \
  "[" x ",42.5]]]}}"
