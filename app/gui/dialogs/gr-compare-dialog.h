/* gr-compare-dialog.h — which two options to compare */
#pragma once

#include <adwaita.h>

#include "gr-scenario.h"

G_BEGIN_DECLS

#define GR_TYPE_COMPARE_DIALOG (gr_compare_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GrCompareDialog, gr_compare_dialog, GR, COMPARE_DIALOG, AdwMessageDialog)

GrCompareDialog *
gr_compare_dialog_new (GtkWindow *parent, GListModel *options, guint first, guint second);
GrScenario *gr_compare_dialog_get_first (GrCompareDialog *self);
GrScenario *gr_compare_dialog_get_second (GrCompareDialog *self);

G_END_DECLS
