/* gr-park-class.c — park classes of CJJ/T 85-2017 城市绿地分类标准
 *
 * A park's class comes from its source's class field when that names one
 * (a code such as G12, the Chinese name, or an English word); OSM tags say
 * little about class, so an unnamed park is classed by its size with the
 * standard's suggested sizes: comprehensive ≥ 10 ha, community ≥ 1 ha,
 * smaller ones street gardens (游园).
 */
#include "config.h"

#include "gr-park-class.h"

#include "gr-enum.h"
#include "gr-project-enums.h"

#include "gr-project.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The codes are the enum's nicks (gr-park-class.h). */
static const struct
{
  const char *label;
  const char *words; /* '|'-separated, lower case */
} classes[GR_N_PARK_CLASSES] = {
  [GR_PARK_CLASS_COMPREHENSIVE] = { N_ ("comprehensive park"), "g11|综合公园|comprehensive" },
  [GR_PARK_CLASS_COMMUNITY] = { N_ ("community park"),
                                "g12|社区公园|community|neighbourhood|neighborhood" },
  [GR_PARK_CLASS_SPECIALISED] = { N_ ("specialised park"),
                                  "g13|专类公园|植物园|动物园|儿童公园|体育公园|遗址公园|历史名园|"
                                  "botanical|zoo|"
                                  "specialised|specialized|theme_park|sports" },
  [GR_PARK_CLASS_STREET_GARDEN] = { N_ ("street garden"),
                                    "g14|游园|口袋公园|街旁|pocket|street garden" },
  [GR_PARK_CLASS_COUNTRY] = { N_ ("country park"),
                              "郊野公园|country park|country_park|forest park|森林公园" },
};

/**
 * gr_park_class_from_kind:
 * @kind: (nullable): the feature's class text
 * @by_size: (out) (optional): set when the class was inferred from the area
 */
GrParkClass
gr_park_class_from_kind (const char *kind, double area_m2, gboolean *by_size)
{
  g_autofree char *first = kind != NULL ? g_strndup (kind, strcspn (kind, " ")) : NULL;
  int              code;

  if (by_size != NULL)
    *by_size = FALSE;
  /* A land-use layer's class text begins with the class code: “EG 郊野公园”
   * is a country park, though “EG11” holds “G11”. */
  if (first != NULL && gr_enum_from_nick (GR_TYPE_PARK_CLASS, first, &code))
    return code;
  for (guint c = 0; c < GR_N_PARK_CLASSES; c++)
    if (gr_text_has_word (kind, classes[c].words))
      return c;
  if (by_size != NULL)
    *by_size = TRUE;
  if (area_m2 >= 100000)
    return GR_PARK_CLASS_COMPREHENSIVE;
  if (area_m2 >= 10000)
    return GR_PARK_CLASS_COMMUNITY;
  return GR_PARK_CLASS_STREET_GARDEN;
}

const char *
gr_park_class_get_code (GrParkClass park_class)
{
  g_return_val_if_fail (park_class < GR_N_PARK_CLASSES, NULL);
  return gr_enum_get_nick (GR_TYPE_PARK_CLASS, park_class);
}

const char *
gr_park_class_get_label (GrParkClass park_class)
{
  g_return_val_if_fail (park_class < GR_N_PARK_CLASSES, NULL);
  return _ (classes[park_class].label);
}
