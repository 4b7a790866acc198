/* gr-enum.h — the keys of the project's enums, as written to files and typed on the command line */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const char *gr_enum_get_nick (GType type, int value);
gboolean    gr_enum_from_nick (GType type, const char *nick, int *value);

G_END_DECLS
