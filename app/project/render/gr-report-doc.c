/* gr-report-doc.c — the report's page primitives: text set with Pango,
 * pages with their running head and number, headings and paragraphs that
 * move on to the next page when this one is full */
#include "config.h"

#include "gr-report-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* ---- text ----------------------------------------------------------------- */

PangoLayout *
_gr_doc_layout (Doc *doc, const char *text, double size, gboolean bold, double width)
{
  PangoLayout *layout = pango_cairo_create_layout (doc->cr);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string (GR_RENDER_FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

double
_gr_doc_layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

void
_gr_doc_show (Doc *doc, PangoLayout *layout, double x, double y, const double rgb[3])
{
  cairo_move_to (doc->cr, x, y);
  if (rgb != NULL)
    cairo_set_source_rgb (doc->cr, rgb[0], rgb[1], rgb[2]);
  else
    cairo_set_source_rgb (doc->cr, 0.1, 0.1, 0.1);
  pango_cairo_show_layout (doc->cr, layout);
}

double
_gr_doc_width (Doc *doc)
{
  return doc->column > 0 ? doc->column : doc->width - 2 * MARGIN;
}

double
_gr_doc_bottom (Doc *doc)
{
  return doc->height - MARGIN - 8;
}

/* ---- pages ---------------------------------------------------------------- */

void
_gr_doc_new_page (Doc *doc)
{
  g_autofree char *number = NULL;
  g_autoptr (PangoLayout) foot = NULL;
  g_autoptr (PangoLayout) head = NULL;

  if (doc->page > 0)
    cairo_show_page (doc->cr);
  doc->page++;
  doc->y = MARGIN;
  if (doc->page == 1)
    return;
  /* Running head and page number. */
  head = _gr_doc_layout (doc, doc->running, 7.5, FALSE, _gr_doc_width (doc));
  _gr_doc_show (doc, head, MARGIN, MARGIN - 14, (const double[]){ 0.4, 0.4, 0.4 });
  cairo_move_to (doc->cr, MARGIN, MARGIN - 3);
  cairo_line_to (doc->cr, doc->width - MARGIN, MARGIN - 3);
  cairo_set_line_width (doc->cr, 0.4);
  cairo_stroke (doc->cr);
  number = g_strdup_printf (_ ("Page %d"), doc->page);
  foot = _gr_doc_layout (doc, number, 7.5, FALSE, 0);
  {
    int w, h;

    pango_layout_get_pixel_size (foot, &w, &h);
    _gr_doc_show (doc, foot, doc->width - MARGIN - w, doc->height - MARGIN + 4,
                  (const double[]){ 0.4, 0.4, 0.4 });
  }
  doc->y = MARGIN + 6;
}

/* Starts a new page unless @needed points are left on this one. */
void
_gr_doc_need (Doc *doc, double needed)
{
  if (doc->y + needed > _gr_doc_bottom (doc))
    _gr_doc_new_page (doc);
}

void
_gr_doc_heading (Doc *doc, const char *text, double size)
{
  g_autoptr (PangoLayout) layout = _gr_doc_layout (doc, text, size, TRUE, _gr_doc_width (doc));
  double h = _gr_doc_layout_height (layout);

  _gr_doc_need (doc, h + 60);
  doc->y += size * 0.5;
  _gr_doc_show (doc, layout, MARGIN, doc->y, (const double[]){ 0.05, 0.3, 0.15 });
  doc->y += h + size * 0.4;
}

void
_gr_doc_paragraph (Doc *doc, const char *text, double size)
{
  g_autoptr (PangoLayout) layout = _gr_doc_layout (doc, text, size, FALSE, _gr_doc_width (doc));
  double h = _gr_doc_layout_height (layout);

  _gr_doc_need (doc, h);
  _gr_doc_show (doc, layout, MARGIN, doc->y, NULL);
  doc->y += h + size * 0.5;
}

/* ---- figures -------------------------------------------------------------- */

char *
_gr_report_number (double value, const char *unit)
{
  if (!isfinite (value))
    return g_strdup ("–");
  return unit != NULL ? g_strdup_printf ("%.2f %s", value, unit) : g_strdup_printf ("%.2f", value);
}

double
_gr_report_share (GrAmount part, GrAmount whole)
{
  return whole.area_m2 > 0 ? 100 * part.area_m2 / whole.area_m2 : NAN;
}
