/* gr-coverage-panel.h — the coverage figures: by area and by residents */
#pragma once

#include <gtk/gtk.h>

#include "gr-analysis.h"

G_BEGIN_DECLS

#define GR_TYPE_COVERAGE_PANEL (gr_coverage_panel_get_type ())
G_DECLARE_FINAL_TYPE (GrCoveragePanel, gr_coverage_panel, GR, COVERAGE_PANEL, GtkGrid)

void
gr_coverage_panel_show (GrCoveragePanel *self, const GrSummary *now, const GrSummary *baseline);

G_END_DECLS
