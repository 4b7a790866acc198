/* gr-compare-dialog.c — two drop-downs over the scenario switcher's list
 * (the baseline first); the "compare" response says to go on */
#include "config.h"

#include "gr-compare-dialog.h"

#include "gr-scenario-item.h"

struct _GrCompareDialog
{
  AdwMessageDialog parent_instance;

  GtkDropDown *first;
  GtkDropDown *second;
};

G_DEFINE_FINAL_TYPE (GrCompareDialog, gr_compare_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
gr_compare_dialog_class_init (GrCompareDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (GR_TYPE_SCENARIO_ITEM);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/dialogs/gr-compare-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GrCompareDialog, first);
  gtk_widget_class_bind_template_child (widget_class, GrCompareDialog, second);
}

static void
gr_compare_dialog_init (GrCompareDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @options: GrScenarioItem, the baseline first; @first, @second: the
 * positions chosen to start. */
GrCompareDialog *
gr_compare_dialog_new (GtkWindow *parent, GListModel *options, guint first, guint second)
{
  GrCompareDialog *self =
      g_object_new (GR_TYPE_COMPARE_DIALOG, "transient-for", parent, "modal", TRUE, NULL);

  gtk_drop_down_set_model (self->first, options);
  gtk_drop_down_set_model (self->second, options);
  gtk_drop_down_set_selected (self->first, first);
  gtk_drop_down_set_selected (self->second, second);
  return self;
}

static GrScenario *
chosen (GtkDropDown *choice)
{
  GrScenarioItem *item = gtk_drop_down_get_selected_item (choice);

  return item != NULL ? gr_scenario_item_get_scenario (item) : NULL;
}

/* The first option chosen; %NULL for the baseline. */
GrScenario *
gr_compare_dialog_get_first (GrCompareDialog *self)
{
  g_return_val_if_fail (GR_IS_COMPARE_DIALOG (self), NULL);
  return chosen (self->first);
}

GrScenario *
gr_compare_dialog_get_second (GrCompareDialog *self)
{
  g_return_val_if_fail (GR_IS_COMPARE_DIALOG (self), NULL);
  return chosen (self->second);
}
