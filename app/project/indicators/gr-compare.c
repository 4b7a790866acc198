/* gr-compare.c — two scenarios side by side, against the baseline
 *
 * Three analyses of the same demand grid: the baseline, scenario A and
 * scenario B (either may be the baseline itself). A cell is newly covered by
 * a scenario when it has green space within 300 m or a park within 500 m
 * there and not in the baseline.
 */
#include "config.h"

#include "gr-compare.h"

#include "gr-format.h"
#include "gr-indicators.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

struct _GrComparison
{
  GrAnalysis  *analyses[3]; /* baseline, A, B */
  char        *names[3];
  gboolean     baseline[3];   /* the option is the baseline itself */
  GrIndicators indicators[3]; /* their values, for the city */
};

static GrAnalysis *
analyse (GrProject        *baseline,
         const GrScenario *scenario,
         const GrCriteria *criteria,
         GrIndicators     *indicators,
         GError          **error)
{
  g_autoptr (GrProject) edited = scenario != NULL ? gr_scenario_apply (scenario, baseline) : NULL;
  GrProject  *project = edited != NULL ? edited : baseline;
  GrAnalysis *analysis = gr_project_build_analysis (project, criteria, NULL, error);

  if (analysis != NULL)
    gr_indicators_compute (indicators, project, analysis, -1, GR_TARGETS_NONE);
  return analysis;
}

/**
 * gr_comparison_new:
 * @a: (nullable): a scenario, or %NULL for the baseline
 * @b: (nullable): another
 *
 * Blocking (three full analyses): see gr_comparison_new_async().
 */
GrComparison *
gr_comparison_new (GrProject        *baseline,
                   const GrScenario *a,
                   const GrScenario *b,
                   const GrCriteria *criteria,
                   GCancellable     *cancellable,
                   GError          **error)
{
  g_autoptr (GrComparison) comparison = g_new0 (GrComparison, 1);
  const GrScenario *which[3] = { NULL, a, b };

  for (guint i = 0; i < 3; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      comparison->names[i] = g_strdup (which[i] != NULL ? which[i]->name : _ ("Baseline"));
      comparison->baseline[i] = which[i] == NULL;
      if ((comparison->analyses[i] =
               analyse (baseline, which[i], criteria, &comparison->indicators[i], error))
          == NULL)
        return NULL;
    }
  return g_steal_pointer (&comparison);
}

typedef struct
{
  GrProject  *baseline; /* borrowed */
  GrScenario *scenarios[2];
  GrCriteria  criteria;
} CompareData;

static void
compare_data_free (gpointer data)
{
  CompareData *compare = data;

  gr_scenario_free (compare->scenarios[0]);
  gr_scenario_free (compare->scenarios[1]);
  g_free (compare);
}

static void
compare_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  CompareData  *c = data;
  GError       *error = NULL;
  GrComparison *comparison = gr_comparison_new (c->baseline, c->scenarios[0], c->scenarios[1],
                                                &c->criteria, cancellable, &error);

  if (comparison == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, comparison, (GDestroyNotify) gr_comparison_free);
}

static GrScenario *
copy_scenario (const GrScenario *scenario)
{
  return scenario != NULL ? gr_scenario_copy (scenario, scenario->name) : NULL;
}

/**
 * gr_comparison_new_async:
 * @baseline: borrowed, read only, until @callback runs, cancelled or not
 * @a: (nullable): copied
 * @b: (nullable): copied
 * @criteria: copied
 *
 * gr_comparison_new() in a thread; cancelling takes effect between its
 * three analyses.
 */
void
gr_comparison_new_async (GrProject          *baseline,
                         const GrScenario   *a,
                         const GrScenario   *b,
                         const GrCriteria   *criteria,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  CompareData *compare;

  g_return_if_fail (baseline != NULL);
  g_return_if_fail (criteria != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  compare = g_new0 (CompareData, 1);
  compare->baseline = baseline;
  compare->scenarios[0] = copy_scenario (a);
  compare->scenarios[1] = copy_scenario (b);
  compare->criteria = *criteria;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gr_comparison_new_async);
  g_task_set_task_data (task, compare, compare_data_free);
  g_task_run_in_thread (task, compare_thread);
}

/**
 * gr_comparison_new_finish:
 *
 * Returns: (transfer full): the comparison, or %NULL with @error set
 */
GrComparison *
gr_comparison_new_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, gr_comparison_new_async), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
gr_comparison_free (GrComparison *comparison)
{
  if (comparison == NULL)
    return;
  for (guint i = 0; i < 3; i++)
    {
      gr_analysis_free (comparison->analyses[i]);
      g_free (comparison->names[i]);
      gr_indicators_clear (&comparison->indicators[i]);
    }
  g_free (comparison);
}

/* @which: 0 the baseline, 1 scenario A, 2 scenario B; every indicator's
 * value for the city (no targets) */
const GrIndicators *
gr_comparison_get_indicators (GrComparison *comparison, guint which)
{
  g_return_val_if_fail (which < 3, NULL);
  return &comparison->indicators[which];
}

/* @which: 0 the baseline, 1 scenario A, 2 scenario B */
void
gr_comparison_summarize (GrComparison *comparison, guint which, int zone, GrSummary *summary)
{
  g_return_if_fail (which < 3);
  gr_analysis_summarize (comparison->analyses[which], zone, summary);
}

GrAnalysis *
gr_comparison_get_analysis (GrComparison *comparison, guint which)
{
  g_return_val_if_fail (which < 3, NULL);
  return comparison->analyses[which];
}

/* @which: 0 the baseline, 1 scenario A, 2 scenario B; "Baseline" for
 * either scenario that is the baseline. */
const char *
gr_comparison_get_name (GrComparison *comparison, guint which)
{
  g_return_val_if_fail (which < 3, NULL);
  return comparison->names[which];
}

/**
 * gr_comparison_get_columns:
 * @columns: (out caller-allocates): which options to show, 0 the
 *   baseline, 1 scenario A, 2 scenario B
 *
 * The options to show side by side, each once: the baseline, then A and B
 * unless either is the baseline or B is A again.
 *
 * Returns: how many (1–3)
 */
guint
gr_comparison_get_columns (GrComparison *comparison, guint columns[3])
{
  guint n = 0;

  columns[n++] = 0;
  if (!comparison->baseline[1])
    columns[n++] = 1;
  if (!comparison->baseline[2]
      && (comparison->baseline[1] || g_strcmp0 (comparison->names[1], comparison->names[2]) != 0))
    columns[n++] = 2;
  return n;
}

/* Whether the second scenario is the first again (the same name): its
 * gains are the first's, coloured as both's on the map. */
gboolean
gr_comparison_repeats (GrComparison *comparison)
{
  return !comparison->baseline[1] && !comparison->baseline[2]
         && g_strcmp0 (comparison->names[1], comparison->names[2]) == 0;
}

/* A home gains when it has a 300 m green or a 500 m park it lacked. */
gboolean
gr_state_gains (guint8 base, guint8 scenario)
{
  return (scenario & ~base & ((1u << GR_LAYER_GREEN) | (1u << GR_LAYER_PARK))) != 0;
}

/**
 * gr_comparison_get_tile:
 * @out: (out caller-allocates): per cell GR_GAIN_A | GR_GAIN_B
 * @samples: (out caller-allocates): per cell home samples, as
 *   gr_coverage_get_tile() gives them
 */
gboolean
gr_comparison_get_tile (GrComparison *comparison, guint tx, guint ty, guint8 *out, guint8 *samples)
{
  guint8 base[GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE], sa[GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE];
  guint8 sb[GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE], scratch[GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE];

  if (!gr_coverage_get_tile (gr_analysis_get_coverage (comparison->analyses[0]), tx, ty, base,
                             samples))
    return FALSE;
  gr_coverage_get_tile (gr_analysis_get_coverage (comparison->analyses[1]), tx, ty, sa, scratch);
  gr_coverage_get_tile (gr_analysis_get_coverage (comparison->analyses[2]), tx, ty, sb, scratch);
  for (guint i = 0; i < GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE; i++)
    out[i] = (gr_state_gains (base[i], sa[i]) ? GR_GAIN_A : 0)
             | (gr_state_gains (base[i], sb[i]) ? GR_GAIN_B : 0);
  return TRUE;
}

/* Homes newly covered, indexed by GR_GAIN_A | GR_GAIN_B (0 unused). */
void
gr_comparison_gains (GrComparison *comparison, GrAmount gained[4])
{
  GrGrid *grid = gr_coverage_get_grid (gr_analysis_get_coverage (comparison->analyses[0]));
  guint8  cells[GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE],
      samples[GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE];
  double x0, y0;
  guint  nx, ny;

  memset (gained, 0, 4 * sizeof (GrAmount));
  gr_grid_get_layout (grid, &x0, &y0, &nx, &ny);
  for (guint ty = 0; ty < ny; ty++)
    for (guint tx = 0; tx < nx; tx++)
      {
        if (!gr_comparison_get_tile (comparison, tx, ty, cells, samples))
          continue;
        for (guint i = 0; i < GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE; i++)
          if (cells[i] != 0)
            {
              double x, y;

              gr_grid_cell_center (grid, tx * GR_GRID_TILE_SIZE + i % GR_GRID_TILE_SIZE,
                                   ty * GR_GRID_TILE_SIZE + i / GR_GRID_TILE_SIZE, &x, &y);
              gained[cells[i]].area_m2 += gr_grid_cell_area (grid, x, y);
              gained[cells[i]].population += gr_grid_cell_population (grid, x, y);
            }
      }
}

/* One row of cells; the first the label. */
static GPtrArray *
new_row (GPtrArray *table, const char *label)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (cells, g_strdup (label));
  g_ptr_array_add (table, cells);
  return cells;
}

/* The table with every column as wide as its widest cell by display
 * width, labels left, numbers right. */
static void
print_table (GString *out, GPtrArray *table)
{
  guint widths[16] = { 0 };

  for (guint r = 0; r < table->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (table, r);

      for (guint c = 0; c < cells->len && c < G_N_ELEMENTS (widths); c++)
        widths[c] = MAX (widths[c], (guint) gr_format_width (g_ptr_array_index (cells, c)));
    }
  for (guint r = 0; r < table->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (table, r);

      for (guint c = 0; c < cells->len && c < G_N_ELEMENTS (widths); c++)
        {
          if (c > 0)
            g_string_append (out, "  ");
          gr_format_pad (out, g_ptr_array_index (cells, c),
                         c == 0 ? (c + 1 == cells->len ? 0 : (int) widths[c]) : -(int) widths[c]);
        }
      g_string_append_c (out, '\n');
    }
}

/**
 * gr_comparison_to_text:
 *
 * Every coverage indicator of A, B and the baseline side by side, with A
 * against the baseline and B against A; then the homes each newly covers.
 */
char *
gr_comparison_to_text (GrComparison *comparison)
{
  GString *out = g_string_new (NULL);
  g_autoptr (GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray  *head;
  GrSummary   s[3];
  GrAmount    gained[4];
  guint       columns[3], n = gr_comparison_get_columns (comparison, columns);
  const char *labels[] = { N_ ("Green within 300 m"), N_ ("Park within 500 m"), N_ ("Both"),
                           N_ ("Neither (blind spot)"), N_ ("Park service-radius coverage") };

  for (guint i = 0; i < 3; i++)
    gr_comparison_summarize (comparison, i, -1, &s[i]);
  head = new_row (table, "");
  for (guint c = 0; c < n; c++)
    g_ptr_array_add (head, g_strdup (comparison->names[columns[c]]));
  /* TRANSLATORS: the column of an option's change from the baseline,
   * "方案A − baseline" */
  for (guint c = 1; c < n; c++)
    g_ptr_array_add (head, g_strdup_printf (_ ("%s − baseline"), comparison->names[columns[c]]));
  for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
    {
      GPtrArray *share = new_row (table, _ (labels[k]));
      GPtrArray *people =
          s[0].residential.population > 0 ? new_row (table, _ ("  residents")) : NULL;
      const GrAmount *v[3];

      for (guint i = 0; i < 3; i++)
        v[i] = k == 0   ? &s[i].green
               : k == 1 ? &s[i].park
               : k == 2 ? &s[i].both
               : k == 3 ? &s[i].neither
                        : &s[i].service;
      for (guint c = 0; c < n; c++)
        {
          g_ptr_array_add (share, g_strdup_printf ("%.1f %%", 100 * v[columns[c]]->area_m2
                                                                  / s[0].residential.area_m2));
          if (people != NULL)
            g_ptr_array_add (people, gr_format_number (v[columns[c]]->population, 0));
        }
      for (guint c = 1; c < n; c++)
        {
          g_ptr_array_add (share, gr_format_change (100 * (v[columns[c]]->area_m2 - v[0]->area_m2)
                                                        / s[0].residential.area_m2,
                                                    1, _ ("pp")));
          if (people != NULL)
            g_ptr_array_add (
                people, gr_format_change (v[columns[c]]->population - v[0]->population, 0, ""));
        }
    }
  print_table (out, table);
  gr_comparison_gains (comparison, gained);
  if (n == 2)
    g_string_append_printf (out, _ ("Newly covered homes: %s %.2f ha\n"),
                            comparison->names[columns[1]],
                            (gained[columns[1] == 1 ? GR_GAIN_A : GR_GAIN_B].area_m2
                             + gained[GR_GAIN_A | GR_GAIN_B].area_m2)
                                / 1e4);
  else if (n == 3)
    g_string_append_printf (
        out, _ ("Newly covered homes: %s only %.2f ha, %s only %.2f ha, both %.2f ha\n"),
        comparison->names[1], gained[GR_GAIN_A].area_m2 / 1e4, comparison->names[2],
        gained[GR_GAIN_B].area_m2 / 1e4, gained[GR_GAIN_A | GR_GAIN_B].area_m2 / 1e4);
  return g_string_free (out, FALSE);
}
