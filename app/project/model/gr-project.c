/* gr-project.c — a city's layers in one analysis CRS, and its project file */
#include "config.h"

#include "gr-project.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>

#define PROJECT_FORMAT "greenreach-project"
#define PROJECT_FORMAT_VERSION "1"

G_DEFINE_QUARK (gr-project-error-quark, gr_project_error)

typedef struct
{
  const char *name;
  GrShape     shape;
  const char *label;
} RoleInfo;

static const RoleInfo roles[GR_N_ROLES] = {
  [GR_ROLE_GREEN] = { "green", GR_SHAPE_AREA, N_("green space") },
  [GR_ROLE_PARK] = { "park", GR_SHAPE_AREA, N_("parks") },
  [GR_ROLE_RESIDENTIAL] = { "residential", GR_SHAPE_AREA, N_("residential land") },
  [GR_ROLE_POPULATION] = { "population", GR_SHAPE_AREA_OR_POINT, N_("population") },
  [GR_ROLE_WALK] = { "walk", GR_SHAPE_LINE, N_("walking network") },
  [GR_ROLE_GREENWAY] = { "greenway", GR_SHAPE_LINE, N_("greenways") },
  [GR_ROLE_CORRIDOR] = { "corridor", GR_SHAPE_AREA, N_("ecological corridors") },
  [GR_ROLE_WATER] = { "water", GR_SHAPE_AREA, N_("water") },
  [GR_ROLE_ZONES] = { "zones", GR_SHAPE_AREA, N_("zones") },
  [GR_ROLE_BUILDINGS] = { "buildings", GR_SHAPE_AREA, N_("buildings") },
  [GR_ROLE_NURSERY] = { "nursery", GR_SHAPE_AREA, N_("nursery land") },
  [GR_ROLE_BUILTUP] = { "builtup", GR_SHAPE_AREA, N_("built-up area") },
  [GR_ROLE_SITES] = { "sites", GR_SHAPE_AREA_OR_POINT, N_("candidate sites") },
  [GR_ROLE_ENTRANCES] = { "entrances", GR_SHAPE_POINT, N_("park entrances") },
};

const char *
gr_role_to_string (GrRole role)
{
  g_return_val_if_fail (role < GR_N_ROLES, NULL);
  return roles[role].name;
}

gboolean
gr_role_from_string (const char *text,
                     GrRole     *role)
{
  for (guint i = 0; i < GR_N_ROLES; i++)
    if (g_ascii_strcasecmp (text, roles[i].name) == 0)
      {
        *role = i;
        return TRUE;
      }
  return FALSE;
}

GrShape
gr_role_get_shape (GrRole role)
{
  g_return_val_if_fail (role < GR_N_ROLES, GR_SHAPE_AREA);
  return roles[role].shape;
}

const char *
gr_role_get_label (GrRole role)
{
  g_return_val_if_fail (role < GR_N_ROLES, NULL);
  return _(roles[role].label);
}

/**
 * gr_role_guess_from_name:
 * @name: a file or layer name, in English, Chinese or pinyin
 *
 * The role a bureau's file name most likely means (绿地.shp, parks.gpkg,
 * juzhu_yongdi.shp…), to preselect in the import dialog. Specific words
 * are tried before general ones: 公园绿地 is a park layer, 绿道 a greenway.
 *
 * Returns: %TRUE with @role set when a word matched.
 */
gboolean
gr_role_guess_from_name (const char *name,
                         GrRole     *role)
{
  static const struct
  {
    GrRole      role;
    const char *words;
  } table[] = {
    { GR_ROLE_GREENWAY, "greenway|绿道|lvdao" },
    { GR_ROLE_CORRIDOR, "corridor|廊道|langdao" },
    { GR_ROLE_NURSERY, "nursery|苗圃|miaopu" },
    { GR_ROLE_ENTRANCES, "entrance|gate|出入口|入口" },
    { GR_ROLE_SITES, "candidate|site|候选|选址" },
    { GR_ROLE_POPULATION, "population|pop|人口|renkou|worldpop" },
    { GR_ROLE_RESIDENTIAL, "residential|housing|居住|住宅|juzhu|zhuzhai" },
    { GR_ROLE_BUILDINGS, "building|建筑|jianzhu" },
    { GR_ROLE_BUILTUP, "builtup|built_up|built-up|建成区|jianchengqu" },
    { GR_ROLE_PARK, "park|公园|gongyuan" },
    { GR_ROLE_GREEN, "green|绿地|lvdi" },
    { GR_ROLE_WATER, "water|river|lake|水|shui" },
    { GR_ROLE_WALK, "walk|road|street|path|network|道路|路网|daolu" },
    { GR_ROLE_ZONES, "zone|district|county|boundary|admin|行政|街道|社区|区县|jiedao|shequ" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (gr_text_has_word (name, table[i].words))
      {
        *role = table[i].role;
        return TRUE;
      }
  return FALSE;
}

/**
 * gr_text_has_word:
 * @text: (nullable): a name or class, in any case
 * @words: lower-case words separated by '|'
 *
 * Whether @text contains one of @words, ignoring case: how names and
 * class fields written by people are read.
 */
gboolean
gr_text_has_word (const char *text,
                  const char *words)
{
  g_autofree char *lower = text != NULL ? g_utf8_strdown (text, -1) : NULL;
  g_auto (GStrv) list = NULL;

  if (lower == NULL)
    return FALSE;
  list = g_strsplit (words, "|", -1);
  for (guint w = 0; list[w] != NULL; w++)
    if (strstr (lower, list[w]) != NULL)
      return TRUE;
  return FALSE;
}

GrFeature *
gr_feature_new (OGRGeometryH geometry)
{
  GrFeature *feature = g_new0 (GrFeature, 1);

  feature->geometry = geometry;
  feature->value = NAN;
  return feature;
}

void
gr_feature_free (GrFeature *feature)
{
  if (feature == NULL)
    return;
  if (feature->geometry != NULL)
    OGR_G_DestroyGeometry (feature->geometry);
  g_free (feature->name);
  g_free (feature->kind);
  g_free (feature);
}

GrProject *
gr_project_new (void)
{
  GrProject *project = g_new0 (GrProject, 1);

  project->rules = gr_service_rules_new_default ();
  project->warnings = g_ptr_array_new_with_free_func (g_free);
  gr_bounds_clear (project->extent);
  return project;
}

static void
layer_free (GrLayer *layer)
{
  if (layer == NULL)
    return;
  g_free (layer->sources);
  g_clear_pointer (&layer->features, g_ptr_array_unref);
  g_free (layer);
}

void
gr_project_free (GrProject *project)
{
  if (project == NULL)
    return;
  for (guint i = 0; i < GR_N_ROLES; i++)
    layer_free (project->layers[i]);
  gr_service_rules_free (project->rules);
  g_ptr_array_unref (project->warnings);
  g_free (project->crs_name);
  g_free (project->crs_wkt);
  g_free (project);
}

GrLayer *
gr_project_ensure_layer (GrProject *project,
                         GrRole     role)
{
  g_return_val_if_fail (role < GR_N_ROLES, NULL);

  if (project->layers[role] == NULL)
    {
      GrLayer *layer = g_new0 (GrLayer, 1);

      layer->role = role;
      layer->features = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_feature_free);
      project->layers[role] = layer;
    }
  return project->layers[role];
}

/* The box around a layer's features, analysis CRS; empty for no layer. */
void
gr_layer_get_bounds (const GrLayer *layer,
                     double         bounds[4])
{
  gr_bounds_clear (bounds);
  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    {
      OGREnvelope env;

      OGR_G_GetEnvelope (((GrFeature *) g_ptr_array_index (layer->features, i))->geometry, &env);
      gr_bounds_union (bounds, (const double[4]){ env.MinX, env.MinY, env.MaxX, env.MaxY });
    }
}

void
gr_project_update_extent (GrProject *project)
{
  gr_bounds_clear (project->extent);
  for (guint r = 0; r < GR_N_ROLES; r++)
    {
      double bounds[4];

      gr_layer_get_bounds (project->layers[r], bounds);
      gr_bounds_union (project->extent, bounds);
    }
}

static void
append_rings (OGRGeometryH geometry, GArray *xy, GArray *ends)
{
  OGRwkbGeometryType type = wkbFlatten (OGR_G_GetGeometryType (geometry));

  if (type == wkbPolygon)
    {
      for (int r = 0; r < OGR_G_GetGeometryCount (geometry); r++)
        {
          OGRGeometryH ring = OGR_G_GetGeometryRef (geometry, r);
          int n = OGR_G_GetPointCount (ring);
          guint start = xy->len / 2;

          if (n < 3)
            continue;
          g_array_set_size (xy, xy->len + 2 * n);
          OGR_G_GetPoints (ring, &g_array_index (xy, double, 2 * start), 2 * sizeof (double),
                           &g_array_index (xy, double, 2 * start + 1), 2 * sizeof (double),
                           NULL, 0);
          /* OGR repeats the first point at the end; GrPolygon closes implicitly. */
          if (OGR_G_GetX (ring, 0) == OGR_G_GetX (ring, n - 1)
              && OGR_G_GetY (ring, 0) == OGR_G_GetY (ring, n - 1))
            {
              n--;
              g_array_set_size (xy, xy->len - 2);
            }
          g_array_append_vals (ends, &(guint){ start + n }, 1);
        }
    }
  else if (type == wkbMultiPolygon || type == wkbGeometryCollection)
    {
      for (int i = 0; i < OGR_G_GetGeometryCount (geometry); i++)
        append_rings (OGR_G_GetGeometryRef (geometry, i), xy, ends);
    }
}

/* The polygonal part of an OGR geometry as a GrPolygon; NULL if it has none. */
GrPolygon *
gr_polygon_new_from_ogr (OGRGeometryH geometry)
{
  g_autoptr (GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));

  append_rings (geometry, xy, ends);
  if (ends->len == 0)
    return NULL;
  return gr_polygon_new ((double *) xy->data, xy->len / 2, (guint *) ends->data, ends->len);
}

/* ---- the project file ------------------------------------------------- */

static OGRwkbGeometryType
role_geometry_type (GrRole role)
{
  switch (gr_role_get_shape (role))
    {
    case GR_SHAPE_AREA:
      return wkbMultiPolygon;
    case GR_SHAPE_LINE:
      return wkbMultiLineString;
    case GR_SHAPE_POINT:
      return wkbMultiPoint;
    case GR_SHAPE_AREA_OR_POINT:
    default:
      return wkbUnknown;
    }
}

static void
add_field (OGRLayerH layer, const char *name, OGRFieldType type)
{
  OGRFieldDefnH defn = OGR_Fld_Create (name, type);

  OGR_L_CreateField (layer, defn, TRUE);
  OGR_Fld_Destroy (defn);
}

static gboolean
write_error (GError **error, const char *path, const char *what)
{
  g_autofree char *gdal = gr_gdal_capture_end ();

  gr_gdal_capture_begin ();
  g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
               _("%s: could not write %s: %s"), path, what,
               gdal != NULL ? gdal : g_strerror (errno));
  return FALSE;
}

static gboolean
write_role_layer (GDALDatasetH ds, const GrLayer *layer, OGRSpatialReferenceH srs,
                  const char *path, GError **error)
{
  const char *name = gr_role_to_string (layer->role);
  const char *options[] = { "FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES", NULL };
  OGRLayerH out = GDALDatasetCreateLayer (ds, name, srs, role_geometry_type (layer->role),
                                          (char **) options);

  if (out == NULL)
    return write_error (error, path, name);
  add_field (out, "name", OFTString);
  add_field (out, "kind", OFTString);
  add_field (out, "value", OFTReal);
  add_field (out, "historic", OFTInteger);
  for (guint i = 0; i < layer->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (layer->features, i);
      g_auto (OGRFeatureH) row = OGR_F_Create (OGR_L_GetLayerDefn (out));

      OGR_F_SetGeometry (row, f->geometry);
      if (f->name != NULL)
        OGR_F_SetFieldString (row, 0, f->name);
      if (f->kind != NULL)
        OGR_F_SetFieldString (row, 1, f->kind);
      if (!isnan (f->value))
        OGR_F_SetFieldDouble (row, 2, f->value);
      OGR_F_SetFieldInteger (row, 3, f->historic);
      if (OGR_L_CreateFeature (out, row) != OGRERR_NONE)
        return write_error (error, path, name);
    }
  return TRUE;
}

static OGRLayerH
create_table (GDALDatasetH ds, const char *name, const char *const *fields)
{
  OGRLayerH table = GDALDatasetCreateLayer (ds, name, NULL, wkbNone, NULL);

  for (guint i = 0; table != NULL && fields[i] != NULL; i += 2)
    add_field (table, fields[i], fields[i + 1][0] == 'r' ? OFTReal : OFTString);
  return table;
}

static gboolean
write_meta (GDALDatasetH ds, GrProject *project, const char *path, GError **error)
{
  const char *fields[] = { "key", "s", "value", "s", NULL };
  OGRLayerH table = create_table (ds, "gr_meta", fields);
  g_autofree char *epsg = g_strdup_printf ("%d", project->epsg);
  g_autofree char *repaired = g_strdup_printf ("%u", project->repaired);
  const char *pairs[] = {
    "format", PROJECT_FORMAT,
    "format_version", PROJECT_FORMAT_VERSION,
    "program_version", PACKAGE_VERSION,
    "crs_name", project->crs_name,
    "crs_epsg", epsg,
    "repaired_geometries", repaired,
    NULL,
  };

  if (table == NULL)
    return write_error (error, path, "gr_meta");
  for (guint i = 0; pairs[i] != NULL; i += 2)
    {
      g_auto (OGRFeatureH) row = OGR_F_Create (OGR_L_GetLayerDefn (table));

      OGR_F_SetFieldString (row, 0, pairs[i]);
      OGR_F_SetFieldString (row, 1, pairs[i + 1] != NULL ? pairs[i + 1] : "");
      if (OGR_L_CreateFeature (table, row) != OGRERR_NONE)
        return write_error (error, path, "gr_meta");
    }
  return TRUE;
}

static gboolean
write_roles (GDALDatasetH ds, GrProject *project, const char *path, GError **error)
{
  const char *fields[] = { "layer", "s", "role", "s", "sources", "s", NULL };
  OGRLayerH table = create_table (ds, "gr_roles", fields);

  if (table == NULL)
    return write_error (error, path, "gr_roles");
  for (guint r = 0; r < GR_N_ROLES; r++)
    {
      g_auto (OGRFeatureH) row = NULL;

      if (project->layers[r] == NULL)
        continue;
      row = OGR_F_Create (OGR_L_GetLayerDefn (table));
      OGR_F_SetFieldString (row, 0, gr_role_to_string (r));
      OGR_F_SetFieldString (row, 1, gr_role_to_string (r));
      OGR_F_SetFieldString (row, 2, project->layers[r]->sources ? project->layers[r]->sources : "");
      if (OGR_L_CreateFeature (table, row) != OGRERR_NONE)
        return write_error (error, path, "gr_roles");
    }
  return TRUE;
}

static gboolean
write_rules (GDALDatasetH ds, GrProject *project, const char *path, GError **error)
{
  const char *fields[] = { "min_area_m2", "r", "max_area_m2", "r", "radius_m", "r",
                           "historic_only", "s", NULL };
  OGRLayerH table = create_table (ds, "gr_rules", fields);

  if (table == NULL)
    return write_error (error, path, "gr_rules");
  for (guint i = 0; i < gr_service_rules_get_n_rules (project->rules); i++)
    {
      const GrServiceRule *rule = gr_service_rules_get_rule (project->rules, i);
      g_auto (OGRFeatureH) row = OGR_F_Create (OGR_L_GetLayerDefn (table));

      OGR_F_SetFieldDouble (row, 0, rule->min_area);
      if (!isinf (rule->max_area))
        OGR_F_SetFieldDouble (row, 1, rule->max_area);
      OGR_F_SetFieldDouble (row, 2, rule->radius);
      OGR_F_SetFieldString (row, 3, rule->historic_only ? "yes" : "no");
      if (OGR_L_CreateFeature (table, row) != OGRERR_NONE)
        return write_error (error, path, "gr_rules");
    }
  return TRUE;
}

static gboolean
write_all (GDALDatasetH ds, GrProject *project, const char *path, GError **error)
{
  g_auto (OGRSpatialReferenceH) srs = gr_srs_new_from_user (project->crs_wkt);

  if (srs == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                   _("%s: the project has no usable coordinate reference system"), path);
      return FALSE;
    }
  for (guint r = 0; r < GR_N_ROLES; r++)
    if (project->layers[r] != NULL
        && !write_role_layer (ds, project->layers[r], srs, path, error))
      return FALSE;
  return write_meta (ds, project, path, error)
         && write_roles (ds, project, path, error)
         && write_rules (ds, project, path, error);
}

/**
 * gr_project_save:
 *
 * Writes the project as a GeoPackage. It is written beside @path and moved
 * over it only when complete, so a failure never leaves a partial project.
 */
gboolean
gr_project_save (GrProject  *project,
                 const char *path,
                 GError    **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  GDALDriverH driver;
  GDALDatasetH ds;
  gboolean ok;

  gr_gdal_init ();
  driver = GDALGetDriverByName ("GPKG");
  g_unlink (partial);
  gr_gdal_capture_begin ();
  ds = GDALCreate (driver, partial, 0, 0, 0, GDT_Unknown, NULL);
  if (ds == NULL)
    return write_error (error, path, _("the project file"));
  /* One transaction: a GeoPackage written feature by feature is ~10× slower. */
  GDALDatasetStartTransaction (ds, FALSE);
  ok = write_all (ds, project, path, error);
  ok = ok && (GDALDatasetCommitTransaction (ds) == OGRERR_NONE
              || write_error (error, path, _("the project file")));
  GDALClose (ds);
  g_free (gr_gdal_capture_end ());
  if (ok && g_rename (partial, path) != 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                   _("%s: could not write the project file: %s"), path, g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (partial);
  return ok;
}

/* ---- reading it back --------------------------------------------------- */

static GDALDatasetH
open_gpkg (const char *path)
{
  const char *drivers[] = { "GPKG", NULL };

  gr_gdal_init ();
  return GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                     drivers, NULL, NULL);
}

static char *
meta_value (GDALDatasetH ds, const char *key)
{
  OGRLayerH table = GDALDatasetGetLayerByName (ds, "gr_meta");
  OGRFeatureH row;
  char *value = NULL;

  if (table == NULL)
    return NULL;
  OGR_L_ResetReading (table);
  while (value == NULL && (row = OGR_L_GetNextFeature (table)) != NULL)
    {
      if (g_strcmp0 (OGR_F_GetFieldAsString (row, 0), key) == 0)
        value = g_strdup (OGR_F_GetFieldAsString (row, 1));
      OGR_F_Destroy (row);
    }
  return value;
}

gboolean
gr_project_file_is_project (const char *path)
{
  g_autofree char *format = NULL;
  g_auto (GDALDatasetH) ds = NULL;

  gr_gdal_capture_begin ();
  ds = open_gpkg (path);
  g_free (gr_gdal_capture_end ());
  if (ds == NULL)
    return FALSE;
  format = meta_value (ds, "format");
  return g_strcmp0 (format, PROJECT_FORMAT) == 0;
}

static gboolean
read_role_layer (GDALDatasetH ds, GrProject *project, GrRole role, const char *sources,
                 const char *path, GError **error)
{
  OGRLayerH in = GDALDatasetGetLayerByName (ds, gr_role_to_string (role));
  GrLayer *layer;
  OGRFeatureH row;

  if (in == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _("%s: the project lists a “%s” layer but the file has none"),
                   path, gr_role_to_string (role));
      return FALSE;
    }
  layer = gr_project_ensure_layer (project, role);
  layer->sources = g_strdup (sources);
  OGR_L_ResetReading (in);
  while ((row = OGR_L_GetNextFeature (in)) != NULL)
    {
      OGRGeometryH geometry = OGR_F_StealGeometry (row);
      GrFeature *f;

      if (geometry != NULL)
        {
          f = gr_feature_new (geometry);
          f->name = OGR_F_IsFieldSetAndNotNull (row, 0) ? g_strdup (OGR_F_GetFieldAsString (row, 0)) : NULL;
          f->kind = OGR_F_IsFieldSetAndNotNull (row, 1) ? g_strdup (OGR_F_GetFieldAsString (row, 1)) : NULL;
          f->value = OGR_F_IsFieldSetAndNotNull (row, 2) ? OGR_F_GetFieldAsDouble (row, 2) : NAN;
          f->historic = OGR_F_GetFieldAsInteger (row, 3) != 0;
          g_ptr_array_add (layer->features, f);
        }
      OGR_F_Destroy (row);
    }
  if (project->crs_wkt == NULL && OGR_L_GetSpatialRef (in) != NULL)
    OSRExportToWkt (OGR_L_GetSpatialRef (in), &project->crs_wkt);
  return TRUE;
}

static gboolean
read_rules (GDALDatasetH ds, GrProject *project, const char *path, GError **error)
{
  OGRLayerH table = GDALDatasetGetLayerByName (ds, "gr_rules");
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) local = NULL;
  GrServiceRules *rules;
  OGRFeatureH row;

  if (table == NULL)
    return TRUE;
  while ((row = OGR_L_GetNextFeature (table)) != NULL)
    {
      /* OGR's string buffer is reused on each call: copy field by field. */
      for (int i = 0; i < 4; i++)
        g_string_append_printf (text, "%s%s", i ? "," : "",
                                OGR_F_IsFieldSetAndNotNull (row, i) ? OGR_F_GetFieldAsString (row, i) : "");
      g_string_append_c (text, '\n');
      OGR_F_Destroy (row);
    }
  rules = gr_service_rules_parse (text->str, &local);
  if (rules == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _("%s: the service-radius rules are damaged: %s"), path, local->message);
      return FALSE;
    }
  gr_service_rules_free (project->rules);
  project->rules = rules;
  return TRUE;
}

static gboolean
read_project (GDALDatasetH ds, GrProject *project, const char *path, GError **error)
{
  OGRLayerH table = GDALDatasetGetLayerByName (ds, "gr_roles");
  g_autofree char *epsg = meta_value (ds, "crs_epsg");
  g_autofree char *repaired = meta_value (ds, "repaired_geometries");
  OGRFeatureH row;
  gboolean ok = TRUE;

  project->crs_name = meta_value (ds, "crs_name");
  project->epsg = epsg != NULL ? atoi (epsg) : 0;
  project->repaired = repaired != NULL ? (guint) atoi (repaired) : 0;
  while (ok && table != NULL && (row = OGR_L_GetNextFeature (table)) != NULL)
    {
      GrRole role;

      if (gr_role_from_string (OGR_F_GetFieldAsString (row, 1), &role))
        ok = read_role_layer (ds, project, role, OGR_F_GetFieldAsString (row, 2), path, error);
      OGR_F_Destroy (row);
    }
  return ok && read_rules (ds, project, path, error);
}

GrProject *
gr_project_load (const char *path,
                 GError    **error)
{
  g_autoptr (GrProject) project = gr_project_new ();
  g_autofree char *format = NULL;
  g_autofree char *version = NULL;
  g_autofree char *gdal = NULL;
  g_auto (GDALDatasetH) ds = NULL;

  gr_gdal_capture_begin ();
  ds = open_gpkg (path);
  gdal = gr_gdal_capture_end ();
  if (ds == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                   _("%s: not a readable GeoPackage: %s"), path,
                   gdal != NULL ? gdal : _("unknown error"));
      return NULL;
    }
  format = meta_value (ds, "format");
  version = meta_value (ds, "format_version");
  if (g_strcmp0 (format, PROJECT_FORMAT) != 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _("%s: a GeoPackage, but not a Greenreach project; import it with a role, "
                     "e.g. “park=%s”"), path, path);
      return NULL;
    }
  if (g_strcmp0 (version, PROJECT_FORMAT_VERSION) != 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _("%s: project format version %s is not supported by this version"),
                   path, version != NULL ? version : "?");
      return NULL;
    }
  if (!read_project (ds, project, path, error))
    return NULL;
  gr_project_update_extent (project);
  return g_steal_pointer (&project);
}
