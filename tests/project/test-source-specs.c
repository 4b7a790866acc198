/* test-source-specs.c — role=path[:layer] source specifications */
#include "gr-test-project.h"
#include "gr-test-main.h"
#include "gr-recipe.h"

static void
test_source_specs (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrSource) plain = gr_source_parse ("park=/data/city.gpkg:parks", &error);
  g_autoptr (GrSource) pg = gr_source_parse ("residential=PG:dbname=city host=db", &error);
  g_autoptr (GrSource) bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (plain->role, ==, GR_ROLE_PARK);
  g_assert_cmpstr (plain->path, ==, "/data/city.gpkg");
  g_assert_cmpstr (plain->layer, ==, "parks");
  g_assert_cmpstr (pg->path, ==, "PG:dbname=city host=db");
  g_assert_null (pg->layer);
  bad = gr_source_parse ("lawn=x.shp", &error);
  g_assert_null (bad);
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "roles are"));
  /* A slip of a role's key is named with the key meant. */
  {
    const char *slips[][2] = { { "parks", "park" },
                               { "Residental", "residential" },
                               { "landuses", "landuse" },
                               { "zone", "zones" } };

    for (guint i = 0; i < G_N_ELEMENTS (slips); i++)
      {
        g_autofree char *spec = g_strconcat (slips[i][0], "=x.shp", NULL);
        g_autofree char *meant = g_strdup_printf ("“%s”?", slips[i][1]);

        g_clear_error (&error);
        g_assert_null (gr_source_parse (spec, &error));
        g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID);
        g_test_message ("%s", error->message);
        g_assert_nonnull (strstr (error->message, meant));
        g_assert_nonnull (strstr (error->message, "roles are"));
      }
  }
  /* Other words are no slips: "path" is not "park", "homes" not "zones". */
  {
    const char *others[] = { "path=x.shp", "homes=x.shp", "street=x.shp" };

    for (guint i = 0; i < G_N_ELEMENTS (others); i++)
      {
        g_clear_error (&error);
        g_assert_null (gr_source_parse (others[i], &error));
        g_assert_nonnull (strstr (error->message, "roles are"));
        g_assert_null (strstr (error->message, "did you mean"));
      }
  }
}

static GrSource *
source (const char *spec)
{
  GrSource *s = gr_source_parse (spec, NULL);

  g_assert_nonnull (s);
  return s;
}

/* A recipe reads back as written: every option and source, paths made
 * absolute so that the project finds them from anywhere. */
static void
test_recipe_round_trip (void)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  const char      *roles[] = { "1402=green", "0702=none", NULL };
  GrImportOptions  options = { .source_crs = "EPSG:4527",
                               .encoding = "CP936",
                               .population_table = "七普.xlsx",
                               .population_join = "JDMC=街道",
                               .code_table = "guide-2023",
                               .code_roles = roles,
                               .strict = TRUE,
                               .default_storeys = 6 };
  g_autofree char *text = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *table = g_build_filename (cwd, "七普.xlsx", NULL);
  g_autoptr (GrRecipe) recipe = NULL;
  g_autoptr (GError) error = NULL;
  GrSource *first;

  g_ptr_array_add (sources, source ("landuse=data/用地现状.shp"));
  g_ptr_array_add (sources, source ("park=/data/city.gpkg:parks"));
  text = gr_recipe_to_text ("/data/city.osm.pbf", sources, &options);
  recipe = gr_recipe_parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (recipe->osm, ==, "/data/city.osm.pbf");
  g_assert_cmpuint (recipe->sources->len, ==, 2);
  first = g_ptr_array_index (recipe->sources, 0);
  g_assert_true (first->landuse);
  g_assert_true (g_path_is_absolute (first->path));
  g_assert_true (g_str_has_suffix (first->path, "data/用地现状.shp"));
  g_assert_cmpstr (((GrSource *) g_ptr_array_index (recipe->sources, 1))->layer, ==, "parks");
  g_assert_cmpstr (recipe->options.source_crs, ==, "EPSG:4527");
  g_assert_cmpstr (recipe->options.encoding, ==, "CP936");
  g_assert_cmpstr (recipe->options.population_table, ==, table);
  g_assert_cmpstr (recipe->options.population_join, ==, "JDMC=街道");
  g_assert_cmpstr (recipe->options.code_table, ==, "guide-2023");
  g_assert_cmpstr (recipe->options.code_roles[1], ==, "0702=none");
  g_assert_true (recipe->options.strict);
  g_assert_cmpfloat (recipe->options.default_storeys, ==, 6);
  g_assert_null (gr_recipe_parse ("[import]\n", &error));
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT);
}

/* Layers imported over a project join its recipe: a replaced role's
 * sources leave it, an added one's stay. */
static void
test_recipe_merge (void)
{
  g_autoptr (GPtrArray) base = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *merged = NULL;
  g_autoptr (GrRecipe) recipe = NULL;
  gboolean add[GR_N_ROLES] = { FALSE };

  g_ptr_array_add (base, source ("park=/d/parks2025.shp"));
  g_ptr_array_add (base, source ("green=/d/green.shp"));
  g_ptr_array_add (added, source ("park=/d/parks2026.shp"));
  g_ptr_array_add (added, source ("green=/d/more-green.shp"));
  add[GR_ROLE_GREEN] = TRUE;
  a = gr_recipe_to_text ("/d/city.osm.pbf", base, NULL);
  b = gr_recipe_to_text (NULL, added, NULL);
  merged = gr_recipe_merge (a, b, add);
  recipe = gr_recipe_parse (merged, NULL);
  g_assert_cmpstr (recipe->osm, ==, "/d/city.osm.pbf");
  g_assert_cmpuint (recipe->sources->len, ==, 3);
  g_assert_cmpstr (((GrSource *) g_ptr_array_index (recipe->sources, 0))->path, ==, "/d/green.shp");
  g_assert_cmpstr (((GrSource *) g_ptr_array_index (recipe->sources, 1))->path, ==,
                   "/d/parks2026.shp");
  g_assert_cmpstr (((GrSource *) g_ptr_array_index (recipe->sources, 2))->path, ==,
                   "/d/more-green.shp");
}

GR_TEST_MAIN (gr_gdal_init,
              { "/project/source-specs", test_source_specs },
              { "/project/recipe/round-trip", test_recipe_round_trip },
              { "/project/recipe/merge", test_recipe_merge })
