/* gr-export-map-dialog.c — PNG for the screen (96 dpi), between (150) or
 * for print (300 dpi), or SVG; the "export" response says to go on */
#include "config.h"

#include "gr-export-map-dialog.h"

#include <glib/gi18n.h>

struct _GrExportMapDialog
{
  AdwMessageDialog parent_instance;

  GtkDropDown *formats;
};

G_DEFINE_FINAL_TYPE (GrExportMapDialog, gr_export_map_dialog, ADW_TYPE_MESSAGE_DIALOG)

static const struct
{
  const char *label;
  const char *suffix;
  double      dpi;
} map_formats[] = {
  { N_ ("PNG image, 96 dpi (screen)"), ".png", 96 },
  { N_ ("PNG image, 150 dpi"), ".png", 150 },
  { N_ ("PNG image, 300 dpi (print)"), ".png", 300 },
  { N_ ("SVG drawing (vector)"), ".svg", 96 },
};

static void
gr_export_map_dialog_class_init (GrExportMapDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/dialogs/gr-export-map-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GrExportMapDialog, formats);
}

static void
gr_export_map_dialog_init (GrExportMapDialog *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (map_formats); i++)
    gtk_string_list_append (labels, _ (map_formats[i].label));
  gtk_drop_down_set_model (self->formats, G_LIST_MODEL (labels));
}

GrExportMapDialog *
gr_export_map_dialog_new (GtkWindow *parent)
{
  return g_object_new (GR_TYPE_EXPORT_MAP_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
}

static guint
chosen (GrExportMapDialog *self)
{
  return MIN (gtk_drop_down_get_selected (self->formats), G_N_ELEMENTS (map_formats) - 1);
}

/* ".png" or ".svg" */
const char *
gr_export_map_dialog_get_suffix (GrExportMapDialog *self)
{
  g_return_val_if_fail (GR_IS_EXPORT_MAP_DIALOG (self), NULL);
  return map_formats[chosen (self)].suffix;
}

double
gr_export_map_dialog_get_dpi (GrExportMapDialog *self)
{
  g_return_val_if_fail (GR_IS_EXPORT_MAP_DIALOG (self), 96);
  return map_formats[chosen (self)].dpi;
}
