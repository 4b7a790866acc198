/* gr-evaluate.h — a project's coverage, on the grid or exactly from vectors */
#pragma once

#include "gr-project.h"

#include <gio/gio.h>

G_BEGIN_DECLS

/* Which project feature an analysis supply id stands for. */
typedef struct
{
  GrRole role;
  guint  index; /* in the role's layer */
} GrSupplyRef;

typedef struct
{
  GrSummary      city;
  GArray        *zones;    /* GrSummary, zone id - 1 */
  double         unplaced; /* residents on no residential land */
  gboolean       has_population;
  gboolean       walking;
  GrNetworkStats network;     /* walking mode */
  GArray        *unreachable; /* GrSupplyRef: features no path reaches */
  GrAmount       unattached;  /* homes too far from any path */
} GrEvaluation;

GrAnalysis *gr_project_build_analysis (GrProject        *project,
                                       const GrCriteria *criteria,
                                       GArray           *supply_refs,
                                       GError          **error);
void        gr_project_build_analysis_async (GrProject          *project,
                                             const GrCriteria   *criteria,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
GrAnalysis *
gr_project_build_analysis_finish (GAsyncResult *result, GArray **supply_refs, GError **error);
gboolean gr_project_evaluate (GrProject        *project,
                              const GrCriteria *criteria,
                              gboolean          exact,
                              GrEvaluation     *evaluation,
                              GError          **error);
void     gr_evaluation_clear (GrEvaluation *evaluation);
char    *gr_project_zone_name (GrProject *project, guint zone);
guint    gr_project_get_n_zones (GrProject *project);

G_END_DECLS
