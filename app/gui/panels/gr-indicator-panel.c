/* gr-indicator-panel.c — every park-city indicator of what is shown, in
 * groups, with its value, the target of the chosen set and met / short /
 * no data; the target set and the scope (0 for the city, z for zone z) are
 * properties the window follows. The set chosen is remembered. */
#include "config.h"

#include "gr-indicator-panel.h"

#include "gr-evaluate.h"
#include "gr-format.h"
#include "gr-population.h"
#include "gr-project-enums.h"
#include "gr-settings.h"

#include <glib/gi18n.h>
#include <math.h>

struct _GrIndicatorPanel
{
  GtkBox parent_instance;

  GtkDropDown *targets_dropdown;
  GtkDropDown *scope_dropdown;
  GtkGrid     *grid;
  GtkLabel    *residents_label; /* where the residents come from; an estimate stands out */
  GtkWidget   *priority_box;
  GtkListBox  *priority_list;
  gboolean     filling; /* a list is being filled: no notify, nothing saved */
};

G_DEFINE_FINAL_TYPE (GrIndicatorPanel, gr_indicator_panel, GTK_TYPE_BOX)

enum
{
  PRIORITY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_TARGET_SET,
  PROP_SCOPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The panel's groups: where each starts and its heading. */
static const struct
{
  GrIndicatorId first;
  const char   *title;
} indicator_groups[] = {
  { GR_IND_PARK_PER_CAPITA, N_ ("Park green area") },
  { GR_IND_SERVICE_RATE, N_ ("Coverage") },
  { GR_IND_GREENWAY_PER_10K, N_ ("Greenways and nurseries") },
  { GR_IND_GREENWAY_SERVICE, N_ ("Greenways, corridors and green cover") },
  { GR_IND_LIFECIRCLE_GREEN, N_ ("Life circles and shade") },
  { GR_IND_SERVICE_CHILDREN, N_ ("Children and the elderly") },
};

/* The grid row of indicator @id, below the headings before it; each
 * indicator has two rows: its figures, then its gap in words. */
static int
indicator_row (GrIndicatorId id)
{
  int row = 2 * id;

  for (guint g = 0; g < G_N_ELEMENTS (indicator_groups); g++)
    row += indicator_groups[g].first <= id;
  return row;
}

/* GR_TARGETS_NONE is listed last: the plans first. */
static guint
set_to_position (GrTargetSet set)
{
  return set == GR_TARGETS_NONE || set >= GR_N_TARGET_SETS ? GR_N_TARGET_SETS - 1 : set - 1;
}

static void
on_targets_selected (GrIndicatorPanel *self)
{
  GrTargetSet set = gr_indicator_panel_get_target_set (self);

  if (self->filling)
    return;
  if (set != GR_TARGETS_NONE)
    g_settings_set_string (gr_settings_get (), "target-set", gr_target_set_get_key (set));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_SET]);
}

static void
on_scope_selected (GrIndicatorPanel *self)
{
  if (!self->filling)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE]);
}

static void
gr_indicator_panel_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GrIndicatorPanel *self = GR_INDICATOR_PANEL (object);

  switch (prop_id)
    {
    case PROP_TARGET_SET:
      g_value_set_enum (value, gr_indicator_panel_get_target_set (self));
      break;
    case PROP_SCOPE:
      g_value_set_uint (value, gr_indicator_panel_get_scope (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_indicator_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GrIndicatorPanel *self = GR_INDICATOR_PANEL (object);

  switch (prop_id)
    {
    case PROP_TARGET_SET:
      gr_indicator_panel_set_target_set (self, g_value_get_enum (value));
      break;
    case PROP_SCOPE:
      gr_indicator_panel_set_scope (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_priority_activated (GrIndicatorPanel *self, GtkListBoxRow *row)
{
  g_signal_emit (self, signals[PRIORITY_ACTIVATED], 0, gtk_list_box_row_get_index (row) + 1);
}

static void
gr_indicator_panel_class_init (GrIndicatorPanelClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = gr_indicator_panel_get_property;
  object_class->set_property = gr_indicator_panel_set_property;
  properties[PROP_TARGET_SET] =
      g_param_spec_enum ("target-set", NULL, NULL, GR_TYPE_TARGET_SET, GR_TARGETS_YUNCHENG_2025,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SCOPE] =
      g_param_spec_uint ("scope", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/panels/gr-indicator-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GrIndicatorPanel, targets_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GrIndicatorPanel, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GrIndicatorPanel, grid);
  gtk_widget_class_bind_template_child (widget_class, GrIndicatorPanel, residents_label);
  gtk_widget_class_bind_template_child (widget_class, GrIndicatorPanel, priority_box);
  gtk_widget_class_bind_template_child (widget_class, GrIndicatorPanel, priority_list);
  gtk_widget_class_bind_template_callback (widget_class, on_targets_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_priority_activated);
  /**
   * GrIndicatorPanel::priority-activated:
   * @rank: the priority area's rank, from 1
   *
   * A priority area was clicked: the window goes there.
   */
  signals[PRIORITY_ACTIVATED] =
      g_signal_new ("priority-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_selected);
}

static void
gr_indicator_panel_init (GrIndicatorPanel *self)
{
  g_autoptr (GtkStringList) sets = gtk_string_list_new (NULL);
  g_autofree char *key = g_settings_get_string (gr_settings_get (), "target-set");
  GrTargetSet      chosen = GR_TARGETS_YUNCHENG_2025;

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 1; i < GR_N_TARGET_SETS; i++)
    gtk_string_list_append (sets, gr_target_set_get_label (i));
  gtk_string_list_append (sets, gr_target_set_get_label (GR_TARGETS_NONE));
  gr_target_set_from_key (key, &chosen);
  /* The remembered set is shown, not written back. */
  self->filling = TRUE;
  gtk_drop_down_set_model (self->targets_dropdown, G_LIST_MODEL (sets));
  gtk_drop_down_set_selected (self->targets_dropdown, set_to_position (chosen));
  self->filling = FALSE;
  gr_indicator_panel_set_zones (self, NULL);
}

GrTargetSet
gr_indicator_panel_get_target_set (GrIndicatorPanel *self)
{
  guint i = gtk_drop_down_get_selected (self->targets_dropdown);

  return i + 1 < GR_N_TARGET_SETS ? i + 1 : GR_TARGETS_NONE;
}

void
gr_indicator_panel_set_target_set (GrIndicatorPanel *self, GrTargetSet set)
{
  g_return_if_fail (GR_IS_INDICATOR_PANEL (self));
  gtk_drop_down_set_selected (self->targets_dropdown, set_to_position (set));
}

guint
gr_indicator_panel_get_scope (GrIndicatorPanel *self)
{
  guint scope = gtk_drop_down_get_selected (self->scope_dropdown);

  return scope == GTK_INVALID_LIST_POSITION ? 0 : scope;
}

void
gr_indicator_panel_set_scope (GrIndicatorPanel *self, guint scope)
{
  g_return_if_fail (GR_IS_INDICATOR_PANEL (self));
  gtk_drop_down_set_selected (self->scope_dropdown, scope);
}

/* The city, then each zone of @project (nullable); back to the city. */
static void
show_residents (GrIndicatorPanel *self, GrProject *project)
{
  g_autofree char *text = project != NULL ? gr_population_describe (project) : NULL;
  gboolean         estimate = project != NULL && gr_population_is_estimate (project);

  gtk_label_set_text (self->residents_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->residents_label), text != NULL);
  if (estimate)
    gtk_widget_add_css_class (GTK_WIDGET (self->residents_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->residents_label), "warning");
}

/* The note under the indicators on where the residents come from; NULL
 * when hidden. */
const char *
gr_indicator_panel_get_residents_note (GrIndicatorPanel *self)
{
  g_return_val_if_fail (GR_IS_INDICATOR_PANEL (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->residents_label)))
    return NULL;
  return gtk_label_get_text (self->residents_label);
}

void
gr_indicator_panel_set_zones (GrIndicatorPanel *self, GrProject *project)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint n = project != NULL ? gr_project_get_n_zones (project) : 0;

  g_return_if_fail (GR_IS_INDICATOR_PANEL (self));
  show_residents (self, project);
  gtk_string_list_append (names, _ ("City"));
  for (guint z = 1; z <= n; z++)
    {
      g_autofree char *name = gr_project_zone_name (project, z);
      gtk_string_list_append (names, name);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->scope_dropdown, 0);
  self->filling = FALSE;
}

static void
grid_label (GtkGrid *grid, const char *text, int col, int row, gboolean numeric, const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), !numeric);
  gtk_widget_set_hexpand (label, !numeric);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  gtk_grid_attach (grid, label, col, row, 1, 1);
}

/* One row's value and verdict. */
static void
show_row (GrIndicatorPanel *self, const GrIndicators *shown, GrIndicatorId i)
{
  const GrIndicator *it = &shown->items[i];
  int                row = indicator_row (i);
  GtkWidget         *value = gtk_grid_get_child_at (self->grid, 1, row);
  GtkWidget         *verdict = gtk_grid_get_child_at (self->grid, 3, row);
  g_autofree char   *text = isfinite (it->value)
                                ? g_strdup_printf ("%.2f %s", it->value, gr_indicator_get_unit (i))
                                : g_strdup ("–");
  const char        *tooltip = it->missing != NULL ? it->missing : it->gap_text;

  GtkWidget *gap = gtk_grid_get_child_at (self->grid, 0, row + 1);

  if (value == NULL || verdict == NULL || gap == NULL)
    return;
  gtk_label_set_text (GTK_LABEL (value), text);
  /* What it takes, in the panel as in the report: "short by 7.16 pp =
   * 53.23 ha of residential land". */
  gtk_label_set_text (GTK_LABEL (gap), it->missing == NULL ? it->gap_text : NULL);
  gtk_widget_set_visible (gap, it->missing == NULL && it->gap_text != NULL);
  gtk_label_set_text (GTK_LABEL (verdict), it->missing != NULL ? _ ("no data")
                                           : !it->has_target   ? ""
                                           : it->pass          ? _ ("met")
                                                               : _ ("short"));
  gtk_widget_remove_css_class (verdict, "dim-label");
  gtk_widget_remove_css_class (verdict, "success");
  gtk_widget_remove_css_class (verdict, "error");
  gtk_widget_add_css_class (verdict, it->missing != NULL || !it->has_target ? "dim-label"
                                     : it->pass                             ? "success"
                                                                            : "error");
  gtk_widget_set_tooltip_text (verdict, tooltip);
  /* The name tells what the indicator divides by what, then what is
   * missing or short. */
  {
    g_autofree char *about =
        tooltip != NULL ? g_strconcat (gr_indicator_get_definition (i), "\n", tooltip, NULL)
                        : g_strdup (gr_indicator_get_definition (i));

    gtk_widget_set_tooltip_text (gtk_grid_get_child_at (self->grid, 0, row), about);
  }
}

static void
add_heading (GrIndicatorPanel *self, const char *title, int row)
{
  GtkWidget *heading = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_set_margin_top (heading, 6);
  gtk_grid_attach (self->grid, heading, 0, row, 4, 1);
}

/* Every row afresh; @shown %NULL leaves the panel empty (nothing open). */
void
gr_indicator_panel_show (GrIndicatorPanel *self, const GrIndicators *shown)
{
  GtkWidget *child;

  g_return_if_fail (GR_IS_INDICATOR_PANEL (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  if (shown == NULL)
    return;
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    {
      const GrIndicator *it = &shown->items[i];
      g_autofree char   *target = it->has_target
                                      ? g_strdup_printf ("%s %.2f %s", it->strict ? ">" : "≥",
                                                         it->target, gr_indicator_get_unit (i))
                                      : g_strdup ("");
      int                row = indicator_row (i);

      for (guint g = 0; g < G_N_ELEMENTS (indicator_groups); g++)
        if (indicator_groups[g].first == i)
          add_heading (self, _ (indicator_groups[g].title), row - 1);
      grid_label (self->grid, gr_indicator_get_name (i), 0, row, FALSE, NULL);
      /* A narrow panel takes from the names first, but no further than
       * some words a line (else 3 hanzi a line, brackets alone). */
      gtk_label_set_width_chars (GTK_LABEL (gtk_grid_get_child_at (self->grid, 0, row)), 14);
      gtk_label_set_max_width_chars (GTK_LABEL (gtk_grid_get_child_at (self->grid, 0, row)), 28);
      grid_label (self->grid, "", 1, row, TRUE, NULL);
      grid_label (self->grid, target, 2, row, TRUE, "dim-label");
      grid_label (self->grid, "", 3, row, TRUE, NULL);
      {
        GtkWidget *gap = gtk_label_new (NULL);

        gtk_label_set_xalign (GTK_LABEL (gap), 0);
        gtk_label_set_wrap (GTK_LABEL (gap), TRUE);
        gtk_widget_add_css_class (gap, "caption");
        gtk_widget_add_css_class (gap, "error");
        gtk_widget_set_visible (gap, FALSE);
        gtk_grid_attach (self->grid, gap, 0, row + 1, 4, 1);
      }
      show_row (self, shown, i);
    }
  if (shown->system_check != NULL)
    {
      g_auto (GStrv) lines = g_strsplit (shown->system_check, "\n", -1);
      guint      n = g_strv_length (lines);
      GtkWidget *label = gtk_label_new (shown->system_check);
      GtkWidget *place = label;

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      /* One line per zone is long for a city of many: one line, and the
       * zones behind an expander. */
      if (n > 1)
        {
          g_autofree char *title = g_strdup_printf (
              g_dngettext (GETTEXT_PACKAGE, "The park system is incomplete in %u place",
                           "The park system is incomplete in %u places", n),
              n);

          place = gtk_expander_new (title);
          gtk_widget_add_css_class (place, "error");
          gtk_expander_set_child (GTK_EXPANDER (place), label);
        }
      gtk_grid_attach (self->grid, place, 0, indicator_row (GR_N_INDICATORS - 1) + 2, 4, 1);
    }
}

/* The values and verdicts of rows @first…@last only, as while a park is
 * dragged; nothing when the panel is empty. */
void
gr_indicator_panel_update (GrIndicatorPanel   *self,
                           const GrIndicators *shown,
                           GrIndicatorId       first,
                           GrIndicatorId       last)
{
  g_return_if_fail (GR_IS_INDICATOR_PANEL (self));
  for (guint i = first; i <= last && i < GR_N_INDICATORS; i++)
    show_row (self, shown, i);
}

/* The row of @id as shown: its value and its verdict (the gap in words
 * where there is one). FALSE when the panel is empty. */
gboolean
gr_indicator_panel_get_row (GrIndicatorPanel *self,
                            GrIndicatorId     id,
                            const char      **value,
                            const char      **verdict)
{
  GtkWidget *v = gtk_grid_get_child_at (self->grid, 1, indicator_row (id));
  GtkWidget *w = gtk_grid_get_child_at (self->grid, 3, indicator_row (id));

  if (v == NULL || w == NULL)
    return FALSE;
  *value = gtk_label_get_text (GTK_LABEL (v));
  *verdict = gtk_widget_get_tooltip_text (w) != NULL ? gtk_widget_get_tooltip_text (w)
                                                     : gtk_label_get_text (GTK_LABEL (w));
  return TRUE;
}

/* One line of a priority area: who is left out and where a park could go. */
static char *
priority_text (const GrPriorityArea *a, GrProject *project)
{
  g_autofree char *people = gr_format_number (a->residents, 0);
  g_autofree char *zone = a->zone > 0 ? gr_project_zone_name (project, a->zone) : NULL;
  GString         *text = g_string_new (NULL);

  /* TRANSLATORS: a priority area: "1,234 residents left out · 2.35 ha" */
  g_string_append_printf (text, _ ("%s residents left out · %.2f ha"), people, a->area_m2 / 1e4);
  if (isfinite (a->children) || isfinite (a->elderly))
    {
      g_autofree char *children =
          isfinite (a->children) ? gr_format_number (a->children, 0) : g_strdup ("–");
      g_autofree char *elderly =
          isfinite (a->elderly) ? gr_format_number (a->elderly, 0) : g_strdup ("–");

      /* TRANSLATORS: children aged 0–14 and elderly aged 60+ among them */
      g_string_append_printf (text, _ (" (%s children, %s elderly)"), children, elderly);
    }
  if (zone != NULL)
    g_string_append_printf (text, " · %s", zone);
  if (a->site != NULL)
    /* TRANSLATORS: the nearest site a park could go on, and how far */
    g_string_append_printf (text, _ ("\nnearest site: %s, %.0f m"), a->site, a->site_distance_m);
  return g_string_free (text, FALSE);
}

/**
 * gr_indicator_panel_show_priorities:
 * @areas: (nullable) (element-type GrPriorityArea): by rank; %NULL or
 *   empty hides the list
 *
 * The blind-spot areas that leave the most residents out, each a row that
 * takes the map there.
 */
void
gr_indicator_panel_show_priorities (GrIndicatorPanel *self, GArray *areas, GrProject *project)
{
  GtkWidget *child;

  g_return_if_fail (GR_IS_INDICATOR_PANEL (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->priority_list))) != NULL)
    gtk_list_box_remove (self->priority_list, child);
  gtk_widget_set_visible (self->priority_box, areas != NULL && areas->len > 0);
  for (guint i = 0; areas != NULL && i < areas->len; i++)
    {
      const GrPriorityArea *a = &g_array_index (areas, GrPriorityArea, i);
      g_autofree char      *rank = g_strdup_printf ("%u", a->rank);
      g_autofree char      *text = priority_text (a, project);
      GtkWidget            *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget            *number = gtk_label_new (rank);
      GtkWidget            *label = gtk_label_new (text);

      gtk_widget_add_css_class (number, "heading");
      gtk_widget_set_valign (number, GTK_ALIGN_START);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_margin_start (line, 6);
      gtk_widget_set_margin_end (line, 6);
      gtk_widget_set_margin_top (line, 4);
      gtk_widget_set_margin_bottom (line, 4);
      gtk_box_append (GTK_BOX (line), number);
      gtk_box_append (GTK_BOX (line), label);
      gtk_list_box_append (self->priority_list, line);
    }
}

guint
gr_indicator_panel_get_n_priorities (GrIndicatorPanel *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->priority_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}
