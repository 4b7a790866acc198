/* gr-window-measure.c — the measure tool: a distance through the points
 * clicked, straight or, in walking mode, on foot along the network as the
 * analysis walks; a double click closes an area
 *
 * Distances are measured in the analysis CRS, a projected one chosen for
 * the city (metres, little scale error), not on the screen.
 */
#include "config.h"

#include "gr-window-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* Walks longer than this are not searched for between two points. */
#define MAX_WALK_M 50000.0

static double
straight_length (const double *p, guint n, gboolean closed)
{
  double sum = 0;

  for (guint i = 1; i < n; i++)
    sum += hypot (p[2 * i] - p[2 * i - 2], p[2 * i + 1] - p[2 * i - 1]);
  if (closed && n > 2)
    sum += hypot (p[0] - p[2 * n - 2], p[1] - p[2 * n - 1]);
  return sum;
}

/* The walk through the points in order along the network, metres; NAN
 * when a point is off it. */
static double
walk_length (GrWindow *self, const double *p, guint n)
{
  GrAnalysis *analysis = gr_session_get_analysis (self->session);
  GrWalk     *walk;
  double      sum = 0;

  if (analysis == NULL || !gr_analysis_is_walking (analysis)
      || (walk = gr_analysis_get_walk (analysis)) == NULL)
    return NAN;
  for (guint i = 1; i < n; i++)
    {
      gint64 mm =
          gr_walk_between (walk, p[2 * i - 2], p[2 * i - 1], p[2 * i], p[2 * i + 1], MAX_WALK_M);

      if (mm < 0)
        return NAN;
      sum += mm / 1000.0;
    }
  return sum;
}

static double
area (const double *p, guint n)
{
  double twice = 0;

  for (guint i = 0; i < n; i++)
    {
      guint j = (i + 1) % n;

      twice += p[2 * i] * p[2 * j + 1] - p[2 * j] * p[2 * i + 1];
    }
  return fabs (twice) / 2;
}

static char *
describe (GrWindow *self)
{
  const double *p = (const double *) self->measure->data;
  guint         n = self->measure->len / 2;
  g_autoptr (GString) text = g_string_new (NULL);
  double line = straight_length (p, n, self->measure_closed);

  if (self->measure_closed)
    {
      double a = area (p, n);

      g_string_printf (text, _ ("Area %.2f ha (%.0f m²), perimeter %.0f m"), a / 1e4, a, line);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  if (n < 2)
    return g_strdup (_ ("Click the next point; double-click to close an area"));
  g_string_printf (text, _ ("Distance %.0f m in a straight line"), line);
  if (self->criteria.walking)
    {
      double on_foot = walk_length (self, p, n);

      g_string_append (text, "\n");
      if (isfinite (on_foot))
        g_string_append_printf (text, _ ("%.0f m on foot along the walking network"), on_foot);
      else
        g_string_append (text, _ ("A point is off the walking network: no walk along it"));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show (GrWindow *self)
{
  guint n = self->measure->len / 2;

  g_clear_pointer (&self->measure_text, g_free);
  if (n > 0)
    self->measure_text = describe (self);
  gr_marks_set_measure (gr_sketch_layer_get_marks (self->sketch),
                        gr_session_get_display (self->session), (double *) self->measure->data, n,
                        self->measure_closed);
  gtk_widget_queue_draw (GTK_WIDGET (self->sketch));
  gtk_label_set_text (self->measure_label, self->measure_text);
  gtk_widget_set_visible (GTK_WIDGET (self->measure_label), self->measure_text != NULL);
}

void
_gr_window_measure_click (GrWindow *self, int n_press, double x, double y)
{
  guint n = self->measure->len / 2;

  if (n_press == 1)
    {
      /* After an area, a click starts afresh. */
      if (self->measure_closed)
        {
          g_array_set_size (self->measure, 0);
          self->measure_closed = FALSE;
        }
      g_array_append_vals (self->measure, (double[]){ x, y }, 2);
    }
  else if (n_press == 2 && n >= 3)
    {
      /* The double click's first press added its point: once is enough. */
      const double *p = (const double *) self->measure->data;

      if (hypot (p[2 * n - 2] - p[2 * n - 4], p[2 * n - 1] - p[2 * n - 3]) < 1)
        g_array_set_size (self->measure, 2 * (n - 1));
      self->measure_closed = self->measure->len / 2 >= 3;
    }
  show (self);
}

/* Another tool, Esc, another project: the measure goes. */
void
_gr_window_measure_clear (GrWindow *self)
{
  if (self->measure == NULL)
    return;
  g_array_set_size (self->measure, 0);
  self->measure_closed = FALSE;
  if (self->sketch != NULL && self->session != NULL)
    show (self);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->measure_label), FALSE);
}

/* What the measure tool says now, or %NULL: for the tests. */
const char *
gr_window_get_measure_text (GrWindow *self)
{
  return self->measure_text;
}
