/* gr-project-file.c — a project as one GeoPackage: its layers, roles,
 * service rules and metadata, written and read back
 */
#include "config.h"

#include "gr-project-file.h"

#include "gr-db.h"
#include "gr-pg.h"
#include "gr-scenario-store.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#define PROJECT_FORMAT         "greenreach-project"
#define PROJECT_FORMAT_VERSION "1"

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
  int              saved = errno;
  g_autofree char *gdal = gr_gdal_capture_end ();

  gr_gdal_capture_begin ();
  /* SQLite says "database or disk is full", or "disk I/O error" when the
   * file may grow no more. */
  if (saved == ENOSPC || saved == EFBIG
      || (gdal != NULL && (strstr (gdal, "disk is full") || strstr (gdal, "disk I/O error"))))
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                 _ ("%s: could not write %s: the disk is full or cannot be written; nothing was "
                    "changed"),
                 path, what);
  else
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE, _ ("%s: could not write %s: %s"),
                 path, what, gdal != NULL ? gdal : g_strerror (saved));
  return FALSE;
}

static gboolean
in_database (GDALDatasetH ds)
{
  return g_strcmp0 (GDALGetDriverShortName (GDALGetDatasetDriver (ds)), "PostgreSQL") == 0;
}

static gboolean
write_role_layer (GDALDatasetH         ds,
                  GrLayer             *layer,
                  OGRSpatialReferenceH srs,
                  const char          *path,
                  GError             **error)
{
  const char *name = gr_role_to_string (layer->role);
  /* In PostGIS: a typed geometry column with the project's SRID, listed
   * in geometry_columns, with a GiST index: what QGIS opens as it is. */
  const char *gpkg[] = { "FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES", NULL };
  const char *pg[] = { "FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=GIST", "LAUNDER=NO", NULL };
  OGRLayerH   out = GDALDatasetCreateLayer (ds, name, srs, role_geometry_type (layer->role),
                                            (char **) (in_database (ds) ? pg : gpkg));

  if (out == NULL)
    return write_error (error, path, name);
  add_field (out, "name", OFTString);
  add_field (out, "kind", OFTString);
  add_field (out, "value", OFTReal);
  add_field (out, "historic", OFTInteger);
  add_field (out, "origin", OFTString);
  if (layer->role == GR_ROLE_POPULATION)
    {
      add_field (out, "children", OFTReal);
      add_field (out, "elderly", OFTReal);
    }
  /* The fid is the feature's lasting number, kept across saves. */
  gr_layer_number_features (layer, 0);
  for (guint i = 0; i < layer->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (layer->features, i);
      g_auto (OGRFeatureH) row = OGR_F_Create (OGR_L_GetLayerDefn (out));

      OGR_F_SetFID (row, f->id);
      OGR_F_SetGeometry (row, f->geometry);
      if (f->name != NULL)
        OGR_F_SetFieldString (row, 0, f->name);
      if (f->kind != NULL)
        OGR_F_SetFieldString (row, 1, f->kind);
      if (!isnan (f->value))
        OGR_F_SetFieldDouble (row, 2, f->value);
      OGR_F_SetFieldInteger (row, 3, f->historic);
      if (f->origin != NULL)
        OGR_F_SetFieldString (row, 4, f->origin);
      if (layer->role == GR_ROLE_POPULATION && !isnan (f->children))
        OGR_F_SetFieldDouble (row, 5, f->children);
      if (layer->role == GR_ROLE_POPULATION && !isnan (f->elderly))
        OGR_F_SetFieldDouble (row, 6, f->elderly);
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

/* "park:57,green:313": per layer, the highest feature number it gave, not
 * to be given again after the feature is deleted. */
static char *
last_ids_text (GrProject *project)
{
  GString *text = g_string_new (NULL);

  for (guint r = 0; r < GR_N_ROLES; r++)
    if (project->layers[r] != NULL)
      g_string_append_printf (text, "%s%s:%" G_GINT64_FORMAT, text->len ? "," : "",
                              gr_role_to_string (r), gr_layer_get_last_id (project->layers[r]));
  return g_string_free (text, FALSE);
}

static void
read_last_ids (GrProject *project, const char *text)
{
  g_auto (GStrv) pairs = g_strsplit (text != NULL ? text : "", ",", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char      *colon = strchr (pairs[i], ':');
      g_autofree char *role_name = colon != NULL ? g_strndup (pairs[i], colon - pairs[i]) : NULL;
      gint64           last;
      GrRole           role;

      if (role_name != NULL && gr_role_from_string (role_name, &role)
          && project->layers[role] != NULL
          && g_ascii_string_to_signed (colon + 1, 10, 0, G_MAXINT64, &last, NULL))
        project->layers[role]->last_id = last;
    }
}

static gboolean
write_meta (GDALDatasetH ds, GrProject *project, const char *path, GError **error)
{
  const char      *fields[] = { "key", "s", "value", "s", NULL };
  OGRLayerH        table = create_table (ds, "gr_meta", fields);
  g_autofree char *epsg = g_strdup_printf ("%d", project->epsg);
  g_autofree char *repaired = g_strdup_printf ("%u", project->repaired);
  g_autofree char *last_ids = last_ids_text (project);
  const char      *pairs[] = {
         "format",
         PROJECT_FORMAT,
         "format_version",
         PROJECT_FORMAT_VERSION,
         "program_version",
         PACKAGE_VERSION,
         "crs_name",
         project->crs_name,
         "crs_epsg",
         epsg,
         "repaired_geometries",
         repaired,
         "last_ids",
         last_ids,
         "population_method",
         project->population_method,
         "recipe",
         project->recipe,
         "revision",
         project->revision,
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
  OGRLayerH   table = create_table (ds, "gr_roles", fields);

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
  const char *fields[] = { "min_area_m2",   "r", "max_area_m2", "r", "radius_m", "r",
                           "historic_only", "s", NULL };
  OGRLayerH   table = create_table (ds, "gr_rules", fields);

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
                   _ ("%s: the project has no usable coordinate reference system"), path);
      return FALSE;
    }
  for (guint r = 0; r < GR_N_ROLES; r++)
    if (project->layers[r] != NULL && !write_role_layer (ds, project->layers[r], srs, path, error))
      return FALSE;
  return write_meta (ds, project, path, error) && write_roles (ds, project, path, error)
         && write_rules (ds, project, path, error);
}

/* The scenarios, copied, into the project file written at @partial. */
static gboolean
add_scenarios (const char *partial, GrProject *project, GPtrArray *scenarios, GError **error)
{
  g_autoptr (GrScenarioStore) store = NULL;

  if (scenarios == NULL || scenarios->len == 0)
    return TRUE;
  if ((store = gr_scenario_store_open (partial, project, GR_SCENARIO_STORE_WRITE, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < scenarios->len; i++)
    {
      GrScenario *scenario = g_ptr_array_index (scenarios, i);
      g_autoptr (GrScenario) copy = gr_scenario_copy (scenario, scenario->name);

      /* Each keeps its number, one version on: whoever holds it open
       * elsewhere reads it again before their next change is taken. */
      copy->id = scenario->id;
      copy->version = scenario->version + 1;
      if (!gr_scenario_store_add (store, copy, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
writable (const char *path)
{
  GStatBuf st;

  /* The mode bits as well as access(): a file made read-only is not
   * written even by a user (root) whom access() lets through. */
  return g_stat (path, &st) == 0 && (st.st_mode & 0222) != 0 && g_access (path, W_OK) == 0;
}

/**
 * gr_project_file_is_read_only:
 *
 * Whether the file at @path, or its folder, may not be written: its
 * scenarios can be read but not changed, and nothing is saved over it.
 * %FALSE for a file that does not exist.
 */
gboolean
gr_project_file_is_read_only (const char *path)
{
  g_autofree char *folder = NULL;

  /* The database says what its user may change, when it is changed. */
  if (gr_pg_is_connection (path))
    return FALSE;
  folder = g_path_get_dirname (path);
  return g_file_test (path, G_FILE_TEST_EXISTS) && (!writable (path) || !writable (folder));
}

/**
 * gr_project_file_get_name:
 *
 * Returns: (transfer full): the project's name as a title shows it: a
 *   file's name, or a database schema with its database and server
 */
char *
gr_project_file_get_name (const char *path)
{
  return gr_pg_is_connection (path) ? gr_pg_describe (path) : g_path_get_basename (path);
}

/**
 * gr_project_file_read_uri:
 *
 * Returns: (transfer full): the SQLite URI that reads @path without
 * writing to it or beside it. A project in a folder that cannot be
 * written cannot get the WAL index beside it: such a file is read as
 * immutable, which it is to this program.
 */
char *
gr_project_file_read_uri (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *escaped = g_uri_escape_string (path, "/", TRUE);

  if (writable (folder) || g_file_test (wal, G_FILE_TEST_EXISTS))
    return g_strconcat ("file:", escaped, "?mode=ro", NULL);
  return g_strconcat ("file:", escaped, "?mode=ro&immutable=1", NULL);
}

/* SQLite's journal, write-ahead log and its index beside @path. */
static void
remove_sqlite_siblings (const char *path)
{
  const char *suffixes[] = { "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* The file being written and what SQLite keeps beside it; a writer killed
 * mid-save leaves them, the next save of the same project removes them. */
static void
remove_partial (const char *partial)
{
  g_unlink (partial);
  remove_sqlite_siblings (partial);
}

static gboolean
save_to_database (GrProject *project, const char *location, GPtrArray *scenarios, GError **error);

static gboolean
save_to (GrProject *project, const char *path, GPtrArray *scenarios, GError **error)
{
  g_autofree char *partial = NULL;
  g_autofree char *was = NULL;
  GDALDriverH      driver;
  GDALDatasetH     ds;
  gboolean         ok;

  if (gr_pg_is_connection (path))
    return save_to_database (project, path, scenarios, error);
  partial = g_strconcat (path, ".partial", NULL);
  was = g_steal_pointer (&project->revision);
  project->revision = g_uuid_string_random ();
  if (gr_project_file_is_read_only (path))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_READ_ONLY,
                   _ ("%s: the file or its folder is read-only: nothing was written"), path);
      g_free (project->revision);
      project->revision = g_steal_pointer (&was);
      return FALSE;
    }
  gr_gdal_init ();
  driver = GDALGetDriverByName ("GPKG");
  remove_partial (partial);
  gr_gdal_capture_begin ();
  ds = GDALCreate (driver, partial, 0, 0, 0, GDT_Unknown, NULL);
  if (ds == NULL)
    return write_error (error, path, _ ("the project file"));
  /* One transaction: a GeoPackage written feature by feature is ~10× slower. */
  GDALDatasetStartTransaction (ds, FALSE);
  ok = write_all (ds, project, path, error);
  ok = ok
       && (GDALDatasetCommitTransaction (ds) == OGRERR_NONE
           || write_error (error, path, _ ("the project file")));
  GDALClose (ds);
  g_free (gr_gdal_capture_end ());
  ok = ok && add_scenarios (partial, project, scenarios, error);
  if (ok && g_rename (partial, path) != 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                   _ ("%s: could not write the project file: %s"), path, g_strerror (errno));
      ok = FALSE;
    }
  /* What SQLite left beside the file replaced (a program killed with it
   * open) belongs to that file: read with the new one, its pages would be
   * written over the project just saved. */
  if (ok)
    remove_sqlite_siblings (path);
  if (!ok)
    {
      remove_partial (partial);
      g_free (project->revision);
      project->revision = g_steal_pointer (&was);
    }
  return ok;
}

/* ---- a project in a database's schema ---- */

/* The tables a project's schema may hold, by their exact names: its
 * layers and its own. */
static gboolean
is_project_table (const char *name)
{
  const char *const own[] = { "gr_meta",  "gr_roles",   "gr_rules",        "gr_scenarios",
                              "gr_edits", "gr_targets", "gr_layer_styles", NULL };

  if (g_strv_contains (own, name))
    return TRUE;
  for (guint r = 0; r < GR_N_ROLES; r++)
    if (g_str_equal (name, gr_role_to_string (r)))
      return TRUE;
  return FALSE;
}

static gboolean
pg_fail (PGresult *result, const char *shown, GError **error)
{
  g_autofree char *why = gr_pg_redact (PQresultErrorMessage (result));

  g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE, "%s: %s", shown, g_strstrip (why));
  return FALSE;
}

/* The tables (and views) in @schema; %NULL on failure. */
static GPtrArray *
schema_tables (PGconn *conn, const char *shown, const char *schema, GError **error)
{
  const char *params[] = { schema };
  g_autoptr (PGresult) result =
      PQexecParams (conn,
                    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
                    "c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'v', 'm', "
                    "'p', 'f') ORDER BY 1",
                    1, NULL, params, NULL, NULL, 0);
  GPtrArray *tables;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      pg_fail (result, shown, error);
      return NULL;
    }
  tables = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (tables, g_strdup (PQgetvalue (result, i, 0)));
  return tables;
}

/* The revision of the project in @schema (gr_meta), or %NULL for none. */
static char *
schema_revision (PGconn *conn, const char *quoted)
{
  g_autofree char *sql =
      g_strdup_printf ("SELECT (SELECT value FROM %s.gr_meta WHERE key = 'format'), (SELECT value "
                       "FROM %s.gr_meta WHERE key = 'revision')",
                       quoted, quoted);
  g_autoptr (PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1
      || g_strcmp0 (PQgetvalue (result, 0, 0), PROJECT_FORMAT) != 0)
    return NULL;
  return g_strdup (PQgetisnull (result, 0, 1) ? "" : PQgetvalue (result, 0, 1));
}

/* Whether @schema may be written over: missing, empty, or holding a
 * Greenreach project (gr_meta says so) and nothing else. Another
 * program's tables are never dropped; "public" is never a project's. */
static gboolean
check_schema (PGconn *conn, const char *shown, const char *schema, char **revision, GError **error)
{
  g_autofree char *quoted = gr_pg_quote_identifier (conn, schema);
  g_autoptr (GPtrArray) tables = NULL;
  g_autoptr (PGresult) postgis =
      PQexec (conn, "SELECT 1 FROM pg_extension WHERE extname = 'postgis'");

  if (PQresultStatus (postgis) != PGRES_TUPLES_OK || PQntuples (postgis) == 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                   _ ("%s: the database has no PostGIS extension (CREATE EXTENSION postgis)"),
                   shown);
      return FALSE;
    }
  if (g_str_equal (schema, "public"))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%s: a project gets a schema of its own, not “public”: name one with "
                      "schema=NAME"),
                   shown);
      return FALSE;
    }
  if ((tables = schema_tables (conn, shown, schema, error)) == NULL)
    return FALSE;
  *revision = tables->len > 0 ? schema_revision (conn, quoted) : NULL;
  for (guint i = 0; i < tables->len; i++)
    if (*revision == NULL || !is_project_table (g_ptr_array_index (tables, i)))
      {
        g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                     _ ("%s: schema “%s” holds other tables than a Greenreach project’s "
                        "(“%s”): choose another schema; nothing was written"),
                     shown, schema, (const char *) g_ptr_array_index (tables, i));
        return FALSE;
      }
  return TRUE;
}

/* Saved over itself: refused when someone changed a scenario since the
 * project was read, whose change would be lost. */
static gboolean
check_scenarios (PGconn     *conn,
                 const char *shown,
                 const char *schema,
                 const char *quoted,
                 GPtrArray  *scenarios,
                 GError    **error)
{
  const char *params[] = { schema };
  g_autoptr (PGresult) exists =
      PQexecParams (conn, "SELECT to_regclass (quote_ident ($1) || '.gr_scenarios') IS NOT NULL", 1,
                    NULL, params, NULL, NULL, 0);
  g_autofree char *lock = g_strdup_printf ("LOCK TABLE %s.gr_scenarios IN EXCLUSIVE MODE", quoted);
  g_autofree char *sql =
      g_strdup_printf ("SELECT id, version FROM %s.gr_scenarios ORDER BY id", quoted);
  g_autoptr (PGresult) result = NULL;
  g_autoptr (GString) now = g_string_new (NULL);
  g_autofree char *read = NULL;

  if (PQresultStatus (exists) != PGRES_TUPLES_OK)
    return pg_fail (exists, shown, error);
  if (g_strcmp0 (PQgetvalue (exists, 0, 0), "t") != 0)
    return TRUE; /* no scenarios there */
  if (!gr_pg_exec (conn, lock, error))
    return FALSE;
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    return pg_fail (result, shown, error);
  for (int i = 0; i < PQntuples (result); i++)
    g_string_append_printf (now, "%s:%s ", PQgetvalue (result, i, 0), PQgetvalue (result, i, 1));
  read = gr_scenarios_get_state (scenarios);
  if (g_str_equal (now->str, read))
    return TRUE;
  g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CONFLICT,
               _ ("%s: the project's scenarios were changed by someone else since it was "
                  "opened: nothing was written, so that their changes are not lost. Open the "
                  "project again and save once more."),
               shown);
  return FALSE;
}

/* In the transaction that swaps them: the old project's tables dropped one
 * by one and its schema after them, each refused (and everything with it)
 * if anything outside depends on it — a view built on a layer, say. */
static gboolean
drop_project (PGconn *conn, const char *shown, const char *schema, GError **error)
{
  g_autofree char *quoted = gr_pg_quote_identifier (conn, schema);
  g_autoptr (GPtrArray) tables = schema_tables (conn, shown, schema, error);
  g_autofree char *drop = g_strdup_printf ("DROP SCHEMA IF EXISTS %s RESTRICT", quoted);

  if (tables == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *table = gr_pg_quote_identifier (conn, g_ptr_array_index (tables, i));
      g_autofree char *sql = g_strdup_printf ("DROP TABLE %s.%s RESTRICT", quoted, table);

      if (!gr_pg_exec (conn, sql, error))
        return FALSE;
    }
  return gr_pg_exec (conn, drop, error);
}

/* Layers and metadata through GDAL's PostgreSQL driver, in one transaction. */
static gboolean
write_schema (GrProject *project, const char *location, const char *shown, GError **error)
{
  g_autofree char *schema = gr_pg_get_schema (location);
  g_autofree char *name = gr_pg_with_schema (location, schema);
  const char      *drivers[] = { "PostgreSQL", NULL };
  GDALDatasetH     ds;
  gboolean         ok;

  gr_gdal_init ();
  gr_gdal_capture_begin ();
  ds = GDALOpenEx (name, GDAL_OF_VECTOR | GDAL_OF_UPDATE | GDAL_OF_VERBOSE_ERROR, drivers, NULL,
                   NULL);
  if (ds == NULL)
    return write_error (error, shown, _ ("the project's tables"));
  ok = GDALDatasetStartTransaction (ds, FALSE) == OGRERR_NONE
       && write_all (ds, project, shown, error);
  ok = ok
       && (GDALDatasetCommitTransaction (ds) == OGRERR_NONE
           || write_error (error, shown, _ ("the project's tables")));
  GDALClose (ds);
  g_free (gr_gdal_capture_end ());
  return ok;
}

/* A project saved to a database's schema is written whole into a schema
 * of its own beside it, which then takes the schema's place in one
 * transaction: those who read the project see it before or after, never
 * half written, and a failure leaves the schema as it was. Saved over
 * itself (the same revision), the scenarios must be as they were read. */
static gboolean
save_to_database (GrProject *project, const char *location, GPtrArray *scenarios, GError **error)
{
  g_autofree char *shown = gr_pg_redact_connection (location);
  g_autofree char *schema = gr_pg_get_schema (location);
  g_autofree char *partial_name =
      g_strdup_printf ("greenreach_partial_%d_%u", (int) getpid (), g_random_int ());
  g_autofree char *partial = gr_pg_project_location (location, partial_name);
  g_autofree char *quoted = NULL;
  g_autofree char *quoted_partial = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *swapped_revision = NULL;
  g_autofree char *was = NULL;
  g_autoptr (PGconn) conn = NULL;
  gboolean ok;

  if (!gr_pg_check_project (location, error) || (conn = gr_pg_connect (location, error)) == NULL
      || !check_schema (conn, shown, schema, &revision, error))
    return FALSE;
  /* Written with a new revision; the one read tells a save over itself. */
  was = g_steal_pointer (&project->revision);
  project->revision = g_uuid_string_random ();
  quoted = gr_pg_quote_identifier (conn, schema);
  quoted_partial = gr_pg_quote_identifier (conn, partial_name);
  sql = g_strdup_printf ("CREATE SCHEMA %s", quoted_partial);
  if (!gr_pg_exec (conn, sql, error))
    return FALSE;
  ok = write_schema (project, partial, shown, error)
       && add_scenarios (partial, project, scenarios, error);
  g_free (sql);
  sql = g_strdup_printf ("ALTER SCHEMA %s RENAME TO %s", quoted_partial, quoted);
  /* Checked again inside the transaction that swaps them: another
   * program's table made meanwhile is not dropped, nor a scenario
   * changed meanwhile lost. */
  ok = ok && gr_pg_exec (conn, "BEGIN", error)
       && check_schema (conn, shown, schema, &swapped_revision, error)
       && (swapped_revision == NULL || g_strcmp0 (swapped_revision, was) != 0
           || check_scenarios (conn, shown, schema, quoted, scenarios, error))
       && drop_project (conn, shown, schema, error) && gr_pg_exec (conn, sql, error)
       && gr_pg_exec (conn, "COMMIT", error);
  if (!ok)
    {
      g_autofree char *drop = g_strdup_printf ("DROP SCHEMA IF EXISTS %s CASCADE", quoted_partial);

      gr_pg_exec (conn, "ROLLBACK", NULL);
      gr_pg_exec (conn, drop, NULL);
      g_free (project->revision);
      project->revision = g_steal_pointer (&was);
    }
  return ok;
}

/**
 * gr_project_save:
 *
 * Writes the project as a GeoPackage, or into a database's schema when
 * @path is a connection (PG:… schema=NAME). It is written beside @path and moved
 * over it only when complete, so a failure never leaves a partial project.
 */
gboolean
gr_project_save (GrProject *project, const char *path, GError **error)
{
  return save_to (project, path, NULL, error);
}

/**
 * gr_project_save_with_scenarios:
 * @scenarios: (element-type GrScenario) (nullable): written with the layers
 *
 * gr_project_save() with the scenarios and their history in the same
 * file, written whole before it takes the place of the one at @path: a
 * project saved over itself keeps its scenarios. A scenario store open on
 * @path must be closed first.
 */
gboolean
gr_project_save_with_scenarios (GrProject  *project,
                                const char *path,
                                GPtrArray  *scenarios,
                                GError    **error)
{
  return save_to (project, path, scenarios, error);
}

/* ---- reading it back --------------------------------------------------- */

/* A project file, or the schema of a project in a database. */
static GDALDatasetH
open_gpkg (const char *path)
{
  const char      *gpkg[] = { "GPKG", NULL };
  const char      *pg[] = { "PostgreSQL", NULL };
  g_autofree char *schema = NULL;
  g_autofree char *name = NULL;

  gr_gdal_init ();
  if (!gr_pg_is_connection (path))
    return GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, gpkg, NULL,
                       NULL);
  if (!gr_pg_check_project (path, NULL))
    return NULL;
  schema = gr_pg_get_schema (path);
  name = gr_pg_with_schema (path, schema);
  return GDALOpenEx (name, GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, pg, NULL,
                     NULL);
}

static char *
meta_value (GDALDatasetH ds, const char *key)
{
  OGRLayerH   table = GDALDatasetGetLayerByName (ds, "gr_meta");
  OGRFeatureH row;
  char       *value = NULL;

  if (table == NULL)
    return NULL;
  OGR_L_ResetReading (table);
  while (value == NULL && (row = OGR_L_GetNextFeature (table)) != NULL)
    {
      if (g_strcmp0 (OGR_F_GetFieldAsString (row, 0), key) == 0)
        value = g_utf8_make_valid (OGR_F_GetFieldAsString (row, 1), -1);
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
read_role_layer (GDALDatasetH ds,
                 GrProject   *project,
                 GrRole       role,
                 const char  *sources,
                 const char  *path,
                 GError     **error)
{
  OGRLayerH   in = GDALDatasetGetLayerByName (ds, gr_role_to_string (role));
  GrLayer    *layer;
  OGRFeatureH row;

  if (in == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("%s: the project lists a “%s” layer but the file has none"), path,
                   gr_role_to_string (role));
      return FALSE;
    }
  layer = gr_project_ensure_layer (project, role);
  layer->sources = g_utf8_make_valid (sources, -1);
  OGR_L_ResetReading (in);
  while ((row = OGR_L_GetNextFeature (in)) != NULL)
    {
      OGRGeometryH geometry = OGR_F_StealGeometry (row);
      GrFeature   *f;

      if (geometry != NULL)
        {
          f = gr_feature_new (geometry);
          f->id = OGR_F_GetFID (row);
          /* Made valid UTF-8: another GIS may have written any bytes. */
          f->name = OGR_F_IsFieldSetAndNotNull (row, 0)
                        ? g_utf8_make_valid (OGR_F_GetFieldAsString (row, 0), -1)
                        : NULL;
          f->kind = OGR_F_IsFieldSetAndNotNull (row, 1)
                        ? g_utf8_make_valid (OGR_F_GetFieldAsString (row, 1), -1)
                        : NULL;
          f->value = OGR_F_IsFieldSetAndNotNull (row, 2) ? OGR_F_GetFieldAsDouble (row, 2) : NAN;
          f->historic = OGR_F_GetFieldAsInteger (row, 3) != 0;
          /* Projects from before origins were kept have no such field. */
          if (OGR_F_GetFieldCount (row) > 4 && OGR_F_IsFieldSetAndNotNull (row, 4))
            f->origin = g_strdup (OGR_F_GetFieldAsString (row, 4));
          /* Age groups, on population layers that have them. */
          if (role == GR_ROLE_POPULATION && OGR_F_GetFieldCount (row) > 6)
            {
              if (OGR_F_IsFieldSetAndNotNull (row, 5))
                f->children = OGR_F_GetFieldAsDouble (row, 5);
              if (OGR_F_IsFieldSetAndNotNull (row, 6))
                f->elderly = OGR_F_GetFieldAsDouble (row, 6);
            }
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
  OGRFeatureH     row;

  if (table == NULL)
    return TRUE;
  while ((row = OGR_L_GetNextFeature (table)) != NULL)
    {
      /* OGR's string buffer is reused on each call: copy field by field. */
      for (int i = 0; i < 4; i++)
        g_string_append_printf (
            text, "%s%s", i ? "," : "",
            OGR_F_IsFieldSetAndNotNull (row, i) ? OGR_F_GetFieldAsString (row, i) : "");
      g_string_append_c (text, '\n');
      OGR_F_Destroy (row);
    }
  rules = gr_service_rules_parse (text->str, &local);
  if (rules == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("%s: the service-radius rules are damaged: %s"), path, local->message);
      return FALSE;
    }
  gr_service_rules_free (project->rules);
  project->rules = rules;
  return TRUE;
}

static gboolean
read_project (GDALDatasetH ds, GrProject *project, const char *path, GError **error)
{
  OGRLayerH        table = GDALDatasetGetLayerByName (ds, "gr_roles");
  g_autofree char *epsg = meta_value (ds, "crs_epsg");
  g_autofree char *repaired = meta_value (ds, "repaired_geometries");
  OGRFeatureH      row;
  gboolean         ok = TRUE;

  project->crs_name = meta_value (ds, "crs_name");
  project->epsg = epsg != NULL ? atoi (epsg) : 0;
  project->repaired = repaired != NULL ? (guint) atoi (repaired) : 0;
  project->population_method = meta_value (ds, "population_method");
  project->recipe = meta_value (ds, "recipe");
  project->revision = meta_value (ds, "revision");
  if (project->recipe != NULL && *project->recipe == '\0')
    g_clear_pointer (&project->recipe, g_free);
  /* Projects from before the method was kept: their residents were features. */
  if (project->population_method != NULL && *project->population_method == '\0')
    g_clear_pointer (&project->population_method, g_free);
  while (ok && table != NULL && (row = OGR_L_GetNextFeature (table)) != NULL)
    {
      GrRole role;

      if (gr_role_from_string (OGR_F_GetFieldAsString (row, 1), &role))
        ok = read_role_layer (ds, project, role, OGR_F_GetFieldAsString (row, 2), path, error);
      OGR_F_Destroy (row);
    }
  if (ok)
    {
      g_autofree char *last_ids = meta_value (ds, "last_ids");

      read_last_ids (project, last_ids);
      if (project->population_method == NULL && project->layers[GR_ROLE_POPULATION] != NULL)
        project->population_method = g_strdup ("features");
    }
  return ok && read_rules (ds, project, path, error);
}

/* A project in a database: opened, or the reason it cannot be. */
static GDALDatasetH
open_database (const char *location, const char *shown, GError **error)
{
  g_autofree char *schema = gr_pg_get_schema (location);
  g_autofree char *gdal = NULL;
  g_autofree char *reason = NULL;
  g_autoptr (PGconn) conn = NULL;
  GDALDatasetH ds;

  /* libpq first: its reason (no such host, wrong password) is clearer
   * than GDAL's and has no password in it. */
  if (!gr_pg_check_project (location, error) || (conn = gr_pg_connect (location, error)) == NULL)
    return NULL;
  gr_gdal_capture_begin ();
  ds = open_gpkg (location);
  gdal = gr_gdal_capture_end ();
  if (ds == NULL)
    {
      reason = gr_pg_redact (gdal != NULL ? gdal : _ ("unknown error"));
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN, "%s: %s", shown, reason);
      return NULL;
    }
  if (GDALDatasetGetLayerByName (ds, "gr_meta") == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("%s: schema “%s” holds no Greenreach project"), shown, schema);
      GDALClose (ds);
      return NULL;
    }
  return ds;
}

GrProject *
gr_project_load (const char *path, GError **error)
{
  g_autoptr (GrProject) project = gr_project_new ();
  g_autofree char *format = NULL;
  g_autofree char *version = NULL;
  g_autofree char *gdal = NULL;
  g_autofree char *shown = gr_pg_redact_connection (path);
  g_auto (GDALDatasetH) ds = NULL;

  if (gr_pg_is_connection (path))
    {
      if ((ds = open_database (path, shown, error)) == NULL)
        return NULL;
      path = shown;
    }
  else
    {
      gr_gdal_capture_begin ();
      ds = open_gpkg (path);
      gdal = gr_gdal_capture_end ();
    }
  if (ds == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                   _ ("%s: not a readable GeoPackage: %s"), path,
                   gdal != NULL ? gdal : _ ("unknown error"));
      return NULL;
    }
  format = meta_value (ds, "format");
  version = meta_value (ds, "format_version");
  if (g_strcmp0 (format, PROJECT_FORMAT) != 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("%s: a GeoPackage, but not a Greenreach project; import it with a role, "
                      "e.g. “park=%s”"),
                   path, path);
      return NULL;
    }
  if (g_strcmp0 (version, PROJECT_FORMAT_VERSION) != 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("%s: project format version %s is not supported by this version"), path,
                   version != NULL ? version : "?");
      return NULL;
    }
  if (!read_project (ds, project, path, error))
    return NULL;
  gr_project_update_extent (project);
  return g_steal_pointer (&project);
}

/**
 * gr_project_file_open_db:
 * @write: for writing: refused with @read_only_message when the file or
 *   its folder cannot be written
 *
 * Opens a project's own tables (targets, layer styles), in its file or
 * its database schema.
 *
 * Returns: (transfer full): the database, or %NULL with @error naming the
 *   project
 */
GrDb *
gr_project_file_open_db (const char *path,
                         gboolean    write,
                         const char *read_only_message,
                         GError    **error)
{
  if (!gr_project_file_is_project (path))
    {
      g_autofree char *shown = gr_pg_redact_connection (path);

      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("%s: not a Greenreach project: save the project first"), shown);
      return NULL;
    }
  if (write && gr_project_file_is_read_only (path))
    {
      g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_READ_ONLY, read_only_message);
      return NULL;
    }
  return gr_db_open (path, write, error);
}
