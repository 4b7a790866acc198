/* gr-base-map.c — the map under the layers, as the preferences choose it
 *
 * Offline MBTiles come first: bureau networks are often cut off from the
 * internet. Online, OpenStreetMap's standard tiles, Tianditu (天地图, the
 * national service; the user brings a key) or any XYZ address template.
 * Tianditu's vector map has no labels: its annotation layer goes on top.
 */
#include "config.h"

#include "gr-base-map.h"

#include "gr-basemap-job.h"
#include "gr-mbtiles-source.h"
#include "gr-runtime.h"
#include "gr-settings.h"

#include <glib/gi18n.h>

/* Tianditu's WMTS in Web Mercator (TILEMATRIXSET=w), layer and key in
 * the address. GREENREACH_TIANDITU_SERVER stands in for the national
 * server in the tests. */
#define TIANDITU_SERVER "https://t0.tianditu.gov.cn"
#define TIANDITU_PATH                                                                              \
  "/%s_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=%s"                                 \
  "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=%s"

static char *
tianditu_url (const char *layer, const char *key)
{
  const char      *server = g_getenv ("GREENREACH_TIANDITU_SERVER");
  g_autofree char *path = g_strdup_printf (TIANDITU_PATH, layer, layer, key);

  return g_strconcat (server != NULL && *server != '\0' ? server : TIANDITU_SERVER, path, NULL);
}

static ShumateMapSource *
online (const char *id,
        const char *name,
        const char *license,
        const char *license_uri,
        guint       max_zoom,
        const char *url)
{
  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full_from_url (
      id, name, license, license_uri, 0, max_zoom, 256, SHUMATE_MAP_PROJECTION_MERCATOR, url));
}

/* The file chosen in the preferences; else the project's own, beside its
 * file; else the sample's. */
static char *
offline_path (GSettings *settings, const char *project_path)
{
  char *path = g_settings_get_string (settings, "mbtiles-path");

  if (path[0] != '\0')
    return path;
  g_free (path);
  if ((path = gr_basemap_find_beside (project_path)) != NULL)
    return path;
  return gr_runtime_data_path ("sample/basemap.mbtiles");
}

static ShumateMapSource *
offline (GSettings *settings, const char *project_path, GError **error)
{
  g_autofree char *path = offline_path (settings, project_path);
  g_autoptr (GrMbtilesSource) tiles = NULL;

  if ((tiles = gr_mbtiles_source_new (path, error)) == NULL)
    return NULL;
  /* Tiles beyond the file's deepest zoom are its tiles enlarged. */
  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full (
      "greenreach-mbtiles", _ ("Offline base map"), "", "", gr_mbtiles_source_get_min_zoom (tiles),
      19, 256, SHUMATE_MAP_PROJECTION_MERCATOR, SHUMATE_DATA_SOURCE (tiles)));
}

static gboolean
is_template (const char *url)
{
  return (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://"))
         && strstr (url, "{z}") != NULL && strstr (url, "{x}") != NULL
         && strstr (url, "{y}") != NULL;
}

/**
 * gr_base_map_new_sources:
 * @project_path: (nullable): the open project's file, whose own base map
 *   beside it is used when the preferences name no file
 *
 * Returns: (transfer full) (element-type ShumateMapSource): the tile
 * sources to draw, bottom first, none for "no base map"; %NULL with
 * @error set when the chosen base map cannot be used.
 */
GPtrArray *
gr_base_map_new_sources (GSettings *settings, const char *project_path, GError **error)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char  *key = NULL;
  g_autofree char  *url = NULL;
  ShumateMapSource *source;

  switch (g_settings_get_enum (settings, "base-map"))
    {
    case GR_BASE_MAP_MBTILES:
      if ((source = offline (settings, project_path, error)) == NULL)
        return NULL;
      g_ptr_array_add (sources, source);
      break;
    case GR_BASE_MAP_OPENSTREETMAP:
      g_ptr_array_add (sources, online ("greenreach-osm", "OpenStreetMap",
                                        _ ("© OpenStreetMap contributors"),
                                        "https://www.openstreetmap.org/copyright", 19,
                                        "https://tile.openstreetmap.org/{z}/{x}/{y}.png"));
      break;
    case GR_BASE_MAP_TIANDITU:
      key = g_strstrip (g_settings_get_string (settings, "tianditu-key"));
      if (key[0] == '\0' || strspn (key, "0123456789abcdefABCDEF") != strlen (key))
        {
          g_set_error_literal (
              error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
              key[0] == '\0'
                  ? _ ("The Tianditu base map needs your own key: enter it in Preferences.")
                  : _ ("The Tianditu key should be hexadecimal digits only."));
          return NULL;
        }
      url = tianditu_url ("vec", key);
      g_ptr_array_add (sources, online ("greenreach-tianditu", _ ("Tianditu"), _ ("© Tianditu"),
                                        "https://www.tianditu.gov.cn", 18, url));
      g_free (url);
      url = tianditu_url ("cva", key);
      g_ptr_array_add (
          sources, online ("greenreach-tianditu-labels", _ ("Tianditu labels"), "", "", 18, url));
      break;
    case GR_BASE_MAP_CUSTOM:
      url = g_strstrip (g_settings_get_string (settings, "tile-url"));
      if (!is_template (url))
        {
          g_set_error (
              error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
              _ ("“%s” is not a tile address: it must start with http:// or https:// and contain "
                 "{z}, {x} and {y}."),
              url);
          return NULL;
        }
      g_ptr_array_add (sources, online ("greenreach-custom", _ ("Tile server"), url, "", 19, url));
      break;
    default:
      break;
    }
  return g_steal_pointer (&sources);
}

/* The offline base map's file when it is the one chosen; else %NULL (an
 * online base map is not drawn outside the window). */
char *
gr_base_map_get_mbtiles (GSettings *settings, const char *project_path)
{
  if (g_settings_get_enum (settings, "base-map") != GR_BASE_MAP_MBTILES)
    return NULL;
  return offline_path (settings, project_path);
}

/**
 * gr_base_map_get_online:
 * @urls: (out) (transfer full): the tile URL templates drawn, bottom first
 * @credit: (out) (transfer full) (nullable): the attribution they need
 *
 * Returns: whether the base map chosen is online and usable; exports and
 *   the report then draw it from the window's tile cache.
 */
gboolean
gr_base_map_get_online (GSettings *settings, char ***urls, char **credit)
{
  g_autoptr (GPtrArray) sources = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  GrBaseMap chosen = g_settings_get_enum (settings, "base-map");

  *urls = NULL, *credit = NULL;
  if (chosen == GR_BASE_MAP_MBTILES || chosen == GR_BASE_MAP_NONE
      || (sources = gr_base_map_new_sources (settings, NULL, NULL)) == NULL || sources->len == 0)
    return FALSE;
  for (guint i = 0; i < sources->len; i++)
    {
      ShumateMapSource *source = g_ptr_array_index (sources, i);
      g_autoptr (ShumateDataSource) data = NULL;
      g_autofree char *template = NULL;

      g_object_get (source, "data-source", &data, NULL);
      if (SHUMATE_IS_TILE_DOWNLOADER (data))
        g_object_get (data, "url-template", &template, NULL);
      if (template != NULL)
        g_strv_builder_add (builder, template);
      if (*credit == NULL && shumate_map_source_get_license (source)[0] != '\0')
        *credit = g_strdup (shumate_map_source_get_license (source));
    }
  *urls = g_strv_builder_end (builder);
  return (*urls)[0] != NULL;
}
