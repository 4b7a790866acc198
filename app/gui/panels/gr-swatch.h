/* gr-swatch.h — a small square of colour: a layer's, or a blind-spot kind's */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GR_TYPE_SWATCH (gr_swatch_get_type ())
G_DECLARE_FINAL_TYPE (GrSwatch, gr_swatch, GR, SWATCH, GtkWidget)

GtkWidget     *gr_swatch_new (void);
const GdkRGBA *gr_swatch_get_rgba (GrSwatch *self);
void           gr_swatch_set_rgba (GrSwatch *self, const GdkRGBA *rgba);

G_END_DECLS
