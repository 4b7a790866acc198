/* gr-export-report-dialog.c — a check box per scenario (all on to start)
 * to set beside the baseline, A4 or A3, landscape or portrait; the "export"
 * response says to go on */
#include "config.h"

#include "gr-export-report-dialog.h"

#include "gr-scenario.h"

struct _GrExportReportDialog
{
  AdwMessageDialog parent_instance;

  GtkLabel       *scenarios_label;
  GtkBox         *scenarios_box;
  GtkDropDown    *paper;
  GtkDropDown    *orientation;
  GtkCheckButton *current_view;
};

G_DEFINE_FINAL_TYPE (GrExportReportDialog, gr_export_report_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
gr_export_report_dialog_class_init (GrExportReportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/dialogs/gr-export-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GrExportReportDialog, scenarios_label);
  gtk_widget_class_bind_template_child (widget_class, GrExportReportDialog, scenarios_box);
  gtk_widget_class_bind_template_child (widget_class, GrExportReportDialog, paper);
  gtk_widget_class_bind_template_child (widget_class, GrExportReportDialog, orientation);
  gtk_widget_class_bind_template_child (widget_class, GrExportReportDialog, current_view);
}

static void
gr_export_report_dialog_init (GrExportReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @scenarios: (nullable) (element-type GrScenario): the project's */
GrExportReportDialog *
gr_export_report_dialog_new (GtkWindow *parent, GPtrArray *scenarios)
{
  GrExportReportDialog *self =
      g_object_new (GR_TYPE_EXPORT_REPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);

  for (guint i = 0; scenarios != NULL && i < scenarios->len; i++)
    {
      GtkWidget *check =
          gtk_check_button_new_with_label (((GrScenario *) g_ptr_array_index (scenarios, i))->name);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_box_append (self->scenarios_box, check);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->scenarios_label),
                          scenarios != NULL && scenarios->len > 0);
  return self;
}

/* The names of the scenarios ticked, in order. */
char **
gr_export_report_dialog_get_scenarios (GrExportReportDialog *self)
{
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();

  g_return_val_if_fail (GR_IS_EXPORT_REPORT_DIALOG (self), NULL);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->scenarios_box)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (c)))
      g_strv_builder_add (names, gtk_check_button_get_label (GTK_CHECK_BUTTON (c)));
  return g_strv_builder_end (names);
}

GrPaper
gr_export_report_dialog_get_paper (GrExportReportDialog *self)
{
  g_return_val_if_fail (GR_IS_EXPORT_REPORT_DIALOG (self), 0);
  return gtk_drop_down_get_selected (self->paper);
}

gboolean
gr_export_report_dialog_get_portrait (GrExportReportDialog *self)
{
  g_return_val_if_fail (GR_IS_EXPORT_REPORT_DIALOG (self), FALSE);
  return gtk_drop_down_get_selected (self->orientation) == 1;
}

/* Whether the map pages frame the window's view instead of the whole
 * residential land. */
gboolean
gr_export_report_dialog_get_current_view (GrExportReportDialog *self)
{
  g_return_val_if_fail (GR_IS_EXPORT_REPORT_DIALOG (self), FALSE);
  return gtk_check_button_get_active (self->current_view);
}
