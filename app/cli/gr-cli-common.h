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

/* The help of every command's --targets option; the string lives in
 * gr-cli-common.c, where xgettext sees it. */
extern const char gr_cli_targets_help[];
#define GR_CLI_TARGETS_HELP gr_cli_targets_help

int      gr_cli_fail       (int         status,
                            const char *message);
gboolean gr_cli_parse_mode (const char *mode,
                            gboolean   *walking,
                            GError    **error);

G_END_DECLS
