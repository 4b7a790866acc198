/* gr-export-report-dialog.h — what a printed report holds: the scenarios, paper and orientation */
#pragma once

#include <adwaita.h>

#include "gr-report.h"

G_BEGIN_DECLS

#define GR_TYPE_EXPORT_REPORT_DIALOG (gr_export_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GrExportReportDialog,
                      gr_export_report_dialog,
                      GR,
                      EXPORT_REPORT_DIALOG,
                      AdwMessageDialog)

GrExportReportDialog *gr_export_report_dialog_new (GtkWindow *parent, GPtrArray *scenarios);
char                **gr_export_report_dialog_get_scenarios (GrExportReportDialog *self);
GrPaper               gr_export_report_dialog_get_paper (GrExportReportDialog *self);
gboolean              gr_export_report_dialog_get_portrait (GrExportReportDialog *self);
gboolean              gr_export_report_dialog_get_current_view (GrExportReportDialog *self);

G_END_DECLS
