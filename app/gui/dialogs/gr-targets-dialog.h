/* gr-targets-dialog.h — the project's own target for each indicator */
#pragma once

#include <adwaita.h>

#include "gr-indicators.h"

G_BEGIN_DECLS

#define GR_TYPE_TARGETS_DIALOG (gr_targets_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GrTargetsDialog, gr_targets_dialog, GR, TARGETS_DIALOG, AdwMessageDialog)

GrTargetsDialog *gr_targets_dialog_new (GtkWindow *parent, const GrTarget *own);
void             gr_targets_dialog_get_target (GrTargetsDialog *self,
                                               GrIndicatorId    id,
                                               double          *value,
                                               gboolean        *strict);

G_END_DECLS
