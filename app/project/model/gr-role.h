/* gr-role.h — what a layer stands for in the analysis */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

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

const char *gr_role_to_string   (GrRole role);
gboolean    gr_role_from_string (const char *text,
                                 GrRole     *role);
GrShape     gr_role_get_shape   (GrRole role);
const char *gr_role_get_label   (GrRole role);
gboolean    gr_role_guess_from_name (const char *name,
                                     GrRole     *role);
gboolean    gr_text_has_word    (const char *text,
                                 const char *words);

G_END_DECLS
