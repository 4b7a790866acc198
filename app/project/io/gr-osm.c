/* gr-osm.c — the built-in mapping from OpenStreetMap tags to roles
 *
 * Documented for users in README.md ("OpenStreetMap tag mapping"); keep the
 * two in step.
 */
#include "gr-osm.h"

#include "gr-population.h"

#include <math.h>

#include <string.h>

static const char *const park_leisure[] = { "park", NULL };
static const char *const green_leisure[] = { "park",           "garden",
                                             "village_green",  "recreation_ground",
                                             "nature_reserve", NULL };
static const char *const green_landuse[] = { "grass",  "village_green", "recreation_ground",
                                             "forest", "meadow",        NULL };
static const char *const green_natural[] = { "wood", "scrub", "grassland", "heath", NULL };
static const char *const water_natural[] = { "water", NULL };
static const char *const water_landuse[] = { "reservoir", "basin", NULL };
static const char *const walk_highway[] = {
  "footway", "path",         "pedestrian", "steps",         "living_street", "residential",
  "service", "unclassified", "tertiary",   "tertiary_link", "secondary",     "secondary_link",
  "primary", "primary_link", "track",      "cycleway",      "bridleway",     "road",
  NULL
};
/* Land a new park could go on, for site suggestion's "auto" candidates. */
static const char *const usable_landuse[] = { "brownfield", "greenfield", NULL };
static const char *const surface_parking[] = { "surface", NULL };
static const char *const private_access[] = { "private", "no", NULL };
static const char *const designated[] = { "designated", NULL };

/* The value of @key in GDAL's other_tags column ("k"=>"v","k2"=>"v2"). */
char *
gr_osm_other_tag (const char *other_tags, const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\"=>\"", key);
  const char      *start, *end;

  if (other_tags == NULL || (start = strstr (other_tags, needle)) == NULL)
    return NULL;
  start += strlen (needle);
  end = strchr (start, '"');
  return end != NULL ? g_strndup (start, end - start) : NULL;
}

/* @key's value on an OSM feature: its own column, or from other_tags. */
char *
gr_osm_tag (OGRFeatureH feature, const char *key)
{
  int index = OGR_F_GetFieldIndex (feature, key);

  if (index >= 0)
    return OGR_F_IsFieldSetAndNotNull (feature, index)
               ? g_strdup (OGR_F_GetFieldAsString (feature, index))
               : NULL;
  index = OGR_F_GetFieldIndex (feature, "other_tags");
  if (index < 0 || !OGR_F_IsFieldSetAndNotNull (feature, index))
    return NULL;
  return gr_osm_other_tag (OGR_F_GetFieldAsString (feature, index), key);
}

static gboolean
tag_in (OGRFeatureH feature, const char *key, const char *const *values, char **kind)
{
  g_autofree char *value = gr_osm_tag (feature, key);

  if (value == NULL || !g_strv_contains (values, value))
    return FALSE;
  if (kind != NULL && *kind == NULL)
    *kind = g_strdup_printf ("%s=%s", key, value);
  return TRUE;
}

static gboolean
has_tag (OGRFeatureH feature, const char *key)
{
  g_autofree char *value = gr_osm_tag (feature, key);

  return value != NULL;
}

static void
classify_area (OGRFeatureH f, GrOsmClass *out)
{
  g_autofree char *building = gr_osm_tag (f, "building");
  g_autofree char *boundary = gr_osm_tag (f, "boundary");
  g_autofree char *level = gr_osm_tag (f, "admin_level");
  g_autofree char *historic = gr_osm_tag (f, "historic");
  gboolean         closed = tag_in (f, "access", private_access, NULL);

  if (!closed && tag_in (f, "leisure", park_leisure, &out->kind))
    out->roles |= 1u << GR_ROLE_PARK;
  if (!closed
      && (tag_in (f, "leisure", green_leisure, &out->kind)
          || tag_in (f, "landuse", green_landuse, &out->kind)
          || tag_in (f, "natural", green_natural, &out->kind)))
    out->roles |= 1u << GR_ROLE_GREEN;
  if (tag_in (f, "landuse", usable_landuse, &out->kind)
      || (tag_in (f, "amenity", (const char *[]){ "parking", NULL }, &out->kind)
          && (!has_tag (f, "parking") || tag_in (f, "parking", surface_parking, NULL))))
    out->roles |= 1u << GR_ROLE_SITES;
  if (tag_in (f, "landuse", (const char *[]){ "residential", NULL }, &out->kind))
    out->roles |= 1u << GR_ROLE_RESIDENTIAL;
  if (tag_in (f, "natural", water_natural, &out->kind)
      || tag_in (f, "landuse", water_landuse, &out->kind)
      || tag_in (f, "waterway", (const char *[]){ "riverbank", NULL }, &out->kind))
    out->roles |= 1u << GR_ROLE_WATER;
  if (building != NULL && strcmp (building, "no") != 0)
    {
      g_autofree char *levels = gr_osm_tag (f, "building:levels");
      g_autofree char *height = gr_osm_tag (f, "height");

      out->roles |= 1u << GR_ROLE_BUILDINGS;
      out->storeys = gr_storeys_from_text (levels, height);
      if (out->kind == NULL)
        out->kind = g_strdup_printf ("building=%s", building);
    }
  if (g_strcmp0 (boundary, "administrative") == 0 && level != NULL)
    {
      out->admin_level = atoi (level);
      if (out->admin_level > 0)
        out->roles |= 1u << GR_ROLE_ZONES;
    }
  out->historic = historic != NULL && strcmp (historic, "no") != 0;
}

static const char *const motor_highway[] = {
  "motorway",     "motorway_link", "trunk",          "trunk_link", "primary",
  "primary_link", "secondary",     "secondary_link", "tertiary",   "tertiary_link",
  "unclassified", "residential",   "road",           NULL
};
static const char *const trail_highway[] = { "cycleway", "footway",   "path",  "pedestrian",
                                             "track",    "bridleway", "steps", NULL };
static const char *const route_kinds[] = { "hiking", "foot", "walking", "bicycle", "mtb", NULL };
/* National and international routes cross open country; a city's
 * greenways are its local and regional ones. */
static const char *const long_distance[] = { "nwn", "iwn", "ncn", "icn", NULL };

/* Named as a greenway: 绿道, greenway, Greenway Trail… */
static gboolean
named_greenway (OGRFeatureH f)
{
  const char *const keys[] = { "name", "name:zh", "name:en", NULL };

  for (guint k = 0; keys[k] != NULL; k++)
    {
      g_autofree char *name = gr_osm_tag (f, keys[k]);
      g_autofree char *folded = name != NULL ? g_utf8_casefold (name, -1) : NULL;

      if (folded != NULL
          && (strstr (folded, "绿道") != NULL || strstr (folded, "greenway") != NULL))
        return TRUE;
    }
  return FALSE;
}

static void
classify_line (OGRFeatureH f, GrOsmClass *out)
{
  g_autofree char *foot = gr_osm_tag (f, "foot");

  if (tag_in (f, "highway", walk_highway, &out->kind) && g_strcmp0 (foot, "no") != 0)
    out->roles |= 1u << GR_ROLE_WALK;
  out->motor_road = tag_in (f, "highway", motor_highway, NULL);
  if (tag_in (f, "highway", trail_highway, NULL) && named_greenway (f))
    out->greenway = GR_OSM_GREENWAY_ROUTE;
  else if (tag_in (f, "highway", (const char *[]){ "cycleway", NULL }, NULL)
           || (tag_in (f, "highway", (const char *[]){ "path", "footway", NULL }, NULL)
               && tag_in (f, "bicycle", designated, NULL)))
    out->greenway = GR_OSM_GREENWAY_IF_APART;
  if (out->greenway != GR_OSM_GREENWAY_NO)
    out->roles |= 1u << GR_ROLE_GREENWAY;
}

/* A walking, hiking or cycling route relation (GDAL's multilinestrings). */
static void
classify_route (OGRFeatureH f, GrOsmClass *out)
{
  g_autofree char *network = gr_osm_tag (f, "network");

  if (!tag_in (f, "type", (const char *[]){ "route", NULL }, NULL)
      || !tag_in (f, "route", route_kinds, &out->kind)
      || (network != NULL && g_strv_contains (long_distance, network)))
    return;
  out->greenway = GR_OSM_GREENWAY_ROUTE;
  out->roles |= 1u << GR_ROLE_GREENWAY;
}

/**
 * gr_osm_classify:
 * @layer_name: the GDAL OSM driver's layer: multipolygons, lines, points…
 *
 * Returns: %TRUE when the feature takes at least one role
 */
gboolean
gr_osm_classify (const char *layer_name, OGRFeatureH feature, GrOsmClass *out)
{
  memset (out, 0, sizeof *out);
  out->storeys = NAN;
  if (g_strcmp0 (layer_name, "multipolygons") == 0)
    classify_area (feature, out);
  else if (g_strcmp0 (layer_name, "lines") == 0)
    classify_line (feature, out);
  else if (g_strcmp0 (layer_name, "multilinestrings") == 0)
    classify_route (feature, out);
  return out->roles != 0 || out->motor_road;
}

void
gr_osm_class_clear (GrOsmClass *klass)
{
  g_clear_pointer (&klass->kind, g_free);
}

/* Under zh_CN and the other Chinese locales, names are Chinese first
 * (name:zh), on the base map and in the project's layers. */
gboolean
gr_osm_prefers_chinese (void)
{
  const char *const *languages = g_get_language_names ();

  return languages[0] != NULL && g_str_has_prefix (languages[0], "zh");
}
