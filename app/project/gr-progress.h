/* gr-progress.h — how long work says how far it has got */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* @fraction is 0–1 of the whole work, never decreasing; @what says what
 * is being done, for a progress bar's text. */
typedef void (*GrProgressFunc) (double fraction, const char *what, gpointer user_data);

void gr_progress_relay (GTask         *task,
                        GrProgressFunc progress,
                        gpointer       user_data,
                        double         fraction,
                        const char    *what);

G_END_DECLS
