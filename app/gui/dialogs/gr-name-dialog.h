/* gr-name-dialog.h — the name of a new, duplicated or renamed scenario */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GR_TYPE_NAME_DIALOG (gr_name_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GrNameDialog, gr_name_dialog, GR, NAME_DIALOG, AdwMessageDialog)

GrNameDialog *gr_name_dialog_new (GtkWindow *parent, const char *heading, const char *suggestion);
char         *gr_name_dialog_get_name (GrNameDialog *self);

G_END_DECLS
