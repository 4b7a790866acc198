/* gr-prepared-import.h — OpenStreetMap extracts imported when the program
 * was built */
#pragma once

#include "gr-import.h"

G_BEGIN_DECLS

char      *gr_prepared_import_name (const char *extract, GError **error);
char      *gr_prepared_import_find (const char *extract);
GrProject *gr_prepared_import_load (const char *extract, const GrImportOptions *options);

G_END_DECLS
