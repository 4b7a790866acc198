/* gr-targets-store.h — the project's own targets, stored in its file */
#pragma once

#include "gr-indicator-table.h"

G_BEGIN_DECLS

gboolean
gr_project_targets_load (const char *path, GrTarget targets[GR_N_INDICATORS], GError **error);
gboolean gr_project_targets_set (const char   *path,
                                 GrIndicatorId id,
                                 double        value,
                                 gboolean      strict,
                                 GError      **error);

G_END_DECLS
