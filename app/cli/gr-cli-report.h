/* gr-cli-report.h — an evaluation as JSON or as a readable table */
#pragma once

#include "gr-evaluate.h"

G_BEGIN_DECLS

typedef struct
{
  GrProject        *project;
  const GrCriteria *criteria;
  gboolean          exact;
  GrEvaluation     *evaluation;
  const char       *scenario; /* NULL: the project's own data */
} GrCliReport;

char *gr_cli_report_to_json  (const GrCliReport *report);
char *gr_cli_report_to_table (const GrCliReport *report);

G_END_DECLS
