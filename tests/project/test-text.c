/* test-text.c — GBK attribute text decoded and kept through the project file */
#include "gr-test-project.h"
#include "gr-test-main.h"

#include "gr-format.h"

#include <math.h>

static char *
copy_gbk_without_prj (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  const char      *ext[] = { "shp", "shx", "dbf" };

  for (guint i = 0; i < G_N_ELEMENTS (ext); i++)
    {
      g_autofree char *name = g_strdup_printf ("mapshaper_gbk/chinese.%s", ext[i]);
      g_autofree char *from = bad_path (name);
      g_autofree char *to = g_strdup_printf ("%s/chinese.%s", dir, ext[i]);
      g_autofree char *bytes = NULL;
      gsize            len;

      g_assert_true (g_file_get_contents (from, &bytes, &len, NULL));
      g_assert_true (g_file_set_contents (to, bytes, len, NULL));
    }
  return g_strdup_printf ("%s/chinese.shp", dir);
}

static void
test_gbk_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *shp = copy_gbk_without_prj ();
  g_autofree char *spec = g_strconcat ("sites=", shp, NULL);
  g_autofree char *gpkg = g_strconcat (shp, ".gpkg", NULL);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  GrImportOptions options = { .source_crs = "EPSG:4546" };
  g_autoptr (GrProject) project = NULL;
  g_autoptr (GrProject) loaded = NULL;
  GrFeature *f;

  g_ptr_array_add (sources, gr_source_parse (spec, NULL));
  project = gr_project_import (NULL, sources, &options, &error);
  g_assert_no_error (error);
  f = g_ptr_array_index (project->layers[GR_ROLE_SITES]->features, 0);
  /* The DBF holds the GBK bytes BC F2 CC E5, 简体, with no .cpg. */
  g_assert_cmpstr (f->name, ==, "简体");
  g_assert_true (gr_project_save (project, gpkg, &error));
  loaded = gr_project_load (gpkg, &error);
  g_assert_no_error (error);
  f = g_ptr_array_index (loaded->layers[GR_ROLE_SITES]->features, 0);
  g_assert_cmpstr (f->name, ==, "简体");
}

static void
test_text_decoding (void)
{
  const char       gbk[] = { (char) 0xBC, (char) 0xF2, (char) 0xCC, (char) 0xE5, 0 };
  g_autofree char *auto_gbk = gr_text_to_utf8 (gbk, NULL);
  g_autofree char *utf8 = gr_text_to_utf8 ("公园", NULL);
  g_autofree char *latin = gr_text_to_utf8 ("caf\xe9", "ISO-8859-1");

  g_assert_cmpstr (auto_gbk, ==, "简体");
  g_assert_cmpstr (utf8, ==, "公园");
  g_assert_cmpstr (latin, ==, "café");
}

/* Numbers as the window and the report print them: grouped in threes
 * whatever the locale, never "-0". */
static void
test_number_format (void)
{
  const struct
  {
    double      value;
    int         decimals;
    const char *number, *change;
  } cases[] = {
    { 5743694.4, 0, "5,743,694", "+5,743,694" },
    { 1234.5678, 2, "1,234.57", "+1,234.57" },
    { 999.4, 0, "999", "+999" },
    { -0.04, 1, "0.0", "0" },
    { 0.0, 2, "0.00", "0" },
    { -7.16, 2, "-7.16", "-7.16" },
    { -1000000, 0, "-1,000,000", "-1,000,000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *number = gr_format_number (cases[i].value, cases[i].decimals);
      g_autofree char *change = gr_format_change (cases[i].value, cases[i].decimals, NULL);

      g_assert_cmpstr (number, ==, cases[i].number);
      g_assert_cmpstr (change, ==, cases[i].change);
    }
  {
    g_autofree char *pp = gr_format_change (-0.0001, 1, "pp");
    g_autofree char *nan = gr_format_number (NAN, 1);

    g_assert_cmpstr (pp, ==, "0 pp");
    g_assert_cmpstr (nan, ==, "–");
  }
}

GR_TEST_MAIN (gr_gdal_init,
              { "/project/text/number-format", test_number_format },
              { "/project/text/gbk-round-trip", test_gbk_round_trip },
              { "/project/text/decoding", test_text_decoding })
