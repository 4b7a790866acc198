/* test-landuse.c — one land-use layer sorted by its codes, as bureaus
 * deliver it
 *
 * A bureau-style copy of a real extract: Helsinki's OSM residential land,
 * parks, other green space and water written into one shapefile coded by
 * the 2023 land-use guide (DLBM 0701, 1401, 0301, 1701, commercial 0901 for
 * some buildings and an unknown 9999), with GBK names and no .cpg, in a
 * Gauss-Kruger CRS with the zone number before the easting; and the same
 * features as one shapefile per role. Read either way, the numbers must be
 * the same to the m².
 */
#include "gr-code-table.h"
#include "gr-park-class.h"
#include "gr-runtime.h"
#include "gr-test-main.h"
#include "gr-test-project.h"

#include <glib/gstdio.h>

/* A 3° Gauss-Kruger zone (central meridian 24°E) with its number, 8, before
 * the easting: the form of CGCS2000 zone coordinates, at Helsinki. */
#define PREFIXED_GK "+proj=tmerc +lat_0=0 +lon_0=24 +k=1 +x_0=8500000 +y_0=0 +ellps=GRS80 +units=m"

typedef struct
{
  GrProject *osm;
  char      *dir;
  char      *landuse;                 /* 用地现状.shp */
  char      *by_role[GR_N_ROLES + 1]; /* residential.shp … */
  guint      n[4];                    /* residential, park, green, water features written */
} Delivery;

static OGRLayerH
create_shapefile (GDALDatasetH *ds, const char *path, OGRSpatialReferenceH srs)
{
  GDALDriverH driver = GDALGetDriverByName ("ESRI Shapefile");
  const char *options[] = { "ENCODING=CP936", NULL };
  OGRLayerH   layer;
  const char *fields[] = { "DLBM", "MC", NULL };

  *ds = GDALCreate (driver, path, 0, 0, 0, GDT_Unknown, NULL);
  g_assert_nonnull (*ds);
  layer = GDALDatasetCreateLayer (*ds, "layer", srs, wkbMultiPolygon, (char **) options);
  g_assert_nonnull (layer);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      OGRFieldDefnH field = OGR_Fld_Create (fields[i], OFTString);

      g_assert_cmpint (OGR_L_CreateField (layer, field, TRUE), ==, OGRERR_NONE);
      OGR_Fld_Destroy (field);
    }
  return layer;
}

static void
write_feature (OGRLayerH layer, OGRGeometryH geometry, const char *code, const char *name)
{
  g_auto (OGRFeatureH) row = OGR_F_Create (OGR_L_GetLayerDefn (layer));

  OGR_F_SetFieldString (row, 0, code);
  if (name != NULL)
    OGR_F_SetFieldString (row, 1, name);
  OGR_F_SetGeometry (row, geometry);
  g_assert_cmpint (OGR_L_CreateFeature (layer, row), ==, OGRERR_NONE);
}

/* No .cpg: the importer must tell GBK from UTF-8 itself. */
static void
close_shapefile (GDALDatasetH ds, const char *path)
{
  g_autofree char *base = g_strndup (path, strlen (path) - 4);
  g_autofree char *cpg = g_strconcat (base, ".cpg", NULL);

  GDALClose (ds);
  g_remove (cpg);
}

static void
write_delivery (Delivery *d)
{
  static const struct
  {
    GrRole      role;
    const char *code;
    const char *name; /* in GBK, numbered */
  } coded[] = {
    { GR_ROLE_RESIDENTIAL, "0701", "住宅" },
    { GR_ROLE_PARK, "1401", "公园" },
    { GR_ROLE_GREEN, "0301", "林地" },
    { GR_ROLE_WATER, "1701", "水面" },
  };
  g_auto (OGRSpatialReferenceH) target = OSRNewSpatialReference (NULL);
  g_auto (OGRSpatialReferenceH) source = OSRNewSpatialReference (d->osm->crs_wkt);
  g_auto (OGRCoordinateTransformationH) ct = NULL;
  GDALDatasetH all_ds;
  OGRLayerH    all;

  OSRImportFromProj4 (target, PREFIXED_GK);
  OSRSetAxisMappingStrategy (target, OAMS_TRADITIONAL_GIS_ORDER);
  OSRSetAxisMappingStrategy (source, OAMS_TRADITIONAL_GIS_ORDER);
  ct = OCTNewCoordinateTransformation (source, target);
  d->landuse = g_build_filename (d->dir, "用地现状.shp", NULL);
  all = create_shapefile (&all_ds, d->landuse, target);
  for (guint c = 0; c < G_N_ELEMENTS (coded); c++)
    {
      GrLayer     *layer = d->osm->layers[coded[c].role];
      GDALDatasetH one_ds;
      OGRLayerH    one;

      d->by_role[coded[c].role] =
          g_strdup_printf ("%s/%s.shp", d->dir, gr_role_to_string (coded[c].role));
      one = create_shapefile (&one_ds, d->by_role[coded[c].role], target);
      for (guint i = 0; i < layer->features->len; i++)
        {
          GrFeature *f = g_ptr_array_index (layer->features, i);
          g_auto (OGRGeometryH) g = NULL;

          /* OSM parks are green space too; the land-use layer codes them
           * once, as parks. */
          if (coded[c].role == GR_ROLE_GREEN && g_strcmp0 (f->kind, "leisure=park") == 0)
            continue;
          g_autofree char *name = g_strdup_printf ("%s%u", coded[c].name, i);

          g = OGR_G_Clone (f->geometry);
          g_assert_cmpint (OGR_G_Transform (g, ct), ==, OGRERR_NONE);
          write_feature (all, g, coded[c].code, name);
          write_feature (one, g, coded[c].code, name);
          d->n[c]++;
        }
      close_shapefile (one_ds, d->by_role[coded[c].role]);
    }
  /* Codes that count for nothing: commercial land, and one the guide lacks. */
  for (guint i = 0; i < 40; i++)
    {
      GrFeature *f = g_ptr_array_index (d->osm->layers[GR_ROLE_BUILDINGS]->features, i);
      g_auto (OGRGeometryH) g = OGR_G_Clone (f->geometry);

      g_assert_cmpint (OGR_G_Transform (g, ct), ==, OGRERR_NONE);
      write_feature (all, g, i < 37 ? "0901" : "9999", "商业");
    }
  close_shapefile (all_ds, d->landuse);
}

static void
delivery_init (Delivery *d)
{
  memset (d, 0, sizeof *d);
  d->osm = import_osm ("helsinki-centre.osm.pbf");
  d->dir = gr_test_scratch_dir ();
  write_delivery (d);
}

static void
delivery_clear (Delivery *d)
{
  gr_project_free (d->osm);
  g_free (d->dir);
  g_free (d->landuse);
  for (guint r = 0; r <= GR_N_ROLES; r++)
    g_free (d->by_role[r]);
}

/* Sources from "ROLE=PATH" specs, NULL-terminated. */
static GrProject *
import_specs (const GrImportOptions *options, GError **error, ...)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  const char *spec;
  va_list     args;

  va_start (args, error);
  while ((spec = va_arg (args, const char *)) != NULL)
    {
      GrSource *source = gr_source_parse (spec, NULL);

      g_assert_nonnull (source);
      g_ptr_array_add (sources, source);
    }
  va_end (args);
  return gr_project_import (NULL, sources, options, error);
}

static GrProject *
import_landuse (Delivery *d, const GrImportOptions *options, GError **error)
{
  g_autofree char *spec = g_strconcat ("landuse=", d->landuse, NULL);

  return import_specs (options, error, spec, NULL);
}

static GrProject *
import_by_role (Delivery *d)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *r = g_strconcat ("residential=", d->by_role[GR_ROLE_RESIDENTIAL], NULL);
  g_autofree char *p = g_strconcat ("park=", d->by_role[GR_ROLE_PARK], NULL);
  g_autofree char *g = g_strconcat ("green=", d->by_role[GR_ROLE_GREEN], NULL);
  g_autofree char *w = g_strconcat ("water=", d->by_role[GR_ROLE_WATER], NULL);
  GrProject       *project = import_specs (NULL, &error, r, p, g, w, NULL);

  g_assert_no_error (error);
  return project;
}

static const GrCodeCount *
find_code (GrProject *project, const char *code)
{
  GrLanduseReport *report;

  g_assert_cmpuint (project->landuse->len, ==, 1);
  report = g_ptr_array_index (project->landuse, 0);
  for (guint i = 0; i < report->codes->len; i++)
    if (g_str_equal (g_array_index (report->codes, GrCodeCount, i).code, code))
      return &g_array_index (report->codes, GrCodeCount, i);
  return NULL;
}

static void
assert_same_amount (const GrAmount *a, const GrAmount *b)
{
  g_assert_cmpfloat_with_epsilon (a->area_m2, b->area_m2, 1.0);
}

static void
assert_same_figures (GrProject *a, GrProject *b, gboolean exact)
{
  GrEvaluation ea, eb;

  evaluate (a, exact, &ea);
  evaluate (b, exact, &eb);
  g_assert_cmpfloat (ea.city.residential.area_m2, >, 5e4);
  assert_same_amount (&ea.city.residential, &eb.city.residential);
  assert_same_amount (&ea.city.green, &eb.city.green);
  assert_same_amount (&ea.city.park, &eb.city.park);
  assert_same_amount (&ea.city.service, &eb.city.service);
  assert_same_amount (&ea.city.neither, &eb.city.neither);
  g_test_message ("%s: residential %.0f m², green-covered %.0f, park-covered %.0f, service %.0f",
                  exact ? "exact" : "grid", ea.city.residential.area_m2, ea.city.green.area_m2,
                  ea.city.park.area_m2, ea.city.service.area_m2);
  gr_evaluation_clear (&ea);
  gr_evaluation_clear (&eb);
}

static void
test_landuse_same_as_layers (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) coded = NULL;
  g_autoptr (GrProject) layered = NULL;
  GrLanduseReport   *report;
  const GrCodeCount *line;
  g_autofree char   *text = NULL;
  Delivery           d;

  delivery_init (&d);
  coded = import_landuse (&d, NULL, &error);
  g_assert_no_error (error);
  layered = import_by_role (&d);
  report = g_ptr_array_index (coded->landuse, 0);
  /* The table is recognised from the codes, the field found by its name. */
  g_assert_cmpstr (report->table_id, ==, "guide-2023");
  g_assert_cmpstr (report->field, ==, "DLBM");
  for (GrRole r = 0; r < GR_N_ROLES; r++)
    g_assert_cmpuint (coded->layers[r] != NULL ? coded->layers[r]->features->len : 0, ==,
                      layered->layers[r] != NULL ? layered->layers[r]->features->len : 0);
  g_assert_cmpuint (coded->layers[GR_ROLE_RESIDENTIAL]->features->len, ==, d.n[0]);
  assert_same_figures (coded, layered, FALSE);
  assert_same_figures (coded, layered, TRUE);
  /* Every code is listed with its features, area and role. */
  line = find_code (coded, "0701");
  g_assert_cmpuint (line->n_features, ==, d.n[0]);
  g_assert_cmpint (line->role, ==, GR_ROLE_RESIDENTIAL);
  g_assert_cmpstr (line->name, ==, "城镇住宅用地");
  g_assert_cmpfloat (line->area, >, 5e4);
  line = find_code (coded, "0901");
  g_assert_cmpuint (line->n_features, ==, 37);
  g_assert_true (line->known);
  g_assert_cmpint (line->role, ==, GR_ROLE_NONE);
  g_assert_cmpfloat (line->area, >, 0);
  line = find_code (coded, "9999");
  g_assert_false (line->known);
  g_assert_cmpuint (line->n_features, ==, 3);
  g_assert_cmpuint (gr_landuse_report_get_n_unknown (report), ==, 1);
  text = gr_landuse_report_to_text (report);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "  ! 9999"));
  g_assert_nonnull (strstr (text, "城镇住宅用地"));
  /* The unknown code is said, not counted silently. */
  g_assert_cmpuint (coded->warnings->len, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (coded->warnings, 0), "9999 (3)"));
  /* GBK names without a .cpg are read as GBK. */
  {
    gboolean found = FALSE;
    GrLayer *parks = coded->layers[GR_ROLE_PARK];

    for (guint i = 0; i < parks->features->len; i++)
      {
        GrFeature *f = g_ptr_array_index (parks->features, i);

        g_assert_nonnull (f->name);
        g_assert_true (f->name == NULL || g_utf8_validate (f->name, -1, NULL));
        g_assert_cmpstr (f->kind, ==, "1401 公园绿地");
        found = found || g_strcmp0 (f->name, "公园0") == 0;
      }
    g_assert_true (found);
  }
  delivery_clear (&d);
}

static void
test_landuse_strict (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = NULL;
  GrImportOptions options = { .strict = TRUE };
  Delivery        d;

  delivery_init (&d);
  project = import_landuse (&d, &options, &error);
  g_assert_null (project);
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "用地现状.shp"));
  g_assert_nonnull (strstr (error->message, "9999 (3)"));
  g_assert_nonnull (strstr (error->message, "guide-2023"));
  g_clear_error (&error);
  /* Named, the unknown code counts as told. */
  options.code_roles = (const char *const[]){ "9999=none", NULL };
  project = import_landuse (&d, &options, &error);
  g_assert_no_error (error);
  g_assert_true (find_code (project, "9999")->known);
  delivery_clear (&d);
}

/* Parks from the park inventory, everything else from the land-use layer. */
static void
test_landuse_mixed_with_layers (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) mixed = NULL;
  g_autoptr (GrProject) layered = NULL;
  g_autofree char *landuse = NULL;
  g_autofree char *park = NULL;
  Delivery         d;

  delivery_init (&d);
  landuse = g_strconcat ("landuse=", d.landuse, NULL);
  park = g_strconcat ("park=", d.by_role[GR_ROLE_PARK], NULL);
  mixed = import_specs (NULL, &error, landuse, park, NULL);
  g_assert_no_error (error);
  layered = import_by_role (&d);
  /* Not twice: the inventory's parks only. */
  g_assert_cmpuint (mixed->layers[GR_ROLE_PARK]->features->len, ==, d.n[1]);
  g_assert_false (find_code (mixed, "1401")->taken);
  assert_same_figures (mixed, layered, TRUE);
  delivery_clear (&d);
}

static void
test_landuse_overrides_and_options (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = NULL;
  GrImportOptions options = { .code_roles = (const char *const[]){ "0301=none", NULL } };
  Delivery        d;

  delivery_init (&d);
  /* Forest no longer counted as green: no green layer. */
  project = import_landuse (&d, &options, &error);
  g_assert_no_error (error);
  g_assert_null (project->layers[GR_ROLE_GREEN]);
  g_assert_cmpint (find_code (project, "0301")->role, ==, GR_ROLE_NONE);
  g_clear_pointer (&project, gr_project_free);
  /* A field that is not there is named with the fields there are. */
  options = (GrImportOptions){ .code_field = "YDDM" };
  project = import_landuse (&d, &options, &error);
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "YDDM"));
  g_assert_nonnull (strstr (error->message, "DLBM"));
  g_clear_error (&error);
  /* Read with the wrong table, the codes mean other things: 0701 is
   * nothing in GB 50137, so nothing is counted, and it says so. */
  options = (GrImportOptions){ .code_table = "gb-50137-2011" };
  project = import_landuse (&d, &options, &error);
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY);
  g_clear_error (&error);
  options = (GrImportOptions){ .code_table = "no-such-table" };
  project = import_landuse (&d, &options, &error);
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "guide-2023"));
  g_clear_error (&error);
  options = (GrImportOptions){ .code_roles = (const char *const[]){ "0301=forest", NULL } };
  project = import_landuse (&d, &options, &error);
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "0301=forest"));
  delivery_clear (&d);
}

/* Over an OSM extract, the land-use layer's roles take the place of the
 * extract's (as Import Layer over an open extract, and so a reimport of
 * both reads what the window showed); the extract keeps the rest. */
static void
test_landuse_over_osm (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  g_autofree char *osm = extract_path ("helsinki-centre.osm.pbf");
  g_autofree char *spec = NULL;
  g_autoptr (GrProject) both = NULL;
  Delivery d;

  delivery_init (&d);
  spec = g_strconcat ("landuse=", d.landuse, NULL);
  g_ptr_array_add (sources, gr_source_parse (spec, NULL));
  both = gr_project_import (osm, sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (both->layers[GR_ROLE_RESIDENTIAL]->features->len, ==, d.n[0]);
  g_assert_cmpuint (both->layers[GR_ROLE_PARK]->features->len, ==, d.n[1]);
  g_assert_cmpuint (both->layers[GR_ROLE_GREEN]->features->len, ==, d.n[2]);
  g_assert_cmpuint (both->layers[GR_ROLE_WALK]->features->len, ==,
                    d.osm->layers[GR_ROLE_WALK]->features->len);
  delivery_clear (&d);
}

static GrCodeTable *
builtin_table (const char *id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = gr_runtime_data_path ("landuse");
  g_autoptr (GPtrArray) tables = gr_code_tables_load (dir, &error);
  GrCodeTable *table;

  g_assert_no_error (error);
  g_assert_cmpuint (tables->len, ==, 4);
  table = gr_code_tables_find (tables, id, &error);
  g_assert_no_error (error);
  return table;
}

static void
assert_code (GrCodeTable *table, const char *code, GrRole role, const char *klass, gboolean exact)
{
  gboolean           is_exact;
  const GrCodeEntry *entry = gr_code_table_lookup (table, code, &is_exact);

  g_assert_nonnull (entry);
  g_assert_cmpint (entry->role, ==, role);
  g_assert_cmpstr (entry->klass, ==, klass);
  g_assert_cmpint (is_exact, ==, exact);
}

/* The four tables read the standards' codes as their files state. */
static void
test_landuse_tables (void)
{
  g_autoptr (GrCodeTable) guide = builtin_table ("guide-2023");
  g_autoptr (GrCodeTable) survey = builtin_table ("gbt-21010-2017");
  g_autoptr (GrCodeTable) urban = builtin_table ("gb-50137-2011");
  g_autoptr (GrCodeTable) green = builtin_table ("cjjt-85-2017");

  assert_code (guide, "070102", GR_ROLE_RESIDENTIAL, NULL, TRUE);
  assert_code (guide, "0703", GR_ROLE_RESIDENTIAL, NULL, TRUE);
  assert_code (guide, "1401", GR_ROLE_PARK, NULL, TRUE);
  assert_code (guide, "1402", GR_ROLE_NONE, NULL, TRUE);
  assert_code (guide, "1403", GR_ROLE_GREEN, NULL, TRUE);
  assert_code (guide, "1704", GR_ROLE_WATER, NULL, TRUE);
  assert_code (guide, "0899", GR_ROLE_NONE, NULL, FALSE);               /* by its group 08 */
  assert_code (guide, "701", GR_ROLE_RESIDENTIAL, NULL, TRUE);          /* a number field's 0701 */
  assert_code (guide, "城镇住宅用地", GR_ROLE_RESIDENTIAL, NULL, TRUE); /* a DLMC name */
  g_assert_null (gr_code_table_lookup (guide, "9999", NULL));
  assert_code (survey, "0702", GR_ROLE_RESIDENTIAL, NULL, TRUE);
  assert_code (survey, "0810", GR_ROLE_PARK, NULL, TRUE);
  assert_code (survey, "0810A", GR_ROLE_GREEN, NULL, TRUE);
  assert_code (survey, "1101", GR_ROLE_WATER, NULL, TRUE);
  assert_code (survey, "0501", GR_ROLE_NONE, NULL, TRUE);
  assert_code (urban, "R21", GR_ROLE_RESIDENTIAL, NULL, TRUE);
  assert_code (urban, "G1", GR_ROLE_PARK, NULL, TRUE);
  assert_code (urban, "G2", GR_ROLE_NONE, NULL, TRUE);
  assert_code (urban, "E1", GR_ROLE_WATER, NULL, TRUE);
  assert_code (green, "G12", GR_ROLE_PARK, "G12", TRUE);
  assert_code (green, "G132", GR_ROLE_PARK, "G13", TRUE);
  assert_code (green, "g14", GR_ROLE_PARK, "G14", TRUE);
  assert_code (green, "EG14", GR_ROLE_PARK, "EG", TRUE);
  assert_code (green, "EG4", GR_ROLE_NURSERY, NULL, TRUE);
  /* The class a code means is the park's class. */
  g_assert_cmpint (gr_park_class_from_kind ("EG 森林公园", 1e6, NULL), ==, GR_PARK_CLASS_COUNTRY);
  g_assert_cmpint (gr_park_class_from_kind ("G12 社区公园", 500, NULL), ==,
                   GR_PARK_CLASS_COMMUNITY);
  /* An override reaches the codes below the one overridden. */
  g_assert_true (gr_code_table_set_role (guide, "07", "none", NULL));
  assert_code (guide, "070102", GR_ROLE_NONE, NULL, TRUE);
}

/* Codes that two tables both have but read differently are not guessed. */
static void
test_landuse_ambiguous (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = gr_runtime_data_path ("landuse");
  g_autoptr (GPtrArray) tables = gr_code_tables_load (dir, &error);
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GrCodeTable) table = NULL;

  /* 0701 is housing in both; 1101 is a river in GB/T 21010, storage in the
   * 2023 guide. */
  g_hash_table_insert (counts, "0701", GUINT_TO_POINTER (10));
  g_hash_table_insert (counts, "1101", GUINT_TO_POINTER (4));
  table = gr_code_tables_detect (tables, counts, "x.shp", &error);
  g_assert_null (table);
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "guide-2023"));
  g_assert_nonnull (strstr (error->message, "gbt-21010-2017"));
  g_clear_error (&error);
  /* 0810 is the survey's alone. */
  g_hash_table_insert (counts, "0810", GUINT_TO_POINTER (4));
  table = gr_code_tables_detect (tables, counts, "x.shp", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gr_code_table_get_id (table), ==, "gbt-21010-2017");
}

static void
test_landuse_bad_tables (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrCodeTable) table = NULL;

  table = gr_code_table_new_from_text ("code,name,role\n07,居住,houses\n", "my.csv", &error);
  g_assert_null (table);
  g_assert_nonnull (strstr (error->message, "my.csv, line 2"));
  g_clear_error (&error);
  table = gr_code_table_new_from_text ("code,name,role\n0701,住宅,\n", "my.csv", &error);
  g_assert_null (table);
  g_assert_nonnull (strstr (error->message, "0701"));
  g_clear_error (&error);
  table = gr_code_table_new_from_text ("code,name,role\n07,a,none\n07,b,park\n", "my.csv", &error);
  g_assert_null (table);
  g_assert_nonnull (strstr (error->message, "twice"));
  g_clear_error (&error);
  /* A user's own table: a spreadsheet's BOM and quotes are fine. */
  table = gr_code_table_new_from_text ("\xEF\xBB\xBF"
                                       "code,name,role\n\"GY\",\"公园\",\"park\"\nGY1,街头绿地,\n",
                                       "my.csv", &error);
  g_assert_no_error (error);
  assert_code (table, "GY1", GR_ROLE_PARK, NULL, TRUE);
  g_assert_cmpstr (gr_code_table_get_id (table), ==, "my");
}

GR_TEST_MAIN (gr_gdal_init,
              { "/project/landuse/same-as-layers", test_landuse_same_as_layers },
              { "/project/landuse/strict", test_landuse_strict },
              { "/project/landuse/mixed-with-layers", test_landuse_mixed_with_layers },
              { "/project/landuse/over-osm", test_landuse_over_osm },
              { "/project/landuse/overrides-and-options", test_landuse_overrides_and_options },
              { "/project/landuse/tables", test_landuse_tables },
              { "/project/landuse/ambiguous", test_landuse_ambiguous },
              { "/project/landuse/bad-tables", test_landuse_bad_tables })
