/* gr-report-private.h — what the report's files share: the options
 * compared, the document being drawn and its page primitives */
#pragma once

#include "gr-report.h"

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* ISO 216 sizes in PostScript points (1/72 in). */
#define MM      (72.0 / 25.4)
#define MARGIN  (16 * MM)
#define BODY_PT 9.5

typedef struct
{
  char         *name;    /* "Baseline" or the scenario's */
  GrProject    *project; /* the edited project (the baseline's own for it) */
  GrAnalysis   *analysis;
  GrMarks      *marks; /* its edits, over the baseline's layers */
  GrIndicators  city;
  GrIndicators *zones;      /* n_zones */
  GPtrArray    *candidates; /* GrFeature, borrowed from project */
  GPtrArray    *left_out;   /* the scenario's edits that no longer fit the data, or NULL */
  GPtrArray    *suggested;  /* GrFeature, borrowed from project: parks site suggestion placed */
  GArray       *shares;     /* GrSuggestGain: what each of them serves on its own */
} Option;

typedef struct
{
  cairo_t    *cr;
  double      width, height; /* page, points */
  double      y;             /* where the next block starts */
  int         page;
  char       *running; /* the running head */
  const char *date;
  double      column; /* text set this wide; 0: the width between the margins */
} Doc;

/* How a table cell's figure reads against its target. */
enum
{
  TONE_PLAIN,
  TONE_GOOD,
  TONE_BAD,
};

PangoLayout *_gr_doc_layout (Doc *doc, const char *text, double size, gboolean bold, double width);
double       _gr_doc_layout_height (PangoLayout *layout);
void         _gr_doc_show (Doc *doc, PangoLayout *layout, double x, double y, const double rgb[3]);
double       _gr_doc_width (Doc *doc);
double       _gr_doc_bottom (Doc *doc);
void         _gr_doc_new_page (Doc *doc);
void         _gr_doc_need (Doc *doc, double needed);
void         _gr_doc_heading (Doc *doc, const char *text, double size);
void         _gr_doc_paragraph (Doc *doc, const char *text, double size);
char        *_gr_report_number (double value, const char *unit);
double       _gr_report_share (GrAmount part, GrAmount whole);

void _gr_report_cover (Doc                   *doc,
                       const GrReportOptions *o,
                       GrProject             *baseline,
                       GPtrArray             *options,
                       const GrCriteria      *criteria,
                       const GrMapRender     *frame);
void _gr_report_map_page (Doc *doc, Option *opt, const GrMapRender *frame);
void _gr_report_candidate_page (Doc               *doc,
                                Option            *opt,
                                Option            *baseline,
                                const GrCriteria  *criteria,
                                const GrMapRender *frame);

G_END_DECLS
