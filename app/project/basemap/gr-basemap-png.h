/* gr-basemap-png.h — base map tiles as 8-bit palette PNG */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

GBytes *gr_basemap_encode_png (cairo_surface_t *surface);

G_END_DECLS
