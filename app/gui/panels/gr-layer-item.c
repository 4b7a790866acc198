/* gr-layer-item.c — one row of the layer panel */
#include "config.h"

#include "gr-layer-item.h"

#include "gr-map-style.h"

struct _GrLayerItem
{
  GObject  parent_instance;
  GrRole   role;
  guint    n_features;
  gboolean visible;
  GdkRGBA  color;
  double   opacity;
  gboolean labels;
};

G_DEFINE_FINAL_TYPE (GrLayerItem, gr_layer_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_VISIBLE,
  PROP_COLOR,
  PROP_OPACITY,
  PROP_LABELS,
  PROP_CAN_LABEL,
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
    case PROP_COLOR:
      g_value_set_boxed (value, &self->color);
      break;
    case PROP_OPACITY:
      g_value_set_double (value, self->opacity);
      break;
    case PROP_LABELS:
      g_value_set_boolean (value, self->labels);
      break;
    case PROP_CAN_LABEL:
      g_value_set_boolean (value, gr_map_style_can_label (self->role));
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
    case PROP_COLOR:
      gr_layer_item_set_color (GR_LAYER_ITEM (object), g_value_get_boxed (value));
      break;
    case PROP_OPACITY:
      gr_layer_item_set_opacity (GR_LAYER_ITEM (object), g_value_get_double (value));
      break;
    case PROP_LABELS:
      gr_layer_item_set_labels (GR_LAYER_ITEM (object), g_value_get_boolean (value));
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
  properties[PROP_TITLE] =
      g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE] =
      g_param_spec_boolean ("visible", NULL, NULL, TRUE,
                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COLOR] =
      g_param_spec_boxed ("color", NULL, NULL, GDK_TYPE_RGBA,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OPACITY] =
      g_param_spec_double ("opacity", NULL, NULL, 0, 1, 1,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Names on the map, for the layers that have them (parks, green space,
   * water, zones). */
  properties[PROP_LABELS] =
      g_param_spec_boolean ("labels", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_LABEL] = g_param_spec_boolean ("can-label", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gr_layer_item_init (GrLayerItem *self)
{
  self->visible = TRUE;
  self->opacity = 1;
}

GrLayerItem *
gr_layer_item_new (GrRole role, guint n_features)
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
gr_layer_item_set_visible (GrLayerItem *self, gboolean visible)
{
  if (self->visible == !!visible)
    return;
  self->visible = !!visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE]);
}

const GdkRGBA *
gr_layer_item_get_color (GrLayerItem *self)
{
  return &self->color;
}

void
gr_layer_item_set_color (GrLayerItem *self, const GdkRGBA *color)
{
  if (color == NULL || gdk_rgba_equal (&self->color, color))
    return;
  self->color = *color;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

double
gr_layer_item_get_opacity (GrLayerItem *self)
{
  return self->opacity;
}

void
gr_layer_item_set_opacity (GrLayerItem *self, double opacity)
{
  opacity = CLAMP (opacity, 0, 1);
  if (self->opacity == opacity)
    return;
  self->opacity = opacity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPACITY]);
}

gboolean
gr_layer_item_get_labels (GrLayerItem *self)
{
  return self->labels;
}

void
gr_layer_item_set_labels (GrLayerItem *self, gboolean labels)
{
  if (self->labels == !!labels)
    return;
  self->labels = !!labels;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABELS]);
}
