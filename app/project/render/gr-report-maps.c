/* gr-report-maps.c — the report's cover and its map pages */
#include "config.h"

#include "gr-report-private.h"

#include "gr-population.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* The cover's right column: each option's headline figures, then the
 * whole city with the baseline's blind spots. */
static void
key_figures (Doc *doc, GPtrArray *options, const GrMapRender *frame)
{
  double x = MARGIN + (doc->width - 2 * MARGIN) * 0.52, w = (doc->width - 2 * MARGIN) * 0.48;
  double y = MARGIN + 40;
  g_autoptr (PangoLayout) head = _gr_doc_layout (doc, _ ("Key figures"), 13, TRUE, w);
  GrMapRender map = *frame;
  Option     *baseline = g_ptr_array_index (options, 0);

  _gr_doc_show (doc, head, x, y, (const double[]){ 0.05, 0.3, 0.15 });
  y += _gr_doc_layout_height (head) + 6;
  for (guint i = 0; i < options->len; i++)
    {
      Option          *o = g_ptr_array_index (options, i);
      GrSummary        s;
      g_autofree char *text = NULL;
      g_autoptr (PangoLayout) line = NULL;

      gr_analysis_summarize (o->analysis, -1, &s);
      /* TRANSLATORS: an option's headline figures on the report's cover */
      text = g_strdup_printf (_ ("%s — service-radius coverage %.1f %%, park green area %.2f m² "
                                 "per person, blind spots %.1f %% of residential land"),
                              o->name, o->city.items[GR_IND_SERVICE_RATE].value,
                              o->city.items[GR_IND_PARK_PER_CAPITA].value,
                              _gr_report_share (s.neither, s.residential));
      line = _gr_doc_layout (doc, text, 10, i == 0, w);
      _gr_doc_show (doc, line, x, y, NULL);
      y += _gr_doc_layout_height (line) + 4;
    }
  y += 8;
  if (_gr_doc_bottom (doc) - y < 120)
    return;
  map.coverage = gr_coverage_tiles_new ();
  gr_coverage_tiles_set_source (map.coverage, baseline->analysis, NULL, map.display);
  map.marks = NULL;
  map.decorations = FALSE;
  cairo_save (doc->cr);
  cairo_translate (doc->cr, x, y);
  gr_render_map (doc->cr, &map, w, _gr_doc_bottom (doc) - y, NULL);
  cairo_rectangle (doc->cr, 0, 0, w, _gr_doc_bottom (doc) - y);
  cairo_set_source_rgb (doc->cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (doc->cr, 0.6);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
  gr_coverage_tiles_free (map.coverage);
}

void
_gr_report_cover (Doc                   *doc,
                  const GrReportOptions *o,
                  GrProject             *baseline,
                  GPtrArray             *options,
                  const GrCriteria      *criteria,
                  const GrMapRender     *frame)
{
  g_autofree char *file = gr_project_file_get_name (o->project);
  g_autofree char *residents = gr_population_describe (baseline);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (PangoLayout) title = NULL;

  /* Text on the left, the key figures and an overview map on the right. */
  key_figures (doc, options, frame);
  doc->column = (doc->width - 2 * MARGIN) * 0.48;
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
  doc->column = 0;
}

/* @map drawn @w × @h at the next block, framed by a thin line. */
static void
framed_map (Doc *doc, const GrMapRender *map, double w, double h)
{
  cairo_save (doc->cr);
  cairo_translate (doc->cr, MARGIN, doc->y);
  gr_render_map (doc->cr, map, w, h, NULL);
  cairo_rectangle (doc->cr, 0, 0, w, h);
  cairo_set_source_rgb (doc->cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (doc->cr, 0.6);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
  doc->y += h + 8;
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
  framed_map (doc, &map, w, h);
  gr_coverage_tiles_free (map.coverage);
  _gr_doc_paragraph (doc, caption, BODY_PT);
}

/* Web Mercator bounds of a geometry in the analysis CRS, grown into
 * @bounds. */
static void
add_geometry_bounds (GrDisplay *display, OGRGeometryH geometry, double grow_m, double bounds[4])
{
  OGREnvelope e;
  double      corners[4][2], lon, lat, mx, my;

  OGR_G_GetEnvelope (geometry, &e);
  corners[0][0] = corners[3][0] = e.MinX - grow_m;
  corners[1][0] = corners[2][0] = e.MaxX + grow_m;
  corners[0][1] = corners[1][1] = e.MinY - grow_m;
  corners[2][1] = corners[3][1] = e.MaxY + grow_m;
  for (guint i = 0; i < 4; i++)
    if (gr_display_to_lonlat (display, corners[i][0], corners[i][1], &lon, &lat))
      {
        gr_lonlat_to_mercator (lon, lat, &mx, &my);
        gr_bounds_union (bounds, (double[]){ mx, my, mx, my });
      }
}

/**
 * _gr_report_candidate_page:
 * @baseline: the option without edits, for the homes newly served
 *
 * The option's candidate and suggested parks up close: the map framed on
 * them and the park radius around them, where every home they newly serve
 * lies, those homes in the gains' colours. Nothing for an option without
 * new parks.
 */
void
_gr_report_candidate_page (Doc               *doc,
                           Option            *opt,
                           Option            *baseline,
                           const GrCriteria  *criteria,
                           const GrMapRender *frame)
{
  g_autofree char *title = NULL;
  g_autofree char *caption = NULL;
  GrMapRender      map = *frame;
  GrSummary        before, after;
  double           w = _gr_doc_width (doc), h;
  guint            n = opt->candidates->len + opt->suggested->len;

  if (n == 0 || opt == baseline)
    return;
  gr_bounds_clear (map.bounds);
  for (guint i = 0; i < opt->candidates->len; i++)
    add_geometry_bounds (frame->display,
                         ((GrFeature *) g_ptr_array_index (opt->candidates, i))->geometry,
                         criteria->park_radius, map.bounds);
  for (guint i = 0; i < opt->suggested->len; i++)
    add_geometry_bounds (frame->display,
                         ((GrFeature *) g_ptr_array_index (opt->suggested, i))->geometry,
                         criteria->park_radius, map.bounds);
  if (!(map.bounds[2] > map.bounds[0] && map.bounds[3] > map.bounds[1]))
    return;
  gr_analysis_summarize (baseline->analysis, -1, &before);
  gr_analysis_summarize (opt->analysis, -1, &after);
  title = g_strdup_printf (_ ("New parks up close: %s"), opt->name);
  /* The colours are every home newly served, green space or park. */
  caption = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   "%u new park. Residential land newly served, coloured: %.2f ha newly within "
                   "%.0f m of green space, %.2f ha newly within %.0f m of a park.",
                   "%u new parks. Residential land newly served, coloured: %.2f ha newly within "
                   "%.0f m of green space, %.2f ha newly within %.0f m of a park.",
                   n),
      n, (after.green.area_m2 - before.green.area_m2) / 1e4, criteria->green_radius,
      (after.park.area_m2 - before.park.area_m2) / 1e4, criteria->park_radius);
  _gr_doc_new_page (doc);
  _gr_doc_heading (doc, title, 15);
  h = _gr_doc_bottom (doc) - doc->y - 30;
  map.coverage = gr_coverage_tiles_new ();
  gr_coverage_tiles_set_gains (map.coverage, baseline->analysis, opt->analysis, map.display);
  map.gains = TRUE;
  map.marks = opt->marks;
  framed_map (doc, &map, w, h);
  gr_coverage_tiles_free (map.coverage);
  _gr_doc_paragraph (doc, caption, BODY_PT);
}
