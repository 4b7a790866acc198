/* gr-name-dialog.c — an entry with a suggested scenario name; the "ok"
 * response says to go on */
#include "config.h"

#include "gr-name-dialog.h"

struct _GrNameDialog
{
  AdwMessageDialog parent_instance;

  GtkEditable *entry;
};

G_DEFINE_FINAL_TYPE (GrNameDialog, gr_name_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
gr_name_dialog_class_init (GrNameDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/dialogs/gr-name-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GrNameDialog, entry);
}

static void
gr_name_dialog_init (GrNameDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GrNameDialog *
gr_name_dialog_new (GtkWindow *parent, const char *heading, const char *suggestion)
{
  GrNameDialog *self = g_object_new (GR_TYPE_NAME_DIALOG, "transient-for", parent, "modal", TRUE,
                                     "heading", heading, NULL);

  gtk_editable_set_text (self->entry, suggestion);
  return self;
}

/* The name typed, without surrounding spaces. */
char *
gr_name_dialog_get_name (GrNameDialog *self)
{
  g_return_val_if_fail (GR_IS_NAME_DIALOG (self), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (self->entry)));
}
