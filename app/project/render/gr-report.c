/* gr-report.c — the printed report, a PDF drawn with cairo and Pango
 *
 * Pages in order: the cover (project, date, targets, data sources and
 * their attribution), a map of the blind spots per scenario, the
 * indicators against the target set, the scenarios compared, the zones,
 * a bar chart of coverage per zone, the candidate parks with their
 * review flags, and the sites site suggestion placed, each with what it
 * serves on its own. Tables that run past the page continue on the next with
 * their header repeated. cairo embeds the subset of every font used, the
 * Chinese one included.
 */
#include "config.h"

#include "gr-report-private.h"

#include "gr-format.h"
#include "gr-output-file.h"
#include "gr-pg.h"
#include "gr-population.h"

#include "gr-priority.h"
#include "gr-scenario-store.h"
#include "gr-site-suggestion.h"
#include "gr-style-store.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

/* ---- tables --------------------------------------------------------------- */

typedef struct
{
  const char  *title; /* repeated, "(continued)", on every page it runs over */
  guint        n;
  const char **headers;
  double       widths[12]; /* shares of the content width */
  gboolean     numeric[12];
} Table;

static double
row_height (Doc *doc, const Table *t, const char *const *cells, gboolean bold)
{
  double h = 0;

  for (guint c = 0; c < t->n; c++)
    {
      g_autoptr (PangoLayout) l =
          _gr_doc_layout (doc, cells[c], BODY_PT, bold, t->widths[c] * _gr_doc_width (doc) - 6);

      h = MAX (h, _gr_doc_layout_height (l));
    }
  return h + 5;
}

static void
draw_row (Doc *doc, const Table *t, const char *const *cells, const guint8 *tones, gboolean header)
{
  static const double tone_rgb[3][3] = { { 0.1, 0.1, 0.1 },
                                         { 0.0, 0.45, 0.25 },
                                         { 0.75, 0.1, 0.05 } };
  double              h = row_height (doc, t, cells, header), x = MARGIN;

  if (header)
    {
      cairo_rectangle (doc->cr, MARGIN, doc->y, _gr_doc_width (doc), h);
      cairo_set_source_rgb (doc->cr, 0.9, 0.94, 0.9);
      cairo_fill (doc->cr);
    }
  for (guint c = 0; c < t->n; c++)
    {
      double w = t->widths[c] * _gr_doc_width (doc);
      g_autoptr (PangoLayout) l = _gr_doc_layout (
          doc, cells[c], BODY_PT, header || (tones != NULL && tones[c] == TONE_BAD), w - 6);

      if (t->numeric[c])
        pango_layout_set_alignment (l, PANGO_ALIGN_RIGHT);
      _gr_doc_show (doc, l, x + 3, doc->y + 2.5,
                    tone_rgb[tones != NULL && !header ? tones[c] : TONE_PLAIN]);
      x += w;
    }
  doc->y += h;
  cairo_move_to (doc->cr, MARGIN, doc->y);
  cairo_line_to (doc->cr, doc->width - MARGIN, doc->y);
  cairo_set_source_rgb (doc->cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (doc->cr, 0.4);
  cairo_stroke (doc->cr);
}

static void
table_header (Doc *doc, const Table *t, gboolean continued)
{
  if (continued)
    {
      g_autofree char *title = g_strdup_printf (_ ("%s (continued)"), t->title);
      g_autoptr (PangoLayout) l = _gr_doc_layout (doc, title, 11, TRUE, _gr_doc_width (doc));

      _gr_doc_show (doc, l, MARGIN, doc->y, (const double[]){ 0.05, 0.3, 0.15 });
      doc->y += _gr_doc_layout_height (l) + 4;
    }
  draw_row (doc, t, t->headers, NULL, TRUE);
}

static void
table_begin (Doc *doc, const Table *t)
{
  _gr_doc_heading (doc, t->title, 13);
  table_header (doc, t, FALSE);
}

static void
table_row (Doc *doc, const Table *t, const char *const *cells, const guint8 *tones)
{
  if (doc->y + row_height (doc, t, cells, FALSE) > _gr_doc_bottom (doc))
    {
      _gr_doc_new_page (doc);
      table_header (doc, t, TRUE);
    }
  draw_row (doc, t, cells, tones, FALSE);
}

/* ---- figures -------------------------------------------------------------- */

static char *
signed_number (double value)
{
  return gr_format_change (value, 2, NULL);
}

static char *
target_text (const GrIndicator *it)
{
  if (!it->has_target)
    return g_strdup ("");
  return g_strdup_printf ("%s %.2f", it->strict ? ">" : "≥", it->target);
}

static const char *
result_text (const GrIndicator *it, guint8 *tone)
{
  *tone = TONE_PLAIN;
  if (it->missing != NULL)
    return _ ("no data");
  if (!it->has_target)
    return "";
  *tone = it->pass ? TONE_GOOD : TONE_BAD;
  return it->pass ? _ ("met") : _ ("not met");
}

/* ---- the options ---------------------------------------------------------- */

static void
option_free (Option *o)
{
  g_free (o->name);
  g_clear_pointer (&o->marks, gr_marks_free);
  g_clear_pointer (&o->analysis, gr_analysis_free);
  g_clear_pointer (&o->project, gr_project_free);
  g_clear_pointer (&o->candidates, g_ptr_array_unref);
  g_clear_pointer (&o->left_out, g_ptr_array_unref);
  g_clear_pointer (&o->suggested, g_ptr_array_unref);
  g_clear_pointer (&o->shares, g_array_unref);
  g_free (o);
}

static void
compute (GrIndicators   *out,
         GrProject      *project,
         GrAnalysis     *analysis,
         int             zone,
         GrTargetSet     set,
         const GrTarget *custom)
{
  if (set == GR_TARGETS_PROJECT)
    gr_indicators_compute_with (out, project, analysis, zone, set, custom);
  else
    gr_indicators_compute (out, project, analysis, zone, set);
}

/* ---- attribution ---------------------------------------------------------- */

/**
 * gr_project_attribution:
 *
 * Returns: (transfer full) (nullable): the credit the project's data
 * require, from where its layers came
 */
char *
gr_project_attribution (GrProject *project)
{
  for (guint r = 0; r < GR_N_ROLES; r++)
    {
      g_autofree char *lower = NULL;

      if (project->layers[r] == NULL || project->layers[r]->sources == NULL)
        continue;
      lower = g_ascii_strdown (project->layers[r]->sources, -1);
      if (strstr (lower, ".osm") != NULL || strstr (lower, "openstreetmap") != NULL)
        return g_strdup (_ ("Map data © OpenStreetMap contributors, ODbL 1.0"));
    }
  return NULL;
}

gboolean
gr_paper_from_string (const char *text, GrPaper *paper)
{
  if (g_ascii_strcasecmp (text, "A4") == 0)
    *paper = GR_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "A3") == 0)
    *paper = GR_PAPER_A3;
  else
    return FALSE;
  return TRUE;
}

/* ---- the pages ------------------------------------------------------------ */

static void
indicator_table (Doc *doc, Option *opt, Option *baseline)
{
  g_autofree char *title = g_strdup_printf (_ ("Indicators against targets: %s"), opt->name);
  const char *headers[] = { _ ("Indicator"), _ ("Value"), _ ("Target"), _ ("Result"), _ ("Gap") };
  Table       t = {
          title, 5, headers, { 0.33, 0.14, 0.1, 0.09, 0.34 }, { FALSE, TRUE, TRUE, FALSE, FALSE }
  };

  table_begin (doc, &t);
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    {
      const GrIndicator *it = &opt->city.items[i];
      g_autofree char   *value = _gr_report_number (it->value, gr_indicator_get_unit (i));
      g_autofree char   *target = target_text (it);
      guint8             tones[5] = { 0 };
      const char        *result = result_text (it, &tones[3]);
      const char        *cells[] = { gr_indicator_get_name (i), value, target, result,
                              it->missing != NULL    ? it->missing
                                     : it->gap_text != NULL ? it->gap_text
                                                            : "" };

      table_row (doc, &t, cells, tones);
    }
  /* The park-system check, said once: again only for an option whose
   * new parks change it. */
  if (opt->city.system_check != NULL
      && (baseline == opt || g_strcmp0 (opt->city.system_check, baseline->city.system_check) != 0))
    {
      doc->y += 6;
      _gr_doc_paragraph (doc, opt->city.system_check, BODY_PT);
    }
}

/* The blind-spot areas leaving the most residents out, for the option. */
static void
priority_table (Doc *doc, Option *opt, GrProject *baseline, const GrCriteria *criteria)
{
  GrProject *project = opt->project != NULL ? opt->project : baseline;
  g_autoptr (GArray) areas = gr_priority_areas_find (project, opt->analysis, -1, 10);
  g_autofree char *title = g_strdup_printf (_ ("Priority areas: %s"), opt->name);
  const char      *headers[] = {
         _ ("Rank"), _ ("Residents left out"), _ ("Children"), _ ("Elderly"), _ ("Area"),
         _ ("Zone"), _ ("Nearest usable site")
  };
  Table t = { title,
              7,
              headers,
              { 0.06, 0.13, 0.09, 0.09, 0.17, 0.18, 0.28 },
              { TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, FALSE } };

  if (areas->len == 0)
    return;
  table_begin (doc, &t);
  for (guint i = 0; i < areas->len; i++)
    {
      const GrPriorityArea *a = &g_array_index (areas, GrPriorityArea, i);
      g_autofree char      *rank = g_strdup_printf ("%u", a->rank);
      g_autofree char      *people = gr_format_number (a->residents, 0);
      g_autofree char      *children =
          isfinite (a->children) ? gr_format_number (a->children, 0) : g_strdup ("–");
      g_autofree char *elderly =
          isfinite (a->elderly) ? gr_format_number (a->elderly, 0) : g_strdup ("–");
      g_autofree char *area = gr_format_area (a->area_m2);
      g_autofree char *zone =
          a->zone > 0 ? gr_project_zone_name (project, a->zone) : g_strdup ("–");
      g_autofree char *site = a->site != NULL
                                  ? g_strdup_printf (_ ("%s, %.0f m"), a->site, a->site_distance_m)
                                  : g_strdup (_ ("none in the sites layer"));
      const char      *cells[] = { rank, people, children, elderly, area, zone, site };

      table_row (doc, &t, cells, NULL);
    }
  doc->y += 6;
  {
    g_autofree char *note = g_strdup_printf (
        _ ("Blind spots are homes beyond %.0f m of green space and %.0f m of a park; those "
           "within %.0f m of each other form one area. Children are residents aged 0–14, the "
           "elderly 60 and over, from the population layer's age groups."),
        criteria->green_radius, criteria->park_radius, GR_PRIORITY_JOIN_M);

    _gr_doc_paragraph (doc, note, BODY_PT);
  }
}

/* GB 50180-2018 Table 4.0.4, circle by circle. */
static void
life_circle_table (Doc *doc, Option *opt)
{
  const GrIndicators *in = &opt->city;
  g_autofree char    *title = g_strdup_printf (_ ("Life circles (GB 50180-2018): %s"), opt->name);
  const char *headers[] = { _ ("Life circle"),  _ ("Residents"),           _ ("Park a resident"),
                            _ ("Largest park"), _ ("≥ 2.0 m² a resident"), _ ("Park of 1 ha") };
  Table       t = { title,
                    6,
                    headers,
                    { 0.26, 0.13, 0.15, 0.14, 0.16, 0.16 },
                    { FALSE, TRUE, TRUE, TRUE, FALSE, FALSE } };

  if (in->circles == NULL || in->circles->len == 0)
    return;
  table_begin (doc, &t);
  for (guint i = 0; i < in->circles->len; i++)
    {
      const GrLifeCircle *c = &g_array_index (in->circles, GrLifeCircle, i);
      g_autofree char    *people = gr_format_number (c->residents, 0);
      g_autofree char    *per = isfinite (c->per_capita)
                                    ? g_strdup_printf ("%.2f %s", c->per_capita, _ ("m²/person"))
                                    : g_strdup ("–");
      g_autofree char    *park = gr_format_area (c->largest_park_m2);
      guint8              tones[6] = { 0 };
      const char         *green = !gr_life_circle_checks_green (c->level) ? "–"
                                  : c->green_ok                           ? _ ("met")
                                                                          : _ ("not met");
      const char         *big = !gr_life_circle_checks_park (c->level) ? "–"
                                : c->park_ok                           ? _ ("met")
                                                                       : _ ("not met");
      const char         *cells[] = { c->name, people, per, park, green, big };

      tones[4] = !gr_life_circle_checks_green (c->level) ? TONE_PLAIN
                 : c->green_ok                           ? TONE_GOOD
                                                         : TONE_BAD;
      tones[5] = !gr_life_circle_checks_park (c->level) ? TONE_PLAIN
                 : c->park_ok                           ? TONE_GOOD
                                                        : TONE_BAD;
      table_row (doc, &t, cells, tones);
    }
  if (in->circles_from == GR_ROLE_ZONES)
    {
      doc->y += 6;
      _gr_doc_paragraph (doc,
                         _ ("The project has no life-circle layer: its zones stand in for the "
                            "circles, and each is held to both the 15-minute and the 10-minute "
                            "figures."),
                         BODY_PT);
    }
}

/* Appendix: what each indicator divides by what, and whence. */
static void
definitions_table (Doc *doc)
{
  const char *headers[] = { _ ("Indicator"), _ ("Definition and source") };
  Table       t = {
          _ ("Appendix: how each indicator is measured"), 2, headers, { 0.34, 0.66 }, { FALSE, FALSE }
  };

  table_begin (doc, &t);
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    {
      const char *cells[] = { gr_indicator_get_name (i), gr_indicator_get_definition (i) };

      table_row (doc, &t, cells, NULL);
    }
}

static void
comparison_table (Doc *doc, GPtrArray *options)
{
  const char *headers[12] = { _ ("Indicator") };
  g_autoptr (GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  Table  t = { _ ("The options compared"), 0, headers, { 0 }, { 0 } };
  guint  n = MIN (options->len, 6);
  double rest;

  /* Indicator, baseline, then each option with its change. */
  for (guint i = 0; i < n; i++)
    {
      Option *o = g_ptr_array_index (options, i);

      headers[t.n == 0 ? 1 : t.n] = o->name;
      if (t.n == 0)
        t.n = 2;
      else
        {
          t.n++;
          g_ptr_array_add (owned, g_strdup_printf (_ ("Change (%s)"), o->name));
          headers[t.n++] = g_ptr_array_index (owned, owned->len - 1);
        }
    }
  t.widths[0] = 0.3;
  rest = 0.7 / (t.n - 1);
  for (guint c = 1; c < t.n; c++)
    t.widths[c] = rest, t.numeric[c] = TRUE;
  table_begin (doc, &t);
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    {
      g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      const char *row[12] = { gr_indicator_get_name (i) };
      guint8      tones[12] = { 0 };
      double      base = ((Option *) g_ptr_array_index (options, 0))->city.items[i].value;

      for (guint k = 0, c = 1; k < n; k++)
        {
          const GrIndicator *it = &((Option *) g_ptr_array_index (options, k))->city.items[i];

          g_ptr_array_add (cells, _gr_report_number (it->value, NULL));
          tones[c] = it->has_target && it->missing == NULL ? (it->pass ? TONE_GOOD : TONE_BAD)
                                                           : TONE_PLAIN;
          row[c++] = g_ptr_array_index (cells, cells->len - 1);
          if (k > 0)
            {
              g_ptr_array_add (cells, signed_number (it->value - base));
              row[c++] = g_ptr_array_index (cells, cells->len - 1);
            }
        }
      table_row (doc, &t, row, tones);
    }
  if (options->len > n)
    _gr_doc_paragraph (doc, _ ("Only the first five options fit the table."), BODY_PT);
}

static void
zone_table (Doc *doc, Option *opt, GrProject *project, guint n_zones)
{
  g_autofree char           *title = g_strdup_printf (_ ("Zones: %s"), opt->name);
  const char                *headers[] = { _ ("Zone"),
                                           _ ("Residents"),
                                           _ ("Park green area per person (m²)"),
                                           _ ("Service-radius coverage (%)"),
                                           _ ("300 m green (%)"),
                                           _ ("500 m park (%)") };
  Table                      t = { title,
                                   6,
                                   headers,
                                   { 0.25, 0.13, 0.16, 0.16, 0.15, 0.15 },
                                   { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE } };
  static const GrIndicatorId ids[] = { GR_IND_PARK_PER_CAPITA, GR_IND_SERVICE_RATE,
                                       GR_IND_GREEN_300, GR_IND_PARK_500 };

  table_begin (doc, &t);
  for (guint z = 0; z < n_zones; z++)
    {
      const GrIndicators *in = &opt->zones[z];
      g_autofree char    *name = gr_project_zone_name (project, z + 1);
      g_autofree char    *residents =
          isfinite (in->population) ? g_strdup_printf ("%.0f", in->population) : g_strdup ("–");
      char       *values[4];
      const char *row[6] = { name, residents };
      guint8      tones[6] = { 0 };

      for (guint k = 0; k < 4; k++)
        {
          const GrIndicator *it = &in->items[ids[k]];

          values[k] = _gr_report_number (it->value, NULL);
          row[2 + k] = values[k];
          tones[2 + k] = it->has_target && it->missing == NULL ? (it->pass ? TONE_GOOD : TONE_BAD)
                                                               : TONE_PLAIN;
        }
      table_row (doc, &t, row, tones);
      for (guint k = 0; k < 4; k++)
        g_free (values[k]);
    }
}

/* Okabe–Ito again: one colour per option. */
static const double bar_colors[6][3] = {
  { 0.6, 0.6, 0.6 },     { 0.0, 0.447, 0.698 }, { 0.902, 0.624, 0.0 },
  { 0.0, 0.620, 0.451 }, { 0.8, 0.475, 0.655 }, { 0.835, 0.369, 0.0 },
};

static void
chart_legend (Doc *doc, GPtrArray *options, guint n, double target)
{
  double x = MARGIN;

  for (guint k = 0; k <= n; k++)
    {
      g_autofree char *target_label =
          k == n && isfinite (target) ? g_strdup_printf (_ ("target %.0f %%"), target) : NULL;
      const char *label = k < n ? ((Option *) g_ptr_array_index (options, k))->name : target_label;
      g_autoptr (PangoLayout) l = NULL;
      int w, h;

      if (label == NULL)
        continue;
      l = _gr_doc_layout (doc, label, BODY_PT, FALSE, 0);
      pango_layout_get_pixel_size (l, &w, &h);
      if (k < n)
        {
          cairo_rectangle (doc->cr, x, doc->y + 2, 10, 8);
          cairo_set_source_rgb (doc->cr, bar_colors[k][0], bar_colors[k][1], bar_colors[k][2]);
          cairo_fill (doc->cr);
        }
      else
        {
          cairo_move_to (doc->cr, x + 5, doc->y);
          cairo_line_to (doc->cr, x + 5, doc->y + 12);
          cairo_set_source_rgb (doc->cr, 0.75, 0.1, 0.05);
          cairo_set_line_width (doc->cr, 1.2);
          cairo_stroke (doc->cr);
        }
      _gr_doc_show (doc, l, x + 14, doc->y, NULL);
      x += 24 + w;
    }
  doc->y += 18;
}

/* The bars' scale, 0–100 %, ticked every 20 % with thin grid lines down
 * @depth points. */
static void
chart_axis (Doc *doc, double x, double w, double depth)
{
  for (int v = 0; v <= 100; v += 20)
    {
      g_autofree char *text = g_strdup_printf ("%d %%", v);
      g_autoptr (PangoLayout) l = _gr_doc_layout (doc, text, 6.5, FALSE, 0);
      double tx = x + w * v / 100;
      int    lw, lh;

      pango_layout_get_pixel_size (l, &lw, &lh);
      _gr_doc_show (doc, l, tx - lw / 2.0, doc->y, (const double[]){ 0.35, 0.35, 0.35 });
      cairo_move_to (doc->cr, tx, doc->y + lh + 1);
      cairo_line_to (doc->cr, tx, doc->y + lh + 4 + depth);
      cairo_set_source_rgba (doc->cr, 0.5, 0.5, 0.5, v == 0 ? 0.9 : 0.35);
      cairo_set_line_width (doc->cr, v == 0 ? 0.6 : 0.3);
      cairo_stroke (doc->cr);
    }
  doc->y += 14;
}

/* Service-radius coverage per zone: horizontal bars, one per option,
 * the target as a red line; continues over pages with many zones. */
static void
coverage_chart (Doc *doc, GPtrArray *options, GrProject *project, guint n_zones, double target)
{
  guint  n = MIN (options->len, G_N_ELEMENTS (bar_colors));
  double label_w = _gr_doc_width (doc) * 0.28, chart_x = MARGIN + label_w,
         chart_w = _gr_doc_width (doc) - label_w - 40;
  double   bar_h = 7, group_h = n * bar_h + 8;
  gboolean first = TRUE;

  _gr_doc_heading (doc, _ ("Service-radius coverage of residential land per zone"), 13);
  for (guint z = 0; z <= n_zones; z++)
    {
      g_autofree char *name = z == 0 ? g_strdup (_ ("City")) : gr_project_zone_name (project, z);
      g_autoptr (PangoLayout) label = NULL;

      if (first || doc->y + group_h > _gr_doc_bottom (doc))
        {
          if (!first)
            {
              _gr_doc_new_page (doc);
              _gr_doc_heading (doc, _ ("Service-radius coverage per zone (continued)"), 11);
            }
          chart_legend (doc, options, n, target);
          chart_axis (doc, chart_x, chart_w,
                      MIN (_gr_doc_bottom (doc) - doc->y - 14, (n_zones + 1 - z) * group_h));
          first = FALSE;
        }
      label = _gr_doc_layout (doc, name, BODY_PT, z == 0, label_w - 6);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      _gr_doc_show (doc, label, MARGIN, doc->y + (n * bar_h - BODY_PT * 1.3) / 2, NULL);
      for (guint k = 0; k < n; k++)
        {
          Option *o = g_ptr_array_index (options, k);
          double  v = (z == 0 ? &o->city : &o->zones[z - 1])->items[GR_IND_SERVICE_RATE].value;
          g_autofree char *text = _gr_report_number (v, NULL);
          g_autoptr (PangoLayout) l = _gr_doc_layout (doc, text, 6.5, FALSE, 0);
          double bw = isfinite (v) ? chart_w * CLAMP (v, 0, 100) / 100 : 0;

          cairo_rectangle (doc->cr, chart_x, doc->y + k * bar_h, bw, bar_h - 1);
          cairo_set_source_rgb (doc->cr, bar_colors[k][0], bar_colors[k][1], bar_colors[k][2]);
          cairo_fill (doc->cr);
          _gr_doc_show (doc, l, chart_x + bw + 3, doc->y + k * bar_h - 1, NULL);
        }
      if (isfinite (target))
        {
          cairo_move_to (doc->cr, chart_x + chart_w * target / 100, doc->y - 2);
          cairo_line_to (doc->cr, chart_x + chart_w * target / 100, doc->y + n * bar_h + 1);
          cairo_set_source_rgb (doc->cr, 0.75, 0.1, 0.05);
          cairo_set_line_width (doc->cr, 1.2);
          cairo_stroke (doc->cr);
        }
      doc->y += group_h;
    }
}

static void
candidate_table (Doc *doc, GPtrArray *options, GrProject *baseline)
{
  const char *headers[] = { _ ("Option"), _ ("Candidate park"), _ ("Area (m²)"), _ ("Class"),
                            _ ("Review") };
  Table       t = { _ ("Candidate parks"),
                    5,
                    headers,
                    { 0.17, 0.22, 0.12, 0.17, 0.32 },
                    { FALSE, FALSE, TRUE, FALSE, FALSE } };
  guint       rows = 0;

  table_begin (doc, &t);
  for (guint k = 1; k < options->len; k++)
    {
      Option *o = g_ptr_array_index (options, k);

      for (guint i = 0; i < o->candidates->len; i++)
        {
          GrFeature       *f = g_ptr_array_index (o->candidates, i);
          double           area = OGR_G_Area (f->geometry);
          g_autofree char *name = f->name != NULL && f->name[0] != '\0'
                                      ? g_strdup (f->name)
                                      : g_strdup_printf (_ ("Candidate %u"), i + 1);
          g_autofree char *area_text = g_strdup_printf ("%.0f", area);
          g_autofree char *flags =
              gr_candidate_flags_describe (gr_candidate_flags (baseline, f->geometry, f->kind));
          GrParkClass      c = gr_park_class_from_kind (f->kind, area, NULL);
          g_autofree char *klass =
              g_strdup_printf ("%s %s", gr_park_class_get_code (c), gr_park_class_get_label (c));
          guint8      tones[5] = { 0, 0, 0, 0, flags[0] != '\0' ? TONE_BAD : TONE_PLAIN };
          const char *row[] = { o->name, name, area_text, klass,
                                flags[0] != '\0' ? flags : _ ("none") };

          table_row (doc, &t, row, tones);
          rows++;
        }
    }
  if (rows == 0)
    _gr_doc_paragraph (doc, _ ("The chosen options add no parks."), BODY_PT);
  doc->y += 6;
  _gr_doc_paragraph (
      doc,
      _ ("Review: a park of 5,000 m² or more needs an expert review of its design; one of "
         "100,000 m² "
         "or more is disclosed to the public for 15 days."),
      BODY_PT);
}

/* Each suggested site with what it serves on its own, the rest of the
 * option kept. */
static void
suggested_table (Doc *doc, GPtrArray *options, GrProject *baseline)
{
  const char *headers[] = { _ ("Option"),        _ ("Site"),      _ ("Area (m²)"),
                            _ ("Centre (x, y)"), _ ("Residents"), _ ("Service radius"),
                            _ ("300 m green"),   _ ("500 m park") };
  Table       t = { _ ("Suggested sites"),
                    8,
                    headers,
                    { 0.13, 0.15, 0.09, 0.19, 0.1, 0.12, 0.11, 0.11 },
                    { FALSE, FALSE, TRUE, FALSE, TRUE, TRUE, TRUE, TRUE } };
  gboolean    any = FALSE;

  for (guint k = 1; k < options->len; k++)
    any = any || ((Option *) g_ptr_array_index (options, k))->suggested->len > 0;
  if (!any)
    return;
  table_begin (doc, &t);
  for (guint k = 1; k < options->len; k++)
    {
      Option   *o = g_ptr_array_index (options, k);
      GrSummary all;

      gr_analysis_summarize (o->analysis, -1, &all);
      for (guint i = 0; i < o->suggested->len; i++)
        {
          GrFeature           *f = g_ptr_array_index (o->suggested, i);
          const GrSuggestGain *g = &g_array_index (o->shares, GrSuggestGain, i);
          OGREnvelope          e;
          double               res = MAX (all.residential.area_m2, 1e-9);
          g_autofree char     *area = g_strdup_printf ("%.0f", OGR_G_Area (f->geometry));
          g_autofree char     *centre = NULL;
          g_autofree char     *people = g_strdup_printf ("%.0f", g->blind_spots.population);
          g_autofree char     *service = gr_format_change (100 * g->service.area_m2 / res, 2, "pp");
          g_autofree char     *green = gr_format_change (100 * g->green.area_m2 / res, 2, "pp");
          g_autofree char     *park = gr_format_change (100 * g->park.area_m2 / res, 2, "pp");
          const char          *row[8];

          OGR_G_GetEnvelope (f->geometry, &e);
          centre = g_strdup_printf ("%.1f, %.1f", (e.MinX + e.MaxX) / 2, (e.MinY + e.MaxY) / 2);
          row[0] = o->name, row[1] = f->name != NULL ? f->name : "", row[2] = area;
          row[3] = centre, row[4] = people, row[5] = service, row[6] = green, row[7] = park;
          table_row (doc, &t, row, NULL);
        }
    }
  doc->y += 6;
  {
    g_autofree char *note = g_strdup_printf (
        /* TRANSLATORS: %s is the project's coordinate system, e.g. "WGS 84 / UTM zone 50N" */
        _ ("Sites placed by site suggestion and accepted into the option. Each one's figures are "
           "what it serves on its own, the rest of the option kept: the residents who would be "
           "back in the blind spots without it, and the coverage rates it alone holds up. "
           "Centres in %s."),
        baseline->crs_name != NULL ? baseline->crs_name : "?");

    _gr_doc_paragraph (doc, note, BODY_PT);
  }
}

/* The map pages' frame, from the view asked for in the project's CRS. */
static gboolean
view_bounds (GrDisplay *display, const double view[4], double bounds[4])
{
  if (!(view[2] > view[0] && view[3] > view[1]))
    return FALSE;
  gr_bounds_clear (bounds);
  for (guint k = 0; k < 4; k++)
    {
      double lon, lat, mx, my;

      if (!gr_display_to_lonlat (display, view[k & 1 ? 2 : 0], view[k & 2 ? 3 : 1], &lon, &lat))
        return FALSE;
      gr_lonlat_to_mercator (lon, lat, &mx, &my);
      gr_bounds_union (bounds, (double[]){ mx, my, mx, my });
    }
  return TRUE;
}

/* ---- building the options ------------------------------------------------- */

/* The parks of @o's project that suggested edits of @scenario in force
 * placed (moved since or not), with what each serves on its own. */
static void
find_suggested (Option *o, GrScenario *scenario, GrProject *baseline, GArray *refs)
{
  GrLayer *parks = o->project->layers[GR_ROLE_PARK];
  g_autoptr (GArray) picked = gr_scenario_suggested_parks (scenario, baseline, o->candidates);
  g_autoptr (GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint k = 0; k < picked->len; k++)
    {
      guint i = g_array_index (picked, guint, k);
      guint index = parks->features->len - o->candidates->len + i;

      g_ptr_array_add (o->suggested, g_ptr_array_index (o->candidates, i));
      g_array_append_val (indices, index);
    }
  o->shares =
      gr_site_shares (o->project, o->analysis, refs, (const guint *) indices->data, indices->len);
}

static Option *
option_new (GrProject        *baseline,
            GrDisplay        *display,
            GrScenario       *scenario,
            const GrCriteria *criteria,
            GrTargetSet       set,
            const GrTarget   *custom,
            guint             n_zones,
            GError          **error)
{
  Option *o = g_new0 (Option, 1);
  g_autoptr (GArray) refs = g_array_new (FALSE, FALSE, sizeof (GrSupplyRef));
  GrProject *project;

  o->name = g_strdup (scenario != NULL ? scenario->name : _ ("Baseline"));
  o->left_out = scenario != NULL ? g_ptr_array_ref (scenario->left_out) : NULL;
  o->project = scenario != NULL ? gr_scenario_apply (scenario, baseline) : NULL;
  project = o->project != NULL ? o->project : baseline;
  o->candidates = g_ptr_array_new ();
  o->suggested = g_ptr_array_new ();
  o->shares = g_array_new (FALSE, TRUE, sizeof (GrSuggestGain));
  o->marks = gr_marks_new ();
  if ((o->analysis = gr_project_build_analysis (project, criteria, refs, error)) == NULL)
    {
      option_free (o);
      return NULL;
    }
  if (scenario != NULL)
    {
      gr_marks_add_scenario (o->marks, display, scenario, baseline);
      g_ptr_array_unref (o->candidates);
      o->candidates = gr_scenario_candidate_parks (scenario, baseline, o->project);
      g_clear_pointer (&o->shares, g_array_unref);
      find_suggested (o, scenario, baseline, refs);
    }
  compute (&o->city, project, o->analysis, -1, set, custom);
  o->zones = g_new0 (GrIndicators, MAX (n_zones, 1));
  for (guint z = 0; z < n_zones; z++)
    compute (&o->zones[z], project, o->analysis, z + 1, set, custom);
  return o;
}

static void
options_free (GPtrArray *options, guint n_zones)
{
  for (guint i = 0; i < options->len; i++)
    {
      Option *o = g_ptr_array_index (options, i);

      gr_indicators_clear (&o->city);
      for (guint z = 0; z < n_zones; z++)
        gr_indicators_clear (&o->zones[z]);
      g_free (o->zones);
      option_free (o);
    }
  g_ptr_array_unref (options);
}

static void
report_progress (GrProgressFunc progress, gpointer data, double fraction, const char *what)
{
  if (progress != NULL)
    progress (fraction, what, data);
}

/**
 * gr_report_write:
 * @output: the PDF to write; written whole or not at all
 * @progress: (nullable): called in this thread; see gr_report_write_async()
 *   for one called on the caller's main context
 *
 * Returns: FALSE with @error naming the file and the problem.
 */
gboolean
gr_report_write (const GrReportOptions *o,
                 const char            *output,
                 GrProgressFunc         progress,
                 gpointer               progress_data,
                 GCancellable          *cancellable,
                 GError               **error)
{
  GrMapStyle kept;
  g_autoptr (GrProject) baseline = gr_project_load (o->project, error);
  g_autoptr (GrScenarioStore) store = NULL;
  g_autoptr (GPtrArray) options = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr (GrOutputFile) out = NULL;
  g_autofree char *attribution = NULL;
  g_autoptr (GrDisplay) display = NULL;
  g_autoptr (GrMbtiles) basemap = NULL;
  GrMapRender frame = { 0 };
  GrTarget    custom[GR_N_INDICATORS];
  GrCriteria  criteria;
  guint n_scenarios = o->scenarios != NULL ? g_strv_length ((char **) o->scenarios) : 0, n_zones,
        total;
  double page_w = o->paper == GR_PAPER_A3 ? 297 * MM : 210 * MM,
         page_h = o->paper == GR_PAPER_A3 ? 420 * MM : 297 * MM;
  double           target;
  cairo_surface_t *surface;
  cairo_status_t   status;
  Doc              doc = { 0 };

  if (baseline == NULL)
    return FALSE;
  if (o->criteria != NULL)
    criteria = *o->criteria;
  else
    gr_criteria_init_default (&criteria);
  if (o->targets == GR_TARGETS_PROJECT && !gr_project_targets_load (o->project, custom, error))
    return FALSE;
  if ((n_scenarios > 0
       && (store = gr_scenario_store_open (o->project, baseline, GR_SCENARIO_STORE_READ, error))
              == NULL)
      || (display = gr_display_new (baseline, error)) == NULL)
    return FALSE;
  /* Every map shows the baseline's layers with the option's edits and
   * blind spots over them, as the window does. A base map that cannot be
   * read is left out. */
  basemap = o->basemap_urls != NULL && o->basemap_urls[0] != NULL
                ? gr_mbtiles_open_cache (o->basemap_urls, o->basemap_credit, 19)
            : o->basemap != NULL ? gr_mbtiles_open (o->basemap, NULL)
                                 : NULL;
  attribution = gr_project_attribution (baseline);
  frame.display = display;
  /* Without the window's style, the one the project file keeps. */
  if (o->style == NULL && gr_project_style_load (o->project, &kept, NULL))
    frame.style = &kept;
  else
    frame.style = o->style;
  frame.basemap = basemap;
  frame.attribution = attribution;
  frame.scale = 0.8;
  frame.decorations = TRUE;
  if (!view_bounds (display, o->view, frame.bounds))
    gr_render_default_bounds (display, frame.bounds);
  n_zones = gr_project_get_n_zones (baseline);
  total = n_scenarios + 2;
  options = g_ptr_array_new ();
  for (guint i = 0; i <= n_scenarios; i++)
    {
      g_autoptr (GrScenario) scenario = NULL;
      g_autofree char *what =
          g_strdup_printf (_ ("Analysing %s…"), i == 0 ? _ ("Baseline") : o->scenarios[i - 1]);
      Option *opt;

      report_progress (progress, progress_data, (double) i / total, what);
      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || (i > 0
              && (scenario = gr_scenario_store_find (store, o->scenarios[i - 1], error)) == NULL)
          || (opt = option_new (baseline, display, scenario, &criteria, o->targets, custom, n_zones,
                                error))
                 == NULL)
        {
          g_autofree char *shown = gr_pg_redact_connection (o->project);

          if (error != NULL && *error != NULL && !g_str_has_prefix ((*error)->message, shown))
            g_prefix_error (error, "%s: ", shown);
          options_free (g_steal_pointer (&options), n_zones);
          return FALSE;
        }
      g_ptr_array_add (options, opt);
      for (guint k = 0; scenario != NULL && o->left_out != NULL && k < scenario->left_out->len; k++)
        g_ptr_array_add (o->left_out, g_strdup (g_ptr_array_index (scenario->left_out, k)));
    }
  report_progress (progress, progress_data, (double) (n_scenarios + 1) / total,
                   _ ("Drawing the report…"));

  /* Written beside the target and renamed over it when complete: a
   * failed report never leaves half a file where the last one was. */
  if ((out = gr_output_file_new (output, error)) == NULL)
    {
      options_free (g_steal_pointer (&options), n_zones);
      return FALSE;
    }
  if (!o->portrait)
    {
      double swap = page_w;

      page_w = page_h, page_h = swap;
    }
  surface = cairo_pdf_surface_create_for_stream (gr_output_file_write, out, page_w, page_h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _ ("Park-city assessment"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Greenreach " PACKAGE_VERSION);
  doc.cr = cairo_create (surface);
  doc.width = page_w, doc.height = page_h;
  doc.date = date;
  {
    g_autofree char *name = gr_project_file_get_name (o->project);

    doc.running = g_strdup_printf (_ ("Park-city assessment — %s — %s"), name, date);
  }
  target = ((Option *) g_ptr_array_index (options, 0))->city.items[GR_IND_SERVICE_RATE].has_target
               ? ((Option *) g_ptr_array_index (options, 0))->city.items[GR_IND_SERVICE_RATE].target
               : NAN;

  _gr_doc_new_page (&doc);
  _gr_report_cover (&doc, o, baseline, options, &criteria, &frame);
  for (guint i = 0; i < options->len; i++)
    {
      _gr_report_map_page (&doc, g_ptr_array_index (options, i), &frame);
      _gr_report_candidate_page (&doc, g_ptr_array_index (options, i),
                                 g_ptr_array_index (options, 0), &criteria, &frame);
    }
  _gr_doc_new_page (&doc);
  for (guint i = 0; i < options->len; i++)
    indicator_table (&doc, g_ptr_array_index (options, i), g_ptr_array_index (options, 0));
  if (options->len > 1)
    comparison_table (&doc, options);
  if (n_zones > 0)
    {
      for (guint i = 0; i < options->len; i++)
        zone_table (&doc, g_ptr_array_index (options, i), baseline, n_zones);
    }
  _gr_doc_new_page (&doc);
  coverage_chart (&doc, options, baseline, n_zones, target);
  if (options->len > 1)
    {
      candidate_table (&doc, options, baseline);
      suggested_table (&doc, options, baseline);
    }
  for (guint i = 0; i < options->len; i++)
    priority_table (&doc, g_ptr_array_index (options, i), baseline, &criteria);
  life_circle_table (&doc, g_ptr_array_index (options, 0));
  _gr_doc_new_page (&doc);
  definitions_table (&doc);
  cairo_show_page (doc.cr);
  cairo_destroy (doc.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_free (doc.running);
  options_free (g_steal_pointer (&options), n_zones);
  if (!gr_output_file_commit (g_steal_pointer (&out), status, error))
    return FALSE;
  report_progress (progress, progress_data, 1, _ ("Report written"));
  return TRUE;
}
