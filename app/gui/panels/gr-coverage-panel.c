/* gr-coverage-panel.c — the residential land, and the shares of it (by
 * area and by residents) within 300 m of green space, 500 m of a park,
 * both, neither, and within a park's service radius; in a scenario each
 * share with its change against the baseline */
#include "config.h"

#include "gr-coverage-panel.h"

#include "gr-format.h"

#include <glib/gi18n.h>

#define N_ROWS 6

struct _GrCoveragePanel
{
  GtkGrid parent_instance;

  GtkLabel *area[N_ROWS];
  GtkLabel *residents[N_ROWS];
};

G_DEFINE_FINAL_TYPE (GrCoveragePanel, gr_coverage_panel, GTK_TYPE_GRID)

static void
gr_coverage_panel_class_init (GrCoveragePanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  char            name[16];

  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/panels/gr-coverage-panel.ui");
  for (guint r = 0; r < N_ROWS; r++)
    {
      g_snprintf (name, sizeof name, "area_%u", r);
      gtk_widget_class_bind_template_child_full (widget_class, name, FALSE,
                                                 G_STRUCT_OFFSET (GrCoveragePanel, area)
                                                     + r * sizeof (GtkLabel *));
      g_snprintf (name, sizeof name, "residents_%u", r);
      gtk_widget_class_bind_template_child_full (widget_class, name, FALSE,
                                                 G_STRUCT_OFFSET (GrCoveragePanel, residents)
                                                     + r * sizeof (GtkLabel *));
    }
}

static void
gr_coverage_panel_init (GrCoveragePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A share, and in a scenario its change against the baseline in
 * percentage points. */
static void
set_share (GtkLabel *label, double part, double whole, double before, gboolean scenario)
{
  g_autofree char *text = NULL;

  if (!(whole > 0))
    text = g_strdup ("–");
  else if (scenario)
    {
      /* TRANSLATORS: percentage points, the unit of a change of a share */
      g_autofree char *change = gr_format_change (100 * (part - before) / whole, 1, _ ("pp"));

      /* TRANSLATORS: a share and its change, "93.6% (+0.8 pp)" */
      text = g_strdup_printf (_ ("%.1f%% (%s)"), 100 * part / whole, change);
    }
  else
    text = g_strdup_printf ("%.1f%%", 100 * part / whole);
  gtk_label_set_text (label, text);
}

/**
 * gr_coverage_panel_show:
 * @now: the figures of what is shown
 * @baseline: (nullable): the baseline's, when a scenario is shown
 */
void
gr_coverage_panel_show (GrCoveragePanel *self, const GrSummary *now, const GrSummary *baseline)
{
  const GrAmount  *amounts[N_ROWS] = { &now->residential, &now->green,   &now->park,
                                       &now->both,        &now->neither, &now->service };
  const GrSummary *b = baseline != NULL ? baseline : now;
  const GrAmount  *before[N_ROWS] = { &b->residential, &b->green,   &b->park,
                                      &b->both,        &b->neither, &b->service };
  g_autofree char *area = g_strdup_printf (_ ("%.2f km²"), now->residential.area_m2 / 1e6);

  g_return_if_fail (GR_IS_COVERAGE_PANEL (self));
  gtk_label_set_text (self->area[0], area);
  gtk_label_set_text (self->residents[0], now->residential.population > 0 ? "100%" : "–");
  for (guint r = 1; r < N_ROWS; r++)
    {
      set_share (self->area[r], amounts[r]->area_m2, now->residential.area_m2, before[r]->area_m2,
                 baseline != NULL);
      set_share (self->residents[r], amounts[r]->population, now->residential.population,
                 before[r]->population, baseline != NULL);
    }
}
