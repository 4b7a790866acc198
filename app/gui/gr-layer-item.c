/* gr-layer-item.c — one row of the layer panel */
#include "config.h"

#include "gr-layer-item.h"

struct _GrLayerItem
{
  GObject  parent_instance;
  GrRole   role;
  guint    n_features;
  gboolean visible;
};

G_DEFINE_FINAL_TYPE (GrLayerItem, gr_layer_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gr_layer_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GrLayerItem *self = GR_LAYER_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gr_layer_item_get_title (self));
      break;
    case PROP_VISIBLE:
      g_value_set_boolean (value, self->visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_layer_item_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_VISIBLE:
      gr_layer_item_set_visible (GR_LAYER_ITEM (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_layer_item_class_init (GrLayerItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gr_layer_item_get_property;
  object_class->set_property = gr_layer_item_set_property;
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE] = g_param_spec_boolean ("visible", NULL, NULL, TRUE,
                                                   G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
                                                     | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gr_layer_item_init (GrLayerItem *self)
{
  self->visible = TRUE;
}

GrLayerItem *
gr_layer_item_new (GrRole role,
                   guint  n_features)
{
  GrLayerItem *self = g_object_new (GR_TYPE_LAYER_ITEM, NULL);

  self->role = role;
  self->n_features = n_features;
  return self;
}

GrRole
gr_layer_item_get_role (GrLayerItem *self)
{
  return self->role;
}

const char *
gr_layer_item_get_title (GrLayerItem *self)
{
  return gr_role_get_label (self->role);
}

guint
gr_layer_item_get_n_features (GrLayerItem *self)
{
  return self->n_features;
}

gboolean
gr_layer_item_get_visible (GrLayerItem *self)
{
  return self->visible;
}

void
gr_layer_item_set_visible (GrLayerItem *self,
                           gboolean     visible)
{
  if (self->visible == !!visible)
    return;
  self->visible = !!visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE]);
}
