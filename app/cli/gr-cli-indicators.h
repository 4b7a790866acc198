/* gr-cli-indicators.h — greenreach-cli indicators */
#pragma once

int gr_cli_indicators (int    argc,
                       char **argv);
