/* gr-cli-indicators.h — greenreach-cli indicators */
#pragma once

int gr_cli_indicators (int    argc,
                       char **argv);
int gr_cli_targets    (int    argc,
                       char **argv);
