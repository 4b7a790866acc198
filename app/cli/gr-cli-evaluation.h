/* gr-cli-evaluation.h — what analyze prints: an evaluation as JSON or as a readable table */
#pragma once

#include <json-glib/json-glib.h>

#include "gr-evaluate.h"

G_BEGIN_DECLS

typedef struct
{
  GrProject        *project;
  const GrCriteria *criteria;
  gboolean          exact;
  GrEvaluation     *evaluation;
  const char       *scenario; /* NULL: the project's own data */
} GrCliEvaluation;

char *gr_cli_evaluation_to_json (const GrCliEvaluation *ev);
void  gr_cli_json_add_number (JsonBuilder *b, const char *name, double value);
void  gr_cli_evaluation_add_summary (JsonBuilder *b, const GrCliEvaluation *ev, const GrSummary *s);
char *gr_cli_evaluation_to_table (const GrCliEvaluation *ev);

G_END_DECLS
