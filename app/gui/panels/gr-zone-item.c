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

static void
gr_zone_item_finalize (GObject *object)
{
  GrZoneItem *self = GR_ZONE_ITEM (object);

  for (guint i = 0; i < GR_ZONE_N_COLUMNS; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (gr_zone_item_parent_class)->finalize (object);
}

static void
gr_zone_item_class_init (GrZoneItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gr_zone_item_finalize;
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
gr_zone_item_new (const char *name,
                  double      green,
                  double      park,
                  double      neither)
{
  GrZoneItem *self = g_object_new (GR_TYPE_ZONE_ITEM, NULL);

  self->text[GR_ZONE_COLUMN_NAME] = g_strdup (name);
  self->text[GR_ZONE_COLUMN_GREEN] = percent (green);
  self->text[GR_ZONE_COLUMN_PARK] = percent (park);
  self->text[GR_ZONE_COLUMN_NEITHER] = percent (neither);
  return self;
}

const char *
gr_zone_item_get_text (GrZoneItem *self,
                       guint       column)
{
  g_return_val_if_fail (column < GR_ZONE_N_COLUMNS, NULL);
  return self->text[column];
}
