/* gr-import.h — any GDAL vector source (or an OSM extract) into a project */
#pragma once

#include "gr-project.h"

#include <gio/gio.h>

G_BEGIN_DECLS

/* GrSource.crs: the file's own CRS, whatever the options' source_crs. */
#define GR_SOURCE_CRS_OWN "own"

typedef struct
{
  GrRole   role;
  char    *path;    /* a file, or a connection string such as PG:… */
  char    *label;   /* what messages name it by: @path without a password;
                     * NULL: set by gr_source_set_path() */
  char    *layer;   /* NULL: the source's only layer */
  gboolean add;     /* over a project: added to its layer of the role, not replacing it */
  gboolean landuse; /* a land-use layer: each feature to the role its code means */
  char    *crs;     /* its coordinates' CRS over the file's and the options' (EPSG:N, GCJ-02,
                     * BD-09…, or GR_SOURCE_CRS_OWN); NULL: the options' source_crs, else
                     * the file's */
} GrSource;

typedef struct
{
  const char *crs;              /* analysis CRS; NULL picks one */
  const char *source_crs;       /* for sources without one */
  const char *encoding;         /* attribute encoding; NULL detects */
  const char *population_field; /* NULL: a field named like population */
  const char *zone_field;       /* NULL: name */
  /* Residents per zone from a table (CSV, XLSX, ODS), joined by name: */
  const char *population_table;
  const char *population_join; /* ZONEFIELD[=TABLEFIELD]; NULL: the zones' names */
  /* Residents from buildings (gr-population.h); 0 takes the default: */
  double   floor_area_per_resident;
  double   default_storeys;
  gboolean no_estimate; /* no estimate from buildings when nothing gives residents */
  /* Land-use layers (landuse=PATH): */
  const char        *code_field; /* NULL finds DLBM, YDDM, 用地代码… */
  const char        *code_table; /* a table's id or file; NULL recognises it */
  const char *const *code_roles; /* CODE=ROLE overrides of the table */
  gboolean           strict;     /* a code the table lacks is an error */
  /* OpenStreetMap: every cycleway is a greenway, beside a road or not
   * (README.md, "Greenways from OpenStreetMap"): */
  gboolean      all_cycleways;
  GCancellable *cancellable;
  /* Layers imported over a project: its extent (analysis CRS), which they
   * must lie near, and its name for the message; NULL: none. */
  const double *near_extent;
  const char   *near_name;
} GrImportOptions;

GrSource *gr_source_parse (const char *spec, GError **error);
GrSource *gr_source_copy (const GrSource *source);
void      gr_source_set_path (GrSource *source, const char *path);
char     *gr_source_get_short_name (const GrSource *source);
void      gr_source_free (GrSource *source);
gboolean  gr_source_count (const GrSource *source, guint *n_features, GError **error);

gboolean gr_path_is_osm (const char *path);

GrProject *gr_project_import (const char            *osm_path,
                              GPtrArray             *sources,
                              const GrImportOptions *options,
                              GError               **error);

char *gr_text_to_utf8 (const char *raw, const char *encoding);
char *gr_shapefile_encoding (const char *path);
int   gr_find_code_field (OGRFeatureDefnH defn);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrSource, gr_source_free)

G_END_DECLS
