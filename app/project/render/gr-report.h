/* gr-report.h — the printed report: maps, indicators against targets,
 * zones, the scenarios compared and their candidate parks, as a PDF */
#pragma once

#include "gr-indicators.h"
#include "gr-progress.h"
#include "gr-render.h"

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  GR_PAPER_A4,
  GR_PAPER_A3,
} GrPaper;

typedef struct
{
  const char        *project;   /* the project file */
  const char *const *scenarios; /* names, %NULL-terminated; nullable: the baseline only */
  GrTargetSet        targets;
  GrPaper            paper;
  gboolean           portrait;
  const GrCriteria  *criteria; /* nullable: the defaults */
  const GrMapStyle  *style;    /* nullable: the default style */
  const char        *basemap;  /* MBTiles file; nullable: no base map */
  /* nullable: an online base map instead, its tile URL templates drawn
   * from the window's tile cache, and its credit */
  const char *const *basemap_urls;
  const char        *basemap_credit;
  /* The part the map pages show, MINX, MINY, MAXX, MAXY in the project's
   * CRS; all 0: the whole residential land. */
  double view[4];
  /* nullable: gets a sentence for each edit of the scenarios that no longer
   * fits the data and was left out (the report lists them too); not for
   * gr_report_write_async() */
  GPtrArray *left_out;
} GrReportOptions;

gboolean gr_paper_from_string (const char *text, GrPaper *paper);
gboolean gr_report_write (const GrReportOptions *options,
                          const char            *output,
                          GrProgressFunc         progress,
                          gpointer               progress_data,
                          GCancellable          *cancellable,
                          GError               **error);
void     gr_report_write_async (const GrReportOptions *options,
                                const char            *output,
                                GrProgressFunc         progress,
                                gpointer               progress_data,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data);
gboolean gr_report_write_finish (GAsyncResult *result, GError **error);
char    *gr_project_attribution (GrProject *project);

G_END_DECLS
