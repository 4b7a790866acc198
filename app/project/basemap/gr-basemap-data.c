/* gr-basemap-data.c — what a base map is drawn from
 *
 * An OpenStreetMap extract gives everything a street map needs; a project
 * gives what it holds (parks, green space, water, residential land,
 * buildings, the walking network, greenways), so that a bureau's own
 * layers make a base map where no OpenStreetMap extract is wanted.
 *
 * Features are kept sorted in drawing order and indexed by a coarse grid,
 * so that drawing one tile reads only what lies under it.
 */
#include "config.h"

#include "gr-basemap-data.h"

#include "gr-display.h"
#include "gr-osm.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define GRID 128

struct _GrBasemapData
{
  GArray *features; /* GrBaseFeature, in drawing order */
  double  bounds[4];
  GArray *cells[GRID * GRID]; /* guint feature indices; NULL when empty */
  GArray *big;                /* features over too many cells to list in each */
};

static void
feature_clear (gpointer data)
{
  GrBaseFeature *f = data;

  gr_polygon_free (f->shape);
  g_free (f->name);
}

static GrBasemapData *
data_new (void)
{
  GrBasemapData *data = g_new0 (GrBasemapData, 1);

  data->features = g_array_new (FALSE, FALSE, sizeof (GrBaseFeature));
  g_array_set_clear_func (data->features, feature_clear);
  data->big = g_array_new (FALSE, FALSE, sizeof (guint));
  gr_bounds_clear (data->bounds);
  return data;
}

void
gr_basemap_data_free (GrBasemapData *data)
{
  if (data == NULL)
    return;
  g_array_unref (data->features);
  g_array_unref (data->big);
  for (guint i = 0; i < GRID * GRID; i++)
    if (data->cells[i] != NULL)
      g_array_unref (data->cells[i]);
  g_free (data);
}

static void
add (GrBasemapData *data, GrBaseKind kind, guint rank, OGRGeometryH lonlat, char *name)
{
  GrBaseFeature f = { 0 };

  if (lonlat == NULL || (f.shape = gr_mercator_from_lonlat_geometry (lonlat)) == NULL)
    {
      g_free (name);
      return;
    }
  gr_polygon_bounds (f.shape, f.bounds);
  f.kind = kind;
  f.rank = rank;
  f.name = name != NULL && *name != '\0' ? name : (g_free (name), NULL);
  gr_bounds_union (data->bounds, f.bounds);
  g_array_append_val (data->features, f);
}

static int
by_kind (gconstpointer a, gconstpointer b)
{
  return ((const GrBaseFeature *) a)->kind - ((const GrBaseFeature *) b)->kind;
}

static void
cell_range (GrBasemapData *data, const double b[4], int range[4])
{
  double w = MAX (data->bounds[2] - data->bounds[0], 1e-12);
  double h = MAX (data->bounds[3] - data->bounds[1], 1e-12);

  range[0] = CLAMP ((int) ((b[0] - data->bounds[0]) / w * GRID), 0, GRID - 1);
  range[1] = CLAMP ((int) ((b[1] - data->bounds[1]) / h * GRID), 0, GRID - 1);
  range[2] = CLAMP ((int) ((b[2] - data->bounds[0]) / w * GRID), 0, GRID - 1);
  range[3] = CLAMP ((int) ((b[3] - data->bounds[1]) / h * GRID), 0, GRID - 1);
}

/* Sorted (stably: g_array_sort is a merge sort) and indexed. */
static GrBasemapData *
data_finish (GrBasemapData *data)
{
  g_array_sort (data->features, by_kind);
  for (guint i = 0; i < data->features->len; i++)
    {
      const GrBaseFeature *f = &g_array_index (data->features, GrBaseFeature, i);
      int                  r[4];

      cell_range (data, f->bounds, r);
      if ((r[2] - r[0] + 1) * (r[3] - r[1] + 1) > 64)
        {
          g_array_append_val (data->big, i);
          continue;
        }
      for (int y = r[1]; y <= r[3]; y++)
        for (int x = r[0]; x <= r[2]; x++)
          {
            GArray **cell = &data->cells[y * GRID + x];

            if (*cell == NULL)
              *cell = g_array_new (FALSE, FALSE, sizeof (guint));
            g_array_append_val (*cell, i);
          }
    }
  return data;
}

static int
compare_index (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static gboolean
overlaps (const double a[4], const double b[4])
{
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/* Replaces @indices with the features whose boxes meet @bounds (Web
 * Mercator), in drawing order. */
void
gr_basemap_data_query (GrBasemapData *data, const double bounds[4], GArray *indices)
{
  int   r[4];
  guint kept = 0;

  g_array_set_size (indices, 0);
  if (data->features->len == 0 || !overlaps (bounds, data->bounds))
    return;
  g_array_append_vals (indices, data->big->data, data->big->len);
  cell_range (data, bounds, r);
  for (int y = r[1]; y <= r[3]; y++)
    for (int x = r[0]; x <= r[2]; x++)
      if (data->cells[y * GRID + x] != NULL)
        g_array_append_vals (indices, data->cells[y * GRID + x]->data,
                             data->cells[y * GRID + x]->len);
  g_array_sort (indices, compare_index);
  for (guint i = 0; i < indices->len; i++)
    {
      guint k = g_array_index (indices, guint, i);

      if (kept > 0 && g_array_index (indices, guint, kept - 1) == k)
        continue;
      if (overlaps (g_array_index (data->features, GrBaseFeature, k).bounds, bounds))
        g_array_index (indices, guint, kept++) = k;
    }
  g_array_set_size (indices, kept);
}

guint
gr_basemap_data_get_n_features (GrBasemapData *data)
{
  return data->features->len;
}

const GrBaseFeature *
gr_basemap_data_get_feature (GrBasemapData *data, guint index)
{
  g_return_val_if_fail (index < data->features->len, NULL);
  return &g_array_index (data->features, GrBaseFeature, index);
}

/* Web Mercator; empty (min > max) when there is nothing to draw. */
void
gr_basemap_data_get_bounds (GrBasemapData *data, double bounds[4])
{
  memcpy (bounds, data->bounds, sizeof data->bounds);
}

/* ---- OpenStreetMap ------------------------------------------------------- */

typedef struct
{
  const char *value;
  GrBaseKind  kind;
} TagKind;

static const TagKind highways[] = {
  { "motorway", GR_BASE_MAJOR },
  { "motorway_link", GR_BASE_MAJOR },
  { "trunk", GR_BASE_MAJOR },
  { "trunk_link", GR_BASE_MAJOR },
  { "primary", GR_BASE_PRIMARY },
  { "primary_link", GR_BASE_PRIMARY },
  { "secondary", GR_BASE_SECONDARY },
  { "secondary_link", GR_BASE_SECONDARY },
  { "tertiary", GR_BASE_TERTIARY },
  { "tertiary_link", GR_BASE_TERTIARY },
  { "residential", GR_BASE_MINOR },
  { "unclassified", GR_BASE_MINOR },
  { "living_street", GR_BASE_MINOR },
  { "service", GR_BASE_MINOR },
  { "road", GR_BASE_MINOR },
  { "pedestrian", GR_BASE_PATH },
  { "footway", GR_BASE_PATH },
  { "path", GR_BASE_PATH },
  { "steps", GR_BASE_PATH },
  { "cycleway", GR_BASE_PATH },
  { "bridleway", GR_BASE_PATH },
  { "track", GR_BASE_PATH },
  { NULL, 0 },
};
static const TagKind railways[] = {
  { "rail", GR_BASE_RAIL }, { "light_rail", GR_BASE_RAIL },   { "subway", GR_BASE_RAIL },
  { "tram", GR_BASE_RAIL }, { "narrow_gauge", GR_BASE_RAIL }, { NULL, 0 },
};
static const TagKind waterways[] = {
  { "river", GR_BASE_RIVER },  { "canal", GR_BASE_RIVER },  { "stream", GR_BASE_STREAM },
  { "ditch", GR_BASE_STREAM }, { "drain", GR_BASE_STREAM }, { NULL, 0 },
};
static const TagKind landuses[] = {
  { "residential", GR_BASE_RESIDENTIAL },
  { "commercial", GR_BASE_LAND_BUSY },
  { "retail", GR_BASE_LAND_BUSY },
  { "industrial", GR_BASE_LAND_BUSY },
  { "forest", GR_BASE_GREEN },
  { "grass", GR_BASE_GREEN },
  { "meadow", GR_BASE_GREEN },
  { "village_green", GR_BASE_GREEN },
  { "recreation_ground", GR_BASE_GREEN },
  { "cemetery", GR_BASE_GREEN },
  { "reservoir", GR_BASE_WATER },
  { "basin", GR_BASE_WATER },
  { NULL, 0 },
};
static const TagKind naturals[] = {
  { "wood", GR_BASE_GREEN },  { "scrub", GR_BASE_GREEN }, { "grassland", GR_BASE_GREEN },
  { "heath", GR_BASE_GREEN }, { "water", GR_BASE_WATER }, { NULL, 0 },
};
static const TagKind leisures[] = {
  { "park", GR_BASE_PARK },   { "garden", GR_BASE_PARK },          { "playground", GR_BASE_GREEN },
  { "pitch", GR_BASE_GREEN }, { "nature_reserve", GR_BASE_GREEN }, { NULL, 0 },
};
/* place=… and the rank that decides from which zoom its name shows. */
static const char *const places[] = { "city",    "town",   "suburb",        "village",
                                      "quarter", "hamlet", "neighbourhood", NULL };

static gboolean
lookup (OGRFeatureH feature, const char *key, const TagKind *table, GrBaseKind *kind)
{
  g_autofree char *value = gr_osm_tag (feature, key);

  for (guint i = 0; value != NULL && table[i].value != NULL; i++)
    if (g_str_equal (value, table[i].value))
      {
        *kind = table[i].kind;
        return TRUE;
      }
  return FALSE;
}

static char *
display_name (OGRFeatureH feature, gboolean chinese)
{
  char *name = NULL;

  if (chinese && (name = gr_osm_tag (feature, "name:zh")) == NULL)
    name = gr_osm_tag (feature, "name:zh-Hans");
  return name != NULL ? name : gr_osm_tag (feature, "name");
}

static gboolean
classify (const char *layer, OGRFeatureH feature, GrBaseKind *kind, guint *rank)
{
  *rank = 0;
  if (g_str_equal (layer, "points"))
    {
      g_autofree char *place = gr_osm_tag (feature, "place");

      for (guint i = 0; place != NULL && places[i] != NULL; i++)
        if (g_str_equal (place, places[i]))
          {
            *kind = GR_BASE_PLACE;
            *rank = i;
            return TRUE;
          }
      return FALSE;
    }
  if (g_str_equal (layer, "lines"))
    {
      g_autofree char *tunnel = NULL;

      if (lookup (feature, "waterway", waterways, kind))
        return TRUE;
      if (!lookup (feature, "highway", highways, kind)
          && !lookup (feature, "railway", railways, kind))
        return FALSE;
      tunnel = gr_osm_tag (feature, "tunnel");
      if (tunnel != NULL && !g_str_equal (tunnel, "no") && *kind != GR_BASE_PATH)
        *kind = GR_BASE_TUNNEL;
      return TRUE;
    }
  if (g_str_equal (layer, "multipolygons"))
    {
      g_autofree char *building = gr_osm_tag (feature, "building");

      if (building != NULL && !g_str_equal (building, "no"))
        {
          *kind = GR_BASE_BUILDING;
          return TRUE;
        }
      return lookup (feature, "leisure", leisures, kind)
             || lookup (feature, "natural", naturals, kind)
             || lookup (feature, "landuse", landuses, kind);
    }
  return FALSE;
}

/**
 * gr_basemap_data_new_from_osm:
 * @chinese: names from name:zh first
 *
 * Reads an OpenStreetMap extract (.osm.pbf, .osm) for a base map.
 */
GrBasemapData *
gr_basemap_data_new_from_osm (const char   *path,
                              gboolean      chinese,
                              GCancellable *cancellable,
                              GError      **error)
{
  const char *drivers[] = { "OSM", NULL };
  g_autoptr (GrBasemapData) data = data_new ();
  g_autofree char *gdal = NULL;
  GDALDatasetH     ds;
  OGRLayerH        layer;
  OGRFeatureH      feature;
  guint            n = 0;

  gr_gdal_init ();
  gr_gdal_capture_begin ();
  ds = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, NULL, NULL);
  gdal = gr_gdal_capture_end ();
  if (ds == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                   _ ("%s: not an OpenStreetMap extract GDAL can read: %s"), path,
                   gdal != NULL && *gdal ? gdal : _ ("unrecognised format"));
      return NULL;
    }
  while ((feature = GDALDatasetGetNextFeature (ds, &layer, NULL, NULL, NULL)) != NULL)
    {
      GrBaseKind kind;
      guint      rank;

      if (classify (OGR_L_GetName (layer), feature, &kind, &rank))
        add (data, kind, rank, OGR_F_GetGeometryRef (feature), display_name (feature, chinese));
      OGR_F_Destroy (feature);
      if (++n % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          GDALClose (ds);
          return NULL;
        }
    }
  GDALClose (ds);
  if (data->features->len == 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY,
                   _ ("%s: nothing a base map draws (no roads, land use, water or buildings)"),
                   path);
      return NULL;
    }
  return data_finish (g_steal_pointer (&data));
}

/* ---- a project's layers -------------------------------------------------- */

static const struct
{
  GrRole     role;
  GrBaseKind kind;
} project_roles[] = {
  { GR_ROLE_RESIDENTIAL, GR_BASE_RESIDENTIAL },
  { GR_ROLE_GREEN, GR_BASE_GREEN },
  { GR_ROLE_PARK, GR_BASE_PARK },
  { GR_ROLE_WATER, GR_BASE_WATER },
  { GR_ROLE_BUILDINGS, GR_BASE_BUILDING },
  { GR_ROLE_WALK, GR_BASE_MINOR },
  { GR_ROLE_GREENWAY, GR_BASE_PATH },
};

/**
 * gr_basemap_data_new_from_project:
 *
 * The project's own layers, for a base map where no extract is wanted.
 */
GrBasemapData *
gr_basemap_data_new_from_project (GrProject *project, GError **error)
{
  g_autoptr (GrBasemapData) data = data_new ();
  g_auto (OGRSpatialReferenceH) own =
      gr_srs_new_from_user (project->crs_wkt != NULL ? project->crs_wkt : "");
  g_auto (OGRSpatialReferenceH) wgs84 = gr_srs_new_from_user ("EPSG:4326");
  OGRCoordinateTransformationH ct;

  if (own == NULL || (ct = OCTNewCoordinateTransformation (own, wgs84)) == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                   _ ("the project has no usable coordinate reference system"));
      return NULL;
    }
  for (guint r = 0; r < G_N_ELEMENTS (project_roles); r++)
    {
      GrLayer *layer = project->layers[project_roles[r].role];

      for (guint i = 0; layer != NULL && i < layer->features->len; i++)
        {
          GrFeature *feature = g_ptr_array_index (layer->features, i);
          g_auto (OGRGeometryH) lonlat = OGR_G_Clone (feature->geometry);

          if (OGR_G_Transform (lonlat, ct) == OGRERR_NONE)
            add (data, project_roles[r].kind, 0, lonlat, g_strdup (feature->name));
        }
    }
  OCTDestroyCoordinateTransformation (ct);
  if (data->features->len == 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY,
                   _ ("the project has no layers a base map draws"));
      return NULL;
    }
  return data_finish (g_steal_pointer (&data));
}
