/* gr-edit-item.c — one edit of a scenario's history: its line, the review
 * flags as a tooltip, and whether it is done (FALSE once undone, until
 * redone) */
#include "config.h"

#include "gr-edit-item.h"

struct _GrEditItem
{
  GObject  parent_instance;
  char    *text;
  char    *tooltip;
  gboolean done;
};

G_DEFINE_FINAL_TYPE (GrEditItem, gr_edit_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TEXT,
  PROP_TOOLTIP,
  PROP_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* TRUE when *@to changed (g_set_str () is newer than GLib 2.74). */
static gboolean
set_str (char **to, const char *text)
{
  if (g_strcmp0 (*to, text) == 0)
    return FALSE;
  g_free (*to);
  *to = g_strdup (text);
  return TRUE;
}

static void
gr_edit_item_finalize (GObject *object)
{
  GrEditItem *self = GR_EDIT_ITEM (object);

  g_free (self->text);
  g_free (self->tooltip);
  G_OBJECT_CLASS (gr_edit_item_parent_class)->finalize (object);
}

static void
gr_edit_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GrEditItem *self = GR_EDIT_ITEM (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_TOOLTIP:
      g_value_set_string (value, self->tooltip);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_edit_item_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  GrEditItem *self = GR_EDIT_ITEM (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      gr_edit_item_set_text (self, g_value_get_string (value));
      break;
    case PROP_TOOLTIP:
      gr_edit_item_set_tooltip (self, g_value_get_string (value));
      break;
    case PROP_DONE:
      gr_edit_item_set_done (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_edit_item_class_init (GrEditItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = gr_edit_item_finalize;
  object_class->get_property = gr_edit_item_get_property;
  object_class->set_property = gr_edit_item_set_property;
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_TOOLTIP] = g_param_spec_string ("tooltip", NULL, NULL, NULL, flags);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gr_edit_item_init (GrEditItem *self)
{
  self->done = TRUE;
}

GrEditItem *
gr_edit_item_new (void)
{
  return g_object_new (GR_TYPE_EDIT_ITEM, NULL);
}

const char *
gr_edit_item_get_text (GrEditItem *self)
{
  g_return_val_if_fail (GR_IS_EDIT_ITEM (self), NULL);
  return self->text;
}

void
gr_edit_item_set_text (GrEditItem *self, const char *text)
{
  g_return_if_fail (GR_IS_EDIT_ITEM (self));
  if (set_str (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
gr_edit_item_get_tooltip (GrEditItem *self)
{
  g_return_val_if_fail (GR_IS_EDIT_ITEM (self), NULL);
  return self->tooltip;
}

void
gr_edit_item_set_tooltip (GrEditItem *self, const char *tooltip)
{
  g_return_if_fail (GR_IS_EDIT_ITEM (self));
  if (set_str (&self->tooltip, tooltip))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOLTIP]);
}

gboolean
gr_edit_item_get_done (GrEditItem *self)
{
  g_return_val_if_fail (GR_IS_EDIT_ITEM (self), FALSE);
  return self->done;
}

void
gr_edit_item_set_done (GrEditItem *self, gboolean done)
{
  g_return_if_fail (GR_IS_EDIT_ITEM (self));
  done = !!done;
  if (self->done == done)
    return;
  self->done = done;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}
