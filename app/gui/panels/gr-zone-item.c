/* gr-zone-item.c — one row of the per-zone table: a zone and its shares
 * of residential land within reach, already formatted */
#include "config.h"

#include "gr-zone-item.h"

#include <math.h>

struct _GrZoneItem
{
  GObject parent_instance;
  char   *text[GR_ZONE_N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (GrZoneItem, gr_zone_item, G_TYPE_OBJECT)

/* One read-only string property per column, named as the table binds them. */
static const char *const column_names[GR_ZONE_N_COLUMNS] = { "name", "green", "park", "neither" };

static void
gr_zone_item_finalize (GObject *object)
{
  GrZoneItem *self = GR_ZONE_ITEM (object);

  for (guint i = 0; i < GR_ZONE_N_COLUMNS; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (gr_zone_item_parent_class)->finalize (object);
}

static void
gr_zone_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id > GR_ZONE_N_COLUMNS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_value_set_string (value, GR_ZONE_ITEM (object)->text[prop_id - 1]);
}

static void
gr_zone_item_class_init (GrZoneItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gr_zone_item_finalize;
  object_class->get_property = gr_zone_item_get_property;
  for (guint c = 0; c < GR_ZONE_N_COLUMNS; c++)
    g_object_class_install_property (
        object_class, c + 1,
        g_param_spec_string (column_names[c], NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
gr_zone_item_init (GrZoneItem *self)
{
}

static char *
percent (double share)
{
  return isfinite (share) ? g_strdup_printf ("%.1f%%", 100 * share) : g_strdup ("–");
}

/* Shares are fractions of the zone's residential land; NAN for none. */
GrZoneItem *
gr_zone_item_new (const char *name, double green, double park, double neither)
{
  GrZoneItem *self = g_object_new (GR_TYPE_ZONE_ITEM, NULL);

  self->text[GR_ZONE_COLUMN_NAME] = g_strdup (name);
  self->text[GR_ZONE_COLUMN_GREEN] = percent (green);
  self->text[GR_ZONE_COLUMN_PARK] = percent (park);
  self->text[GR_ZONE_COLUMN_NEITHER] = percent (neither);
  return self;
}

const char *
gr_zone_item_get_text (GrZoneItem *self, guint column)
{
  g_return_val_if_fail (column < GR_ZONE_N_COLUMNS, NULL);
  return self->text[column];
}
