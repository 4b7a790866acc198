/* gr-cli-render.h — greenreach-cli render and report */
#pragma once

int gr_cli_render (int    argc,
                   char **argv);
int gr_cli_report (int    argc,
                   char **argv);
