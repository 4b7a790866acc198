/* gr-history-panel.h — a scenario's edits, undone ones dimmed; a click goes back to one */
#pragma once

#include <gtk/gtk.h>

#include "gr-project.h"
#include "gr-scenario.h"

G_BEGIN_DECLS

#define GR_TYPE_HISTORY_PANEL (gr_history_panel_get_type ())
G_DECLARE_FINAL_TYPE (GrHistoryPanel, gr_history_panel, GR, HISTORY_PANEL, GtkBox)

GListModel *gr_history_panel_get_model (GrHistoryPanel *self);
void gr_history_panel_show (GrHistoryPanel *self, const GrScenario *scenario, GrProject *baseline);

G_END_DECLS
