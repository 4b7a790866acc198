/* gr-settings.h — the user's preferences (GSettings) */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  GR_BASE_MAP_MBTILES,
  GR_BASE_MAP_OPENSTREETMAP,
  GR_BASE_MAP_TIANDITU,
  GR_BASE_MAP_NONE,
  GR_BASE_MAP_CUSTOM,
} GrBaseMap;

GSettings *gr_settings_get (void);

G_END_DECLS
