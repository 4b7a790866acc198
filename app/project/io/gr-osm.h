/* gr-osm.h — the built-in mapping from OpenStreetMap tags to roles */
#pragma once

#include "gr-project.h"

G_BEGIN_DECLS

/* Why a line is a greenway (README.md, "Greenways from OpenStreetMap"). */
typedef enum
{
  GR_OSM_GREENWAY_NO,
  GR_OSM_GREENWAY_ROUTE,    /* a route of its own: named 绿道/greenway, or a walking, hiking
                             * or cycling route relation of a local or regional network */
  GR_OSM_GREENWAY_IF_APART, /* a cycleway or a path for bicycles: a greenway where it runs
                             * apart from motor roads */
} GrOsmGreenway;

/* A cycleway with at least half its length this near a motor road is a
 * track beside the road, not a greenway. */
#define GR_OSM_ROADSIDE_M 15.0
/* A route relation is a city greenway where it runs through town: within
 * this distance of residential land. Beyond, it is a country trail. */
#define GR_OSM_ROUTE_TOWN_M 300.0

typedef struct
{
  guint         roles; /* bit set of GrRole */
  char         *kind;  /* the deciding tag, "leisure=park" */
  gboolean      historic;
  int           admin_level; /* for administrative boundaries, else 0 */
  double        storeys;     /* buildings: building:levels, else height ÷ 3 m; else NAN */
  GrOsmGreenway greenway;
  gboolean      motor_road; /* a road for motor traffic, for telling cycle tracks beside it */
} GrOsmClass;

gboolean gr_osm_classify (const char *layer_name, OGRFeatureH feature, GrOsmClass *out);
void     gr_osm_class_clear (GrOsmClass *klass);
char    *gr_osm_other_tag (const char *other_tags, const char *key);
char    *gr_osm_tag (OGRFeatureH feature, const char *key);
gboolean gr_osm_prefers_chinese (void);

G_END_DECLS
