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

#include <glib/gi18n.h>
#include <string.h>

struct _GrConnectionDialog
{
  AdwMessageDialog    parent_instance;
  GtkEditable        *entry;
  GrConnectionPurpose purpose;
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
  const char *text = gtk_editable_get_text (self->entry);

  adw_message_dialog_set_response_enabled (
      ADW_MESSAGE_DIALOG (self), "read",
      self->purpose == GR_CONNECTION_TABLE ? names_a_table (text)
                                           : gr_pg_is_connection (text) && gr_pg_has_schema (text));
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

/**
 * gr_connection_dialog_new_for:
 * @purpose: what the connection is for: a table, or a project's schema
 *   to open or to save the open project to
 */
GrConnectionDialog *
gr_connection_dialog_new_for (GtkWindow *parent, const char *last, GrConnectionPurpose purpose)
{
  GrConnectionDialog *self = gr_connection_dialog_new (parent, last);
  AdwMessageDialog   *dialog = ADW_MESSAGE_DIALOG (self);

  self->purpose = purpose;
  if (purpose == GR_CONNECTION_OPEN_PROJECT)
    {
      adw_message_dialog_set_heading (dialog, _ ("Open from a Database"));
      adw_message_dialog_set_body (
          dialog, _ ("A project shared in a PostgreSQL/PostGIS schema, in GDAL's connection "
                     "syntax: PG:host=… port=5432 dbname=… user=… schema=NAME. Everyone who "
                     "opens it works on the same scenarios; a scenario someone else is "
                     "editing says so. Keep the password in ~/.pgpass: a password typed here "
                     "is never stored."));
      adw_message_dialog_set_response_label (dialog, "read", _ ("_Open Project"));
    }
  else if (purpose == GR_CONNECTION_SAVE_PROJECT)
    {
      adw_message_dialog_set_heading (dialog, _ ("Save to a Database"));
      adw_message_dialog_set_body (
          dialog, _ ("The project with its scenarios, targets and layer styles is copied into a "
                     "PostgreSQL/PostGIS schema, where other analysts open it and QGIS reads "
                     "its layers: PG:host=… port=5432 dbname=… user=… schema=NAME. The schema "
                     "is created; one that holds other tables is not written to. The window "
                     "then works on the shared copy."));
      adw_message_dialog_set_response_label (dialog, "read", _ ("_Save to Schema"));
    }
  if (purpose != GR_CONNECTION_TABLE)
    gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry),
                                    "PG:host=localhost dbname=city schema=plan2025");
  on_changed (self);
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
