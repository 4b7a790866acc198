/* gr-osm.h — the built-in mapping from OpenStreetMap tags to roles */
#pragma once

#include "gr-project.h"

G_BEGIN_DECLS

typedef struct
{
  guint    roles; /* bit set of GrRole */
  char    *kind;  /* the deciding tag, "leisure=park" */
  gboolean historic;
  int      admin_level; /* for administrative boundaries, else 0 */
  double   storeys;     /* buildings: building:levels, else height ÷ 3 m; else NAN */
} GrOsmClass;

gboolean gr_osm_classify (const char *layer_name, OGRFeatureH feature, GrOsmClass *out);
void     gr_osm_class_clear (GrOsmClass *klass);
char    *gr_osm_other_tag (const char *other_tags, const char *key);
char    *gr_osm_tag (OGRFeatureH feature, const char *key);
gboolean gr_osm_prefers_chinese (void);

G_END_DECLS
