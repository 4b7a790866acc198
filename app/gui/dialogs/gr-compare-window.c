/* gr-compare-window.c — for two options (a scenario or the baseline) and
 * the baseline: each coverage share of the residential land, the changes
 * A − baseline and B − A, and the legend of the map colouring the homes
 * each newly covers */
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

G_DEFINE_FINAL_TYPE (GrCompareWindow, gr_compare_window, ADW_TYPE_WINDOW)

static void
gr_compare_window_class_init (GrCompareWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/dialogs/gr-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GrCompareWindow, table);
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

/* The figures side by side, and the legend of the map it colours. */
static void
fill_table (GtkGrid *grid, GrComparison *comparison, const char *names[3])
{
  const char *labels[] = { N_ ("Green within 300 m"), N_ ("Park within 500 m"), N_ ("Both"),
                           N_ ("Neither (blind spot)"), N_ ("Park service-radius coverage") };
  const char *heads[] = { "", names[1], names[2], names[0], N_ ("A − baseline"), N_ ("B − A") };
  GrSummary   s[3];
  GrAmount    gained[4];

  for (guint i = 0; i < 3; i++)
    gr_comparison_summarize (comparison, i, -1, &s[i]);
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    {
      GtkWidget *label = gtk_label_new (c >= 4 ? _ (heads[c]) : heads[c]);

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (grid, label, c, 0, 1, 1);
    }
  for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
    {
      double v[3];

      for (guint i = 0; i < 3; i++)
        {
          const GrAmount *m = k == 0   ? &s[i].green
                              : k == 1 ? &s[i].park
                              : k == 2 ? &s[i].both
                              : k == 3 ? &s[i].neither
                                       : &s[i].service;
          v[i] = s[0].residential.area_m2 > 0 ? 100 * m->area_m2 / s[0].residential.area_m2 : NAN;
        }
      attach_cell (grid, _ (labels[k]), 0, k + 1, FALSE);
      {
        g_autofree char *a = g_strdup_printf ("%.1f%%", v[1]);
        g_autofree char *b = g_strdup_printf ("%.1f%%", v[2]);
        g_autofree char *base = g_strdup_printf ("%.1f%%", v[0]);
        g_autofree char *da = gr_format_change (v[1] - v[0], 1, _ ("pp"));
        g_autofree char *db = gr_format_change (v[2] - v[1], 1, _ ("pp"));

        attach_cell (grid, a, 1, k + 1, TRUE);
        attach_cell (grid, b, 2, k + 1, TRUE);
        attach_cell (grid, base, 3, k + 1, TRUE);
        attach_cell (grid, da, 4, k + 1, TRUE);
        attach_cell (grid, db, 5, k + 1, TRUE);
      }
    }
  gr_comparison_gains (comparison, gained);
  {
    int row = G_N_ELEMENTS (labels) + 2;

    for (guint g = 1; g < 4; g++, row++)
      {
        GtkWidget       *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
        GtkWidget       *swatch = gr_swatch_new ();
        g_autofree char *text =
            g == 3 ? g_strdup_printf (_ ("Newly covered by both: %.2f ha"), gained[g].area_m2 / 1e4)
                   : g_strdup_printf (_ ("Newly covered by %s only: %.2f ha"), names[g],
                                      gained[g].area_m2 / 1e4);
        GdkRGBA color;

        gr_coverage_gain_color (g, &color);
        color.alpha = 1;
        gr_swatch_set_rgba (GR_SWATCH (swatch), &color);
        gtk_box_append (GTK_BOX (line), swatch);
        gtk_box_append (GTK_BOX (line), gtk_label_new (text));
        gtk_grid_attach (grid, line, 0, row, 6, 1);
      }
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
