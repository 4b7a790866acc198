/* gr-scenario-item.c — the baseline (no scenario) or a scenario, with the
 * name the switcher shows. The scenario is borrowed from the window's list
 * of scenarios, which outlives the items. */
#include "config.h"

#include "gr-scenario-item.h"

#include <glib/gi18n.h>

struct _GrScenarioItem
{
  GObject     parent_instance;
  GrScenario *scenario;
  char       *name;
  char       *editors; /* who else is editing it, in a shared project; NULL: nobody */
};

G_DEFINE_FINAL_TYPE (GrScenarioItem, gr_scenario_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gr_scenario_item_finalize (GObject *object)
{
  g_free (GR_SCENARIO_ITEM (object)->name);
  g_free (GR_SCENARIO_ITEM (object)->editors);
  G_OBJECT_CLASS (gr_scenario_item_parent_class)->finalize (object);
}

static void
gr_scenario_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, GR_SCENARIO_ITEM (object)->name);
      break;
    case PROP_LABEL:
      g_value_take_string (value, gr_scenario_item_dup_label (GR_SCENARIO_ITEM (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_scenario_item_class_init (GrScenarioItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gr_scenario_item_finalize;
  object_class->get_property = gr_scenario_item_get_property;
  properties[PROP_NAME] =
      g_param_spec_string ("name", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The name, and who else is editing the scenario: what the switcher shows. */
  properties[PROP_LABEL] =
      g_param_spec_string ("label", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gr_scenario_item_init (GrScenarioItem *self)
{
}

/* @scenario: (nullable): %NULL for the baseline */
GrScenarioItem *
gr_scenario_item_new (GrScenario *scenario)
{
  GrScenarioItem *self = g_object_new (GR_TYPE_SCENARIO_ITEM, NULL);

  self->scenario = scenario;
  self->name = g_strdup (scenario != NULL ? scenario->name : _ ("Baseline"));
  return self;
}

GrScenario *
gr_scenario_item_get_scenario (GrScenarioItem *self)
{
  g_return_val_if_fail (GR_IS_SCENARIO_ITEM (self), NULL);
  return self->scenario;
}

const char *
gr_scenario_item_get_name (GrScenarioItem *self)
{
  g_return_val_if_fail (GR_IS_SCENARIO_ITEM (self), NULL);
  return self->name;
}

/* After a rename: the switcher's label follows. */
void
gr_scenario_item_set_name (GrScenarioItem *self, const char *name)
{
  g_return_if_fail (GR_IS_SCENARIO_ITEM (self));
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/* @editors: (nullable): who else is editing the scenario now ("user@host,
 * …"), or %NULL */
void
gr_scenario_item_set_editors (GrScenarioItem *self, const char *editors)
{
  g_return_if_fail (GR_IS_SCENARIO_ITEM (self));
  if (g_strcmp0 (self->editors, editors) == 0)
    return;
  g_free (self->editors);
  self->editors = g_strdup (editors);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
gr_scenario_item_get_editors (GrScenarioItem *self)
{
  g_return_val_if_fail (GR_IS_SCENARIO_ITEM (self), NULL);
  return self->editors;
}

char *
gr_scenario_item_dup_label (GrScenarioItem *self)
{
  g_return_val_if_fail (GR_IS_SCENARIO_ITEM (self), NULL);
  if (self->editors == NULL)
    return g_strdup (self->name);
  /* TRANSLATORS: a scenario's name, then who else has it open to edit */
  return g_strdup_printf (_ ("%s — being edited by %s"), self->name, self->editors);
}
