/* test-scenario.c — what-if edits: replay equals a fresh analysis to the
 * cell, undo and redo, scenarios in the project file, and a crash in the
 * middle of a series of edits */
#include "gr-compare.h"
#include "gr-import.h"
#include "gr-scenario-store.h"
#include "gr-walk.h"
#include "gr-test-util.h"

#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include <string.h>

static GrProject *
monaco (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path =
      g_test_build_filename (G_TEST_DIST, "data", "osm", "monaco.osm.pbf", NULL);
  GrProject *project = gr_project_import (path, NULL, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static GrCriteria
criteria (gboolean walking)
{
  GrCriteria c;

  gr_criteria_init_default (&c);
  c.walking = walking;
  return c;
}

/* Every tile's coverage states and home samples, cell for cell. */
static void
assert_same_coverage (GrAnalysis *a, GrAnalysis *b)
{
  GrCoverage *ca = gr_analysis_get_coverage (a), *cb = gr_analysis_get_coverage (b);
  guint8      sa[4096], sb[4096], pa[4096], pb[4096];
  double      x0, y0, x1, y1;
  guint       nx, ny, mx, my, tiles = 0;
  GrSummary   s, t;

  gr_grid_get_layout (gr_coverage_get_grid (ca), &x0, &y0, &nx, &ny);
  gr_grid_get_layout (gr_coverage_get_grid (cb), &x1, &y1, &mx, &my);
  g_assert_cmpfloat (x0, ==, x1);
  g_assert_cmpfloat (y0, ==, y1);
  g_assert_cmpuint (nx, ==, mx);
  g_assert_cmpuint (ny, ==, my);
  for (guint ty = 0; ty < ny; ty++)
    for (guint tx = 0; tx < nx; tx++)
      {
        gboolean ha = gr_coverage_get_tile (ca, tx, ty, sa, pa),
                 hb = gr_coverage_get_tile (cb, tx, ty, sb, pb);

        g_assert_true (ha == hb);
        if (!ha)
          continue;
        g_assert_true (memcmp (sa, sb, sizeof sa) == 0);
        g_assert_true (memcmp (pa, pb, sizeof pa) == 0);
        tiles++;
      }
  g_assert_cmpuint (tiles, >, 0);
  gr_analysis_summarize (a, -1, &s);
  gr_analysis_summarize (b, -1, &t);
  g_assert_true (memcmp (&s, &t, sizeof s) == 0);
}

/* The centre of the residential land's box, and a park to edit. */
static void
centre (GrProject *project, double *x, double *y)
{
  double b[4];

  gr_layer_get_bounds (project->layers[GR_ROLE_RESIDENTIAL], b);
  *x = (b[0] + b[2]) / 2, *y = (b[1] + b[3]) / 2;
}

static GrEdit *
add_park (GrScenario *scenario,
          GrProject  *project,
          double      x,
          double      y,
          double      area,
          const char *name)
{
  GrEdit *edit =
      gr_edit_new (GR_EDIT_ADD, GR_ROLE_PARK, gr_scenario_next_candidate (scenario, project),
                   gr_pocket_park_new (x, y, area, FALSE));

  edit->name = g_strdup (name);
  edit->klass = g_strdup ("G14 口袋公园");
  return edit;
}

static GrEdit *
moved (GrProject *project, GrRole role, guint index, double dx, double dy)
{
  GrFeature   *f = g_ptr_array_index (project->layers[role]->features, index);
  OGRGeometryH g = OGR_G_Clone (f->geometry);
  OGRGeometryH out = OGR_G_CreateGeometry (wkbPolygon);
  OGRGeometryH ring;

  /* Only the outer ring of a polygon, shifted: enough for a test. */
  if (wkbFlatten (OGR_G_GetGeometryType (g)) == wkbMultiPolygon)
    {
      OGRGeometryH first = OGR_G_Clone (OGR_G_GetGeometryRef (g, 0));
      OGR_G_DestroyGeometry (g);
      g = first;
    }
  ring = OGR_G_Clone (OGR_G_GetGeometryRef (g, 0));
  for (int i = 0; i < OGR_G_GetPointCount (ring); i++)
    OGR_G_SetPoint_2D (ring, i, OGR_G_GetX (ring, i) + dx, OGR_G_GetY (ring, i) + dy);
  OGR_G_AddGeometryDirectly (out, ring);
  OGR_G_DestroyGeometry (g);
  return gr_edit_new (GR_EDIT_RESHAPE, role, index, out);
}

static void
push (GrScenario *scenario, GrProject *project, GrEdit *edit)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (gr_scenario_check_edit (scenario, project, edit, &error));
  g_assert_no_error (error);
  gr_scenario_push (scenario, edit);
}

/* A fresh analysis of the scenario's edited layers. */
static GrAnalysis *
fresh (GrScenario *scenario, GrProject *baseline, const GrCriteria *c)
{
  g_autoptr (GrProject) edited = gr_scenario_apply (scenario, baseline);
  g_autoptr (GError) error = NULL;
  GrAnalysis *analysis = gr_project_build_analysis (edited, c, NULL, &error);

  g_assert_no_error (error);
  return analysis;
}

static void
replay (gboolean walking)
{
  g_autoptr (GrProject) project = monaco ();
  g_autoptr (GArray) refs = g_array_new (FALSE, FALSE, sizeof (GrSupplyRef));
  GrCriteria c = criteria (walking);
  g_autoptr (GError) error = NULL;
  g_autoptr (GrAnalysis) live = gr_project_build_analysis (project, &c, refs, &error);
  g_autoptr (GrEditor) editor = NULL;
  g_autoptr (GrScenario) a = gr_scenario_new ("A");
  g_autoptr (GrScenario) b = NULL;
  g_autoptr (GrAnalysis) check = NULL;
  GrSummary before, after;
  double    x, y;

  g_assert_no_error (error);
  editor = gr_editor_new (project, live, refs);
  gr_analysis_summarize (live, -1, &before);
  centre (project, &x, &y);
  if (walking)
    {
      /* Beside a home that reaches the paths, so that the parks do too. */
      GrWalk *walk = gr_analysis_get_walk (live);
      guint   col, row, segment;
      gint64  to_a, to_b;

      gr_walk_get_attachment (walk, gr_walk_get_n_attachments (walk) / 2, &col, &row, &segment,
                              &to_a, &to_b);
      gr_grid_cell_center (gr_coverage_get_grid (gr_analysis_get_coverage (live)), col, row, &x,
                           &y);
    }
  push (a, project, add_park (a, project, x, y, 2500, "一号"));
  push (a, project, add_park (a, project, x + 300, y - 200, 12000, "二号"));
  push (a, project, moved (project, GR_ROLE_PARK, 0, 60, -40));
  push (a, project, gr_edit_new (GR_EDIT_REMOVE, GR_ROLE_GREEN, 0, NULL));
  push (a, project, moved (project, GR_ROLE_PARK, 1, -30, 30));
  {
    GrEdit *rename = gr_edit_new (GR_EDIT_RENAME, GR_ROLE_PARK, 0, NULL);
    rename->name = g_strdup ("改名");
    push (a, project, rename);
  }
  gr_editor_sync (editor, a, NULL);
  gr_analysis_summarize (live, -1, &after);
  /* The edits changed the coverage (not every home is on the network's
   * reach, so which figure moves depends on the mode). */
  g_assert_true (memcmp (&before, &after, sizeof before) != 0);
  if (!walking)
    g_assert_cmpfloat (after.park.area_m2, >, before.park.area_m2);
  check = fresh (a, project, &c);
  assert_same_coverage (live, check);
  g_clear_pointer (&check, gr_analysis_free);
  /* The view: the edited parks and green space over the baseline's own
   * other layers, not copies. */
  {
    GrProject view;
    g_autoptr (GrProject) owner = gr_scenario_view (a, project, &view);
    g_autoptr (GrProject) full = gr_scenario_apply (a, project);

    g_assert_true (view.layers[GR_ROLE_RESIDENTIAL] == project->layers[GR_ROLE_RESIDENTIAL]);
    g_assert_true (view.layers[GR_ROLE_PARK] == owner->layers[GR_ROLE_PARK]);
    g_assert_cmpuint (view.layers[GR_ROLE_PARK]->features->len, ==,
                      full->layers[GR_ROLE_PARK]->features->len);
    g_assert_cmpuint (view.layers[GR_ROLE_GREEN]->features->len, ==,
                      full->layers[GR_ROLE_GREEN]->features->len);
    g_assert_null (owner->layers[GR_ROLE_RESIDENTIAL]);
  }

  /* Undo three, redo one: each position equals its fresh analysis. */
  for (guint position = a->edits->len; position-- > 0;)
    {
      a->position = position;
      gr_editor_sync (editor, a, NULL);
      check = fresh (a, project, &c);
      assert_same_coverage (live, check);
      g_clear_pointer (&check, gr_analysis_free);
    }
  /* Back at the baseline, the analysis is the baseline's again. */
  gr_analysis_summarize (live, -1, &after);
  g_assert_true (memcmp (&before, &after, sizeof before) == 0);

  /* A second scenario from the first two edits, switched to and from. */
  b = gr_scenario_copy (a, "B");
  b->position = 2;
  push (b, project, gr_edit_new (GR_EDIT_REMOVE, GR_ROLE_PARK, 0, NULL));
  a->position = a->edits->len;
  gr_editor_sync (editor, a, NULL);
  gr_editor_sync (editor, b, NULL);
  check = fresh (b, project, &c);
  assert_same_coverage (live, check);
  g_clear_pointer (&check, gr_analysis_free);
  /* A preview while dragging, then the scenario put back. */
  {
    g_auto (OGRGeometryH) dragged = gr_pocket_park_new (x, y, 20000, TRUE);
    gr_editor_preview (editor, (GrFeatureKey){ GR_ROLE_PARK, 1 }, dragged, NULL);
  }
  gr_editor_sync (editor, b, NULL);
  check = fresh (b, project, &c);
  assert_same_coverage (live, check);
  g_clear_pointer (&check, gr_analysis_free);
}

static void
test_replay_straight (void)
{
  replay (FALSE);
}

static void
test_replay_walking (void)
{
  replay (TRUE);
}

/* Two scenarios against the baseline: what each newly covers. */
static void
test_compare (void)
{
  g_autoptr (GrProject) project = monaco ();
  g_autoptr (GrScenario) a = gr_scenario_new ("A");
  g_autoptr (GrComparison) ab = NULL;
  g_autoptr (GrComparison) aa = NULL;
  g_autoptr (GError) error = NULL;
  GrCriteria c = criteria (FALSE);
  GrAmount   gained[4], same[4];
  GrSummary  base, with_a;
  double     x, y;

  centre (project, &x, &y);
  push (a, project, add_park (a, project, x, y, 12000, "新园"));
  ab = gr_comparison_new (project, a, NULL, &c, NULL, &error);
  g_assert_no_error (error);
  gr_comparison_summarize (ab, 0, -1, &base);
  gr_comparison_summarize (ab, 1, -1, &with_a);
  gr_comparison_gains (ab, gained);
  /* Every home that left the blind spot is newly covered by A, and B (the
   * baseline itself) covers nothing new. */
  g_assert_cmpfloat (with_a.park.area_m2, >, base.park.area_m2);
  g_assert_cmpfloat (gained[GR_GAIN_A].area_m2, >=, base.neither.area_m2 - with_a.neither.area_m2);
  g_assert_cmpfloat (gained[GR_GAIN_A].area_m2, >=, with_a.park.area_m2 - base.park.area_m2);
  g_assert_cmpfloat (gained[GR_GAIN_B].area_m2 + gained[GR_GAIN_A | GR_GAIN_B].area_m2, ==, 0);
  /* A against itself: everything it gains, both gain. */
  aa = gr_comparison_new (project, a, a, &c, NULL, &error);
  gr_comparison_gains (aa, same);
  g_assert_cmpfloat (same[GR_GAIN_A].area_m2 + same[GR_GAIN_B].area_m2, ==, 0);
  g_assert_cmpfloat (same[GR_GAIN_A | GR_GAIN_B].area_m2, ==, gained[GR_GAIN_A].area_m2);
  {
    g_autofree char *text = gr_comparison_to_text (ab);
    g_assert_nonnull (strstr (text, "Baseline"));
  }
}

/* 占补平衡 on paper: a 100 × 100 m green space loses a 10 m strip to a
 * road (1,000 m²); a 600 m² pocket park 300 m away compensates part of it,
 * one 5 km away does not. */
static void
test_balance (void)
{
  g_autoptr (GrProject) project = gr_project_new ();
  g_autoptr (GrScenario) s = gr_scenario_new ("道路拓宽");
  GrLayer     *green = gr_project_ensure_layer (project, GR_ROLE_GREEN);
  const char  *square = "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))";
  const char  *strip_cut = "POLYGON ((0 10, 100 10, 100 100, 0 100, 0 10))";
  OGRGeometryH g = NULL, cut = NULL;
  GrBalance    b;

  gr_project_ensure_layer (project, GR_ROLE_PARK);
  OGR_G_CreateFromWkt ((char **) &square, NULL, &g);
  OGR_G_CreateFromWkt ((char **) &strip_cut, NULL, &cut);
  g_ptr_array_add (green->features, gr_feature_new (g));
  push (s, project, gr_edit_new (GR_EDIT_RESHAPE, GR_ROLE_GREEN, 0, cut));
  gr_scenario_balance (s, project, GR_COMPENSATION_DISTANCE, &b);
  g_assert_cmpfloat_with_epsilon (b.taken_m2, 1000, 1e-6);
  g_assert_cmpfloat_with_epsilon (b.outstanding_m2, 1000, 1e-6);
  push (s, project, add_park (s, project, 400, 50, 600, "补"));
  push (s, project, add_park (s, project, 5000, 50, 900, "远"));
  gr_scenario_balance (s, project, GR_COMPENSATION_DISTANCE, &b);
  g_assert_cmpfloat_with_epsilon (b.added_m2, 1500, 1e-6);
  g_assert_cmpfloat_with_epsilon (b.compensated_m2, 600, 1e-6);
  g_assert_cmpfloat_with_epsilon (b.outstanding_m2, 400, 1e-6);
  /* Removing the whole green space takes all of it. */
  push (s, project, gr_edit_new (GR_EDIT_REMOVE, GR_ROLE_GREEN, 0, NULL));
  gr_scenario_balance (s, project, GR_COMPENSATION_DISTANCE, &b);
  g_assert_cmpfloat_with_epsilon (b.taken_m2, 10000, 1e-6);
  g_assert_cmpfloat_with_epsilon (b.outstanding_m2, 9400, 1e-6);
}

static void
test_edit_checks (void)
{
  g_autoptr (GrProject) project = monaco ();
  g_autoptr (GrScenario) s = gr_scenario_new ("检查");
  g_autoptr (GError) error = NULL;
  guint  n = project->layers[GR_ROLE_PARK]->features->len;
  double x, y;

  centre (project, &x, &y);
  {
    g_autoptr (GrEdit) e = gr_edit_new (GR_EDIT_REMOVE, GR_ROLE_PARK, n + 5, NULL);
    g_assert_false (gr_scenario_check_edit (s, project, e, &error));
    g_assert_nonnull (strstr (error->message, "检查"));
    g_clear_error (&error);
  }
  {
    g_autoptr (GrEdit) e =
        gr_edit_new (GR_EDIT_ADD, GR_ROLE_PARK, n + 1, gr_pocket_park_new (x, y, 900, TRUE));
    g_assert_false (gr_scenario_check_edit (s, project, e, &error));
    g_clear_error (&error);
  }
  {
    const char  *bowtie = "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))";
    OGRGeometryH g = NULL;
    g_autoptr (GrEdit) e = NULL;

    OGR_G_CreateFromWkt ((char **) &bowtie, NULL, &g);
    e = gr_edit_new (GR_EDIT_RESHAPE, GR_ROLE_PARK, 0, g);
    g_assert_false (gr_scenario_check_edit (s, project, e, &error));
    g_clear_error (&error);
  }
  {
    g_autoptr (GrEdit) e = gr_edit_new (GR_EDIT_REMOVE, GR_ROLE_WATER, 0, NULL);
    g_assert_false (gr_scenario_check_edit (s, project, e, &error));
    g_clear_error (&error);
  }
  /* A square and a circle of the asked area. */
  {
    g_auto (OGRGeometryH) sq = gr_pocket_park_new (x, y, 2500, FALSE);
    g_auto (OGRGeometryH) ci = gr_pocket_park_new (x, y, 2500, TRUE);
    g_assert_cmpfloat_with_epsilon (OGR_G_Area (sq), 2500, 1e-6);
    g_assert_cmpfloat_with_epsilon (OGR_G_Area (ci), 2500, 1e-6);
  }
}

static char *
saved_monaco (GrProject *project, char **dir)
{
  g_autoptr (GError) error = NULL;
  char *path;

  *dir = gr_test_scratch_dir ();
  path = g_build_filename (*dir, "monaco.gpkg", NULL);
  g_assert_true (gr_project_save (project, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
assert_integrity (const char *path)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_store (void)
{
  g_autoptr (GrProject) project = monaco ();
  g_autofree char *dir = NULL;
  g_autofree char *path = saved_monaco (project, &dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GrScenarioStore) store =
      gr_scenario_store_open (path, project, GR_SCENARIO_STORE_WRITE, &error);
  g_autoptr (GrScenario) a = gr_scenario_new ("方案A");
  g_autoptr (GrScenario) copy = NULL;
  g_autoptr (GPtrArray) loaded = NULL;
  g_autoptr (GrProject) reloaded = NULL;
  GrScenario *la;
  double      x, y;

  g_assert_no_error (error);
  centre (project, &x, &y);
  g_assert_true (gr_scenario_store_add (store, a, &error));
  g_assert_cmpint (a->id, >, 0);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("口袋公园 %u", i + 1);
      g_assert_true (gr_scenario_store_push (
          store, a, add_park (a, project, x + 100 * i, y, 1000, name), &error));
    }
  /* Undo two, then a new edit drops them from the history. */
  g_assert_true (gr_scenario_store_set_position (store, a, 2, &error));
  g_assert_true (
      gr_scenario_store_push (store, a, moved (project, GR_ROLE_PARK, 0, 20, 0), &error));
  g_assert_cmpuint (a->edits->len, ==, 3);
  /* Undo one: kept for redo in the file. */
  g_assert_true (gr_scenario_store_set_position (store, a, 2, &error));
  copy = gr_scenario_copy (a, "方案B");
  g_assert_true (gr_scenario_store_add (store, copy, &error));
  {
    g_autoptr (GrScenario) same_name = gr_scenario_copy (a, "方案B");
    g_assert_false (gr_scenario_store_add (store, same_name, &error));
    g_assert_nonnull (strstr (error->message, "方案B"));
    g_clear_error (&error);
  }
  g_assert_true (gr_scenario_store_rename (store, copy, "方案 B（小）", &error));
  g_assert_false (gr_scenario_store_rename (store, copy, "方案A", &error));
  g_clear_error (&error);
  g_assert_no_error (error);
  gr_scenario_store_close (g_steal_pointer (&store));

  /* Everything as it was, from the file. */
  store = gr_scenario_store_open (path, project, GR_SCENARIO_STORE_WRITE, &error);
  loaded = gr_scenario_store_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 2);
  la = g_ptr_array_index (loaded, 0);
  g_assert_cmpstr (la->name, ==, "方案A");
  g_assert_cmpuint (la->edits->len, ==, 3);
  g_assert_cmpuint (la->position, ==, 2);
  g_assert_cmpstr (((GrEdit *) g_ptr_array_index (la->edits, 1))->name, ==, "口袋公园 2");
  g_assert_cmpint (((GrEdit *) g_ptr_array_index (la->edits, 2))->kind, ==, GR_EDIT_RESHAPE);
  g_assert_cmpstr (((GrScenario *) g_ptr_array_index (loaded, 1))->name, ==, "方案 B（小）");
  g_assert_true (gr_scenario_store_delete (store, g_ptr_array_index (loaded, 1), &error));
  g_clear_pointer (&loaded, g_ptr_array_unref);
  loaded = gr_scenario_store_load (store, &error);
  g_assert_cmpuint (loaded->len, ==, 1);
  gr_scenario_store_close (g_steal_pointer (&store));

  /* Still a project GDAL reads, and a sound SQLite file. */
  assert_integrity (path);
  reloaded = gr_project_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reloaded->layers[GR_ROLE_PARK]->features->len, ==,
                    project->layers[GR_ROLE_PARK]->features->len);
  gr_test_remove_tree (dir);
}

/* SQL run through GDAL, as another GIS would: the GeoPackage's triggers
 * call GDAL's SQL functions. */
static void
exec_sql (const char *path, const char *statement)
{
  g_auto (GStrv) each = g_strsplit (statement, ";", -1);
  GDALDatasetH ds = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_UPDATE, NULL, NULL, NULL);

  g_assert_nonnull (ds);
  for (guint i = 0; each[i] != NULL; i++)
    {
      CPLErrorReset ();
      GDALDatasetExecuteSQL (ds, each[i], NULL, NULL);
      g_assert_cmpint (CPLGetLastErrorType (), <, CE_Failure);
    }
  GDALClose (ds);
}

/* The first feature of @role after @from that has a name. */
static guint
named_feature (GrProject *project, GrRole role, guint from)
{
  GPtrArray *features = project->layers[role]->features;

  for (guint i = from; i < features->len; i++)
    if (((GrFeature *) g_ptr_array_index (features, i))->name != NULL)
      return i;
  g_assert_not_reached ();
  return 0;
}

/* Edits name baseline features by their lasting number: after another GIS
 * deletes a park, the edit still names its own park; after it renames a
 * green space, the edit of it is left out and says why. */
static void
test_lasting_numbers (void)
{
  g_autoptr (GrProject) project = monaco ();
  g_autofree char *dir = NULL;
  g_autofree char *path = saved_monaco (project, &dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GrScenarioStore) store =
      gr_scenario_store_open (path, project, GR_SCENARIO_STORE_WRITE, &error);
  g_autoptr (GrScenario) a = gr_scenario_new ("A");
  g_autoptr (GrProject) reloaded = NULL;
  g_autoptr (GPtrArray) loaded = NULL;
  guint            park = named_feature (project, GR_ROLE_PARK, 1);
  guint            green = named_feature (project, GR_ROLE_GREEN, 0);
  GrFeature       *removed = g_ptr_array_index (project->layers[GR_ROLE_PARK]->features, park);
  GrFeature       *renamed = g_ptr_array_index (project->layers[GR_ROLE_GREEN]->features, green);
  GrFeature       *first = g_ptr_array_index (project->layers[GR_ROLE_PARK]->features, 0);
  GrEdit          *rename = gr_edit_new (GR_EDIT_RENAME, GR_ROLE_GREEN, green, NULL);
  GrScenario      *s;
  g_autofree char *upstream = NULL;
  gint64           top;

  g_assert_no_error (error);
  g_assert_cmpint (first->id, >, 0);
  rename->name = g_strdup ("新名字");
  g_assert_true (gr_scenario_store_add (store, a, &error));
  g_assert_true (gr_scenario_store_push (
      store, a, gr_edit_new (GR_EDIT_REMOVE, GR_ROLE_PARK, park, NULL), &error));
  g_assert_true (gr_scenario_store_push (store, a, rename, &error));
  gr_scenario_store_close (g_steal_pointer (&store));

  /* The first and the last park deleted, a green space renamed. */
  top = gr_layer_get_last_id (project->layers[GR_ROLE_PARK]);
  g_assert_cmpint (top, !=, removed->id);
  upstream = g_strdup_printf ("DELETE FROM park WHERE fid = %" G_GINT64_FORMAT ";"
                              "DELETE FROM park WHERE fid = %" G_GINT64_FORMAT ";"
                              "UPDATE green SET name = '别的名字' WHERE fid = %" G_GINT64_FORMAT,
                              first->id, top, renamed->id);
  exec_sql (path, upstream);
  reloaded = gr_project_load (path, &error);
  g_assert_no_error (error);
  /* The last park's number is not given again. */
  g_assert_cmpint (gr_layer_get_last_id (reloaded->layers[GR_ROLE_PARK]), ==, top);
  store = gr_scenario_store_open (path, reloaded, GR_SCENARIO_STORE_READ, &error);
  loaded = gr_scenario_store_load (store, &error);
  g_assert_no_error (error);
  s = g_ptr_array_index (loaded, 0);
  g_assert_cmpuint (s->edits->len, ==, 1);
  g_assert_cmpuint (s->position, ==, 1);
  g_assert_cmpuint (((GrEdit *) g_ptr_array_index (s->edits, 0))->target.index, ==, park - 1);
  g_assert_cmpstr (
      ((GrFeature *) g_ptr_array_index (reloaded->layers[GR_ROLE_PARK]->features, park - 1))->name,
      ==, removed->name);
  g_assert_cmpuint (s->left_out->len, ==, 1);
  g_test_message ("%s", (char *) g_ptr_array_index (s->left_out, 0));
  g_assert_nonnull (strstr (g_ptr_array_index (s->left_out, 0), "别的名字"));
  g_assert_nonnull (strstr (g_ptr_array_index (s->left_out, 0), renamed->name));
  g_assert_true (s->stale);
  gr_scenario_store_close (g_steal_pointer (&store));

  /* Read-only: read, never written. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_null (gr_scenario_store_open (path, reloaded, GR_SCENARIO_STORE_WRITE, &error));
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);
  store = gr_scenario_store_open (path, reloaded, GR_SCENARIO_STORE_READ, &error);
  g_assert_no_error (error);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  loaded = gr_scenario_store_load (store, &error);
  g_assert_no_error (error);
  s = g_ptr_array_index (loaded, 0);
  g_assert_false (gr_scenario_store_set_position (store, s, 0, &error));
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_READ_ONLY);
  gr_scenario_store_close (g_steal_pointer (&store));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
}

/* The pocket-park size (400–10,000 m²) within a hundredth of a m², and
 * only for a park not classed otherwise; the review thresholds by area. */
static void
test_candidate_flags (void)
{
  g_autoptr (GrProject) project = monaco ();
  const struct
  {
    double      area;
    gboolean    circle;
    const char *klass;
    gboolean    not_pocket, review;
  } cases[] = {
    { 10000, TRUE, NULL, FALSE, TRUE },
    { 10000, FALSE, "G14 口袋公园", FALSE, TRUE },
    { 400, TRUE, NULL, FALSE, FALSE },
    { 300, FALSE, NULL, TRUE, FALSE },
    { 20000, FALSE, NULL, TRUE, TRUE },
    { 20000, FALSE, "G14 游园", TRUE, TRUE },
    { 20000, FALSE, "G12 社区公园", FALSE, TRUE },
    { 4999.999999, TRUE, "G12", FALSE, TRUE },
  };
  double x, y;

  centre (project, &x, &y);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (OGRGeometryH) park = gr_pocket_park_new (x, y, cases[i].area, cases[i].circle);
      GrCandidateFlags flags = gr_candidate_flags (project, park, cases[i].klass);
      g_autofree char *said = gr_candidate_flags_describe (flags);

      g_test_message ("%.6f m² %s %s: %s", OGR_G_Area (park), cases[i].circle ? "circle" : "square",
                      cases[i].klass ? cases[i].klass : "(no class)", said);
      g_assert_cmpint (!!(flags & GR_FLAG_NOT_POCKET_PARK), ==, cases[i].not_pocket);
      g_assert_cmpint (!!(flags & GR_FLAG_EXPERT_REVIEW), ==, cases[i].review);
    }
}

/* A project file from a newer version: a plain message, nothing opened. */
static void
test_newer_format (void)
{
  g_autoptr (GrProject) project = monaco ();
  g_autofree char *dir = NULL;
  g_autofree char *path = saved_monaco (project, &dir);
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE gr_meta SET value = '99' WHERE key = 'format_version'",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (gr_project_load (path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "99"));
  g_assert_nonnull (strstr (error->message, "monaco.gpkg"));
  gr_test_remove_tree (dir);
}

/* ---- a crash in the middle of a series of edits ------------------------- */

/* The writer: pushes edits for ever, saying which have been committed. */
static int
crash_writer (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = gr_project_load (path, &error);
  g_autoptr (GrScenarioStore) store =
      project != NULL ? gr_scenario_store_open (path, project, GR_SCENARIO_STORE_WRITE, &error)
                      : NULL;
  g_autoptr (GrScenario) scenario = gr_scenario_new ("崩溃测试");
  double x, y;

  if (store == NULL || !gr_scenario_store_add (store, scenario, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  centre (project, &x, &y);
  for (guint i = 0;; i++)
    {
      GrEdit *edit = i % 5 == 4 ? moved (project, GR_ROLE_PARK, 0, i, 0)
                                : add_park (scenario, project, x + 10 * i, y, 500 + i, "候选");

      if (!gr_scenario_store_push (store, scenario, edit, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      /* Every third edit is undone once: history beyond the position. */
      if (i % 3 == 2
          && !gr_scenario_store_set_position (store, scenario, scenario->position - 1, &error))
        return 1;
      g_print ("%u %u\n", scenario->edits->len, scenario->position);
      fflush (stdout);
    }
}

static void
test_crash (void)
{
  g_autoptr (GrProject) project = monaco ();
  g_autofree char *dir = NULL;
  g_autofree char *path = saved_monaco (project, &dir);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char      *argv[] = { self, "--crash-writer", path, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GDataInputStream) lines = NULL;
  g_autoptr (GrScenarioStore) store = NULL;
  g_autoptr (GPtrArray) loaded = NULL;
  g_autofree char *ogrinfo = NULL;
  GPid             pid;
  int              out, status;
  guint            len = 0, position = 0, reports = 0;
  GrScenario      *s;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out, NULL, &error));
  {
    g_autoptr (GInputStream) pipe = g_unix_input_stream_new (out, TRUE);
    lines = g_data_input_stream_new (pipe);
  }
  while (reports < 40)
    {
      g_autofree char *line = g_data_input_stream_read_line (lines, NULL, NULL, NULL);

      g_assert_nonnull (line);
      g_assert_cmpint (sscanf (line, "%u %u", &len, &position), ==, 2);
      reports++;
    }
  /* Mid-series: the writer is pushing its next edit now. */
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));

  /* Every completed edit, the undo position and the scenario are there. */
  store = gr_scenario_store_open (path, project, GR_SCENARIO_STORE_WRITE, &error);
  g_assert_no_error (error);
  loaded = gr_scenario_store_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  s = g_ptr_array_index (loaded, 0);
  g_assert_cmpstr (s->name, ==, "崩溃测试");
  g_test_message ("last report: %u edits, position %u; file: %u edits, position %u", len, position,
                  s->edits->len, s->position);
  g_assert_cmpuint (s->edits->len, >=, len);
  g_assert_cmpuint (s->position, >=, position - 1);
  /* Each edit replays onto the baseline. */
  {
    g_autoptr (GrProject) edited = gr_scenario_apply (s, project);
    g_assert_cmpuint (edited->layers[GR_ROLE_PARK]->features->len, >,
                      project->layers[GR_ROLE_PARK]->features->len);
  }
  gr_scenario_store_close (g_steal_pointer (&store));
  assert_integrity (path);
  ogrinfo = g_find_program_in_path ("ogrinfo");
  if (ogrinfo != NULL)
    {
      const char      *info[] = { ogrinfo, "-q", "-so", path, NULL };
      g_autofree char *text = NULL;
      int              exit_status;

      g_assert_true (g_spawn_sync (NULL, (char **) info, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, &text, NULL, &exit_status, &error));
      g_assert_true (g_spawn_check_wait_status (exit_status, NULL));
      g_assert_nonnull (strstr (text, "gr_edits"));
    }
  gr_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--crash-writer"))
    return crash_writer (argv[2]);
  g_test_init (&argc, &argv, NULL);
  gr_gdal_init ();
  g_test_add_func ("/scenario/replay/straight", test_replay_straight);
  g_test_add_func ("/scenario/replay/walking", test_replay_walking);
  g_test_add_func ("/scenario/edit-checks", test_edit_checks);
  g_test_add_func ("/scenario/compare", test_compare);
  g_test_add_func ("/scenario/balance", test_balance);
  g_test_add_func ("/scenario/store", test_store);
  g_test_add_func ("/scenario/newer-format", test_newer_format);
  g_test_add_func ("/scenario/lasting-numbers", test_lasting_numbers);
  g_test_add_func ("/scenario/candidate-flags", test_candidate_flags);
  g_test_add_func ("/scenario/crash", test_crash);
  return g_test_run ();
}
