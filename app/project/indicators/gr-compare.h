/* gr-compare.h — two scenarios side by side, against the baseline */
#pragma once

#include "gr-indicators.h"
#include "gr-scenario.h"

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _GrComparison GrComparison;

enum
{
  GR_GAIN_A = 1 << 0, /* newly covered by the first scenario */
  GR_GAIN_B = 1 << 1, /* … by the second */
};

GrComparison *gr_comparison_new (GrProject        *baseline,
                                 const GrScenario *a,
                                 const GrScenario *b,
                                 const GrCriteria *criteria,
                                 GCancellable     *cancellable,
                                 GError          **error);
void          gr_comparison_new_async (GrProject          *baseline,
                                       const GrScenario   *a,
                                       const GrScenario   *b,
                                       const GrCriteria   *criteria,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
GrComparison *gr_comparison_new_finish (GAsyncResult *result, GError **error);
void          gr_comparison_free (GrComparison *comparison);
void gr_comparison_summarize (GrComparison *comparison, guint which, int zone, GrSummary *summary);
const char         *gr_comparison_get_name (GrComparison *comparison, guint which);
guint               gr_comparison_get_columns (GrComparison *comparison, guint columns[3]);
gboolean            gr_comparison_repeats (GrComparison *comparison);
GrAnalysis         *gr_comparison_get_analysis (GrComparison *comparison, guint which);
gboolean            gr_comparison_get_tile (GrComparison *comparison,
                                            guint         tx,
                                            guint         ty,
                                            guint8       *gains,
                                            guint8       *samples);
void                gr_comparison_gains (GrComparison *comparison, GrAmount gained[4]);
const GrIndicators *gr_comparison_get_indicators (GrComparison *comparison, guint which);
char               *gr_comparison_to_text (GrComparison *comparison);

gboolean gr_state_gains (guint8 base, guint8 scenario);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrComparison, gr_comparison_free)

G_END_DECLS
