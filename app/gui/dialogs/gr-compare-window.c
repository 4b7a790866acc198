/* gr-compare-window.c — for two options (a scenario or the baseline) and
 * the baseline: every indicator, the changes A − baseline, B − baseline
 * and B − A, the legend of the map colouring the homes each newly covers,
 * and a button that takes the map to what the two change */
#include "config.h"

#include "gr-compare-window.h"

#include "gr-format.h"

#include "gr-coverage-layer.h"
#include "gr-swatch.h"

#include <glib/gi18n.h>
#include <math.h>

struct _GrCompareWindow
{
  AdwWindow parent_instance;

  GtkGrid *table;
};

enum
{
  ZOOM_TO_CHANGES,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GrCompareWindow, gr_compare_window, ADW_TYPE_WINDOW)

static void
on_zoom_clicked (GrCompareWindow *self)
{
  g_signal_emit (self, signals[ZOOM_TO_CHANGES], 0);
}

static void
gr_compare_window_class_init (GrCompareWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/dialogs/gr-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GrCompareWindow, table);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_clicked);
  /**
   * GrCompareWindow::zoom-to-changes:
   *
   * The planner asks to see on the map what the two options change.
   */
  signals[ZOOM_TO_CHANGES] = g_signal_new ("zoom-to-changes", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gr_compare_window_init (GrCompareWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
attach_cell (GtkGrid *grid, const char *text, int col, int row, gboolean numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, col, row, 1, 1);
}

/* A value in its indicator's unit, "–" without one. */
static char *
value_text (double value, GrIndicatorId id)
{
  g_autofree char *number = gr_format_number (value, 2);

  return isfinite (value) ? g_strdup_printf ("%s %s", number, gr_indicator_get_unit (id))
                          : g_strdup ("–");
}

/* A change in the indicator's unit; shares change in percentage points. */
static char *
change_text (double change, GrIndicatorId id)
{
  const char *unit = gr_indicator_get_unit (id);

  return gr_format_change (change, 2, g_str_equal (unit, "%") ? _ ("pp") : unit);
}

/* Every indicator side by side, each option once, each scenario against
 * the baseline; then the homes no rule reaches, and the legend of the map
 * it colours. */
static void
fill_table (GtkGrid *grid, GrComparison *comparison, const char *names[3])
{
  const GrIndicators *ind[3];
  GrSummary           s[3];
  GrAmount            gained[4];
  guint               columns[3], n = gr_comparison_get_columns (comparison, columns);
  /* Two scenarios: also the one against the other, B − A. */
  gboolean between = n == 3;
  int      row = 1, width = 2 * n + between;

  for (guint i = 0; i < 3; i++)
    {
      ind[i] = gr_comparison_get_indicators (comparison, i);
      gr_comparison_summarize (comparison, i, -1, &s[i]);
    }
  for (guint c = 0; c < 2 * n - 1; c++)
    {
      g_autofree char *text =
          c < n ? g_strdup (names[columns[c]])
                : g_strdup_printf (_ ("%s − baseline"), names[columns[c - n + 1]]);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (grid, label, c + 1, 0, 1, 1);
    }
  if (between)
    {
      /* TRANSLATORS: a column of the comparison: "方案B − 方案A" */
      g_autofree char *text = g_strdup_printf (_ ("%s − %s"), names[columns[2]], names[columns[1]]);
      GtkWidget       *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (grid, label, 2 * n, 0, 1, 1);
    }
  for (guint id = 0; id < GR_N_INDICATORS; id++, row++)
    {
      GtkWidget *name = gtk_label_new (gr_indicator_get_name (id));

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 28);
      gtk_widget_set_tooltip_text (name, gr_indicator_get_definition (id));
      gtk_grid_attach (grid, name, 0, row, 1, 1);
      for (guint c = 0; c < n; c++)
        {
          g_autofree char *text = value_text (ind[columns[c]]->items[id].value, id);
          attach_cell (grid, text, c + 1, row, TRUE);
        }
      for (guint c = 1; c < n; c++)
        {
          g_autofree char *text =
              change_text (ind[columns[c]]->items[id].value - ind[0]->items[id].value, id);
          attach_cell (grid, text, n + c, row, TRUE);
        }
      if (between)
        {
          g_autofree char *text =
              change_text (ind[columns[2]]->items[id].value - ind[columns[1]]->items[id].value, id);
          attach_cell (grid, text, 2 * n, row, TRUE);
        }
    }
  /* The blind spots: homes beyond 300 m of green and 500 m of a park. */
  {
    double v[3];

    for (guint i = 0; i < 3; i++)
      v[i] = s[0].residential.area_m2 > 0 ? 100 * s[i].neither.area_m2 / s[0].residential.area_m2
                                          : NAN;
    attach_cell (grid, _ ("Neither (blind spot)"), 0, row, FALSE);
    for (guint c = 0; c < n; c++)
      {
        g_autofree char *text = g_strdup_printf ("%.2f %%", v[columns[c]]);
        attach_cell (grid, text, c + 1, row, TRUE);
      }
    for (guint c = 1; c < n; c++)
      {
        g_autofree char *text = gr_format_change (v[columns[c]] - v[0], 2, _ ("pp"));
        attach_cell (grid, text, n + c, row, TRUE);
      }
    if (between)
      {
        g_autofree char *text = gr_format_change (v[columns[2]] - v[columns[1]], 2, _ ("pp"));
        attach_cell (grid, text, 2 * n, row, TRUE);
      }
    row++;
  }
  gr_comparison_gains (comparison, gained);
  row++;
  for (guint g = 1; g < 4 && n > 1; g++)
    {
      GtkWidget       *line;
      GtkWidget       *swatch;
      g_autofree char *text = NULL;
      GdkRGBA          color;

      /* One scenario: everything it newly covers is its own. */
      if (n == 2 && g != (columns[1] == 1 ? GR_GAIN_A : GR_GAIN_B))
        continue;
      if (n == 2)
        text = g_strdup_printf (_ ("Newly covered by %s: %.2f ha"), names[columns[1]],
                                (gained[g].area_m2 + gained[GR_GAIN_A | GR_GAIN_B].area_m2) / 1e4);
      else if (g == 3)
        text = g_strdup_printf (_ ("Newly covered by both: %.2f ha"), gained[g].area_m2 / 1e4);
      else
        text = g_strdup_printf (_ ("Newly covered by %s only: %.2f ha"), names[g],
                                gained[g].area_m2 / 1e4);
      line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      swatch = gr_swatch_new ();
      /* The same scenario twice: the map colours its gains as both's. */
      gr_coverage_gain_color (
          n == 2 && gr_comparison_repeats (comparison) ? GR_GAIN_A | GR_GAIN_B : g, &color);
      color.alpha = 1;
      gr_swatch_set_rgba (GR_SWATCH (swatch), &color);
      gtk_box_append (GTK_BOX (line), swatch);
      gtk_box_append (GTK_BOX (line), gtk_label_new (text));
      gtk_grid_attach (grid, line, 0, row++, width, 1);
    }
}

/* @comparison: (transfer none): read while the window is built */
GtkWidget *
gr_compare_window_new (GtkWindow *parent, GrComparison *comparison)
{
  GrCompareWindow *self = g_object_new (GR_TYPE_COMPARE_WINDOW, "transient-for", parent, NULL);
  const char      *names[3];

  for (guint i = 0; i < 3; i++)
    names[i] = gr_comparison_get_name (comparison, i);
  fill_table (self->table, comparison, names);
  return GTK_WIDGET (self);
}
