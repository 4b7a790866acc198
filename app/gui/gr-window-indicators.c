/* gr-window-indicators.c — the coverage panel, the zone table and the park-city indicators with their targets */
#include "config.h"

#include "gr-window-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* ---- coverage and zones ----------------------------------------------------- */

void
_gr_window_update_indicators (GrWindow *self)
{
  GrAnalysis *analysis = self->session ? gr_session_get_analysis (self->session) : NULL;

  if (analysis == NULL)
    return;
  gr_analysis_summarize (analysis, -1, &self->summary);
  gr_coverage_panel_show (self->coverage_panel, &self->summary,
                          self->current != NULL ? &self->baseline_summary : NULL);
}

void
_gr_window_update_zone_table (GrWindow *self, GrAnalysis *analysis)
{
  gr_zone_table_show (self->zone_table, gr_session_get_project (self->session), analysis);
}

/* ---- park-city indicators ---------------------------------------------------- */

void
_gr_window_fill_scopes (GrWindow *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  GrProject *project = self->session != NULL ? gr_session_get_project (self->session) : NULL;
  guint n = project != NULL ? gr_project_get_n_zones (project) : 0;

  gtk_string_list_append (names, _("City"));
  for (guint z = 1; z <= n; z++)
    {
      g_autofree char *name = gr_project_zone_name (project, z);
      gtk_string_list_append (names, name);
    }
  self->filling_scopes = TRUE;
  gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->scope_dropdown, 0);
  self->filling_scopes = FALSE;
  g_object_unref (names);
}

static void
grid_label (GtkGrid *grid, const char *text, int col, int row, gboolean numeric, const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), !numeric);
  if (!numeric)
    gtk_widget_set_hexpand (label, TRUE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  gtk_grid_attach (grid, label, col, row, 1, 1);
}

/* The panel's groups: where each starts and its heading. */
static const struct
{
  GrIndicatorId first;
  const char   *title;
} indicator_groups[] = {
  { GR_IND_PARK_PER_CAPITA, N_("Park green area") },
  { GR_IND_SERVICE_RATE, N_("Coverage") },
  { GR_IND_GREENWAY_PER_10K, N_("Greenways and nurseries") },
};

/* The grid row of indicator @id, below the headings before it. */
int
_gr_window_indicator_row (GrIndicatorId id)
{
  int row = id;

  for (guint g = 0; g < G_N_ELEMENTS (indicator_groups); g++)
    row += indicator_groups[g].first <= id;
  return row;
}

/* One row's value and verdict, from self->shown. */
static void
show_target_row (GrWindow *self, GrIndicatorId i)
{
  const GrIndicator *it = &self->shown.items[i];
  int row = _gr_window_indicator_row (i);
  GtkWidget *value = gtk_grid_get_child_at (self->targets_grid, 1, row);
  GtkWidget *verdict = gtk_grid_get_child_at (self->targets_grid, 3, row);
  g_autofree char *text = isfinite (it->value) ? g_strdup_printf ("%.2f %s", it->value, gr_indicator_get_unit (i))
                                               : g_strdup ("–");
  const char *tooltip = it->missing != NULL ? it->missing : it->gap_text;

  if (value == NULL || verdict == NULL)
    return;
  gtk_label_set_text (GTK_LABEL (value), text);
  gtk_label_set_text (GTK_LABEL (verdict), it->missing != NULL ? _("no data")
                                           : !it->has_target   ? ""
                                           : it->pass          ? _("met")
                                                               : _("short"));
  gtk_widget_remove_css_class (verdict, "dim-label");
  gtk_widget_remove_css_class (verdict, "success");
  gtk_widget_remove_css_class (verdict, "error");
  gtk_widget_add_css_class (verdict, it->missing != NULL || !it->has_target ? "dim-label"
                                     : it->pass                             ? "success"
                                                                            : "error");
  gtk_widget_set_tooltip_text (verdict, tooltip);
  gtk_widget_set_tooltip_text (gtk_grid_get_child_at (self->targets_grid, 0, row), tooltip);
}

/* Every indicator of the scenario shown, judged against the chosen targets,
 * for the city or the chosen zone. Rebuilt after every edit; while a park
 * is dragged, the coverage rows follow the pointer (_gr_window_update_targets_live). */
void
_gr_window_refresh_targets (GrWindow *self)
{
  GtkWidget *child;
  GrAnalysis *analysis = self->session != NULL ? gr_session_get_analysis (self->session) : NULL;
  g_autoptr (GrProject) edited = NULL;
  GrProject *project, view;
  guint scope = gtk_drop_down_get_selected (self->scope_dropdown);
  GrTargetSet set = gtk_drop_down_get_selected (self->targets_dropdown) + 1;

  if (self->dragging)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->targets_grid))) != NULL)
    gtk_grid_remove (self->targets_grid, child);
  gr_indicators_clear (&self->shown);
  if (analysis == NULL)
    return;
  project = gr_session_get_project (self->session);
  /* The scenario's parks and green space over the baseline's other layers. */
  if (self->current != NULL)
    {
      edited = gr_scenario_view (self->current, project, &view);
      project = &view;
    }
  if (set >= GR_N_TARGET_SETS)
    set = GR_TARGETS_NONE;
  memcpy (self->shown_targets, gr_target_set_get_targets (set), sizeof self->shown_targets);
  /* An unsaved project has no targets of its own yet. */
  if (set == GR_TARGETS_PROJECT
      && (self->store == NULL
          || !gr_project_targets_load (gr_session_get_path (self->session), self->shown_targets, NULL)))
    memcpy (self->shown_targets, gr_target_set_get_targets (GR_TARGETS_NONE), sizeof self->shown_targets);
  if (set == GR_TARGETS_PROJECT)
    gr_indicators_compute_with (&self->shown, project, analysis, scope > 0 ? (int) scope : -1, set,
                                self->shown_targets);
  else
    gr_indicators_compute (&self->shown, project, analysis, scope > 0 ? (int) scope : -1, set);
  self->shown_scope = scope > 0 ? (int) scope : -1;
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    {
      const GrIndicator *it = &self->shown.items[i];
      g_autofree char *target = it->has_target ? g_strdup_printf ("%s %.2f", it->strict ? ">" : "≥", it->target)
                                               : g_strdup ("");
      int row = _gr_window_indicator_row (i);

      for (guint g = 0; g < G_N_ELEMENTS (indicator_groups); g++)
        if (indicator_groups[g].first == i)
          {
            GtkWidget *heading = gtk_label_new (_(indicator_groups[g].title));

            gtk_label_set_xalign (GTK_LABEL (heading), 0);
            gtk_widget_add_css_class (heading, "caption-heading");
            gtk_widget_set_margin_top (heading, 6);
            gtk_grid_attach (self->targets_grid, heading, 0, row - 1, 4, 1);
          }
      grid_label (self->targets_grid, gr_indicator_get_name (i), 0, row, FALSE, NULL);
      grid_label (self->targets_grid, "", 1, row, TRUE, NULL);
      grid_label (self->targets_grid, target, 2, row, TRUE, "dim-label");
      grid_label (self->targets_grid, "", 3, row, TRUE, NULL);
      show_target_row (self, i);
    }
  if (self->shown.system_check != NULL)
    {
      GtkWidget *label = gtk_label_new (self->shown.system_check);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_grid_attach (self->targets_grid, label, 0, _gr_window_indicator_row (GR_N_INDICATORS - 1) + 1, 4, 1);
    }
}

/* During a drag: the coverage panel and the indicators' coverage rows from
 * the live analysis (the park-area rows do not change when a park moves).
 * Text is re-laid out at most every LIVE_TEXT_MS (a reader needs no more),
 * the map every frame. */
#define LIVE_TEXT_MS 100

static gboolean
targets_live_now (gpointer data)
{
  GrWindow *self = data;
  GrAnalysis *analysis = self->session != NULL ? gr_session_get_analysis (self->session) : NULL;

  self->live_text_id = 0;
  self->live_text_time = g_get_monotonic_time ();
  _gr_window_update_indicators (self);
  if (analysis == NULL || gtk_widget_get_first_child (GTK_WIDGET (self->targets_grid)) == NULL)
    return G_SOURCE_REMOVE;
  gr_indicators_update_coverage (&self->shown, analysis, self->shown_scope, self->shown_targets);
  for (guint i = GR_IND_SERVICE_RATE; i <= GR_IND_PARK_500_POPULATION; i++)
    show_target_row (self, i);
  return G_SOURCE_REMOVE;
}

void
_gr_window_update_targets_live (GrWindow *self)
{
  gint64 since = (g_get_monotonic_time () - self->live_text_time) / 1000;

  if (self->live_text_id != 0)
    return;
  if (since >= LIVE_TEXT_MS)
    targets_live_now (self);
  else
    self->live_text_id = g_timeout_add (LIVE_TEXT_MS - since, targets_live_now, self);
}

/* ---- the project's own targets ---- */

static void
on_targets_response (AdwMessageDialog *dialog, const char *response, GrWindow *self)
{
  GtkGrid *grid = GTK_GRID (adw_message_dialog_get_extra_child (dialog));
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || self->store == NULL)
    return;
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    {
      GtkCheckButton *use = GTK_CHECK_BUTTON (gtk_grid_get_child_at (grid, 1, i + 1));
      GtkSpinButton *value = GTK_SPIN_BUTTON (gtk_grid_get_child_at (grid, 2, i + 1));
      GtkCheckButton *strict = GTK_CHECK_BUTTON (gtk_grid_get_child_at (grid, 3, i + 1));

      if (!gr_project_targets_set (gr_session_get_path (self->session), i,
                                   gtk_check_button_get_active (use) ? gtk_spin_button_get_value (value) : NAN,
                                   gtk_check_button_get_active (strict), &error))
        {
          _gr_window_show_error (self, _("Could not save the targets"), error);
          return;
        }
    }
  gr_window_set_targets (self, GR_TARGETS_PROJECT, gtk_drop_down_get_selected (self->scope_dropdown));
  _gr_window_refresh_targets (self);
}

/* Every indicator with its own target: on or off, the value, "more than". */
void
_gr_window_edit_targets_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  GtkWidget *grid, *dialog;
  GrTarget own[GR_N_INDICATORS];

  if (self->session == NULL || !_gr_window_ensure_store (self))
    return;
  gr_project_targets_load (gr_session_get_path (self->session), own, NULL);
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_attach (GTK_GRID (grid), gtk_label_new (_("Target")), 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), gtk_label_new (_("More than")), 3, 0, 1, 1);
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    {
      GtkWidget *name = gtk_label_new (gr_indicator_get_name (i));
      GtkWidget *use = gtk_check_button_new ();
      GtkWidget *value = gtk_spin_button_new_with_range (0, 1e6, 0.1);
      GtkWidget *strict = gtk_check_button_new ();

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 36);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (value), 2);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (use), isfinite (own[i].value));
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (value), isfinite (own[i].value) ? own[i].value : 0);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (strict), own[i].strict);
      g_object_bind_property (use, "active", value, "sensitive", G_BINDING_SYNC_CREATE);
      g_object_bind_property (use, "active", strict, "sensitive", G_BINDING_SYNC_CREATE);
      gtk_grid_attach (GTK_GRID (grid), name, 0, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), use, 1, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value, 2, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), strict, 3, i + 1, 1, 1);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("This Project's Targets"),
                                   _("Targets kept in the project file, for plans the built-in sets do not cover."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  g_signal_connect (dialog, "response", G_CALLBACK (on_targets_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_targets_changed (GrWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->targets_dropdown);

  if (i + 1 < GR_N_TARGET_SETS)
    g_settings_set_string (gr_settings_get (), "target-set", gr_target_set_get_key (i + 1));
  _gr_window_refresh_targets (self);
}

static void
on_scope_changed (GrWindow *self)
{
  if (!self->filling_scopes)
    _gr_window_refresh_targets (self);
}

void
_gr_window_build_targets (GrWindow *self)
{
  GtkStringList *sets = gtk_string_list_new (NULL);
  g_autofree char *key = g_settings_get_string (gr_settings_get (), "target-set");
  GrTargetSet chosen = GR_TARGETS_YUNCHENG_2025;

  /* GR_TARGETS_NONE last: the plans first. */
  for (guint i = 1; i < GR_N_TARGET_SETS; i++)
    gtk_string_list_append (sets, gr_target_set_get_label (i));
  gtk_string_list_append (sets, gr_target_set_get_label (GR_TARGETS_NONE));
  gtk_drop_down_set_model (self->targets_dropdown, G_LIST_MODEL (sets));
  g_object_unref (sets);
  gr_target_set_from_key (key, &chosen);
  gtk_drop_down_set_selected (self->targets_dropdown, chosen == GR_TARGETS_NONE ? GR_N_TARGET_SETS - 1 : chosen - 1);
  g_signal_connect_swapped (self->targets_dropdown, "notify::selected", G_CALLBACK (on_targets_changed), self);
  g_signal_connect_swapped (self->scope_dropdown, "notify::selected", G_CALLBACK (on_scope_changed), self);
  _gr_window_fill_scopes (self);
}
