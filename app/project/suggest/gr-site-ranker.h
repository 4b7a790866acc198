/* gr-site-ranker.h — site suggestion kept ready: the candidates prepared
 * once against an analysis, then ranked again each time the analysis
 * changes (a site accepted) or a site is rejected
 */
#pragma once

#include "gr-progress.h"
#include "gr-site-suggestion.h"

G_BEGIN_DECLS

typedef struct _GrSiteRanker GrSiteRanker;

GrSiteRanker *gr_site_ranker_new (GrProject           *project,
                                  GrAnalysis          *analysis,
                                  const GrSiteOptions *options,
                                  GrSuggestProgress    progress,
                                  gpointer             user_data,
                                  GError             **error);
void          gr_site_ranker_new_async (GrProject           *project,
                                        GrAnalysis          *analysis,
                                        const GrSiteOptions *options,
                                        GrProgressFunc       progress,
                                        gpointer             progress_data,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
GrSiteRanker *gr_site_ranker_new_finish (GAsyncResult *result, GError **error);
void          gr_site_ranker_free (GrSiteRanker *ranker);

GrAnalysis          *gr_site_ranker_get_analysis (GrSiteRanker *ranker);
guint                gr_site_ranker_get_n_candidates (GrSiteRanker *ranker);
const GrSiteOptions *gr_site_ranker_get_options (GrSiteRanker *ranker);
void                 gr_site_ranker_rank (GrSiteRanker *ranker, GrSiteSuggestion *suggestion);
void                 gr_site_ranker_reject (GrSiteRanker *ranker, guint candidate);
guint                gr_site_ranker_get_n_rejected (GrSiteRanker *ranker);
gboolean             gr_site_ranker_is_current (GrSiteRanker *ranker);
gboolean gr_site_ranker_get_cells (GrSiteRanker *ranker, guint candidate, GArray *cells);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrSiteRanker, gr_site_ranker_free)

G_END_DECLS
