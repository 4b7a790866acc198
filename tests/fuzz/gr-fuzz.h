/* gr-fuzz.h — what the fuzz targets share: the one-time set-up, the
 * scratch files an input is written to, and opening what was written as
 * the program opens it */
#pragma once

#include "gr-import.h"
#include "gr-session.h"

#include <stdint.h>

G_BEGIN_DECLS

/* libFuzzer's entry points, defined by gr-fuzz.c and each target. */
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

char *gr_fuzz_write (const char *name, const uint8_t *data, size_t size);
void  gr_fuzz_remove (const char *path);
void  gr_fuzz_check_result (gconstpointer result, const GError *error);
void  gr_fuzz_import_as_roles (const char *path, const char *layer);
void  gr_fuzz_open_extract (const char *name, const uint8_t *data, size_t size);

G_END_DECLS
