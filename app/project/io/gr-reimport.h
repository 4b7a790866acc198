/* gr-reimport.h — next year's delivery into the same project */
#pragma once

#include "gr-project.h"

#include <gio/gio.h>

G_BEGIN_DECLS

GrProject *
gr_project_reimport (const char *path, GCancellable *cancellable, GPtrArray *notes, GError **error);
void       gr_project_reimport_async (const char         *path,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data);
GrProject *gr_project_reimport_finish (GAsyncResult *result, GPtrArray **notes, GError **error);

G_END_DECLS
