/* gr-window.h — the map window */
#pragma once

#include <adwaita.h>

#include "gr-application.h"
#include "gr-import.h"
#include "gr-session.h"

G_BEGIN_DECLS

#define GR_TYPE_WINDOW (gr_window_get_type ())
G_DECLARE_FINAL_TYPE (GrWindow, gr_window, GR, WINDOW, AdwApplicationWindow)

GrWindow  *gr_window_new (GrApplication *app);
void       gr_window_open (GrWindow *self, const char *path);
void       gr_window_open_chosen (GrWindow *self, const char *path);
void       gr_window_import (GrWindow *self, const GrSource *source);
gboolean   gr_window_drop_file (GrWindow *self, GFile *file);
gboolean   gr_window_get_busy (GrWindow *self);
GrSession *gr_window_get_session (GrWindow *self);

G_END_DECLS
