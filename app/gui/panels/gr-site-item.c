/* gr-site-item.c — one suggested site: its rank, a line with what it
 * serves, and a line with every figure it moves. Set once: a new ranking
 * makes new items. */
#include "config.h"

#include "gr-site-item.h"

struct _GrSiteItem
{
  GObject parent_instance;
  guint   rank; /* from 1 */
  char   *title;
  char   *detail;
};

G_DEFINE_FINAL_TYPE (GrSiteItem, gr_site_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gr_site_item_finalize (GObject *object)
{
  GrSiteItem *self = GR_SITE_ITEM (object);

  g_free (self->title);
  g_free (self->detail);
  G_OBJECT_CLASS (gr_site_item_parent_class)->finalize (object);
}

static void
gr_site_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GrSiteItem *self = GR_SITE_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_site_item_class_init (GrSiteItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gr_site_item_finalize;
  object_class->get_property = gr_site_item_get_property;
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gr_site_item_init (GrSiteItem *self)
{
}

GrSiteItem *
gr_site_item_new (guint rank, const char *title, const char *detail)
{
  GrSiteItem *self = g_object_new (GR_TYPE_SITE_ITEM, NULL);

  self->rank = rank;
  self->title = g_strdup (title);
  self->detail = g_strdup (detail);
  return self;
}

guint
gr_site_item_get_rank (GrSiteItem *self)
{
  g_return_val_if_fail (GR_IS_SITE_ITEM (self), 0);
  return self->rank;
}

const char *
gr_site_item_get_title (GrSiteItem *self)
{
  g_return_val_if_fail (GR_IS_SITE_ITEM (self), NULL);
  return self->title;
}

const char *
gr_site_item_get_detail (GrSiteItem *self)
{
  g_return_val_if_fail (GR_IS_SITE_ITEM (self), NULL);
  return self->detail;
}
