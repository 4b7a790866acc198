/* gr-connection-dialog.c — a database table to import
 *
 * One line, GDAL's own connection syntax, the same as on the command line;
 * "read" is offered once it names a PostgreSQL/PostGIS table (tables=),
 * since the import dialog that follows reads one layer. The last
 * connection is offered again, without its password.
 */
#include "config.h"

#include "gr-connection-dialog.h"

#include "gr-pg.h"

#include <string.h>

struct _GrConnectionDialog
{
  AdwMessageDialog parent_instance;
  GtkEditable     *entry;
};

G_DEFINE_FINAL_TYPE (GrConnectionDialog, gr_connection_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
names_a_table (const char *text)
{
  g_autofree char *table = gr_pg_is_connection (text) ? gr_pg_first_table (text) : NULL;

  return table != NULL;
}

static void
on_changed (GrConnectionDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "read",
                                           names_a_table (gtk_editable_get_text (self->entry)));
}

static void
gr_connection_dialog_class_init (GrConnectionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/dialogs/gr-connection-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GrConnectionDialog, entry);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
gr_connection_dialog_init (GrConnectionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  on_changed (self);
}

/**
 * gr_connection_dialog_new:
 * @last: (nullable): the connection to offer: the last one read
 */
GrConnectionDialog *
gr_connection_dialog_new (GtkWindow *parent, const char *last)
{
  GrConnectionDialog *self =
      g_object_new (GR_TYPE_CONNECTION_DIALOG, "transient-for", parent, "modal", TRUE, NULL);

  if (last != NULL)
    gr_connection_dialog_set_connection (self, last);
  return self;
}

/* The connection typed, as typed (a password in it included). */
const char *
gr_connection_dialog_get_connection (GrConnectionDialog *self)
{
  g_return_val_if_fail (GR_IS_CONNECTION_DIALOG (self), NULL);
  return gtk_editable_get_text (self->entry);
}

void
gr_connection_dialog_set_connection (GrConnectionDialog *self, const char *connection)
{
  g_return_if_fail (GR_IS_CONNECTION_DIALOG (self));
  gtk_editable_set_text (self->entry, connection);
}
