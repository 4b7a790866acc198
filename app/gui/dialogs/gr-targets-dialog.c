/* gr-targets-dialog.c — a row per indicator: whether the project sets a
 * target for it, the value, and whether the value must exceed it ("more
 * than", as GB 55014-2021 words some minimums) rather than only reach it */
#include "config.h"

#include "gr-targets-dialog.h"

#include <math.h>

struct _GrTargetsDialog
{
  AdwMessageDialog parent_instance;

  GtkGrid        *grid;
  GtkCheckButton *use[GR_N_INDICATORS];
  GtkSpinButton  *value[GR_N_INDICATORS];
  GtkCheckButton *strict[GR_N_INDICATORS];
};

G_DEFINE_FINAL_TYPE (GrTargetsDialog, gr_targets_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
gr_targets_dialog_class_init (GrTargetsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/dialogs/gr-targets-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GrTargetsDialog, grid);
}

/* Row @i + 1 of the grid: the indicator's name, on/off, value, "more than". */
static void
add_row (GrTargetsDialog *self, GrIndicatorId i)
{
  GtkWidget *name = gtk_label_new (gr_indicator_get_name (i));

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 36);
  gtk_widget_set_tooltip_text (name, gr_indicator_get_definition (i));
  self->use[i] = GTK_CHECK_BUTTON (gtk_check_button_new ());
  self->value[i] = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 1e6, 0.1));
  self->strict[i] = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_spin_button_set_digits (self->value[i], 2);
  g_object_bind_property (self->use[i], "active", self->value[i], "sensitive",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->use[i], "active", self->strict[i], "sensitive",
                          G_BINDING_SYNC_CREATE);
  gtk_grid_attach (self->grid, name, 0, i + 1, 1, 1);
  gtk_grid_attach (self->grid, GTK_WIDGET (self->use[i]), 1, i + 1, 1, 1);
  gtk_grid_attach (self->grid, GTK_WIDGET (self->value[i]), 2, i + 1, 1, 1);
  gtk_grid_attach (self->grid, GTK_WIDGET (self->strict[i]), 3, i + 1, 1, 1);
}

static void
gr_targets_dialog_init (GrTargetsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    add_row (self, i);
}

/* @own: the project's targets, GR_N_INDICATORS of them (NAN: none). */
GrTargetsDialog *
gr_targets_dialog_new (GtkWindow *parent, const GrTarget *own)
{
  GrTargetsDialog *self =
      g_object_new (GR_TYPE_TARGETS_DIALOG, "transient-for", parent, "modal", TRUE, NULL);

  for (guint i = 0; i < GR_N_INDICATORS; i++)
    {
      gtk_check_button_set_active (self->use[i], isfinite (own[i].value));
      gtk_spin_button_set_value (self->value[i], isfinite (own[i].value) ? own[i].value : 0);
      gtk_check_button_set_active (self->strict[i], own[i].strict);
    }
  return self;
}

/* What the dialog says of @id now: @value NAN when it has no target. */
void
gr_targets_dialog_get_target (GrTargetsDialog *self,
                              GrIndicatorId    id,
                              double          *value,
                              gboolean        *strict)
{
  g_return_if_fail (GR_IS_TARGETS_DIALOG (self));
  g_return_if_fail (id < GR_N_INDICATORS);
  *value = gtk_check_button_get_active (self->use[id]) ? gtk_spin_button_get_value (self->value[id])
                                                       : NAN;
  *strict = gtk_check_button_get_active (self->strict[id]);
}
