/* gr-cli-commands.h — the greenreach-cli commands, one file each: each
 * takes the command's own argv (argv[0] is the command's name) and
 * returns the exit status
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int gr_cli_import (int argc, char **argv);
int gr_cli_reimport (int argc, char **argv);
int gr_cli_analyze (int argc, char **argv);
int gr_cli_indicators (int argc, char **argv);
int gr_cli_targets (int argc, char **argv);
int gr_cli_scenario (int argc, char **argv);
int gr_cli_render (int argc, char **argv);
int gr_cli_report (int argc, char **argv);
int gr_cli_suggest (int argc, char **argv);
int gr_cli_basemap (int argc, char **argv);
int gr_cli_publish (int argc, char **argv);
int gr_cli_copy (int argc, char **argv);

G_END_DECLS
