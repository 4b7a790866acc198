/* gr-connection-dialog.h — a database table to import, or a project's
 * schema to open or save to, as GDAL's connection string
 * (PG:host=… dbname=… tables=schema.table, or … schema=NAME) */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GR_TYPE_CONNECTION_DIALOG (gr_connection_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GrConnectionDialog,
                      gr_connection_dialog,
                      GR,
                      CONNECTION_DIALOG,
                      AdwMessageDialog)

typedef enum
{
  GR_CONNECTION_TABLE,        /* a table to import: tables=schema.table */
  GR_CONNECTION_OPEN_PROJECT, /* a project shared in a schema: schema=NAME */
  GR_CONNECTION_SAVE_PROJECT, /* the open project, copied into a schema */
} GrConnectionPurpose;

GrConnectionDialog *gr_connection_dialog_new (GtkWindow *parent, const char *last);
GrConnectionDialog *
gr_connection_dialog_new_for (GtkWindow *parent, const char *last, GrConnectionPurpose purpose);
const char *gr_connection_dialog_get_connection (GrConnectionDialog *self);
void        gr_connection_dialog_set_connection (GrConnectionDialog *self, const char *connection);

G_END_DECLS
