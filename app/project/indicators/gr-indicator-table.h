/* gr-indicator-table.h — the park-city indicators and the target sets of
 * the cities' plans and the national standards
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GR_IND_PARK_PER_CAPITA,          /* 人均公园绿地面积, m²/person */
  GR_IND_COMPREHENSIVE_PER_CAPITA, /* 人均综合公园面积, m²/person */
  GR_IND_COMMUNITY_PER_CAPITA,     /* 人均社区公园面积, m²/person */
  GR_IND_SERVICE_RATE,             /* 公园绿地服务半径覆盖率, % of residential land */
  GR_IND_SERVICE_POPULATION,       /* … % of residents */
  GR_IND_GREEN_300,                /* 300米见绿, % of residential land */
  GR_IND_GREEN_300_POPULATION,     /* … % of residents */
  GR_IND_PARK_500,                 /* 500米见园, % of residential land */
  GR_IND_PARK_500_POPULATION,      /* … % of residents */
  GR_IND_GREENWAY_PER_10K,         /* 万人拥有绿道长度, km per 10,000 residents */
  GR_IND_NURSERY_SHARE,            /* 苗圃面积占建成区面积, % */
  GR_N_INDICATORS
} GrIndicatorId;

typedef enum
{
  GR_TARGETS_NONE,
  GR_TARGETS_YUNCHENG_2025,
  GR_TARGETS_YUNCHENG_2030,
  GR_TARGETS_DATONG_2035,
  GR_TARGETS_GB55014,
  GR_TARGETS_ECO_GARDEN_CITY,
  GR_TARGETS_PROJECT,          /* the project's own, edited by its users */
  GR_N_TARGET_SETS
} GrTargetSet;

typedef struct
{
  double   value;  /* NAN: no target */
  gboolean strict; /* the value must exceed it, not only reach it */
} GrTarget;

const char *gr_indicator_get_name       (GrIndicatorId id);
const char *gr_indicator_get_key        (GrIndicatorId id);
const char *gr_indicator_get_unit       (GrIndicatorId id);
const char *gr_target_set_get_key       (GrTargetSet set);
const char *gr_target_set_get_label     (GrTargetSet set);
gboolean    gr_target_set_from_key      (const char  *key,
                                         GrTargetSet *set);
gboolean    gr_indicator_from_key       (const char    *key,
                                         GrIndicatorId *id);

const GrTarget *gr_target_set_get_targets (GrTargetSet set);

G_END_DECLS
