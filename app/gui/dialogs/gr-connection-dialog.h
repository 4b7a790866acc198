/* gr-connection-dialog.h — a database table to import, as GDAL's
 * connection string (PG:host=… dbname=… tables=schema.table) */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GR_TYPE_CONNECTION_DIALOG (gr_connection_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GrConnectionDialog,
                      gr_connection_dialog,
                      GR,
                      CONNECTION_DIALOG,
                      AdwMessageDialog)

GrConnectionDialog *gr_connection_dialog_new (GtkWindow *parent, const char *last);
const char         *gr_connection_dialog_get_connection (GrConnectionDialog *self);
void gr_connection_dialog_set_connection (GrConnectionDialog *self, const char *connection);

G_END_DECLS
