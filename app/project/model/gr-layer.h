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
  char        *kind;  /* class: an OSM tag or the source's class field */
  double       value; /* residents, for the population role; else NAN */
  gboolean     historic;
} GrFeature;

typedef struct
{
  GrRole     role;
  char      *sources;  /* where the features came from, for the record */
  GPtrArray *features; /* GrFeature */
} GrLayer;

void gr_layer_get_bounds (const GrLayer *layer, double bounds[4]);

GrFeature *gr_feature_new (OGRGeometryH geometry);
void       gr_feature_free (GrFeature *feature);

GrPolygon *gr_polygon_new_from_ogr (OGRGeometryH geometry);

G_END_DECLS
