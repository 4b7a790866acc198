/* gr-format.h — numbers as the window and the report print them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *gr_format_number (double value, int decimals);
char *gr_format_area (double m2);
char *gr_format_change (double delta, int decimals, const char *unit);
void  gr_format_pad (GString *out, const char *text, int width);
int   gr_format_width (const char *text);

G_END_DECLS
