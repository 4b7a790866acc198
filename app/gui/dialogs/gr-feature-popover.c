/* gr-feature-popover.c — the description of a feature (Pango markup) and,
 * once naming is set up, an entry for its name, its CJJ/T 85 class and a
 * Rename button that emits ::rename (name, class code) and closes */
#include "config.h"

#include "gr-feature-popover.h"

struct _GrFeaturePopover
{
  GtkPopover parent_instance;

  GtkLabel    *description;
  GtkBox      *naming;
  GtkEditable *name_entry;
  GtkDropDown *class_dropdown;
};

G_DEFINE_FINAL_TYPE (GrFeaturePopover, gr_feature_popover, GTK_TYPE_POPOVER)

enum
{
  RENAME,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_rename_clicked (GrFeaturePopover *self)
{
  guint chosen = gtk_drop_down_get_selected (self->class_dropdown);

  g_signal_emit (self, signals[RENAME], 0, gtk_editable_get_text (self->name_entry),
                 chosen < GR_N_PARK_CLASSES ? gr_park_class_get_code (chosen) : NULL);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
gr_feature_popover_class_init (GrFeaturePopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * GrFeaturePopover::rename:
   * @name: the name typed
   * @klass: (nullable): the class code chosen (G11 … G14, EG)
   */
  signals[RENAME] = g_signal_new ("rename", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/dialogs/gr-feature-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, GrFeaturePopover, description);
  gtk_widget_class_bind_template_child (widget_class, GrFeaturePopover, naming);
  gtk_widget_class_bind_template_child (widget_class, GrFeaturePopover, name_entry);
  gtk_widget_class_bind_template_child (widget_class, GrFeaturePopover, class_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_rename_clicked);
}

static void
gr_feature_popover_init (GrFeaturePopover *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint c = 0; c < GR_N_PARK_CLASSES; c++)
    {
      g_autofree char *text =
          g_strdup_printf ("%s %s", gr_park_class_get_code (c), gr_park_class_get_label (c));
      gtk_string_list_append (names, text);
    }
  gtk_drop_down_set_model (self->class_dropdown, G_LIST_MODEL (names));
}

GtkWidget *
gr_feature_popover_new (const char *markup)
{
  GrFeaturePopover *self = g_object_new (GR_TYPE_FEATURE_POPOVER, NULL);

  gtk_label_set_markup (self->description, markup);
  return GTK_WIDGET (self);
}

/* The description as plain text. */
const char *
gr_feature_popover_get_text (GrFeaturePopover *self)
{
  g_return_val_if_fail (GR_IS_FEATURE_POPOVER (self), NULL);
  return gtk_label_get_text (self->description);
}

/* Shows the naming row with the feature's name now (nullable) and class. */
void
gr_feature_popover_set_naming (GrFeaturePopover *self, const char *name, GrParkClass klass)
{
  g_return_if_fail (GR_IS_FEATURE_POPOVER (self));
  gtk_editable_set_text (self->name_entry, name != NULL ? name : "");
  gtk_drop_down_set_selected (self->class_dropdown, klass);
  gtk_widget_set_visible (GTK_WIDGET (self->naming), TRUE);
}
