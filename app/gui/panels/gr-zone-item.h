/* gr-zone-item.h — one row of the per-zone table */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GR_TYPE_ZONE_ITEM (gr_zone_item_get_type ())
G_DECLARE_FINAL_TYPE (GrZoneItem, gr_zone_item, GR, ZONE_ITEM, GObject)

enum
{
  GR_ZONE_COLUMN_NAME,
  GR_ZONE_COLUMN_GREEN,
  GR_ZONE_COLUMN_PARK,
  GR_ZONE_COLUMN_NEITHER,
  GR_ZONE_N_COLUMNS
};

GrZoneItem *gr_zone_item_new (const char *name, double green, double park, double neither);
const char *gr_zone_item_get_text (GrZoneItem *self, guint column);

G_END_DECLS
