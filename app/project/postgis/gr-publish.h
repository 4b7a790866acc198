/* gr-publish.h — a project's results written to a PostGIS schema, for the
 * "一张图" systems and QGIS: blind spots as polygons, coverage and
 * indicators per zone against targets, candidate parks and suggested sites
 * of each scenario, and what run they came from; each publish replaces
 * the last in one transaction
 */
#pragma once

#include "gr-indicators.h"
#include "gr-progress.h"

G_BEGIN_DECLS

#define GR_PUBLISH_DEFAULT_SCHEMA "greenreach"

typedef struct
{
  const char        *project;   /* the project file */
  const char *const *scenarios; /* names, %NULL-terminated; nullable: the baseline only */
  GrTargetSet        targets;
  const GrCriteria  *criteria; /* nullable: the defaults */
  const char        *schema;   /* nullable: GR_PUBLISH_DEFAULT_SCHEMA */
  GPtrArray         *left_out; /* nullable: gets a sentence per scenario edit left out */
} GrPublishOptions;

typedef struct
{
  guint regions;    /* coverage polygons */
  guint zones;      /* zone rows, the city's among them */
  guint indicators; /* indicator rows */
  guint candidates; /* candidate parks */
  guint suggested;  /* suggested sites */
} GrPublishCounts;

gboolean gr_publish (const GrPublishOptions *options,
                     const char             *connection,
                     GrPublishCounts        *counts,
                     GrProgressFunc          progress,
                     gpointer                progress_data,
                     GError                **error);

G_END_DECLS
