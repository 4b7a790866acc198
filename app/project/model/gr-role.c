/* gr-role.c — what a layer stands for in the analysis: its key, shape and
 * name, and how it is recognised from a file's name
 */
#include "config.h"

#include "gr-role.h"

#include "gr-enum.h"
#include "gr-project-enums.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The keys are the enum's nicks (gr-role.h). */
typedef struct
{
  GrShape     shape;
  const char *label;
} RoleInfo;

static const RoleInfo roles[GR_N_ROLES] = {
  [GR_ROLE_GREEN] = { GR_SHAPE_AREA, N_ ("green space") },
  [GR_ROLE_PARK] = { GR_SHAPE_AREA, N_ ("parks") },
  [GR_ROLE_RESIDENTIAL] = { GR_SHAPE_AREA, N_ ("residential land") },
  [GR_ROLE_POPULATION] = { GR_SHAPE_AREA_OR_POINT, N_ ("population") },
  [GR_ROLE_WALK] = { GR_SHAPE_LINE, N_ ("walking network") },
  [GR_ROLE_GREENWAY] = { GR_SHAPE_LINE, N_ ("greenways") },
  [GR_ROLE_CORRIDOR] = { GR_SHAPE_AREA, N_ ("ecological corridors") },
  [GR_ROLE_WATER] = { GR_SHAPE_AREA, N_ ("water") },
  [GR_ROLE_ZONES] = { GR_SHAPE_AREA, N_ ("zones") },
  [GR_ROLE_BUILDINGS] = { GR_SHAPE_AREA, N_ ("buildings") },
  [GR_ROLE_NURSERY] = { GR_SHAPE_AREA, N_ ("nursery land") },
  [GR_ROLE_BUILTUP] = { GR_SHAPE_AREA, N_ ("built-up area") },
  [GR_ROLE_SITES] = { GR_SHAPE_AREA_OR_POINT, N_ ("candidate sites") },
  [GR_ROLE_ENTRANCES] = { GR_SHAPE_POINT, N_ ("park entrances") },
  [GR_ROLE_TREES] = { GR_SHAPE_AREA_OR_POINT, N_ ("trees") },
  [GR_ROLE_LIFECIRCLES] = { GR_SHAPE_AREA, N_ ("life circles") },
};

const char *
gr_role_to_string (GrRole role)
{
  g_return_val_if_fail (role < GR_N_ROLES, NULL);
  return gr_enum_get_nick (GR_TYPE_ROLE, role);
}

gboolean
gr_role_from_string (const char *text, GrRole *role)
{
  g_autofree char *key = text != NULL ? g_ascii_strdown (text, -1) : NULL;
  int              value;

  /* Keys are read in any case: "Park" and "PARK" are parks. */
  if (!gr_enum_from_nick (GR_TYPE_ROLE, key, &value))
    return FALSE;
  *role = value;
  return TRUE;
}

/* Edits (insertions, deletions, substitutions) from @a to @b, for short
 * keys. */
static guint
edit_distance (const char *a, const char *b)
{
  guint la = strlen (a), lb = strlen (b);
  guint row[32];

  if (la >= G_N_ELEMENTS (row) || lb >= G_N_ELEMENTS (row))
    return G_MAXUINT;
  for (guint j = 0; j <= lb; j++)
    row[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (guint j = 1; j <= lb; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1),
                        diagonal + (g_ascii_tolower (a[i - 1]) != b[j - 1]));
          diagonal = above;
        }
    }
  return row[lb];
}

/**
 * gr_role_guess_key:
 *
 * Returns: (nullable): the role key (or "landuse") @text is a slip of —
 *   "parks" for "park", "residental" for "residential" — or %NULL
 */
const char *
gr_role_guess_key (const char *text)
{
  const char *best = NULL;
  guint       best_distance;

  if (text == NULL || strlen (text) < 3)
    return NULL;
  /* One slip in a short word, two in a longer: "path" is no "park". */
  best_distance = strlen (text) <= 6 ? 2 : 3;
  for (guint r = 0; r <= GR_N_ROLES; r++)
    {
      const char *key = r < GR_N_ROLES ? gr_role_to_string (r) : "landuse";
      guint       d = key != NULL ? edit_distance (text, key) : G_MAXUINT;

      if (d < best_distance)
        best = key, best_distance = d;
    }
  return best;
}

GrShape
gr_role_get_shape (GrRole role)
{
  g_return_val_if_fail (role < GR_N_ROLES, GR_SHAPE_AREA);
  return roles[role].shape;
}

const char *
gr_role_get_label (GrRole role)
{
  g_return_val_if_fail (role < GR_N_ROLES, NULL);
  return _ (roles[role].label);
}

/**
 * gr_role_guess_from_name:
 * @name: a file or layer name, in English, Chinese or pinyin
 *
 * The role a bureau's file name most likely means (绿地.shp, parks.gpkg,
 * juzhu_yongdi.shp…), to preselect in the import dialog. Specific words
 * are tried before general ones: 公园绿地 is a park layer, 绿道 a greenway.
 *
 * Returns: %TRUE with @role set when a word matched.
 */
gboolean
gr_role_guess_from_name (const char *name, GrRole *role)
{
  static const struct
  {
    GrRole      role;
    const char *words;
  } table[] = {
    { GR_ROLE_GREENWAY, "greenway|绿道|lvdao" },
    { GR_ROLE_LIFECIRCLES, "lifecircle|life_circle|life-circle|生活圈|shenghuoquan" },
    /* "trees", "tree_", "_tree": not the "tree" inside "street". */
    { GR_ROLE_TREES, "trees|tree_|_tree|canopy|行道树|树冠|乔木|shumu|xingdaoshu" },
    { GR_ROLE_CORRIDOR, "corridor|廊道|langdao" },
    { GR_ROLE_NURSERY, "nursery|苗圃|miaopu" },
    { GR_ROLE_ENTRANCES, "entrance|gate|出入口|入口" },
    { GR_ROLE_SITES, "candidate|site|候选|选址" },
    { GR_ROLE_POPULATION, "population|pop|人口|renkou|worldpop" },
    { GR_ROLE_RESIDENTIAL, "residential|housing|居住|住宅|juzhu|zhuzhai" },
    { GR_ROLE_BUILDINGS, "building|建筑|jianzhu" },
    { GR_ROLE_BUILTUP, "builtup|built_up|built-up|建成区|jianchengqu" },
    { GR_ROLE_PARK, "park|公园|gongyuan" },
    { GR_ROLE_GREEN, "green|绿地|lvdi" },
    { GR_ROLE_WATER, "water|river|lake|水|shui" },
    { GR_ROLE_WALK, "walk|road|street|path|network|道路|路网|daolu" },
    { GR_ROLE_ZONES, "zone|district|county|boundary|admin|行政|街道|社区|区县|jiedao|shequ" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (gr_text_has_word (name, table[i].words))
      {
        *role = table[i].role;
        return TRUE;
      }
  return FALSE;
}

/**
 * gr_text_has_word:
 * @text: (nullable): a name or class, in any case
 * @words: lower-case words separated by '|'
 *
 * Whether @text contains one of @words, ignoring case: how names and
 * class fields written by people are read.
 */
gboolean
gr_text_has_word (const char *text, const char *words)
{
  g_autofree char *lower = text != NULL ? g_utf8_strdown (text, -1) : NULL;
  g_auto (GStrv) list = NULL;

  if (lower == NULL)
    return FALSE;
  list = g_strsplit (words, "|", -1);
  for (guint w = 0; list[w] != NULL; w++)
    if (strstr (lower, list[w]) != NULL)
      return TRUE;
  return FALSE;
}
