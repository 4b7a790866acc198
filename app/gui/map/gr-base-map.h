/* gr-base-map.h — the map under the layers, as the preferences choose it */
#pragma once

#include <gio/gio.h>
#include <shumate/shumate.h>

G_BEGIN_DECLS

GPtrArray *gr_base_map_new_sources (GSettings *settings, const char *project_path, GError **error);
char      *gr_base_map_get_mbtiles (GSettings *settings, const char *project_path);
gboolean   gr_base_map_get_online (GSettings *settings, char ***urls, char **credit);

G_END_DECLS
