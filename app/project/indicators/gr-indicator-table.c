/* gr-indicator-table.c — the indicators' keys, names and units, and the
 * target sets of the cities' plans and the national standards
 *
 * Targets from GB 55014-2021 (园林绿化工程项目规范),
 * the national ecological garden city standard, Yuncheng's 2023
 * landscaping plan and Datong's 2025 park-city plan.
 */
#include "config.h"

#include "gr-indicator-table.h"

#include "gr-indicators-private.h"
#include "gr-enum.h"
#include "gr-project-enums.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* The keys are the enums' nicks (gr-indicator-table.h). */
static const struct
{
  const char *name;
  const char *unit;
} indicators[GR_N_INDICATORS] = {
  [GR_IND_PARK_PER_CAPITA] = { N_ ("Per-capita park green area (人均公园绿地面积)"),
                               N_ ("m²/person") },
  [GR_IND_COMPREHENSIVE_PER_CAPITA] = { N_ ("Per-capita comprehensive-park area"),
                                        N_ ("m²/person") },
  [GR_IND_COMMUNITY_PER_CAPITA] = { N_ ("Per-capita community-park area"), N_ ("m²/person") },
  [GR_IND_SERVICE_RATE] = { N_ ("Park service-radius coverage (公园绿地服务半径覆盖率)"), "%" },
  [GR_IND_SERVICE_POPULATION] = { N_ ("Residents inside a park service radius"), "%" },
  [GR_IND_GREEN_300] = { N_ ("Homes within 300 m of green space (300米见绿)"), "%" },
  [GR_IND_GREEN_300_POPULATION] = { N_ ("Residents within 300 m of green space"), "%" },
  [GR_IND_PARK_500] = { N_ ("Homes within 500 m of a park (500米见园)"), "%" },
  [GR_IND_PARK_500_POPULATION] = { N_ ("Residents within 500 m of a park"), "%" },
  [GR_IND_GREENWAY_PER_10K] = { N_ ("Greenway length per 10,000 residents (万人拥有绿道长度)"),
                                N_ ("km") },
  [GR_IND_NURSERY_SHARE] = { N_ ("Nursery land in the built-up area (苗圃面积占比)"), "%" },
};

typedef GrTarget Target;

#define AT_LEAST(v)                                                                                \
  {                                                                                                \
    v, FALSE                                                                                       \
  }
#define MORE_THAN(v)                                                                               \
  {                                                                                                \
    v, TRUE                                                                                        \
  }
#define NO_TARGET                                                                                  \
  {                                                                                                \
    NAN, FALSE                                                                                     \
  }

static const struct
{
  const char *label;
  Target      targets[GR_N_INDICATORS];
} sets[GR_N_TARGET_SETS] = {
  [GR_TARGETS_NONE] = { N_ ("No targets"),
                        { NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET,
                          NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET } },
  /* Yuncheng 2023 plan: 13 m², 80 %, 1 km per 10,000 by 2025; nursery ≥ 2 %. */
  [GR_TARGETS_YUNCHENG_2025] = { N_ ("Yuncheng 2025"),
                                 { [GR_IND_PARK_PER_CAPITA] = AT_LEAST (13),
                                   [GR_IND_COMPREHENSIVE_PER_CAPITA] = NO_TARGET,
                                   [GR_IND_COMMUNITY_PER_CAPITA] = NO_TARGET,
                                   [GR_IND_SERVICE_RATE] = AT_LEAST (80),
                                   [GR_IND_SERVICE_POPULATION] = NO_TARGET,
                                   [GR_IND_GREEN_300] = NO_TARGET,
                                   [GR_IND_GREEN_300_POPULATION] = NO_TARGET,
                                   [GR_IND_PARK_500] = NO_TARGET,
                                   [GR_IND_PARK_500_POPULATION] = NO_TARGET,
                                   [GR_IND_GREENWAY_PER_10K] = AT_LEAST (1.0),
                                   [GR_IND_NURSERY_SHARE] = AT_LEAST (2) } },
  /* … and 14 m², 85 %, 1.5 km by 2030. */
  [GR_TARGETS_YUNCHENG_2030] = { N_ ("Yuncheng 2030"),
                                 { [GR_IND_PARK_PER_CAPITA] = AT_LEAST (14),
                                   [GR_IND_COMPREHENSIVE_PER_CAPITA] = NO_TARGET,
                                   [GR_IND_COMMUNITY_PER_CAPITA] = NO_TARGET,
                                   [GR_IND_SERVICE_RATE] = AT_LEAST (85),
                                   [GR_IND_SERVICE_POPULATION] = NO_TARGET,
                                   [GR_IND_GREEN_300] = NO_TARGET,
                                   [GR_IND_GREEN_300_POPULATION] = NO_TARGET,
                                   [GR_IND_PARK_500] = NO_TARGET,
                                   [GR_IND_PARK_500_POPULATION] = NO_TARGET,
                                   [GR_IND_GREENWAY_PER_10K] = AT_LEAST (1.5),
                                   [GR_IND_NURSERY_SHARE] = AT_LEAST (2) } },
  /* Datong 2025 plan: 1.25 km per 10,000 by 2035; "300 m to green, 500 m
   * to a park" for every home (服务半径全覆盖). */
  [GR_TARGETS_DATONG_2035] = { N_ ("Datong 2035"),
                               { [GR_IND_PARK_PER_CAPITA] = NO_TARGET,
                                 [GR_IND_COMPREHENSIVE_PER_CAPITA] = NO_TARGET,
                                 [GR_IND_COMMUNITY_PER_CAPITA] = NO_TARGET,
                                 [GR_IND_SERVICE_RATE] = NO_TARGET,
                                 [GR_IND_SERVICE_POPULATION] = NO_TARGET,
                                 [GR_IND_GREEN_300] = AT_LEAST (100),
                                 [GR_IND_GREEN_300_POPULATION] = NO_TARGET,
                                 [GR_IND_PARK_500] = AT_LEAST (100),
                                 [GR_IND_PARK_500_POPULATION] = NO_TARGET,
                                 [GR_IND_GREENWAY_PER_10K] = AT_LEAST (1.25),
                                 [GR_IND_NURSERY_SHARE] = NO_TARGET } },
  /* GB 55014-2021 minimums: > 8.0 m², comprehensive and community > 3.0
   * each, service radius > 80 %. */
  [GR_TARGETS_GB55014] = { N_ ("GB 55014-2021 minimums"),
                           { [GR_IND_PARK_PER_CAPITA] = MORE_THAN (8.0),
                             [GR_IND_COMPREHENSIVE_PER_CAPITA] = MORE_THAN (3.0),
                             [GR_IND_COMMUNITY_PER_CAPITA] = MORE_THAN (3.0),
                             [GR_IND_SERVICE_RATE] = MORE_THAN (80),
                             [GR_IND_SERVICE_POPULATION] = NO_TARGET,
                             [GR_IND_GREEN_300] = NO_TARGET,
                             [GR_IND_GREEN_300_POPULATION] = NO_TARGET,
                             [GR_IND_PARK_500] = NO_TARGET,
                             [GR_IND_PARK_500_POPULATION] = NO_TARGET,
                             [GR_IND_GREENWAY_PER_10K] = NO_TARGET,
                             [GR_IND_NURSERY_SHARE] = NO_TARGET } },
  /* National ecological garden city: ≥ 14.8 m² (≥ 5.5 in every district),
   * service radius ≥ 90 %. */
  [GR_TARGETS_ECO_GARDEN_CITY] = { N_ ("National ecological garden city"),
                                   { [GR_IND_PARK_PER_CAPITA] = AT_LEAST (14.8),
                                     [GR_IND_COMPREHENSIVE_PER_CAPITA] = NO_TARGET,
                                     [GR_IND_COMMUNITY_PER_CAPITA] = NO_TARGET,
                                     [GR_IND_SERVICE_RATE] = AT_LEAST (90),
                                     [GR_IND_SERVICE_POPULATION] = NO_TARGET,
                                     [GR_IND_GREEN_300] = NO_TARGET,
                                     [GR_IND_GREEN_300_POPULATION] = NO_TARGET,
                                     [GR_IND_PARK_500] = NO_TARGET,
                                     [GR_IND_PARK_500_POPULATION] = NO_TARGET,
                                     [GR_IND_GREENWAY_PER_10K] = NO_TARGET,
                                     [GR_IND_NURSERY_SHARE] = NO_TARGET } },
  /* Filled from the project file (gr_project_targets_load ()). */
  [GR_TARGETS_PROJECT] = { N_ ("This project's own targets"),
                           { NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET,
                             NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET } },
};

const char *
gr_indicator_get_name (GrIndicatorId id)
{
  g_return_val_if_fail (id < GR_N_INDICATORS, NULL);
  return _ (indicators[id].name);
}

const char *
gr_indicator_get_key (GrIndicatorId id)
{
  g_return_val_if_fail (id < GR_N_INDICATORS, NULL);
  return gr_enum_get_nick (GR_TYPE_INDICATOR_ID, id);
}

const char *
gr_indicator_get_unit (GrIndicatorId id)
{
  g_return_val_if_fail (id < GR_N_INDICATORS, NULL);
  return _ (indicators[id].unit);
}

gboolean
gr_indicator_from_key (const char *key, GrIndicatorId *id)
{
  int value;

  if (!gr_enum_from_nick (GR_TYPE_INDICATOR_ID, key, &value))
    return FALSE;
  *id = value;
  return TRUE;
}

const char *
gr_target_set_get_key (GrTargetSet set)
{
  g_return_val_if_fail (set < GR_N_TARGET_SETS, NULL);
  return gr_enum_get_nick (GR_TYPE_TARGET_SET, set);
}

const char *
gr_target_set_get_label (GrTargetSet set)
{
  g_return_val_if_fail (set < GR_N_TARGET_SETS, NULL);
  return _ (sets[set].label);
}

gboolean
gr_target_set_from_key (const char *key, GrTargetSet *set)
{
  int value;

  if (!gr_enum_from_nick (GR_TYPE_TARGET_SET, key, &value))
    return FALSE;
  *set = value;
  return TRUE;
}
/* The unit as the table has it, untranslated: "%" for shares. */
const char *
_gr_indicator_get_untranslated_unit (GrIndicatorId id)
{
  g_return_val_if_fail (id < GR_N_INDICATORS, NULL);
  return indicators[id].unit;
}

const GrTarget *
gr_target_set_get_targets (GrTargetSet set)
{
  g_return_val_if_fail (set < GR_N_TARGET_SETS, NULL);
  return sets[set].targets;
}
