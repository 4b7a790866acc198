/* gr-feature-item.h — one row of an attribute table: a feature of a layer,
 * its name, class, size and where it came from */
#pragma once

#include <glib-object.h>

#include "gr-project.h"

G_BEGIN_DECLS

#define GR_TYPE_FEATURE_ITEM (gr_feature_item_get_type ())
G_DECLARE_FINAL_TYPE (GrFeatureItem, gr_feature_item, GR, FEATURE_ITEM, GObject)

GrFeatureItem *gr_feature_item_new (GrRole role, guint index, const GrFeature *feature);
GrRole         gr_feature_item_get_role (GrFeatureItem *self);
guint          gr_feature_item_get_index (GrFeatureItem *self);
const char    *gr_feature_item_get_name (GrFeatureItem *self);
double         gr_feature_item_get_size (GrFeatureItem *self);

G_END_DECLS
