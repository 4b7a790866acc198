/* gr-scenario-item.h — the baseline or a scenario, as the scenario switcher lists it */
#pragma once

#include <glib-object.h>

#include "gr-scenario.h"

G_BEGIN_DECLS

#define GR_TYPE_SCENARIO_ITEM (gr_scenario_item_get_type ())
G_DECLARE_FINAL_TYPE (GrScenarioItem, gr_scenario_item, GR, SCENARIO_ITEM, GObject)

GrScenarioItem *gr_scenario_item_new (GrScenario *scenario);
GrScenario     *gr_scenario_item_get_scenario (GrScenarioItem *self);
const char     *gr_scenario_item_get_name (GrScenarioItem *self);
void            gr_scenario_item_set_editors (GrScenarioItem *self, const char *editors);
const char     *gr_scenario_item_get_editors (GrScenarioItem *self);
char           *gr_scenario_item_dup_label (GrScenarioItem *self);
void            gr_scenario_item_set_name (GrScenarioItem *self, const char *name);

G_END_DECLS
