/* gr-indicator-table.h — the park-city indicators and the target sets of
 * the cities' plans and the national standards
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GR_IND_PARK_PER_CAPITA /*< nick=park_per_capita >*/, /* 人均公园绿地面积, m²/person */
  GR_IND_COMPREHENSIVE_PER_CAPITA                      /*< nick=comprehensive_park_per_capita >*/
  ,                                                    /* 人均综合公园面积, m²/person */
  GR_IND_COMMUNITY_PER_CAPITA                          /*< nick=community_park_per_capita >*/
  ,                                                    /* 人均社区公园面积, m²/person */
  GR_IND_SERVICE_RATE                                  /*< nick=service_radius_rate >*/
  , /* 公园绿地服务半径覆盖率, % of residential land */
  GR_IND_SERVICE_POPULATION /*< nick=service_radius_residents >*/, /* … % of residents */
  GR_IND_GREEN_300 /*< nick=green_300m >*/, /* 300米见绿, % of residential land */
  GR_IND_GREEN_300_POPULATION /*< nick=green_300m_residents >*/, /* … % of residents */
  GR_IND_PARK_500 /*< nick=park_500m >*/, /* 500米见园, % of residential land */
  GR_IND_PARK_500_POPULATION /*< nick=park_500m_residents >*/, /* … % of residents */
  GR_IND_GREENWAY_PER_10K                                      /*< nick=greenway_per_10k >*/
  , /* 万人拥有绿道长度, km per 10,000 residents */
  GR_IND_NURSERY_SHARE /*< nick=nursery_share >*/, /* 苗圃面积占建成区面积, % */
  GR_IND_GREENWAY_SERVICE /*< nick=greenway_service_rate >*/, /* 城市绿道服务半径覆盖率, % */
  GR_IND_GREENWAY_SERVICE_POPULATION /*< nick=greenway_service_residents >*/, /* … residents */
  GR_IND_CORRIDOR_COMPLIANCE /*< nick=corridor_compliance >*/, /* 城市生态廊道达标率, % */
  GR_IND_GREEN_RATIO /*< nick=builtup_green_ratio >*/,         /* 建成区绿地率, % */
  GR_IND_GREEN_COVER /*< nick=builtup_green_cover >*/,         /* 建成区绿化覆盖率, % */
  GR_IND_LIFECIRCLE_GREEN /*< nick=lifecircle_green >*/, /* 15-minute circles ≥ 2.0 m², % */
  GR_IND_LIFECIRCLE_PARK /*< nick=lifecircle_park >*/,   /* 10-minute circles with a 1 ha park, % */
  GR_IND_SHADED_ROADS /*< nick=shaded_roads >*/,         /* 林荫路覆盖率, % */
  GR_IND_SERVICE_CHILDREN /*< nick=service_radius_children >*/, /* children (0–14), % */
  GR_IND_SERVICE_ELDERLY /*< nick=service_radius_elderly >*/,   /* elderly (60+), % */
  GR_N_INDICATORS                                               /*< skip >*/
} GrIndicatorId;

typedef enum
{
  GR_TARGETS_NONE /*< nick=none >*/,
  GR_TARGETS_YUNCHENG_2025 /*< nick=yuncheng-2025 >*/,
  GR_TARGETS_YUNCHENG_2030 /*< nick=yuncheng-2030 >*/,
  GR_TARGETS_DATONG_2035 /*< nick=datong-2035 >*/,
  GR_TARGETS_GB55014 /*< nick=gb55014-2021 >*/,
  GR_TARGETS_ECO_GARDEN_CITY /*< nick=eco-garden-city >*/,
  GR_TARGETS_PROJECT /*< nick=project >*/, /* the project's own, edited by its users */
  GR_N_TARGET_SETS                         /*< skip >*/
} GrTargetSet;

typedef struct
{
  double   value;  /* NAN: no target */
  gboolean strict; /* the value must exceed it, not only reach it */
} GrTarget;

const char *gr_indicator_get_name (GrIndicatorId id);
const char *gr_indicator_get_key (GrIndicatorId id);
const char *gr_indicator_get_unit (GrIndicatorId id);
const char *gr_indicator_get_definition (GrIndicatorId id);
const char *gr_target_set_get_key (GrTargetSet set);
const char *gr_target_set_get_label (GrTargetSet set);
gboolean    gr_target_set_from_key (const char *key, GrTargetSet *set);
gboolean    gr_indicator_from_key (const char *key, GrIndicatorId *id);

const GrTarget *gr_target_set_get_targets (GrTargetSet set);

G_END_DECLS
