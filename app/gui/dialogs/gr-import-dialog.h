/* gr-import-dialog.h — "Import …": what the file is and what it holds,
 * shown before anything is computed */
#pragma once

#include <adwaita.h>

#include "gr-import.h"

G_BEGIN_DECLS

#define GR_TYPE_IMPORT_DIALOG (gr_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GrImportDialog, gr_import_dialog, GR, IMPORT_DIALOG, AdwMessageDialog)

GrImportDialog *
gr_import_dialog_new (GtkWindow *parent, const char *path, GrProject *over, const char *over_name);
const char *gr_import_dialog_get_path (GrImportDialog *self);
GrSource   *gr_import_dialog_get_source (GrImportDialog *self);
void        gr_import_dialog_set_role (GrImportDialog *self, GrRole role);
gboolean    gr_import_dialog_is_ready (GrImportDialog *self);
const char *gr_import_dialog_get_preview_text (GrImportDialog *self);
const char *gr_import_dialog_get_status (GrImportDialog *self);
const char *gr_import_dialog_get_encoding (GrImportDialog *self);
const char *gr_import_dialog_get_crs (GrImportDialog *self);
void        gr_import_dialog_set_source_crs (GrImportDialog *self, const char *crs);

G_END_DECLS
