/* gr-runtime.h — where the program finds its translations and data */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  gr_runtime_init_i18n (void);
char *gr_runtime_data_path (const char *relative);

G_END_DECLS
