/* gr-suggest-exact.h — the site-suggestion problem solved as an integer
 * program (GLPK), with a time limit
 *
 * Maximum coverage: choose at most K candidates x_c ∈ {0,1}; a demand
 * group g counts (y_g ≤ 1) only where a chosen candidate reaches it
 * (y_g ≤ Σ x_c over its candidates); maximise Σ w_g y_g. Set cover for a
 * target: reach Σ w_g y_g ≥ need with the fewest candidates, then the
 * least land. Candidates closer than the spacing exclude each other.
 */
#pragma once

#include "gr-suggest.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean optimal;   /* proved optimal within the time limit */
  gboolean feasible;  /* a solution was found at all */
  double   objective; /* the solution's value: m² or persons served (count), or parks (target) */
  double   bound;     /* the best bound proved on the optimum */
  double   gap;       /* |bound - objective| / |objective| */
} GrExactResult;

GArray *gr_suggest_exact_count (const GrSuggestProblem *problem,
                                guint                   n_candidates,
                                guint                   count,
                                double                  seconds,
                                GrExactResult          *result);
GArray *gr_suggest_exact_target (const GrSuggestProblem *problem,
                                 const double           *areas,
                                 guint                   n_candidates,
                                 double                  need,
                                 double                  seconds,
                                 GrExactResult          *result);

G_END_DECLS
