/* gr-export-map-dialog.h — the format of an exported map */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GR_TYPE_EXPORT_MAP_DIALOG (gr_export_map_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GrExportMapDialog,
                      gr_export_map_dialog,
                      GR,
                      EXPORT_MAP_DIALOG,
                      AdwMessageDialog)

GrExportMapDialog *gr_export_map_dialog_new (GtkWindow *parent);
const char        *gr_export_map_dialog_get_suffix (GrExportMapDialog *self);
double             gr_export_map_dialog_get_dpi (GrExportMapDialog *self);

G_END_DECLS
