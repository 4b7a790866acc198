/* gr-project-copy.h — a project copied whole, between a file and a
 * database: layers, roles, rules, recipe, scenarios with their history,
 * targets and layer styles
 */
#pragma once

#include "gr-project.h"

G_BEGIN_DECLS

typedef enum
{
  GR_PROJECT_COPY_NONE = 0,
  GR_PROJECT_COPY_REPLACE = 1 << 0, /* write over a project already at the destination */
} GrProjectCopyFlags;

gboolean gr_project_copy (const char        *from,
                          const char        *to,
                          GrProjectCopyFlags flags,
                          GPtrArray         *left_out,
                          GError           **error);

G_END_DECLS
