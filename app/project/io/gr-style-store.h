/* gr-style-store.h — how the project's layers are drawn, kept in its file */
#pragma once

#include "gr-map-style.h"

G_BEGIN_DECLS

gboolean gr_project_style_load (const char *path, GrMapStyle *style, GError **error);
gboolean gr_project_style_save (const char *path, const GrMapStyle *style, GError **error);

G_END_DECLS
