/* gr-indicator-panel.h — the park-city indicators against a target set, city or zone */
#pragma once

#include <gtk/gtk.h>

#include "gr-indicators.h"
#include "gr-priority.h"
#include "gr-project.h"

G_BEGIN_DECLS

#define GR_TYPE_INDICATOR_PANEL (gr_indicator_panel_get_type ())
G_DECLARE_FINAL_TYPE (GrIndicatorPanel, gr_indicator_panel, GR, INDICATOR_PANEL, GtkBox)

GrTargetSet gr_indicator_panel_get_target_set (GrIndicatorPanel *self);
void        gr_indicator_panel_set_target_set (GrIndicatorPanel *self, GrTargetSet set);
guint       gr_indicator_panel_get_scope (GrIndicatorPanel *self);
void        gr_indicator_panel_set_scope (GrIndicatorPanel *self, guint scope);
void        gr_indicator_panel_set_zones (GrIndicatorPanel *self, GrProject *project);
const char *gr_indicator_panel_get_residents_note (GrIndicatorPanel *self);
void        gr_indicator_panel_show (GrIndicatorPanel *self, const GrIndicators *shown);
void        gr_indicator_panel_update (GrIndicatorPanel   *self,
                                       const GrIndicators *shown,
                                       GrIndicatorId       first,
                                       GrIndicatorId       last);
gboolean    gr_indicator_panel_get_row (GrIndicatorPanel *self,
                                        GrIndicatorId     id,
                                        const char      **value,
                                        const char      **verdict);

void gr_indicator_panel_show_priorities (GrIndicatorPanel *self, GArray *areas, GrProject *project);
guint gr_indicator_panel_get_n_priorities (GrIndicatorPanel *self);

G_END_DECLS
