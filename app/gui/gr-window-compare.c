/* gr-window-compare.c — comparing two scenarios: the figures side by side and the map coloured by what each newly covers */
#include "config.h"

#include "gr-window-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* ---- comparing scenarios ---------------------------------------------------------- */

static void
on_comparison_closed (GtkWindow *results, GrWindow *self)
{
  gr_coverage_layer_set_comparison (self->coverage, NULL);
  g_clear_pointer (&self->comparison, gr_comparison_free);
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
static GtkWidget *
comparison_table (GrComparison *comparison, const char *names[3])
{
  GtkWidget *grid = gtk_grid_new ();
  const char *labels[] = { N_("Green within 300 m"), N_("Park within 500 m"), N_("Both"),
                           N_("Neither (blind spot)"), N_("Park service-radius coverage") };
  const char *heads[] = { "", names[1], names[2], names[0], N_("A − baseline"), N_("B − A") };
  GrSummary s[3];
  GrAmount gained[4];

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  for (guint i = 0; i < 3; i++)
    gr_comparison_summarize (comparison, i, -1, &s[i]);
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    {
      GtkWidget *label = gtk_label_new (c >= 4 ? _(heads[c]) : heads[c]);

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (GTK_GRID (grid), label, c, 0, 1, 1);
    }
  for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
    {
      double v[3];

      for (guint i = 0; i < 3; i++)
        {
          const GrAmount *m = k == 0 ? &s[i].green : k == 1 ? &s[i].park : k == 2 ? &s[i].both
                              : k == 3 ? &s[i].neither : &s[i].service;
          v[i] = s[0].residential.area_m2 > 0 ? 100 * m->area_m2 / s[0].residential.area_m2 : NAN;
        }
      attach_cell (GTK_GRID (grid), _(labels[k]), 0, k + 1, FALSE);
      {
        g_autofree char *a = g_strdup_printf ("%.1f%%", v[1]);
        g_autofree char *b = g_strdup_printf ("%.1f%%", v[2]);
        g_autofree char *base = g_strdup_printf ("%.1f%%", v[0]);
        g_autofree char *da = g_strdup_printf ("%+.1f", v[1] - v[0]);
        g_autofree char *db = g_strdup_printf ("%+.1f", v[2] - v[1]);

        attach_cell (GTK_GRID (grid), a, 1, k + 1, TRUE);
        attach_cell (GTK_GRID (grid), b, 2, k + 1, TRUE);
        attach_cell (GTK_GRID (grid), base, 3, k + 1, TRUE);
        attach_cell (GTK_GRID (grid), da, 4, k + 1, TRUE);
        attach_cell (GTK_GRID (grid), db, 5, k + 1, TRUE);
      }
    }
  gr_comparison_gains (comparison, gained);
  {
    int row = G_N_ELEMENTS (labels) + 2;

    for (guint g = 1; g < 4; g++, row++)
      {
        GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
        GtkWidget *swatch = gr_swatch_new ();
        g_autofree char *text = g == 3 ? g_strdup_printf (_("Newly covered by both: %.2f ha"), gained[g].area_m2 / 1e4)
                                       : g_strdup_printf (_("Newly covered by %s only: %.2f ha"), names[g],
                                                          gained[g].area_m2 / 1e4);
        GdkRGBA color;

        gr_coverage_gain_color (g, &color);
        color.alpha = 1;
        gr_swatch_set_rgba (GR_SWATCH (swatch), &color);
        gtk_box_append (GTK_BOX (line), swatch);
        gtk_box_append (GTK_BOX (line), gtk_label_new (text));
        gtk_grid_attach (GTK_GRID (grid), line, 0, row, 6, 1);
      }
  }
  return grid;
}

static void
compare_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GrWindow) self = data;
  g_autoptr (GError) error = NULL;
  GrComparison *comparison = gr_comparison_new_finish (result, &error);
  GtkWidget *results, *box, *header;
  const char *names[3];

  _gr_window_set_busy (self, NULL);
  if (comparison == NULL)
    {
      _gr_window_show_error (self, _("Could not compare the scenarios"), error);
      return;
    }
  for (guint i = 0; i < 3; i++)
    names[i] = gr_comparison_get_name (comparison, i);
  g_clear_pointer (&self->comparison, gr_comparison_free);
  self->comparison = comparison;
  gr_coverage_layer_set_comparison (self->coverage, self->comparison);
  results = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (results), _("Compare Scenarios"));
  gtk_window_set_transient_for (GTK_WINDOW (results), GTK_WINDOW (self));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  {
    GtkWidget *table = comparison_table (self->comparison, names);
    GtkWidget *note = gtk_label_new (_("The map shows the homes each scenario newly covers while this window is "
                                       "open."));

    gtk_widget_set_margin_start (table, 18);
    gtk_widget_set_margin_end (table, 18);
    gtk_label_set_wrap (GTK_LABEL (note), TRUE);
    gtk_widget_add_css_class (note, "dim-label");
    gtk_widget_set_margin_bottom (note, 18);
    gtk_box_append (GTK_BOX (box), table);
    gtk_box_append (GTK_BOX (box), note);
  }
  adw_window_set_content (ADW_WINDOW (results), box);
  g_signal_connect_object (results, "destroy", G_CALLBACK (on_comparison_closed), self, 0);
  self->comparison_window = results;
  g_object_add_weak_pointer (G_OBJECT (results), (gpointer *) &self->comparison_window);
  gtk_window_present (GTK_WINDOW (results));
}

/**
 * gr_window_compare:
 * @a: (nullable): a scenario, %NULL for the baseline
 * @b: (nullable): another
 *
 * Compares them off the main thread; the results open in a window and
 * colour the map.
 */
void
gr_window_compare (GrWindow   *self,
                   GrScenario *a,
                   GrScenario *b)
{
  g_return_if_fail (self->session != NULL && !self->busy);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  _gr_window_set_busy (self, _("Comparing scenarios…"));
  /* The baseline is borrowed: the session outlives the window's jobs. */
  gr_comparison_new_async (_gr_window_baseline_project (self), a, b, &self->criteria, self->cancellable,
                           compare_done, g_object_ref (self));
}

static void
on_compare_response (AdwMessageDialog *dialog, const char *response, GrWindow *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkDropDown *first = GTK_DROP_DOWN (gtk_widget_get_first_child (box));
  GtkDropDown *second = GTK_DROP_DOWN (gtk_widget_get_next_sibling (GTK_WIDGET (first)));
  guint a = gtk_drop_down_get_selected (first), b = gtk_drop_down_get_selected (second);

  if (g_strcmp0 (response, "compare") != 0 || self->busy)
    return;
  gr_window_compare (self, a > 0 ? g_ptr_array_index (self->scenarios, a - 1) : NULL,
                     b > 0 ? g_ptr_array_index (self->scenarios, b - 1) : NULL);
}

void
_gr_window_compare_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *dialog;

  if (self->session == NULL || self->busy)
    return;
  for (guint k = 0; k < 2; k++)
    {
      GtkDropDown *choice = GTK_DROP_DOWN (gtk_drop_down_new (
        g_object_ref (G_LIST_MODEL (self->scenario_items)),
        gtk_property_expression_new (GR_TYPE_SCENARIO_ITEM, NULL, "name")));
      guint n = self->scenarios != NULL ? self->scenarios->len : 0;

      /* The scenario shown against the next one, or the baseline. */
      gtk_drop_down_set_selected (choice, k == 0 ? MAX (gtk_drop_down_get_selected (self->scenario_dropdown), 1)
                                                 : 0);
      if (k == 0 && n == 0)
        gtk_drop_down_set_selected (choice, 0);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (choice));
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Compare Scenarios"),
                                   _("Choose two: every indicator side by side, and the homes each newly covers."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "compare", _("_Compare"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "compare", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "compare");
  g_signal_connect (dialog, "response", G_CALLBACK (on_compare_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}
