/* gr-report-maps.c — the report's cover and its map pages */
#include "config.h"

#include "gr-report-private.h"

#include "gr-population.h"

#include <glib/gi18n-lib.h>
#include <math.h>

void
_gr_report_cover (Doc                   *doc,
                  const GrReportOptions *o,
                  GrProject             *baseline,
                  GPtrArray             *options,
                  const GrCriteria      *criteria,
                  const GrMapRender     *frame)
{
  g_autofree char *file = g_path_get_basename (o->project);
  g_autofree char *residents = gr_population_describe (baseline);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (PangoLayout) title = NULL;

  doc->y = MARGIN + 40;
  title = _gr_doc_layout (doc, _ ("Park-city assessment"), 26, TRUE, _gr_doc_width (doc));
  _gr_doc_show (doc, title, MARGIN, doc->y, (const double[]){ 0.05, 0.3, 0.15 });
  doc->y += _gr_doc_layout_height (title) + 8;
  _gr_doc_paragraph (
      doc,
      _ ("Blind spots of the 300 m green / 500 m park service, park-city indicators and the "
         "options "
         "compared"),
      12);
  doc->y += 16;
  g_string_append_printf (text, _ ("Project: %s\n"), file);
  g_string_append_printf (text, _ ("Date: %s\n"), doc->date);
  g_string_append_printf (text, _ ("Targets: %s\n"), gr_target_set_get_label (o->targets));
  g_string_append_printf (
      text, _ ("Distance: %s; green space within %.0f m, parks within %.0f m; grid of %.0f m\n"),
      criteria->walking ? _ ("walking") : _ ("straight-line"), criteria->green_radius,
      criteria->park_radius, criteria->resolution);
  g_string_append_printf (text, _ ("Analysis CRS: %s\n"),
                          baseline->crs_name != NULL ? baseline->crs_name : "–");
  if (residents != NULL)
    g_string_append_printf (text, "%s\n", residents);
  g_string_append (text, _ ("Options: "));
  for (guint i = 0; i < options->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "",
                            ((Option *) g_ptr_array_index (options, i))->name);
  _gr_doc_paragraph (doc, text->str, 11);
  /* An option analysed without some of its edits says which. */
  for (guint i = 0; i < options->len; i++)
    {
      GPtrArray *left_out = ((Option *) g_ptr_array_index (options, i))->left_out;

      for (guint k = 0; left_out != NULL && k < left_out->len; k++)
        _gr_doc_paragraph (doc, g_ptr_array_index (left_out, k), BODY_PT);
    }

  _gr_doc_heading (doc, _ ("Data sources"), 13);
  for (guint r = 0; r < GR_N_ROLES; r++)
    {
      GrLayer         *layer = baseline->layers[r];
      g_autofree char *source = NULL;
      g_autofree char *line = NULL;

      if (layer == NULL)
        continue;
      source = layer->sources != NULL && layer->sources[0] != '\0'
                   ? g_path_get_basename (layer->sources)
                   : g_strdup (_ ("the project file"));
      line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u feature, from %s",
                                           "%s: %u features, from %s", layer->features->len),
                              gr_role_get_label (r), layer->features->len, source);
      _gr_doc_paragraph (doc, line, BODY_PT);
    }
  _gr_doc_heading (doc, _ ("Attribution"), 13);
  if (frame->attribution != NULL)
    _gr_doc_paragraph (doc, frame->attribution, BODY_PT);
  if (frame->basemap != NULL)
    {
      g_autofree char *base = g_path_get_basename (gr_mbtiles_get_path (frame->basemap));
      g_autofree char *line = g_strdup_printf (_ ("Base map: %s (offline MBTiles)"), base);

      _gr_doc_paragraph (doc, line, BODY_PT);
    }
  _gr_doc_paragraph (
      doc,
      _ ("Coverage follows GB/T 50563 and CJJ/T 85; service radii and targets as stated above."),
      BODY_PT);
}

void
_gr_report_map_page (Doc *doc, Option *opt, const GrMapRender *frame)
{
  g_autofree char *title = g_strdup_printf (_ ("Blind spots: %s"), opt->name);
  g_autofree char *caption = NULL;
  GrMapRender      map = *frame;
  GrSummary        s;
  double           w = _gr_doc_width (doc), h;

  _gr_doc_new_page (doc);
  _gr_doc_heading (doc, title, 15);
  gr_analysis_summarize (opt->analysis, -1, &s);
  caption = g_strdup_printf (
      _ ("Residential land within 300 m of green space: %.2f %%; within 500 m of a park: "
         "%.2f %%; in neither: %.2f %%."),
      _gr_report_share (s.green, s.residential), _gr_report_share (s.park, s.residential),
      _gr_report_share (s.neither, s.residential));
  h = _gr_doc_bottom (doc) - doc->y - 30;
  map.coverage = gr_coverage_tiles_new ();
  gr_coverage_tiles_set_source (map.coverage, opt->analysis, NULL, map.display);
  map.marks = opt->marks;
  cairo_save (doc->cr);
  cairo_translate (doc->cr, MARGIN, doc->y);
  gr_render_map (doc->cr, &map, w, h, NULL);
  cairo_rectangle (doc->cr, 0, 0, w, h);
  cairo_set_source_rgb (doc->cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (doc->cr, 0.6);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
  gr_coverage_tiles_free (map.coverage);
  doc->y += h + 8;
  _gr_doc_paragraph (doc, caption, BODY_PT);
}
