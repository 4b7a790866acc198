/* gr-basemap-data.h — what a base map is drawn from: land use, water,
 * parks, buildings, roads, rail and place names in Web Mercator, read from
 * an OpenStreetMap extract or from a project's own layers
 */
#pragma once

#include "gr-project.h"

#include <gio/gio.h>

G_BEGIN_DECLS

/* Drawn in this order, bottom first. */
typedef enum
{
  GR_BASE_LAND_BUSY,   /* commercial, retail, industrial land */
  GR_BASE_RESIDENTIAL, /* residential land */
  GR_BASE_GREEN,       /* forest, grass, meadow and other green land */
  GR_BASE_PARK,        /* parks and gardens */
  GR_BASE_WATER,       /* lakes, reservoirs, river areas */
  GR_BASE_STREAM,      /* streams and ditches (lines) */
  GR_BASE_RIVER,       /* rivers and canals (lines) */
  GR_BASE_TUNNEL,      /* roads and rail underground: faint, under the rest */
  GR_BASE_BUILDING,
  GR_BASE_PATH, /* footways, paths, steps, cycleways, tracks */
  GR_BASE_MINOR,
  GR_BASE_TERTIARY,
  GR_BASE_SECONDARY,
  GR_BASE_PRIMARY,
  GR_BASE_MAJOR, /* motorways and trunk roads */
  GR_BASE_RAIL,
  GR_BASE_PLACE, /* a named place: a point, drawn as its name alone */
  GR_N_BASE_KINDS
} GrBaseKind;

typedef struct
{
  GrPolygon *shape;     /* Web Mercator, the world as the unit square, y down */
  double     bounds[4]; /* of shape */
  char      *name;      /* the name shown: Chinese first when asked; nullable */
  guint8     kind;      /* GrBaseKind */
  guint8     rank;      /* places: 0 city … 5 hamlet; else 0 */
} GrBaseFeature;

typedef struct _GrBasemapData GrBasemapData;

GrBasemapData *gr_basemap_data_new_from_osm (const char   *path,
                                             gboolean      chinese,
                                             GCancellable *cancellable,
                                             GError      **error);
GrBasemapData *gr_basemap_data_new_from_project (GrProject *project, GError **error);
void           gr_basemap_data_free (GrBasemapData *data);

guint                gr_basemap_data_get_n_features (GrBasemapData *data);
const GrBaseFeature *gr_basemap_data_get_feature (GrBasemapData *data, guint index);
void                 gr_basemap_data_get_bounds (GrBasemapData *data, double bounds[4]);
void gr_basemap_data_query (GrBasemapData *data, const double bounds[4], GArray *indices);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrBasemapData, gr_basemap_data_free)

G_END_DECLS
