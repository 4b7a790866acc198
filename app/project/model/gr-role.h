/* gr-role.h — what a layer stands for in the analysis */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GR_ROLE_GREEN /*< nick=green >*/,
  GR_ROLE_PARK /*< nick=park >*/,
  GR_ROLE_RESIDENTIAL /*< nick=residential >*/,
  GR_ROLE_POPULATION /*< nick=population >*/,
  GR_ROLE_WALK /*< nick=walk >*/,
  GR_ROLE_GREENWAY /*< nick=greenway >*/,
  GR_ROLE_CORRIDOR /*< nick=corridor >*/,
  GR_ROLE_WATER /*< nick=water >*/,
  GR_ROLE_ZONES /*< nick=zones >*/,
  GR_ROLE_BUILDINGS /*< nick=buildings >*/,
  GR_ROLE_NURSERY /*< nick=nursery >*/,
  GR_ROLE_BUILTUP /*< nick=builtup >*/,
  GR_ROLE_SITES /*< nick=sites >*/,
  GR_ROLE_ENTRANCES /*< nick=entrances >*/,
  GR_ROLE_TREES /*< nick=trees >*/,             /* tree canopy (areas) or street trees (points) */
  GR_ROLE_LIFECIRCLES /*< nick=lifecircles >*/, /* GB 50180-2018 life circles */
  GR_N_ROLES                                    /*< skip >*/
} GrRole;

typedef enum
{
  GR_SHAPE_AREA,
  GR_SHAPE_LINE,
  GR_SHAPE_POINT,
  GR_SHAPE_AREA_OR_POINT,
} GrShape;

const char *gr_role_to_string (GrRole role);
const char *gr_role_guess_key (const char *text);
gboolean    gr_role_from_string (const char *text, GrRole *role);
GrShape     gr_role_get_shape (GrRole role);
const char *gr_role_get_label (GrRole role);
gboolean    gr_role_guess_from_name (const char *name, GrRole *role);
gboolean    gr_text_has_word (const char *text, const char *words);

G_END_DECLS
