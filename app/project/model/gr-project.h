/* gr-project.h — a city's layers in one analysis CRS, and its project file */
#pragma once

#include "gr-analysis.h"
#include "gr-gdal.h"

G_BEGIN_DECLS

#define GR_PROJECT_ERROR (gr_project_error_quark ())

typedef enum
{
  GR_PROJECT_ERROR_OPEN,     /* unreadable or unknown file */
  GR_PROJECT_ERROR_CRS,      /* missing, unknown or unusable CRS */
  GR_PROJECT_ERROR_EMPTY,    /* a layer without usable features */
  GR_PROJECT_ERROR_ROLE,     /* a role that does not fit the data */
  GR_PROJECT_ERROR_FORMAT,   /* not a Greenreach project, or a damaged one */
  GR_PROJECT_ERROR_WRITE,
  GR_PROJECT_ERROR_INVALID,  /* bad option value */
} GrProjectError;

GQuark gr_project_error_quark (void);

typedef enum
{
  GR_ROLE_GREEN,
  GR_ROLE_PARK,
  GR_ROLE_RESIDENTIAL,
  GR_ROLE_POPULATION,
  GR_ROLE_WALK,
  GR_ROLE_GREENWAY,
  GR_ROLE_CORRIDOR,
  GR_ROLE_WATER,
  GR_ROLE_ZONES,
  GR_ROLE_BUILDINGS,
  GR_ROLE_NURSERY,
  GR_ROLE_BUILTUP,
  GR_ROLE_SITES,
  GR_ROLE_ENTRANCES,
  GR_N_ROLES
} GrRole;

typedef enum
{
  GR_SHAPE_AREA,
  GR_SHAPE_LINE,
  GR_SHAPE_POINT,
  GR_SHAPE_AREA_OR_POINT,
} GrShape;

typedef struct
{
  OGRGeometryH geometry; /* analysis CRS */
  char        *name;
  char        *kind;     /* class: an OSM tag or the source's class field */
  double       value;    /* residents, for the population role; else NAN */
  gboolean     historic;
} GrFeature;

typedef struct
{
  GrRole     role;
  char      *sources; /* where the features came from, for the record */
  GPtrArray *features; /* GrFeature */
} GrLayer;

typedef struct
{
  char            *crs_name;
  char            *crs_wkt;
  int              epsg;
  GrLayer         *layers[GR_N_ROLES]; /* NULL where absent */
  GrServiceRules  *rules;
  guint            repaired;           /* invalid geometries made valid */
  GPtrArray       *warnings;           /* import notes for the user, not saved */
  double           extent[4];          /* analysis CRS */
} GrProject;

const char *gr_role_to_string   (GrRole role);
gboolean    gr_role_from_string (const char *text,
                                 GrRole     *role);
GrShape     gr_role_get_shape   (GrRole role);
const char *gr_role_get_label   (GrRole role);
gboolean    gr_role_guess_from_name (const char *name,
                                     GrRole     *role);
gboolean    gr_text_has_word    (const char *text,
                                 const char *words);

GrProject  *gr_project_new      (void);
void        gr_project_free     (GrProject *project);
GrLayer    *gr_project_ensure_layer (GrProject *project,
                                     GrRole     role);
void        gr_project_update_extent (GrProject *project);
void        gr_layer_get_bounds      (const GrLayer *layer,
                                      double         bounds[4]);

gboolean    gr_project_save     (GrProject  *project,
                                 const char *path,
                                 GError    **error);
GrProject  *gr_project_load     (const char *path,
                                 GError    **error);
gboolean    gr_project_file_is_project (const char *path);

GrFeature  *gr_feature_new      (OGRGeometryH geometry);
void        gr_feature_free     (GrFeature *feature);

GrPolygon  *gr_polygon_new_from_ogr (OGRGeometryH geometry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrProject, gr_project_free)

G_END_DECLS
