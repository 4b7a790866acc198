/* gr-preferences.h — the preferences window */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GR_TYPE_PREFERENCES (gr_preferences_get_type ())
G_DECLARE_FINAL_TYPE (GrPreferences, gr_preferences, GR, PREFERENCES, AdwPreferencesWindow)

GtkWindow *gr_preferences_new (GtkWindow *parent);

G_END_DECLS
