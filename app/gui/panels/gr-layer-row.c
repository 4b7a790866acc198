/* gr-layer-row.c — one layer of the panel, following its GrLayerItem
 * through a binding group: the check box, the colour and the opacity are
 * bound both ways, the swatch and the name one way. The order buttons
 * activate "layers.move" with the item's role and a step (−1 up, +1 down),
 * an action the panel installs. */
#include "config.h"

#include "gr-layer-row.h"

#include "gr-swatch.h"

#include <glib/gi18n.h>

struct _GrLayerRow
{
  GtkBox parent_instance;

  GtkCheckButton *visible_check;
  GrSwatch       *swatch;
  GtkColorButton *color_button;
  GtkAdjustment  *opacity;
  GtkButton      *up_button;
  GtkButton      *down_button;
  GtkButton      *table_button;
  GtkButton      *zoom_button;
  GtkLabel       *title;
  GtkLabel       *labels_label;
  GtkSwitch      *labels_switch;
  GBindingGroup  *bindings;
  GrLayerItem    *item;
};

G_DEFINE_FINAL_TYPE (GrLayerRow, gr_layer_row, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gr_layer_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, GR_LAYER_ROW (object)->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_layer_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ITEM:
      gr_layer_row_set_item (GR_LAYER_ROW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_layer_row_dispose (GObject *object)
{
  GrLayerRow *self = GR_LAYER_ROW (object);

  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  g_clear_object (&self->bindings);
  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (object), GR_TYPE_LAYER_ROW);
  G_OBJECT_CLASS (gr_layer_row_parent_class)->dispose (object);
}

static void
gr_layer_row_class_init (GrLayerRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_layer_row_dispose;
  object_class->get_property = gr_layer_row_get_property;
  object_class->set_property = gr_layer_row_set_property;
  properties[PROP_ITEM] =
      g_param_spec_object ("item", NULL, NULL, GR_TYPE_LAYER_ITEM,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_type_ensure (GR_TYPE_SWATCH);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/greenreach/Greenreach/panels/gr-layer-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GrLayerRow, visible_check);
  gtk_widget_class_bind_template_child (widget_class, GrLayerRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, GrLayerRow, color_button);
  gtk_widget_class_bind_template_child (widget_class, GrLayerRow, opacity);
  gtk_widget_class_bind_template_child (widget_class, GrLayerRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, GrLayerRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, GrLayerRow, table_button);
  gtk_widget_class_bind_template_child (widget_class, GrLayerRow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, GrLayerRow, title);
  gtk_widget_class_bind_template_child (widget_class, GrLayerRow, labels_label);
  gtk_widget_class_bind_template_child (widget_class, GrLayerRow, labels_switch);
}

static void
gr_layer_row_init (GrLayerRow *self)
{
  GBindingFlags both = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "visible", self->visible_check, "active", both);
  g_binding_group_bind (self->bindings, "color", self->color_button, "rgba", both);
  g_binding_group_bind (self->bindings, "color", self->swatch, "rgba", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "opacity", self->opacity, "value", both);
  g_binding_group_bind (self->bindings, "title", self->title, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "labels", self->labels_switch, "active", both);
  g_binding_group_bind (self->bindings, "can-label", self->labels_switch, "visible",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "can-label", self->labels_label, "visible",
                        G_BINDING_SYNC_CREATE);
}

GrLayerItem *
gr_layer_row_get_item (GrLayerRow *self)
{
  g_return_val_if_fail (GR_IS_LAYER_ROW (self), NULL);
  return self->item;
}

/* @item: (nullable): the layer shown, %NULL while the row is recycled */
void
gr_layer_row_set_item (GrLayerRow *self, GrLayerItem *item)
{
  g_autofree char *tooltip = NULL;

  g_return_if_fail (GR_IS_LAYER_ROW (self));
  if (!g_set_object (&self->item, item))
    return;
  g_binding_group_set_source (self->bindings, item);
  if (item != NULL)
    {
      guint n = gr_layer_item_get_n_features (item);

      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u feature", "%u features", n), n);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->up_button), "(ii)",
                                        gr_layer_item_get_role (item), -1);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->down_button), "(ii)",
                                        gr_layer_item_get_role (item), 1);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->table_button), "i",
                                        gr_layer_item_get_role (item));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->zoom_button), "i",
                                        gr_layer_item_get_role (item));
    }
  /* The action's target is the item's: no action while there is none. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->up_button),
                                  item != NULL ? "layers.move" : NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->down_button),
                                  item != NULL ? "layers.move" : NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->table_button),
                                  item != NULL ? "win.attribute-table" : NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->zoom_button),
                                  item != NULL ? "win.zoom-to-layer" : NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), tooltip);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
