/* gr-cli-scenario.h — greenreach-cli scenario: what-if edits from scripts */
#pragma once

#include "gr-scenario-store.h"

G_BEGIN_DECLS

int         gr_cli_scenario       (int    argc,
                                   char **argv);
GrProject  *gr_cli_load_scenario  (const char *path,
                                   const char *name,
                                   GError    **error);

G_END_DECLS
