/* gr-cli-open.h — what a command works on: a project file with one of its
 * scenarios applied or not, or sources imported on the fly; and its
 * analysis
 */
#pragma once

#include "gr-cli-common.h"
#include "gr-evaluate.h"
#include "gr-scenario-store.h"

G_BEGIN_DECLS

typedef struct
{
  GrProject  *baseline; /* the project file's own data, or the sources imported */
  GrScenario *scenario; /* the one asked for, or NULL */
  GrProject  *project;  /* what is analysed: the baseline, or a copy with the
                         * scenario's edits in force */
  GrAnalysis *analysis; /* NULL unless criteria were given */
} GrCliInput;

gboolean gr_cli_sources_check (char *const *args, const GrCliImportOptions *import, GError **error);
GrProject *
gr_cli_sources_import (char *const *args, const GrCliImportOptions *import, GError **error);

gboolean gr_cli_input_open (GrCliInput               *input,
                            char *const              *args,
                            const char               *scenario,
                            const GrCliImportOptions *import,
                            const GrCriteria         *criteria,
                            GError                  **error);
void     gr_cli_input_clear (GrCliInput *input);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GrCliInput, gr_cli_input_clear)

G_END_DECLS
