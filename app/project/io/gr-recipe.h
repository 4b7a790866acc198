/* gr-recipe.h — how an import was made, kept in the project to make it again
 *
 * The files, their layers and roles, the land-use code table and field,
 * the population join, the CRS and the encoding: next year's delivery,
 * put where this year's was, is imported again with one command
 * (greenreach-cli reimport) without losing the scenarios.
 */
#pragma once

#include "gr-import.h"

G_BEGIN_DECLS

typedef struct
{
  char           *osm;     /* an OSM extract, or NULL */
  GPtrArray      *sources; /* GrSource */
  GrImportOptions options; /* its strings are the recipe's own */
  /* private */
  GPtrArray *strings;
  GStrv      code_roles;
} GrRecipe;

char     *gr_recipe_to_text (const char *osm, GPtrArray *sources, const GrImportOptions *options);
GrRecipe *gr_recipe_parse (const char *text, GError **error);
char     *gr_recipe_merge (const char *base, const char *added, const gboolean add[GR_N_ROLES]);
void      gr_recipe_free (GrRecipe *recipe);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrRecipe, gr_recipe_free)

G_END_DECLS
