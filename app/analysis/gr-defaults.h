/* gr-defaults.h — the park-city criteria's defaults, in one place
 *
 * "300 m to green, 500 m to a park" (300米见绿、500米见园). No official
 * minimum size exists for either; the defaults are the pocket-park floor
 * of the national pocket-park guideline, 400 m², and 1 ha for a park (see
 * HACKING.md, "The standards the code cites").
 *
 * gr_criteria_init_default() uses them; the GSettings schema
 * (resources/cn.greenreach.Greenreach.gschema.xml) and the CLI's --help
 * repeat them as text, and tests/analysis/test-defaults.c checks that
 * they agree.
 */
#pragma once

#define GR_DEFAULT_GREEN_RADIUS   300.0   /* metres */
#define GR_DEFAULT_PARK_RADIUS    500.0   /* metres */
#define GR_DEFAULT_GREEN_MIN_AREA 400.0   /* m² */
#define GR_DEFAULT_PARK_MIN_AREA  10000.0 /* m² */

/* 城市绿道服务半径覆盖率 (城市体检 2021 indicator set): homes within 1 km
 * of a greenway. */
#define GR_GREENWAY_REACH 1000.0 /* metres */
