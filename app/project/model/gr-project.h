/* gr-project.h — a city's layers in one analysis CRS
 *
 * Its project file is gr-project-file.h, which this header brings.
 */
#pragma once

#include "gr-analysis.h"
#include "gr-gdal.h"
#include "gr-layer.h"
#include "gr-role.h"

G_BEGIN_DECLS

#define GR_PROJECT_ERROR (gr_project_error_quark ())

typedef enum
{
  GR_PROJECT_ERROR_OPEN,   /* unreadable or unknown file */
  GR_PROJECT_ERROR_CRS,    /* missing, unknown or unusable CRS */
  GR_PROJECT_ERROR_EMPTY,  /* a layer without usable features */
  GR_PROJECT_ERROR_ROLE,   /* a role that does not fit the data */
  GR_PROJECT_ERROR_FORMAT, /* not a Greenreach project, or a damaged one */
  GR_PROJECT_ERROR_WRITE,
  GR_PROJECT_ERROR_INVALID,   /* bad option value */
  GR_PROJECT_ERROR_READ_ONLY, /* a file that may not be written */
  GR_PROJECT_ERROR_CONFLICT,  /* changed by someone else since it was read */
} GrProjectError;

GQuark gr_project_error_quark (void);

typedef struct
{
  char           *crs_name;
  char           *crs_wkt;
  int             epsg;
  GrLayer        *layers[GR_N_ROLES]; /* NULL where absent */
  GrServiceRules *rules;
  guint           repaired;          /* invalid geometries made valid */
  char           *population_method; /* features, table or raster; NULL: no residents */
  char           *recipe;            /* how the import was made, to make it again (gr-recipe.h) */
  char           *revision;          /* written anew with each save: which save was read */
  GPtrArray      *warnings;          /* import notes for the user, not saved */
  GPtrArray      *landuse;           /* GrLanduseReport: each land-use layer's codes; not saved */
  double          extent[4];         /* analysis CRS */
} GrProject;

GrProject *gr_project_new (void);
void       gr_project_free (GrProject *project);
GrLayer   *gr_project_ensure_layer (GrProject *project, GrRole role);
void       gr_project_update_extent (GrProject *project);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrProject, gr_project_free)

G_END_DECLS

#include "gr-project-file.h"
