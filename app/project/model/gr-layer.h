/* gr-layer.h — a layer's features, in the project's analysis CRS */
#pragma once

#include "gr-analysis.h"
#include "gr-gdal.h"
#include "gr-role.h"

G_BEGIN_DECLS

typedef struct
{
  OGRGeometryH geometry; /* analysis CRS */
  char        *name;
  char        *kind;     /* class: an OSM tag or the source's class field */
  double       value;    /* residents, for the population role; storeys, for buildings; else NAN */
  double       children; /* population role: residents aged 0–14, else NAN */
  double       elderly;  /* population role: residents aged 60 and over, else NAN */
  gboolean     historic;
  gint64       id;     /* the feature's lasting number in its layer (the project file's fid);
                    * 0 until gr_layer_number_features() gives it one */
  char        *origin; /* where an import took it: “公园.shp#417”, the file's feature 417,
                        * “osm#…”, “table#3”; NULL when drawn or estimated */
} GrFeature;

typedef struct
{
  GrRole       role;
  char        *sources;     /* where the features came from, for the record */
  GPtrArray   *features;    /* GrFeature */
  gint64       last_id;     /* the highest feature number the layer ever gave, deleted ones too */
  OGRGeometryH dissolved;   /* lines: all of them merged (gr_layer_get_dissolved_lines) */
  guint        dissolved_n; /* how many features it was made of */
} GrLayer;

void         gr_layer_get_bounds (const GrLayer *layer, double bounds[4]);
gint64       gr_layer_get_last_id (const GrLayer *layer);
void         gr_layer_number_features (GrLayer *layer, gint64 after);
GHashTable  *gr_layer_index_by_id (const GrLayer *layer);
OGRGeometryH gr_layer_dup_dissolved_lines (GrLayer *layer);

GrFeature *gr_feature_new (OGRGeometryH geometry);
void       gr_feature_free (GrFeature *feature);

GrPolygon *gr_polygon_new_from_ogr (OGRGeometryH geometry);
GrPolygon *gr_polygon_new_from_lines (OGRGeometryH geometry);

G_END_DECLS
