/* gr-role-dialog.h — asks which layer of the project a data file is */
#pragma once

#include <adwaita.h>

#include "gr-project.h"

G_BEGIN_DECLS

#define GR_TYPE_ROLE_DIALOG (gr_role_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GrRoleDialog, gr_role_dialog, GR, ROLE_DIALOG, AdwMessageDialog)

GrRoleDialog *gr_role_dialog_new (GtkWindow *parent, const char *path);
const char   *gr_role_dialog_get_path (GrRoleDialog *self);
GrRole        gr_role_dialog_get_role (GrRoleDialog *self);

G_END_DECLS
