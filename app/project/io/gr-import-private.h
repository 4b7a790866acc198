/* gr-import-private.h — what the importer's files share: the features
 * read from a source, before they are placed in the analysis CRS */
#pragma once

#include "gr-code-table.h"
#include "gr-import.h"
#include "gr-offset.h"

G_BEGIN_DECLS

/* A single feature with more residents than any city district is a data
 * error (a wrong field or unit), not a population. */
#define MAX_FEATURE_POPULATION 1.0e8

typedef struct
{
  GrRole     role;
  GrFeature *feature;     /* geometry in the batch's source CRS */
  int        admin_level; /* OSM zones only */
  GIntBig    fid;         /* in its source: the OSM id, the shapefile's record */
  guint      code;        /* land-use layers: its line in the batch's report */
  gboolean   roadside;    /* an OSM cycleway: a greenway only where it runs apart from roads */
  gboolean   route;       /* an OSM route relation: a greenway where it runs through town */
} Pending;

typedef struct
{
  char                *path;
  OGRSpatialReferenceH srs;
  GArray              *items; /* Pending */
  guint                skipped;
  gboolean             osm;
  GrRole               role;   /* for a single-role source */
  GrOffset             offset; /* GCJ-02, BD-09: shifted to WGS 84 as read */
  GrLanduseReport     *report; /* a land-use layer's codes (the project's) */
  char                *key;    /* its features' origin: 公园.shp, city.gpkg:parks, osm, table */
  gboolean             add;    /* its roles follow an OSM extract's features, not replace them */
  GPtrArray           *motor_roads; /* OSM: the motor roads' lines (OGRGeometryH), source CRS */
  guint                bad_ages; /* population features whose age groups exceed their residents */
  OGREnvelope          placed;   /* its features' box in the analysis CRS, once placed */
  gboolean             any_placed;
  gboolean             residential; /* it gave residential land */
} Batch;

typedef struct
{
  const GrImportOptions *options;
  GPtrArray             *batches;
  GrProject             *project;
  guint                  given_roles; /* bits of the roles a source of their own gives */
  GPtrArray             *code_tables; /* GrCodeTable, loaded for the first land-use layer */
} Import;

typedef struct
{
  int   name, kind, value, historic;
  int   levels, height;    /* buildings */
  int   children, elderly; /* population: 0–14, 60 and over */
  char *encoding;
} Fields;

const char *_gr_import_shape_noun (GrShape shape);

/* gr-import-landuse.c: land-use code fields and layers sorted by code */
gboolean _gr_import_code_field (const GrSource        *source,
                                const GrImportOptions *o,
                                OGRFeatureDefnH        defn,
                                Fields                *fields,
                                GError               **error);
void     _gr_import_warn_mixed_codes (Import         *import,
                                      const GrSource *source,
                                      OGRLayerH       layer,
                                      Batch          *batch,
                                      int             kind);
gboolean _gr_import_sort_by_codes (Import         *import,
                                   const GrSource *source,
                                   Batch          *batch,
                                   const char     *field,
                                   GError        **error);

/* gr-import-place.c: the analysis CRS, reprojection, repair, residents */
gboolean _gr_import_finish (Import *import, GError **error);

G_END_DECLS
