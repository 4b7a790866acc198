/* gr-suggest.h — where new parks serve the most: candidate sites ranked on
 * the live coverage counts
 *
 * Each candidate is a park outline. Prepared once, a candidate keeps the
 * demand cells it would lift out of being unserved (the cells whose count
 * for the goal's layers is 0 in the analysis as it stands); the ranking
 * is then greedy with lazy evaluation: a candidate's gain only shrinks as
 * others are chosen (coverage is submodular), so a stale gain is an upper
 * bound and most candidates are never looked at again. Existing parks and
 * green space stay as they are: what they cover counts as served.
 */
#pragma once

#include "gr-analysis.h"

G_BEGIN_DECLS

/* Which cells a new park serves, for the ranking. */
typedef enum
{
  GR_SUGGEST_BLIND_SPOTS, /* homes out of reach of both rules (the map's blind spots) */
  GR_SUGGEST_GREEN,       /* green space within the green radius (300米见绿) */
  GR_SUGGEST_PARK,        /* a park within the park radius (500米见园) */
  GR_SUGGEST_SERVICE,     /* inside a park service radius of the rule table */
} GrSuggestCover;

/* What a served cell is worth. */
typedef enum
{
  GR_SUGGEST_BY_RESIDENTS,
  GR_SUGGEST_BY_AREA,
} GrSuggestWeight;

typedef struct _GrSuggest GrSuggest;

/* What one site adds, given the sites ranked before it: areas in m² of
 * residential land, residents in persons. */
typedef struct
{
  GrAmount blind_spots; /* lifted out of the blind spots */
  GrAmount green;       /* newly within the green radius */
  GrAmount park;        /* newly within the park radius */
  GrAmount service;     /* newly inside a service radius */
} GrSuggestGain;

typedef struct
{
  guint  candidate; /* as numbered by gr_suggest_add_candidate() */
  double value;     /* its gain in the goal's own terms, m² or persons */
} GrSuggestPick;

/* Return %FALSE to stop. Called from the thread that prepares. */
typedef gboolean (*GrSuggestProgress) (double fraction, gpointer user_data);

GrSuggest *gr_suggest_new (GrAnalysis *analysis, GrSuggestCover cover, GrSuggestWeight weight);
void       gr_suggest_free (GrSuggest *suggest);
guint      gr_suggest_add_candidate (GrSuggest *suggest, const GrPolygon *polygon);
guint      gr_suggest_get_n_candidates (GrSuggest *suggest);
const GrPolygon *gr_suggest_get_candidate (GrSuggest *suggest, guint candidate);
gboolean gr_suggest_prepare (GrSuggest *suggest, GrSuggestProgress progress, gpointer user_data);
void     gr_suggest_set_excluded (GrSuggest *suggest, guint candidate, gboolean excluded);
gboolean gr_suggest_get_excluded (GrSuggest *suggest, guint candidate);
void     gr_suggest_set_spacing (GrSuggest *suggest, double metres);

GArray  *gr_suggest_rank (GrSuggest *suggest, guint count);
GArray  *gr_suggest_reach (GrSuggest *suggest, double target, gboolean *reached);
double   gr_suggest_served (GrSuggest *suggest);
double   gr_suggest_total (GrSuggest *suggest);
void     gr_suggest_measure (GrSuggest           *suggest,
                             const GrSuggestPick *picks,
                             guint                n_picks,
                             GrSuggestGain       *gains);
gboolean gr_suggest_candidate_cells (GrSuggest *suggest, guint candidate, GArray *cells);
gboolean gr_suggest_is_current (GrSuggest *suggest);

/* The demand cells still unserved, grouped by the set of candidates that
 * reach them: the data of the exact (integer programming) problem. */
typedef struct
{
  double weight; /* m² or persons */
  guint  first;  /* into candidates */
  guint  n;      /* how many candidates reach the group */
} GrSuggestGroup;

typedef struct
{
  GArray *groups;     /* GrSuggestGroup */
  GArray *candidates; /* guint, the groups' candidate lists one after another */
  GArray *pairs;      /* guint pairs of candidates closer than the spacing */
  double  served;     /* already served before any candidate */
  double  total;      /* all demand, for a target share */
} GrSuggestProblem;

void gr_suggest_get_problem (GrSuggest *suggest, GrSuggestProblem *problem);
void gr_suggest_problem_clear (GrSuggestProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrSuggest, gr_suggest_free)

G_END_DECLS
