/* gr-osm-nodes.h — the coordinates of an OSM XML file's nodes, checked
 * before the file is read
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean gr_osm_check_nodes (const char *path, GError **error);

G_END_DECLS
