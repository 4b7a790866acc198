/* gr-feature-popover.h — what a click on the map found, and for an editable feature its name and class */
#pragma once

#include <gtk/gtk.h>

#include "gr-park-class.h"

G_BEGIN_DECLS

#define GR_TYPE_FEATURE_POPOVER (gr_feature_popover_get_type ())
G_DECLARE_FINAL_TYPE (GrFeaturePopover, gr_feature_popover, GR, FEATURE_POPOVER, GtkPopover)

GtkWidget  *gr_feature_popover_new (const char *markup);
const char *gr_feature_popover_get_text (GrFeaturePopover *self);
void gr_feature_popover_set_naming (GrFeaturePopover *self, const char *name, GrParkClass klass);

G_END_DECLS
