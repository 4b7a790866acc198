/* gr-preferences.h — the preferences window */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWindow *gr_preferences_new (GtkWindow *parent);

G_END_DECLS
