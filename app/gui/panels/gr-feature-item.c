/* gr-feature-item.c — one row of an attribute table
 *
 * Read-only properties for the table's columns, sorters and search: the
 * layer, the number the feature keeps in its layer, its name and class,
 * its size (area in m² for areas, length in m for lines) and its origin.
 */
#include "config.h"

#include "gr-feature-item.h"

#include <glib/gi18n.h>
#include <math.h>

struct _GrFeatureItem
{
  GObject parent_instance;
  GrRole  role;
  guint   index;
  gint64  id;
  char   *name;
  char   *kind;
  char   *origin;
  double  size;
  char   *size_text;
  char   *search_text;
};

G_DEFINE_FINAL_TYPE (GrFeatureItem, gr_feature_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LAYER,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_SIZE,
  PROP_SIZE_TEXT,
  PROP_ORIGIN,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gr_feature_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GrFeatureItem *self = GR_FEATURE_ITEM (object);

  switch (prop_id)
    {
    case PROP_LAYER:
      g_value_set_string (value, gr_role_get_label (self->role));
      break;
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_SIZE:
      g_value_set_double (value, self->size);
      break;
    case PROP_SIZE_TEXT:
      g_value_set_string (value, self->size_text);
      break;
    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_feature_item_finalize (GObject *object)
{
  GrFeatureItem *self = GR_FEATURE_ITEM (object);

  g_free (self->name);
  g_free (self->kind);
  g_free (self->origin);
  g_free (self->size_text);
  g_free (self->search_text);
  G_OBJECT_CLASS (gr_feature_item_parent_class)->finalize (object);
}

static GParamSpec *
string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
gr_feature_item_class_init (GrFeatureItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gr_feature_item_get_property;
  object_class->finalize = gr_feature_item_finalize;
  properties[PROP_LAYER] = string ("layer");
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = string ("name");
  properties[PROP_KIND] = string ("kind");
  properties[PROP_SIZE] = g_param_spec_double ("size", NULL, NULL, 0, G_MAXDOUBLE, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE_TEXT] = string ("size-text");
  properties[PROP_ORIGIN] = string ("origin");
  properties[PROP_SEARCH_TEXT] = string ("search-text");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gr_feature_item_init (GrFeatureItem *self)
{
}

GrFeatureItem *
gr_feature_item_new (GrRole role, guint index, const GrFeature *feature)
{
  GrFeatureItem *self = g_object_new (GR_TYPE_FEATURE_ITEM, NULL);
  GrShape        shape = gr_role_get_shape (role);

  self->role = role;
  self->index = index;
  self->id = feature->id;
  self->name = g_strdup (feature->name != NULL ? feature->name : "");
  self->kind = g_strdup (feature->kind != NULL ? feature->kind : "");
  self->origin = g_strdup (feature->origin != NULL ? feature->origin : "");
  if (shape == GR_SHAPE_AREA)
    {
      self->size = gr_geometry_area (feature->geometry);
      self->size_text = g_strdup_printf (_ ("%.0f m²"), self->size);
    }
  else if (shape == GR_SHAPE_LINE)
    {
      self->size = OGR_G_Length (feature->geometry);
      self->size_text = g_strdup_printf (_ ("%.0f m"), self->size);
    }
  else
    self->size_text = g_strdup ("");
  self->search_text =
      g_strjoin (" ", self->name, self->kind, gr_role_get_label (role), self->origin, NULL);
  return self;
}

GrRole
gr_feature_item_get_role (GrFeatureItem *self)
{
  return self->role;
}

guint
gr_feature_item_get_index (GrFeatureItem *self)
{
  return self->index;
}

const char *
gr_feature_item_get_name (GrFeatureItem *self)
{
  return self->name;
}

double
gr_feature_item_get_size (GrFeatureItem *self)
{
  return self->size;
}
