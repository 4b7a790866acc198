/* gr-reimport.h — next year's delivery into the same project */
#pragma once

#include "gr-project.h"

#include <gio/gio.h>

G_BEGIN_DECLS

GrProject *
gr_project_reimport (const char *path, GCancellable *cancellable, GPtrArray *notes, GError **error);

G_END_DECLS
