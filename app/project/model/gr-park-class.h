/* gr-park-class.h — park classes of CJJ/T 85-2017 城市绿地分类标准 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GR_PARK_CLASS_COMPREHENSIVE /*< nick=G11 >*/, /* G11 综合公园 */
  GR_PARK_CLASS_COMMUNITY /*< nick=G12 >*/,     /* G12 社区公园 */
  GR_PARK_CLASS_SPECIALISED /*< nick=G13 >*/,   /* G13 专类公园 */
  GR_PARK_CLASS_STREET_GARDEN /*< nick=G14 >*/, /* G14 游园, pocket parks included */
  GR_PARK_CLASS_COUNTRY /*< nick=EG >*/,        /* EG 郊野公园, regional green */
  GR_N_PARK_CLASSES                             /*< skip >*/
} GrParkClass;

GrParkClass gr_park_class_from_kind (const char *kind, double area_m2, gboolean *by_size);
const char *gr_park_class_get_code (GrParkClass park_class);
const char *gr_park_class_get_label (GrParkClass park_class);

G_END_DECLS
