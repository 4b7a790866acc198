/* gr-cli-common.h — what every greenreach-cli command shares: exit
 * statuses, error messages, the distance mode, the target-set option */
#pragma once

#include "gr-analysis.h"

G_BEGIN_DECLS

/* Exit status: 0 success, 1 a data or analysis error, 2 a usage error. */
enum
{
  EXIT_OK = 0,
  EXIT_DATA = 1,
  EXIT_USAGE = 2,
};

#define GR_CLI_TARGETS_HELP                                                                                          \
  N_("Target set: yuncheng-2025 (default), yuncheng-2030, datong-2035, gb55014-2021, eco-garden-city, project "     \
     "(the project's own), none")

int      gr_cli_fail       (int         status,
                            const char *message);
gboolean gr_cli_parse_mode (const char *mode,
                            gboolean   *walking,
                            GError    **error);

G_END_DECLS
