/* gr-park-popover.h — the size and shape of the pocket park the add tool drops */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GR_TYPE_PARK_POPOVER (gr_park_popover_get_type ())
G_DECLARE_FINAL_TYPE (GrParkPopover, gr_park_popover, GR, PARK_POPOVER, GtkPopover)

double   gr_park_popover_get_area (GrParkPopover *self);
gboolean gr_park_popover_get_circle (GrParkPopover *self);

G_END_DECLS
