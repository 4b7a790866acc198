/* gr-suggest-exact.c — the site-suggestion problem solved as an integer
 * program (GLPK), with a time limit
 */
#include "gr-suggest-exact.h"

#include <glpk.h>
#include <math.h>

/* The constraint matrix, 1-based as GLPK takes it. */
typedef struct
{
  GArray *ia, *ja; /* int */
  GArray *ar;      /* double */
} Matrix;

static void
matrix_init (Matrix *m)
{
  int    zero = 0;
  double none = 0;

  m->ia = g_array_new (FALSE, FALSE, sizeof (int));
  m->ja = g_array_new (FALSE, FALSE, sizeof (int));
  m->ar = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (m->ia, zero);
  g_array_append_val (m->ja, zero);
  g_array_append_val (m->ar, none);
}

static void
matrix_set (Matrix *m, int row, int col, double value)
{
  g_array_append_val (m->ia, row);
  g_array_append_val (m->ja, col);
  g_array_append_val (m->ar, value);
}

static void
matrix_clear (Matrix *m)
{
  g_array_unref (m->ia);
  g_array_unref (m->ja);
  g_array_unref (m->ar);
}

typedef struct
{
  double   bound;
  gboolean has_bound;
} Watch;

/* The best bound of the open subproblems, as the search goes. */
static void
watch_bound (glp_tree *tree, void *data)
{
  Watch *watch = data;
  int    best;

  if (glp_ios_reason (tree) != GLP_ISELECT && glp_ios_reason (tree) != GLP_IBINGO)
    return;
  if ((best = glp_ios_best_node (tree)) != 0)
    {
      watch->bound = glp_ios_node_bound (tree, best);
      watch->has_bound = TRUE;
    }
}

/* Columns 1..n the candidates, then one per group; rows one per group,
 * then one per pair of close candidates. Candidates no group needs are
 * fixed at 0. Returns the next free row. */
static int
build (glp_prob *lp, const GrSuggestProblem *p, guint n_candidates, Matrix *m)
{
  guint                n_groups = p->groups->len;
  g_autofree gboolean *used = g_new0 (gboolean, MAX (n_candidates, 1));
  int                  row = 1;

  /* GLPK refuses to add nothing. */
  if (n_candidates + n_groups > 0)
    glp_add_cols (lp, (int) (n_candidates + n_groups));
  if (n_groups + p->pairs->len / 2 > 0)
    glp_add_rows (lp, (int) (n_groups + p->pairs->len / 2));
  for (guint i = 0; i < p->candidates->len; i++)
    used[g_array_index (p->candidates, guint, i)] = TRUE;
  for (guint c = 0; c < n_candidates; c++)
    {
      glp_set_col_kind (lp, (int) c + 1, GLP_BV);
      if (!used[c])
        glp_set_col_bnds (lp, (int) c + 1, GLP_FX, 0, 0);
    }
  for (guint g = 0; g < n_groups; g++, row++)
    {
      const GrSuggestGroup *group = &g_array_index (p->groups, GrSuggestGroup, g);
      int                   y = (int) (n_candidates + g + 1);

      glp_set_col_bnds (lp, y, GLP_DB, 0, 1);
      glp_set_row_bnds (lp, row, GLP_UP, 0, 0);
      matrix_set (m, row, y, 1);
      for (guint k = 0; k < group->n; k++)
        matrix_set (m, row, (int) g_array_index (p->candidates, guint, group->first + k) + 1, -1);
    }
  for (guint i = 0; i + 1 < p->pairs->len; i += 2, row++)
    {
      glp_set_row_bnds (lp, row, GLP_UP, 0, 1);
      matrix_set (m, row, (int) g_array_index (p->pairs, guint, i) + 1, 1);
      matrix_set (m, row, (int) g_array_index (p->pairs, guint, i + 1) + 1, 1);
    }
  return row;
}

static GArray *
solve (glp_prob *lp, Matrix *m, guint n_candidates, double seconds, GrExactResult *result)
{
  GArray  *chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  glp_smcp simplex;
  glp_iocp mip;
  Watch    watch = { 0, FALSE };
  int      status;
  int      limit = (int) CLAMP (seconds * 1000, 1, G_MAXINT);

  glp_load_matrix (lp, (int) m->ia->len - 1, (int *) m->ia->data, (int *) m->ja->data,
                   (double *) m->ar->data);
  glp_init_smcp (&simplex);
  simplex.msg_lev = GLP_MSG_OFF;
  simplex.tm_lim = limit;
  glp_init_iocp (&mip);
  mip.msg_lev = GLP_MSG_OFF;
  mip.tm_lim = limit;
  mip.cb_func = watch_bound;
  mip.cb_info = &watch;
  *result = (GrExactResult){ FALSE, FALSE, NAN, NAN, NAN };
  if (glp_simplex (lp, &simplex) != 0 || glp_get_status (lp) != GLP_OPT)
    return chosen;
  glp_intopt (lp, &mip);
  status = glp_mip_status (lp);
  result->feasible = status == GLP_OPT || status == GLP_FEAS;
  result->optimal = status == GLP_OPT;
  if (!result->feasible)
    return chosen;
  result->objective = glp_mip_obj_val (lp);
  result->bound = result->optimal || !watch.has_bound ? result->objective : watch.bound;
  if (!result->optimal && !watch.has_bound)
    result->bound = glp_get_obj_val (lp); /* the LP relaxation's */
  result->gap = fabs (result->bound - result->objective) / MAX (fabs (result->objective), 1e-9);
  for (guint c = 0; c < n_candidates; c++)
    if (glp_mip_col_val (lp, (int) c + 1) > 0.5)
      g_array_append_val (chosen, c);
  return chosen;
}

/**
 * gr_suggest_exact_count:
 * @count: at most this many sites
 * @seconds: the time limit; the best solution found by then is returned,
 *   with its bound and gap
 *
 * Returns: (transfer full) (element-type guint): the chosen candidates in
 *   their own order; empty when none could be found
 */
GArray *
gr_suggest_exact_count (const GrSuggestProblem *problem,
                        guint                   n_candidates,
                        guint                   count,
                        double                  seconds,
                        GrExactResult          *result)
{
  glp_prob *lp = glp_create_prob ();
  Matrix    m;
  GArray   *chosen;
  int       row;

  matrix_init (&m);
  glp_set_obj_dir (lp, GLP_MAX);
  row = build (lp, problem, n_candidates, &m);
  for (guint g = 0; g < problem->groups->len; g++)
    glp_set_obj_coef (lp, (int) (n_candidates + g + 1),
                      g_array_index (problem->groups, GrSuggestGroup, g).weight);
  glp_add_rows (lp, 1);
  glp_set_row_bnds (lp, row, GLP_UP, 0, count);
  for (guint c = 0; c < n_candidates; c++)
    matrix_set (&m, row, (int) c + 1, 1);
  chosen = solve (lp, &m, n_candidates, seconds, result);
  matrix_clear (&m);
  glp_delete_prob (lp);
  return chosen;
}

/**
 * gr_suggest_exact_target:
 * @areas: (array length=n_candidates): each candidate's land, m²
 * @need: the weight still to be served (m² or persons)
 *
 * The fewest sites, then the least land, that serve @need. The result's
 * objective and bound are counts of parks (the land is a tie-break).
 *
 * Returns: (transfer full) (element-type guint): the chosen candidates;
 *   empty and @result not feasible when the candidates cannot reach it
 */
GArray *
gr_suggest_exact_target (const GrSuggestProblem *problem,
                         const double           *areas,
                         guint                   n_candidates,
                         double                  need,
                         double                  seconds,
                         GrExactResult          *result)
{
  glp_prob *lp = glp_create_prob ();
  Matrix    m;
  GArray   *chosen;
  double    land = 1;
  int       row;

  for (guint c = 0; c < n_candidates; c++)
    land += areas[c];
  matrix_init (&m);
  glp_set_obj_dir (lp, GLP_MIN);
  row = build (lp, problem, n_candidates, &m);
  /* One park costs more than all the land together: fewest parks first. */
  for (guint c = 0; c < n_candidates; c++)
    glp_set_obj_coef (lp, (int) c + 1, 1 + areas[c] / land);
  glp_add_rows (lp, 1);
  glp_set_row_bnds (lp, row, GLP_LO, need, 0);
  for (guint g = 0; g < problem->groups->len; g++)
    matrix_set (&m, row, (int) (n_candidates + g + 1),
                g_array_index (problem->groups, GrSuggestGroup, g).weight);
  chosen = solve (lp, &m, n_candidates, seconds, result);
  if (result->feasible)
    {
      /* In parks: the land term is below one park by construction. */
      result->objective = chosen->len;
      result->bound = floor (result->bound + 1e-9);
      result->gap = fabs (result->objective - result->bound) / MAX (result->objective, 1);
    }
  matrix_clear (&m);
  glp_delete_prob (lp);
  return chosen;
}
