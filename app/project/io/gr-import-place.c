/* gr-import-place.c — the features read from every source placed in one
 * analysis CRS: the CRS chosen from where they lie, each reprojected and
 * repaired into its role's layer, residents spread or estimated
 */
#include "config.h"

#include "gr-import-private.h"
#include "gr-osm.h"

#include "gr-crs.h"
#include "gr-gdal.h"
#include "gr-population.h"

#include <cpl_conv.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* ---- the analysis CRS ----------------------------------------------------- */

static gboolean
batch_lonlat_box (Batch *batch, OGRSpatialReferenceH wgs84, double box[4], GError **error)
{
  g_auto (OGRCoordinateTransformationH) ct = OCTNewCoordinateTransformation (batch->srs, wgs84);
  OGREnvelope env = { INFINITY, -INFINITY, INFINITY, -INFINITY };
  double      x[2], y[2];

  for (guint i = 0; i < batch->items->len; i++)
    {
      OGREnvelope e;
      OGR_G_GetEnvelope (g_array_index (batch->items, Pending, i).feature->geometry, &e);
      env.MinX = MIN (env.MinX, e.MinX);
      env.MaxX = MAX (env.MaxX, e.MaxX);
      env.MinY = MIN (env.MinY, e.MinY);
      env.MaxY = MAX (env.MaxY, e.MaxY);
    }
  if (OSRIsGeographic (batch->srs)
      && (env.MinX < -180.5 || env.MaxX > 360.5 || env.MinY < -90.5 || env.MaxY > 90.5))
    {
      g_autofree char *hint = gr_crs_suggest ((env.MinX + env.MaxX) / 2, (env.MinY + env.MaxY) / 2);
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                   _ ("%s: coordinates (%.1f, %.1f) are outside the range of its geographic CRS "
                      "“%s”; the .prj is probably wrong. Give the right CRS with --source-crs. %s"),
                   batch->path, env.MinX, env.MinY, OSRGetName (batch->srs), hint ? hint : "");
      return FALSE;
    }
  x[0] = env.MinX, x[1] = env.MaxX, y[0] = env.MinY, y[1] = env.MaxY;
  if (ct == NULL || !OCTTransform (ct, 2, x, y, NULL) || !isfinite (x[0] + x[1] + y[0] + y[1]))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                   _ ("%s: coordinates cannot be placed on the Earth with CRS “%s”; "
                      "check the CRS or give it with --source-crs"),
                   batch->path, OSRGetName (batch->srs));
      return FALSE;
    }
  box[0] = MIN (box[0], MIN (x[0], x[1]));
  box[1] = MIN (box[1], MIN (y[0], y[1]));
  box[2] = MAX (box[2], MAX (x[0], x[1]));
  box[3] = MAX (box[3], MAX (y[0], y[1]));
  return TRUE;
}

/* Whether every source other than OSM is in CRS EPSG:@epsg. */
static gboolean
sources_use_epsg (Import *import, int epsg)
{
  guint n = 0;

  for (guint i = 0; epsg > 0 && i < import->batches->len; i++)
    {
      Batch      *batch = g_ptr_array_index (import->batches, i);
      const char *code = OSRGetAuthorityCode (batch->srs, NULL);
      const char *name = OSRGetAuthorityName (batch->srs, NULL);

      if (batch->osm)
        continue;
      if (code == NULL || g_strcmp0 (name, "EPSG") != 0 || atoi (code) != epsg)
        return FALSE;
      n++;
    }
  return n > 0;
}

static OGRSpatialReferenceH
choose_crs (Import *import, GError **error)
{
  g_auto (OGRSpatialReferenceH) wgs84 = gr_srs_new_from_user ("EPSG:4326");
  double               box[4] = { INFINITY, INFINITY, -INFINITY, -INFINITY };
  OGRSpatialReferenceH srs;
  g_autofree char     *code = NULL;

  for (guint i = 0; i < import->batches->len; i++)
    if (!batch_lonlat_box (g_ptr_array_index (import->batches, i), wgs84, box, error))
      return NULL;
  if (import->options->crs != NULL)
    {
      srs = gr_srs_new_from_user (import->options->crs);
      if (srs == NULL || !OSRIsProjected (srs) || fabs (OSRGetLinearUnits (srs, NULL) - 1) > 1e-9)
        {
          g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                       _ ("--crs “%s” is not a projected CRS in metres"), import->options->crs);
          if (srs != NULL)
            OSRRelease (srs);
          return NULL;
        }
      return srs;
    }
  import->project->epsg = gr_crs_choose_epsg ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
  /* Bureau data in the zone with its prefix is analysed in it too, so
   * that the coordinates printed and asked for are the bureau's own. */
  if (sources_use_epsg (import, gr_crs_with_zone_prefix (import->project->epsg)))
    import->project->epsg = gr_crs_with_zone_prefix (import->project->epsg);
  code = g_strdup_printf ("EPSG:%d", import->project->epsg);
  return gr_srs_new_from_user (code);
}

/* ---- reprojection and repair ---------------------------------------------- */

static OGRGeometryH
collect_parts (OGRGeometryH geometry, OGRwkbGeometryType want, OGRGeometryH into)
{
  OGRwkbGeometryType type = wkbFlatten (OGR_G_GetGeometryType (geometry));

  if (type == want)
    OGR_G_AddGeometry (into, geometry);
  else if (OGR_GT_IsSubClassOf (type, wkbGeometryCollection))
    for (int i = 0; i < OGR_G_GetGeometryCount (geometry); i++)
      collect_parts (OGR_G_GetGeometryRef (geometry, i), want, into);
  return into;
}

static OGRGeometryH
keep_shape (OGRGeometryH geometry, GrShape shape)
{
  OGRGeometryH linear = OGR_G_GetLinearGeometry (geometry, 0, NULL);
  OGRGeometryH areas = collect_parts (linear, wkbPolygon, OGR_G_CreateGeometry (wkbMultiPolygon));
  OGRGeometryH result = NULL;

  if (shape == GR_SHAPE_LINE)
    result = collect_parts (linear, wkbLineString, OGR_G_CreateGeometry (wkbMultiLineString));
  else if (shape == GR_SHAPE_POINT || (shape == GR_SHAPE_AREA_OR_POINT && OGR_G_IsEmpty (areas)))
    result = collect_parts (linear, wkbPoint, OGR_G_CreateGeometry (wkbMultiPoint));
  else
    result = g_steal_pointer (&areas);
  if (areas != NULL)
    OGR_G_DestroyGeometry (areas);
  OGR_G_DestroyGeometry (linear);
  if (OGR_G_IsEmpty (result)
      || (OGR_GT_IsSubClassOf (OGR_G_GetGeometryType (result), wkbMultiPolygon)
          && OGR_G_Area (result) <= 0))
    {
      OGR_G_DestroyGeometry (result);
      return NULL;
    }
  return result;
}

/* Invalid polygons (self-intersections, bow-ties) are repaired, and every
 * geometry is reduced to the parts its role uses. */
static OGRGeometryH
clean_geometry (OGRGeometryH geometry, GrShape shape, gboolean *repaired)
{
  g_auto (OGRGeometryH) valid = NULL;

  *repaired = FALSE;
  if (!OGR_G_IsValid (geometry))
    {
      valid = OGR_G_MakeValid (geometry);
      if (valid == NULL)
        return NULL;
      *repaired = TRUE;
      geometry = valid;
    }
  return keep_shape (geometry, shape);
}

/* No feature of a city or county is this large: one that is has a wrong
 * coordinate (an OSM node read as 0°, a digit lost in a bureau's file). */
#define ABSURD_KM 300.0

/* The larger side of @geometry's box in km, in its source CRS. */
static double
size_km (OGRGeometryH geometry, OGRSpatialReferenceH srs)
{
  OGREnvelope env;

  OGR_G_GetEnvelope (geometry, &env);
  if (srs != NULL && OSRIsGeographic (srs))
    {
      double lat = fmin (fabs (env.MinY), fabs (env.MaxY)) * G_PI / 180;

      return fmax ((env.MaxX - env.MinX) * 111.32 * cos (MIN (lat, 1.5)),
                   (env.MaxY - env.MinY) * 110.57);
    }
  return fmax (env.MaxX - env.MinX, env.MaxY - env.MinY)
         * (srs != NULL ? OSRGetLinearUnits (srs, NULL) : 1) / 1000;
}

/* Leaves out features too large to be true, before they decide the CRS or
 * reach the grid, naming the first of them. */
static void
drop_absurd (Import *import, Batch *batch)
{
  g_autofree char *first = NULL;
  guint            dropped = 0;

  for (guint i = batch->items->len; i-- > 0;)
    {
      Pending *item = &g_array_index (batch->items, Pending, i);
      double   km = size_km (item->feature->geometry, batch->srs);

      if (!(km > ABSURD_KM))
        continue;
      g_free (first);
      /* TRANSLATORS: "Parks: feature 123 (“人民公园”) spans 4,700 km" */
      first = g_strdup_printf (
          _ ("%s: feature %lld (“%s”) spans %.0f km"),
          item->role != GR_ROLE_NONE ? gr_role_get_label (item->role) : _ ("land use"),
          (long long) item->fid, item->feature->name != NULL ? item->feature->name : "",
          MIN (km, 1e9));
      dropped++;
      g_array_remove_index (batch->items, i);
    }
  if (dropped > 0)
    g_ptr_array_add (import->project->warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u feature is more than %.0f km across, "
                                                   "so its coordinates are wrong; left out (%s)",
                                                   "%s: %u features are more than %.0f km "
                                                   "across, so their coordinates are wrong; left "
                                                   "out (e.g. %s)",
                                                   dropped),
                                      batch->path, dropped, ABSURD_KM, first));
}

/* The motor roads near @env (grown by the roadside distance), as one
 * geometry in the analysis CRS; NULL when none is near. */
static OGRGeometryH
roads_near (GPtrArray *roads, GArray *envelopes, const OGREnvelope *env)
{
  OGRGeometryH near = NULL;

  for (guint r = 0; r < roads->len; r++)
    {
      const OGREnvelope *e = &g_array_index (envelopes, OGREnvelope, r);

      if (e->MaxX < env->MinX - GR_OSM_ROADSIDE_M || e->MinX > env->MaxX + GR_OSM_ROADSIDE_M
          || e->MaxY < env->MinY - GR_OSM_ROADSIDE_M || e->MinY > env->MaxY + GR_OSM_ROADSIDE_M)
        continue;
      if (near == NULL)
        near = OGR_G_CreateGeometry (wkbMultiLineString);
      OGR_G_AddGeometry (near, g_ptr_array_index (roads, r));
    }
  return near;
}

/* The lines of @geometries (OGRGeometryH, source CRS) in the analysis
 * CRS, with their envelopes. */
static GPtrArray *
transform_all (GPtrArray *geometries, OGRCoordinateTransformationH ct, GArray *envelopes)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) OGR_G_DestroyGeometry);

  for (guint r = 0; r < geometries->len; r++)
    {
      OGRGeometryH g = OGR_G_Clone (g_ptr_array_index (geometries, r));
      OGREnvelope  env;

      if (OGR_G_Transform (g, ct) != OGRERR_NONE)
        {
          OGR_G_DestroyGeometry (g);
          continue;
        }
      OGR_G_GetEnvelope (g, &env);
      g_ptr_array_add (out, g);
      g_array_append_val (envelopes, env);
    }
  return out;
}

/* The town a route relation must run through to be a city greenway:
 * every source's residential land (an extract's, a bureau's layer that
 * replaced it, a land-use layer's homes) grown by GR_OSM_ROUTE_TOWN_M, in
 * the analysis CRS; NULL when no source gives homes. */
static OGRGeometryH
town_of (Import *import, OGRSpatialReferenceH target)
{
  OGRGeometryH all = OGR_G_CreateGeometry (wkbMultiPolygon), town;

  for (guint b = 0; b < import->batches->len; b++)
    {
      Batch *batch = g_ptr_array_index (import->batches, b);
      g_auto (OGRCoordinateTransformationH) ct =
          OCTNewCoordinateTransformation (batch->srs, target);

      for (guint i = 0; ct != NULL && i < batch->items->len; i++)
        {
          Pending *item = &g_array_index (batch->items, Pending, i);
          g_auto (OGRGeometryH) g = NULL;
          g_auto (OGRGeometryH) grown = NULL;

          if (item->role != GR_ROLE_RESIDENTIAL)
            continue;
          g = OGR_G_Clone (item->feature->geometry);
          if (OGR_G_Transform (g, ct) != OGRERR_NONE
              || (grown = OGR_G_Buffer (g, GR_OSM_ROUTE_TOWN_M, 2)) == NULL)
            continue;
          if (wkbFlatten (OGR_G_GetGeometryType (grown)) == wkbPolygon)
            OGR_G_AddGeometry (all, grown);
          else
            for (int k = 0; k < OGR_G_GetGeometryCount (grown); k++)
              OGR_G_AddGeometry (all, OGR_G_GetGeometryRef (grown, k));
        }
    }
  town = OGR_G_GetGeometryCount (all) > 0 ? OGR_G_UnionCascaded (all) : NULL;
  OGR_G_DestroyGeometry (all);
  return town;
}

/* Whether a cycleway runs beside a motor road: at least half its length
 * within GR_OSM_ROADSIDE_M of one. */
static gboolean
runs_beside_roads (OGRGeometryH line, GPtrArray *roads, GArray *envelopes)
{
  g_auto (OGRGeometryH) near = NULL;
  g_auto (OGRGeometryH) beside = NULL;
  g_auto (OGRGeometryH) along = NULL;
  OGREnvelope env;
  double      length = OGR_G_Length (line);

  OGR_G_GetEnvelope (line, &env);
  /* Nowhere within reach of a road: no band to draw round them. */
  return length > 0 && (near = roads_near (roads, envelopes, &env)) != NULL
         && OGR_G_Distance (line, near) <= GR_OSM_ROADSIDE_M
         && (beside = OGR_G_Buffer (near, GR_OSM_ROADSIDE_M, 4)) != NULL
         && (along = OGR_G_Intersection (line, beside)) != NULL
         && OGR_G_Length (along) >= 0.5 * length;
}

/* A route's stretches through town (all of it when no source gives
 * homes), less those that run along a motor road; NULL when none is left.
 * Adds what it leaves out to @country_m and @roadside_m. */
static OGRGeometryH
route_in_town (OGRGeometryH line,
               OGRGeometryH town,
               GPtrArray   *roads,
               GArray      *envelopes,
               double      *country_m,
               double      *roadside_m)
{
  g_auto (OGRGeometryH) inside =
      town != NULL ? OGR_G_Intersection (line, town) : OGR_G_Clone (line);
  OGRGeometryH kept = OGR_G_CreateGeometry (wkbMultiLineString);
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  *country_m += OGR_G_Length (line) - (inside != NULL ? OGR_G_Length (inside) : 0);
  if (inside != NULL && wkbFlatten (OGR_G_GetGeometryType (inside)) == wkbLineString)
    g_ptr_array_add (parts, inside);
  for (int k = 0; inside != NULL && k < OGR_G_GetGeometryCount (inside); k++)
    if (wkbFlatten (OGR_G_GetGeometryType (OGR_G_GetGeometryRef (inside, k))) == wkbLineString)
      g_ptr_array_add (parts, OGR_G_GetGeometryRef (inside, k));
  for (guint k = 0; k < parts->len; k++)
    {
      OGRGeometryH part = g_ptr_array_index (parts, k);

      if (runs_beside_roads (part, roads, envelopes))
        *roadside_m += OGR_G_Length (part);
      else if (OGR_G_Length (part) > 1)
        OGR_G_AddGeometry (kept, part);
    }
  if (OGR_G_GetGeometryCount (kept) == 0)
    {
      OGR_G_DestroyGeometry (kept);
      return NULL;
    }
  return kept;
}

/* OpenStreetMap greenways counted right (README.md, "Greenways from
 * OpenStreetMap"): cycleways that run beside a motor road are cycle
 * tracks of the road, left out of the greenway layer (kept in the walking
 * network); route relations count where they run through town and apart
 * from motor roads. */
static void
fit_osm_greenways (Import *import, Batch *batch, OGRSpatialReferenceH target)
{
  g_auto (OGRCoordinateTransformationH) ct = NULL;
  g_auto (OGRCoordinateTransformationH) back = NULL;
  g_autoptr (GPtrArray) roads = NULL;
  g_autoptr (GArray) envelopes = NULL;
  g_auto (OGRGeometryH) town = NULL;
  gboolean town_made = FALSE;
  guint    dropped = 0, routes_cut = 0;
  double   dropped_m = 0, country_m = 0, along_roads_m = 0;

  if (!batch->osm || (ct = OCTNewCoordinateTransformation (batch->srs, target)) == NULL
      || (back = OCTNewCoordinateTransformation (target, batch->srs)) == NULL)
    return;
  envelopes = g_array_new (FALSE, FALSE, sizeof (OGREnvelope));
  roads = transform_all (batch->motor_roads, ct, envelopes);
  for (guint i = batch->items->len; i-- > 0;)
    {
      Pending *item = &g_array_index (batch->items, Pending, i);
      g_auto (OGRGeometryH) line = NULL;
      OGRGeometryH kept;
      double       length, before;

      if (!item->roadside && !item->route)
        continue;
      line = OGR_G_Clone (item->feature->geometry);
      if (OGR_G_Transform (line, ct) != OGRERR_NONE)
        continue;
      length = OGR_G_Length (line);
      if (item->roadside && runs_beside_roads (line, roads, envelopes))
        {
          dropped++, dropped_m += length;
          g_array_remove_index (batch->items, i);
          continue;
        }
      if (!item->route)
        continue;
      if (!town_made)
        town = town_of (import, target), town_made = TRUE;
      before = country_m;
      kept = route_in_town (line, town, roads, envelopes, &country_m, &along_roads_m);
      routes_cut += country_m > before + 1;
      if (kept == NULL || OGR_G_Transform (kept, back) != OGRERR_NONE)
        {
          if (kept != NULL)
            OGR_G_DestroyGeometry (kept);
          g_array_remove_index (batch->items, i);
          continue;
        }
      OGR_G_DestroyGeometry (item->feature->geometry);
      item->feature->geometry = kept;
    }
  if (dropped > 0)
    g_ptr_array_add (
        import->project->warnings,
        g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE,
                         "%s: %u cycleway (%.1f km) runs beside a motor road and is "
                         "not counted as a greenway (--greenways=cycleways counts it)",
                         "%s: %u cycleways (%.1f km) run beside motor roads and are "
                         "not counted as greenways (--greenways=cycleways counts them)",
                         dropped),
            batch->path, dropped, dropped_m / 1000));
  if (routes_cut > 0)
    g_ptr_array_add (import->project->warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %.1f km of %u walking or cycling route "
                                                   "outside town are country trails, not counted "
                                                   "as greenways",
                                                   "%s: %.1f km of %u walking and cycling routes "
                                                   "outside town are country trails, not counted "
                                                   "as greenways",
                                                   routes_cut),
                                      batch->path, country_m / 1000, routes_cut));
  if (along_roads_m > 1)
    g_ptr_array_add (import->project->warnings,
                     g_strdup_printf (_ ("%s: %.1f km of walking and cycling routes run along "
                                         "motor roads and are not counted as greenways"),
                                      batch->path, along_roads_m / 1000));
}

static gboolean
place_batch (Import *import, Batch *batch, OGRSpatialReferenceH target, GError **error)
{
  g_auto (OGRCoordinateTransformationH) ct = OCTNewCoordinateTransformation (batch->srs, target);
  GrProject *project = import->project;
  guint      dropped = 0;

  for (guint i = 0; i < batch->items->len; i++)
    {
      Pending *item = &g_array_index (batch->items, Pending, i);
      GrShape  shape = item->role != GR_ROLE_NONE ? gr_role_get_shape (item->role) : GR_SHAPE_AREA;
      GrLayer *layer;
      OGREnvelope  env;
      OGRGeometryH clean;
      gboolean     repaired;

      if (ct == NULL || OGR_G_Transform (item->feature->geometry, ct) != OGRERR_NONE
          || (OGR_G_GetEnvelope (item->feature->geometry, &env),
              !isfinite (env.MinX + env.MaxX + env.MinY + env.MaxY)))
        {
          g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                       _ ("%s: a feature could not be reprojected to %s; check the source CRS"),
                       batch->path, OSRGetName (target));
          return FALSE;
        }
      clean = clean_geometry (item->feature->geometry, shape, &repaired);
      if (clean == NULL)
        {
          dropped++;
          continue;
        }
      OGR_G_GetEnvelope (clean, &env);
      if (!batch->any_placed)
        batch->placed = env;
      batch->placed.MinX = MIN (batch->placed.MinX, env.MinX);
      batch->placed.MinY = MIN (batch->placed.MinY, env.MinY);
      batch->placed.MaxX = MAX (batch->placed.MaxX, env.MaxX);
      batch->placed.MaxY = MAX (batch->placed.MaxY, env.MaxY);
      batch->any_placed = TRUE;
      batch->residential |= item->role == GR_ROLE_RESIDENTIAL;
      /* A land-use layer's every code is measured, counted or not. */
      if (batch->report != NULL)
        g_array_index (batch->report->codes, GrCodeCount, item->code).area += OGR_G_Area (clean);
      if (item->role == GR_ROLE_NONE)
        {
          OGR_G_DestroyGeometry (clean);
          continue;
        }
      project->repaired += repaired;
      layer = gr_project_ensure_layer (project, item->role);
      OGR_G_DestroyGeometry (item->feature->geometry);
      item->feature->geometry = clean;
      item->feature->origin = g_strdup_printf ("%s#%lld", batch->key, (long long) item->fid);
      g_ptr_array_add (layer->features, g_steal_pointer (&item->feature));
      if (layer->sources == NULL || strstr (layer->sources, batch->path) == NULL)
        {
          char *sources = layer->sources ? g_strjoin ("; ", layer->sources, batch->path, NULL)
                                         : g_strdup (batch->path);
          g_free (layer->sources);
          layer->sources = sources;
        }
      if (i % 1024 == 0
          && g_cancellable_set_error_if_cancelled (import->options->cancellable, error))
        return FALSE;
    }
  if (dropped > 0 && !batch->osm)
    g_ptr_array_add (
        project->warnings,
        g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%s: %u feature was empty after repair and was dropped",
                         "%s: %u features were empty after repair and were dropped", dropped),
            batch->path, dropped));
  return TRUE;
}

static gboolean
landuse_counted (const Batch *batch)
{
  for (guint i = 0; i < batch->report->codes->len; i++)
    {
      const GrCodeCount *line = &g_array_index (batch->report->codes, GrCodeCount, i);

      if (line->role != GR_ROLE_NONE && line->area > 0)
        return TRUE;
    }
  return FALSE;
}

/* A source whose every feature was lost in repair is an error, not a
 * silently missing layer. */
static gboolean
check_layers (Import *import, GError **error)
{
  for (guint i = 0; i < import->batches->len; i++)
    {
      Batch   *batch = g_ptr_array_index (import->batches, i);
      GrLayer *layer = import->project->layers[batch->role];

      if (batch->report != NULL)
        {
          if (!landuse_counted (batch))
            {
              g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY,
                           _ ("%s: none of the land-use codes in %s is counted for any role "
                              "by “%s”"),
                           batch->path, batch->report->field, batch->report->table_id);
              return FALSE;
            }
          continue;
        }
      if (!batch->osm && (layer == NULL || layer->features->len == 0))
        {
          g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY,
                       _ ("%s: no usable %s after repair"), batch->path,
                       _gr_import_shape_noun (gr_role_get_shape (batch->role)));
          return FALSE;
        }
    }
  return TRUE;
}

/* Layers of one city or county overlap; two this far apart cannot both be
 * read in the right CRS (a shapefile without its .prj read as longitude
 * and latitude, a Gauss-Kruger zone mistaken). */
#define APART_KM 50.0

static double
envelope_gap (const OGREnvelope *a, const OGREnvelope *b)
{
  double dx = fmax (0, fmax (a->MinX - b->MaxX, b->MinX - a->MaxX));
  double dy = fmax (0, fmax (a->MinY - b->MaxY, b->MinY - a->MaxY));

  return hypot (dx, dy);
}

/* Every source lies near the residential land (or, without it, the first
 * source), or over a project near its layers: a layer thousands of km off
 * would still add its length and area to the city's figures. Both are
 * named, as either may be the one read wrongly. */
static gboolean
check_apart (Import *import, OGRSpatialReferenceH target, GError **error)
{
  const double *near = import->options->near_extent;
  double        unit = OSRGetLinearUnits (target, NULL);
  const Batch  *reference = NULL; /* NULL over a project: its box is the reference */
  OGREnvelope   box;

  if (near != NULL && near[0] <= near[2] && near[1] <= near[3])
    box = (OGREnvelope){ .MinX = near[0], .MaxX = near[2], .MinY = near[1], .MaxY = near[3] };
  else
    {
      for (guint i = 0; i < import->batches->len; i++)
        {
          const Batch *batch = g_ptr_array_index (import->batches, i);

          if (batch->any_placed
              && (reference == NULL || (batch->residential && !reference->residential)))
            reference = batch;
        }
      if (reference == NULL)
        return TRUE;
      box = reference->placed;
    }
  for (guint i = 0; i < import->batches->len; i++)
    {
      const Batch *batch = g_ptr_array_index (import->batches, i);
      double       km;

      if (batch == reference || !batch->any_placed
          || (km = envelope_gap (&batch->placed, &box) * unit / 1000) <= APART_KM)
        continue;
      if (reference == NULL)
        g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                     _ ("%s lies %.0f km from the layers of %s, too far to be the same city: it "
                        "is read in the wrong coordinate system (check its .prj, or the CRS it "
                        "is read in)"),
                     batch->path, MIN (km, 1e9), import->options->near_name);
      else
        g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                     _ ("%s and %s lie %.0f km apart, too far to be one city: one of them is "
                        "read in the wrong coordinate system (check its .prj, or the CRS it is "
                        "read in)"),
                     batch->path, reference->path, MIN (km, 1e9));
      return FALSE;
    }
  return TRUE;
}

/* Residents from buildings: spread over floor area when a table gives
 * them per zone and the buildings their storeys; estimated when nothing
 * gives them. */
static void
place_residents (Import *import)
{
  const GrImportOptions *o = import->options;
  GrPopulationSettings   settings = { o->floor_area_per_resident, o->default_storeys };
  guint                  zones = gr_population_spread_over_floor_area (import->project, &settings);

  if (zones > 0)
    g_ptr_array_add (import->project->warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "the residents of %u zone are spread over "
                                                   "its residential buildings by floor area",
                                                   "the residents of %u zones are spread over "
                                                   "their residential buildings by floor area",
                                                   zones),
                                      zones));
  if (!o->no_estimate)
    gr_population_estimate_from_buildings (import->project, &settings);
}

/* A role a source of its own gives (a park inventory, a land-use layer's
 * homes) takes the place of the OSM extract's features of that role, as
 * a layer imported over an open extract does; unless it is to be added. */
static void
replace_osm_roles (Import *import)
{
  guint given = 0;

  for (guint b = 0; b < import->batches->len; b++)
    {
      Batch *batch = g_ptr_array_index (import->batches, b);

      for (guint i = 0; !batch->osm && !batch->add && i < batch->items->len; i++)
        if (g_array_index (batch->items, Pending, i).role != GR_ROLE_NONE)
          given |= 1u << g_array_index (batch->items, Pending, i).role;
    }
  for (guint b = 0; given != 0 && b < import->batches->len; b++)
    {
      Batch *batch = g_ptr_array_index (import->batches, b);

      for (guint i = batch->items->len; batch->osm && i-- > 0;)
        if (given & (1u << g_array_index (batch->items, Pending, i).role))
          g_array_remove_index (batch->items, i);
    }
}

gboolean
_gr_import_finish (Import *import, GError **error)
{
  g_auto (OGRSpatialReferenceH) target = NULL;
  char *wkt = NULL;

  replace_osm_roles (import);
  for (guint i = 0; i < import->batches->len; i++)
    drop_absurd (import, g_ptr_array_index (import->batches, i));
  if ((target = choose_crs (import, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < import->batches->len; i++)
    fit_osm_greenways (import, g_ptr_array_index (import->batches, i), target);
  for (guint i = 0; i < import->batches->len; i++)
    if (!place_batch (import, g_ptr_array_index (import->batches, i), target, error))
      return FALSE;
  if (!check_layers (import, error) || !check_apart (import, target, error))
    return FALSE;
  OSRExportToWkt (target, &wkt);
  import->project->crs_wkt = g_strdup (wkt);
  CPLFree (wkt);
  import->project->crs_name = g_strdup (OSRGetName (target));
  if (import->project->epsg == 0)
    {
      const char *code = OSRGetAuthorityCode (target, NULL);
      import->project->epsg = code != NULL ? atoi (code) : 0;
    }
  gr_project_update_extent (import->project);
  place_residents (import);
  return TRUE;
}
