/* gr-indicators.h — the park-city indicators a bureau reports, against
 * the targets of the cities' plans and the national standards */
#pragma once

#include "gr-evaluate.h"
#include "gr-park-class.h"

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

typedef struct
{
  GrIndicatorId id;
  double        value;      /* NAN when an input is missing */
  char         *missing;    /* what is missing, in words; NULL when computed */
  gboolean      has_target;
  double        target;
  gboolean      strict;     /* value must exceed the target, not only reach it */
  gboolean      pass;
  double        gap;        /* target − value when short, in the indicator's unit; else 0 */
  char         *gap_text;   /* the gap in words, with what it means in land; NULL when met */
} GrIndicator;

typedef struct
{
  guint  counts[GR_N_PARK_CLASSES];
  double areas[GR_N_PARK_CLASSES]; /* m² */
  guint  disaster;                 /* parks with the disaster-prevention role */
  double disaster_area;
  guint  pocket;                   /* street gardens that are pocket parks (400–10,000 m²) */
  double pocket_area;
} GrParkInventory;

typedef struct
{
  GrTargetSet      targets;
  GrIndicator      items[GR_N_INDICATORS];
  GrParkInventory  inventory;
  double           population;   /* residents counted */
  double           park_area;    /* park green area counted, m² */
  gboolean         builtup;      /* parks counted inside the built-up boundary only */
  char            *system_check; /* the park system's shortfalls in words; NULL when complete */
} GrIndicators;

const char *gr_indicator_get_name       (GrIndicatorId id);
const char *gr_indicator_get_key        (GrIndicatorId id);
const char *gr_indicator_get_unit       (GrIndicatorId id);
const char *gr_target_set_get_key       (GrTargetSet set);
const char *gr_target_set_get_label     (GrTargetSet set);
gboolean    gr_target_set_from_key      (const char  *key,
                                         GrTargetSet *set);
gboolean    gr_park_is_disaster_refuge  (const GrFeature *feature);

void        gr_indicators_compute       (GrIndicators *indicators,
                                         GrProject    *project,
                                         GrAnalysis   *analysis,
                                         int           zone,
                                         GrTargetSet   targets);
void        gr_indicators_compute_with  (GrIndicators   *indicators,
                                         GrProject      *project,
                                         GrAnalysis     *analysis,
                                         int             zone,
                                         GrTargetSet     set,
                                         const GrTarget *targets);
void        gr_indicators_update_coverage (GrIndicators   *indicators,
                                           GrAnalysis     *analysis,
                                           int             zone,
                                           const GrTarget *targets);
const GrTarget *gr_target_set_get_targets (GrTargetSet set);
void        gr_indicators_clear         (GrIndicators *indicators);

gboolean    gr_project_targets_load     (const char *path,
                                         GrTarget    targets[GR_N_INDICATORS],
                                         GError    **error);
gboolean    gr_project_targets_set      (const char   *path,
                                         GrIndicatorId id,
                                         double        value,
                                         gboolean      strict,
                                         GError      **error);
gboolean    gr_indicator_from_key       (const char    *key,
                                         GrIndicatorId *id);

G_END_DECLS
