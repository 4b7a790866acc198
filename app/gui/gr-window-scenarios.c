/* gr-window-scenarios.c — scenarios: keeping the analysis, the sketch and the history in step, saving, naming */
#include "config.h"

#include "gr-window-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* ---- what-if editing ---------------------------------------------------------- */

GrProject *
_gr_window_baseline_project (GrWindow *self)
{
  return gr_session_get_project (self->session);
}

/* What an outline in @bounds can change: grown by the longest distance any
 * rule measures (walks are never shorter than the straight line). */
void
_gr_window_grow_by_reach (GrWindow *self, double bounds[4])
{
  const GrServiceRules *rules = _gr_window_baseline_project (self)->rules;
  double                reach = MAX (self->criteria.green_radius, self->criteria.park_radius);

  for (guint i = 0; i < gr_service_rules_get_n_rules (rules); i++)
    reach = MAX (reach, gr_service_rules_get_rule (rules, i)->radius);
  bounds[0] -= reach, bounds[1] -= reach;
  bounds[2] += reach, bounds[3] += reach;
}

guint
_gr_window_n_baseline_parks (GrWindow *self)
{
  GrLayer *parks = _gr_window_baseline_project (self)->layers[GR_ROLE_PARK];

  return parks != NULL ? parks->features->len : 0;
}

gboolean
_gr_window_widget_to_analysis (GrWindow *self, double wx, double wy, double *x, double *y)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double           lat, lon;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), wx, wy, &lat, &lon);
  return gr_display_from_lonlat (gr_session_get_display (self->session), lon, lat, x, y);
}

/* The editable feature (park or green space, as the scenario has it) at a
 * point of the analysis CRS. */
gboolean
_gr_window_feature_at (GrWindow *self, double x, double y, GrFeatureKey *key)
{
  static const GrRole roles[] = { GR_ROLE_PARK, GR_ROLE_GREEN };
  g_autoptr (GArray) touched =
      self->current != NULL ? gr_scenario_get_touched (self->current) : NULL;
  g_auto (OGRGeometryH) point = OGR_G_CreateGeometry (wkbPoint);

  OGR_G_SetPoint_2D (point, 0, x, y);
  for (guint i = 0; touched != NULL && i < touched->len; i++)
    {
      GrFeatureKey k = g_array_index (touched, GrFeatureKey, i);
      OGRGeometryH g =
          gr_scenario_get_geometry (self->current, _gr_window_baseline_project (self), k);

      if (g != NULL && OGR_G_Contains (g, point))
        {
          *key = k;
          return TRUE;
        }
    }
  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      guint        index;
      GrFeatureKey k;

      if (gr_session_nearest (self->session, roles[r], x, y, &index) > 0)
        continue;
      k = (GrFeatureKey){ roles[r], index };
      if (gr_scenario_get_geometry (self->current, _gr_window_baseline_project (self), k) == NULL)
        continue; /* removed in this scenario */
      *key = k;
      return TRUE;
    }
  return FALSE;
}

/* Whether the move, reshape and remove edits may touch @key: a scenario's
 * candidate parks always, the baseline's features only once the planner
 * unlocked them (win.edit-baseline). With @say, a locked feature is said so. */
gboolean
_gr_window_may_edit (GrWindow *self, GrFeatureKey key, gboolean say)
{
  if ((key.role == GR_ROLE_PARK && key.index >= _gr_window_n_baseline_parks (self))
      || self->edit_baseline)
    return TRUE;
  if (say)
    adw_toast_overlay_add_toast (
        self->toasts, adw_toast_new (_ ("The baseline's features are locked: choose Scenarios ▸ "
                                        "Edit Baseline Features to move, reshape or remove them")));
  return FALSE;
}

/* The feature under (@x, @y) the editing tools may change. */
gboolean
_gr_window_edit_target_at (GrWindow *self, double x, double y, GrFeatureKey *key)
{
  GrFeatureKey k;

  if (!_gr_window_feature_at (self, x, y, &k) || !_gr_window_may_edit (self, k, FALSE))
    return FALSE;
  *key = k;
  return TRUE;
}

/* Redraws what depends on the scenario: the sketch, the history, the
 * actions that make sense now. While a drag runs only the sketch changes. */
void
_gr_window_refresh_edits (GrWindow *self)
{
  g_autoptr (GArray) touched = NULL;
  GrDisplay *display = self->session != NULL ? gr_session_get_display (self->session) : NULL;
  gboolean   full = !self->dragging;

  gr_sketch_layer_clear (self->sketch);
  _gr_window_update_actions (self);
  if (full)
    {
      gr_history_panel_show (self->history, display != NULL ? self->current : NULL,
                             display != NULL ? _gr_window_baseline_project (self) : NULL);
      gtk_widget_set_visible (self->edits_pane, display != NULL && self->current != NULL);
      gtk_widget_set_visible (self->edits_hint,
                              self->current != NULL && self->current->edits->len == 0);
      gtk_widget_set_visible (GTK_WIDGET (self->balance_label), FALSE);
    }
  /* An unedited feature picked for editing: its outline and handles. */
  if (self->has_selection && display != NULL && !self->dragging)
    {
      g_autoptr (GArray) keys =
          self->current != NULL ? gr_scenario_get_touched (self->current) : NULL;
      gboolean edited = FALSE;

      for (guint i = 0; keys != NULL && i < keys->len && !edited; i++)
        edited = g_array_index (keys, GrFeatureKey, i).role == self->selection.role
                 && g_array_index (keys, GrFeatureKey, i).index == self->selection.index;
      if (!edited)
        {
          OGRGeometryH g = gr_scenario_get_geometry (
              self->current, _gr_window_baseline_project (self), self->selection);

          if (g != NULL)
            gr_sketch_layer_add (self->sketch, display, g, GR_MARK_SELECTED, TRUE, FALSE);
        }
    }
  /* The zone the indicators are for, outlined. */
  {
    guint    zone = gr_indicator_panel_get_scope (self->indicator_panel);
    GrLayer *zones =
        display != NULL ? gr_session_get_project (self->session)->layers[GR_ROLE_ZONES] : NULL;

    if (zone > 0 && zones != NULL && zone <= zones->features->len)
      gr_sketch_layer_add (self->sketch, display,
                           ((GrFeature *) g_ptr_array_index (zones->features, zone - 1))->geometry,
                           GR_MARK_SELECTED, FALSE, FALSE);
  }
  if (self->current == NULL || display == NULL)
    return;
  if (full)
    {
      GrBalance b;

      gr_scenario_balance (self->current, _gr_window_baseline_project (self),
                           GR_COMPENSATION_DISTANCE, &b);
      if (b.taken_m2 > 0)
        {
          g_autofree char *text = NULL;

          /* TRANSLATORS: 占补平衡, the occupation–compensation balance of green land */
          text = g_strdup_printf (
              _ ("Green land taken: %.0f m²; replaced within %.0f m: %.0f m²; still to "
                 "compensate: %.0f m²"),
              b.taken_m2, GR_COMPENSATION_DISTANCE, b.compensated_m2, b.outstanding_m2);
          gtk_label_set_text (self->balance_label, text);
          gtk_widget_set_visible (GTK_WIDGET (self->balance_label), TRUE);
          if (b.outstanding_m2 > 0)
            gtk_widget_add_css_class (GTK_WIDGET (self->balance_label), "error");
          else
            gtk_widget_remove_css_class (GTK_WIDGET (self->balance_label), "error");
        }
    }
  touched = gr_scenario_get_touched (self->current);
  for (guint i = 0; i < touched->len; i++)
    {
      GrFeatureKey k = g_array_index (touched, GrFeatureKey, i);
      OGRGeometryH g =
          gr_scenario_get_geometry (self->current, _gr_window_baseline_project (self), k);
      gboolean candidate = k.role == GR_ROLE_PARK && k.index >= _gr_window_n_baseline_parks (self);
      gboolean selected =
          self->has_selection && self->selection.role == k.role && self->selection.index == k.index;

      if (self->dragging && self->drag_key.role == k.role && self->drag_key.index == k.index)
        continue;
      if (g == NULL && !candidate)
        gr_sketch_layer_add (
            self->sketch, display,
            ((GrFeature *) g_ptr_array_index (
                 _gr_window_baseline_project (self)->layers[k.role]->features, k.index))
                ->geometry,
            GR_MARK_REMOVED, selected, FALSE);
      else if (g != NULL)
        gr_sketch_layer_add (
            self->sketch, display, g, candidate ? GR_MARK_CANDIDATE : GR_MARK_RESHAPED, selected,
            candidate
                && gr_candidate_flags (_gr_window_baseline_project (self), g,
                                       gr_scenario_get_feature_class (
                                           self->current, _gr_window_baseline_project (self), k,
                                           self->current->position))
                       != 0);
    }
  if (self->dragging && self->drag_now != NULL)
    gr_sketch_layer_add (self->sketch, display, self->drag_now,
                         self->drag_key.role == GR_ROLE_PARK
                                 && self->drag_key.index >= _gr_window_n_baseline_parks (self)
                             ? GR_MARK_CANDIDATE
                             : GR_MARK_RESHAPED,
                         TRUE, FALSE);
}

/* Brings the analysis, the overlay and the panel to the scenario now. */
void
_gr_window_after_change (GrWindow *self)
{
  double changed[4];

  if (self->editor == NULL)
    return;
  gr_editor_sync (self->editor, self->current != NULL ? self->current : self->empty, changed);
  /* Only the tiles the changed outlines' service radii reach. */
  if (isfinite (changed[0]))
    {
      _gr_window_grow_by_reach (self, changed);
      gr_coverage_layer_refresh_area (self->coverage, changed);
    }
  _gr_window_update_indicators (self);
  _gr_window_update_zone_table (self, gr_session_get_analysis (self->session));
  _gr_window_refresh_edits (self);
  _gr_window_refresh_targets (self);
  _gr_window_update_presentation (self);
  _gr_window_suggest_after_change (self);
}

/* The switcher's list follows the scenarios: items whose scenario is
 * unchanged stay (a rename changes the name only), the rest is replaced. */
void
_gr_window_fill_scenarios (GrWindow *self)
{
  GListModel *items = G_LIST_MODEL (self->scenario_items);
  guint       n = 1 + (self->scenarios != NULL ? self->scenarios->len : 0);
  guint       had = g_list_model_get_n_items (items);
  guint       keep = 0, selected = 0;
  g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  for (; keep < MIN (n, had); keep++)
    {
      g_autoptr (GrScenarioItem) item = g_list_model_get_item (items, keep);
      GrScenario *s = keep > 0 ? g_ptr_array_index (self->scenarios, keep - 1) : NULL;

      if (gr_scenario_item_get_scenario (item) != s)
        break;
      if (s != NULL)
        gr_scenario_item_set_name (item, s->name);
    }
  for (guint i = keep; i < n; i++)
    g_ptr_array_add (
        added, gr_scenario_item_new (i > 0 ? g_ptr_array_index (self->scenarios, i - 1) : NULL));
  for (guint i = 1; i < n; i++)
    if (g_ptr_array_index (self->scenarios, i - 1) == self->current)
      selected = i;
  self->filling = TRUE;
  if (keep < MAX (n, had))
    g_list_store_splice (self->scenario_items, keep, had - keep, added->pdata, added->len);
  gtk_drop_down_set_selected (self->scenario_dropdown, selected);
  self->filling = FALSE;
}

/* Edits that no longer fit the data are named once, when the project is
 * opened: they are not in the scenarios shown. */
static void
report_left_out (GrWindow *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < self->scenarios->len; i++)
    {
      GPtrArray *left_out = ((GrScenario *) g_ptr_array_index (self->scenarios, i))->left_out;

      for (guint k = 0; k < left_out->len; k++)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "",
                                (const char *) g_ptr_array_index (left_out, k));
    }
  if (text->len == 0)
    return;
  error = g_error_new_literal (GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT, text->str);
  _gr_window_show_error (self, _ ("Some scenario edits no longer fit the data"), error);
}

void
_gr_window_load_scenarios (GrWindow *self)
{
  const char *path = self->session != NULL ? gr_session_get_path (self->session) : NULL;
  g_autoptr (GError) error = NULL;

  self->current = NULL;
  self->has_selection = FALSE;
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  g_clear_pointer (&self->store, gr_scenario_store_close);
  if (path != NULL && gr_session_get_sources (self->session)->len == 0
      && gr_project_file_is_project (path))
    {
      gboolean read_only = gr_project_file_is_read_only (path);

      self->store = gr_scenario_store_open (
          path, gr_session_get_project (self->session),
          read_only ? GR_SCENARIO_STORE_READ : GR_SCENARIO_STORE_WRITE, &error);
      /* A database user allowed to read the project, not to change it. */
      if (self->store == NULL
          && g_error_matches (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_READ_ONLY)
          && gr_pg_is_connection (path))
        {
          g_clear_error (&error);
          read_only = TRUE;
          self->store = gr_scenario_store_open (path, gr_session_get_project (self->session),
                                                GR_SCENARIO_STORE_READ, &error);
        }
      if (self->store == NULL
          || (self->scenarios = gr_scenario_store_load (self->store, &error)) == NULL)
        _gr_window_show_error (self, _ ("Could not read the scenarios"), error);
      else
        report_left_out (self);
      self->share_lost = FALSE;
      if (read_only)
        adw_toast_overlay_add_toast (
            self->toasts, adw_toast_new (_ ("The project file is read-only: its scenarios can be "
                                            "looked at but not changed. Save a copy to edit.")));
    }
  _gr_window_fill_scenarios (self);
  _gr_window_follow_share (self);
}

void
_gr_window_on_scenario_selected (GrWindow *self)
{
  guint       i = gtk_drop_down_get_selected (self->scenario_dropdown);
  GrScenario *was = self->current;

  if (self->filling)
    return;
  self->current = i > 0 && self->scenarios != NULL && i <= self->scenarios->len
                      ? g_ptr_array_index (self->scenarios, i - 1)
                      : NULL;
  /* The sites were ranked for the option shown before, and would be
   * accepted into it. */
  if (self->current != was)
    {
      _gr_window_suggest_drop (self, _ ("Another option is shown: suggest again"));
      _gr_window_follow_share (self);
    }
  self->has_selection = FALSE;
  _gr_window_after_change (self);
}

/* Selects a scenario by name; for the tests and the command line. */
gboolean
gr_window_set_scenario (GrWindow *self, const char *name)
{
  for (guint i = 0; self->scenarios != NULL && i < self->scenarios->len; i++)
    if (g_strcmp0 (((GrScenario *) g_ptr_array_index (self->scenarios, i))->name, name) == 0)
      {
        gtk_drop_down_set_selected (self->scenario_dropdown, i + 1);
        return TRUE;
      }
  gtk_drop_down_set_selected (self->scenario_dropdown, 0);
  return name == NULL;
}

/* ---- saving, for a project opened from OSM or data files ---- */

/* Writes the open project to @path and keeps editing it there. */
gboolean
gr_window_save_as (GrWindow *self, const char *path, GError **error)
{
  g_autofree char *shown = self->current != NULL ? g_strdup (self->current->name) : NULL;
  const char      *before = gr_session_get_path (self->session);
  GrTarget         targets[GR_N_INDICATORS];
  gboolean         has_targets = FALSE;
  g_autoptr (GError) local = NULL;

  /* The project's own targets go with it: read first, as the place it is
   * saved to may be the one it was read from. */
  if (before != NULL && gr_project_file_is_project (before))
    {
      if (!gr_project_targets_load (before, targets, error))
        return FALSE;
      has_targets = TRUE;
    }

  /* The scenarios go with the project, over itself or into a new file; the
   * store is closed while the file is replaced. */
  g_clear_handle_id (&self->share_id, g_source_remove);
  g_clear_pointer (&self->store, gr_scenario_store_close);
  if (!gr_project_save_with_scenarios (_gr_window_baseline_project (self), path, self->scenarios,
                                       error))
    {
      _gr_window_load_scenarios (self);
      if (shown != NULL)
        gr_window_set_scenario (self, shown);
      return FALSE;
    }
  gr_session_set_path (self->session, path);
  _gr_window_forget_targets (self);
  for (guint i = 0; has_targets && i < GR_N_INDICATORS; i++)
    if (!isnan (targets[i].value)
        && !gr_project_targets_set (path, i, targets[i].value, targets[i].strict, &local))
      {
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (local->message));
        break;
      }
  _gr_window_load_scenarios (self);
  if (shown != NULL)
    gr_window_set_scenario (self, shown);
  {
    g_autofree char *name = gr_project_file_get_name (path);
    adw_window_title_set_subtitle (self->window_title, name);
  }
  _gr_window_keep_style (self, TRUE);
  _gr_window_after_change (self);
  return self->store != NULL;
}

static void
on_save_chosen (GtkNativeDialog *dialog, int response, gpointer data)
{
  GrWindow        *self = GR_WINDOW (data);
  g_autofree char *chosen = _gr_window_chosen_path (dialog, response);
  g_autofree char *path = chosen != NULL && !g_str_has_suffix (chosen, ".gpkg")
                              ? g_strconcat (chosen, ".gpkg", NULL)
                              : g_strdup (chosen);
  g_autoptr (GError) error = NULL;
  gboolean saved = path != NULL && gr_window_save_as (self, path, &error);

  if (path != NULL && !saved && error != NULL)
    _gr_window_show_error (self, _ ("Could not save the project"), error);
  _gr_window_apply_pending (self, saved);
}

void
_gr_window_save_as_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow             *self = GR_WINDOW (widget);
  GtkFileChooserNative *dialog;

  if (self->session == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_ ("Save the Project"), GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _ ("project.gpkg"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_chosen), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Scenarios live in the project file: an unsaved project is saved first. */
gboolean
_gr_window_ensure_store (GrWindow *self)
{
  if (self->store != NULL)
    return TRUE;
  adw_toast_overlay_add_toast (
      self->toasts,
      adw_toast_new (_ ("Scenarios are kept in the project file: save the project first")));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
  return FALSE;
}

/* ---- scenarios ---- */

/**
 * gr_window_new_scenario:
 * @from: (nullable): a scenario to copy, or %NULL for an empty one
 *
 * Creates, stores and switches to a scenario.
 */
gboolean
gr_window_new_scenario (GrWindow *self, const char *name, GrScenario *from, GError **error)
{
  g_autoptr (GrScenario) scenario = NULL;

  if (self->store == NULL)
    {
      g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                           _ ("Scenarios are kept in the project file: save the project first"));
      return FALSE;
    }
  scenario = from != NULL ? gr_scenario_copy (from, name) : gr_scenario_new (name);
  if (!gr_scenario_store_add (self->store, scenario, error))
    return FALSE;
  if (self->scenarios == NULL)
    self->scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_scenario_free);
  self->current = scenario;
  g_ptr_array_add (self->scenarios, g_steal_pointer (&scenario));
  _gr_window_fill_scenarios (self);
  _gr_window_follow_share (self);
  _gr_window_after_change (self);
  return TRUE;
}

char *
_gr_window_next_scenario_name (GrWindow *self)
{
  for (guint n = 1;; n++)
    {
      char    *name = g_strdup_printf (_ ("Scenario %u"), n);
      gboolean taken = FALSE;

      for (guint i = 0; self->scenarios != NULL && i < self->scenarios->len && !taken; i++)
        taken =
            g_strcmp0 (((GrScenario *) g_ptr_array_index (self->scenarios, i))->name, name) == 0;
      if (!taken)
        return name;
      g_free (name);
    }
}

static void
on_name_response (GrNameDialog *dialog, const char *response, GrWindow *self)
{
  NamePurpose      purpose = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "purpose"));
  g_autofree char *name = gr_name_dialog_get_name (dialog);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "ok") != 0)
    return;
  if (purpose == NAME_RENAME)
    {
      ok = self->current != NULL
           && gr_scenario_store_rename (self->store, self->current, name, &error);
      if (ok)
        _gr_window_fill_scenarios (self);
    }
  else
    ok = gr_window_new_scenario (self, name, purpose == NAME_DUPLICATE ? self->current : NULL,
                                 &error);
  if (!ok && error != NULL)
    _gr_window_show_error (self, _ ("Could not change the scenarios"), error);
}

static void
ask_name (GrWindow *self, NamePurpose purpose)
{
  static const char *headings[] = { N_ ("New Scenario"), N_ ("Duplicate Scenario"),
                                    N_ ("Rename Scenario") };
  g_autofree char   *suggestion = NULL;
  GrNameDialog      *dialog;

  if (!_gr_window_ensure_store (self))
    return;
  suggestion = purpose == NAME_RENAME      ? g_strdup (self->current->name)
               : purpose == NAME_DUPLICATE ? g_strdup_printf (_ ("%s (copy)"), self->current->name)
                                           : _gr_window_next_scenario_name (self);
  dialog = gr_name_dialog_new (GTK_WINDOW (self), _ (headings[purpose]), suggestion);
  g_object_set_data (G_OBJECT (dialog), "purpose", GUINT_TO_POINTER (purpose));
  g_signal_connect (dialog, "response", G_CALLBACK (on_name_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_gr_window_scenario_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);

  if (self->session == NULL)
    return;
  if (g_str_equal (action, "win.scenario-new"))
    ask_name (self, NAME_NEW);
  else if (g_str_equal (action, "win.scenario-duplicate") && self->current != NULL)
    ask_name (self, NAME_DUPLICATE);
  else if (g_str_equal (action, "win.scenario-rename") && self->current != NULL)
    ask_name (self, NAME_RENAME);
  else if (g_str_equal (action, "win.scenario-delete") && self->current != NULL)
    {
      g_autoptr (GError) error = NULL;

      if (!gr_scenario_store_delete (self->store, self->current, &error))
        {
          _gr_window_show_error (self, _ ("Could not change the scenarios"), error);
          return;
        }
      g_ptr_array_remove (self->scenarios, self->current);
      self->current = NULL;
      _gr_window_fill_scenarios (self);
      _gr_window_after_change (self);
    }
}

/* ---- a project shared in a database ---- */

/* How often others' changes and who edits what are looked for. */
#define SHARE_POLL_SECONDS 3

/* gr_scenario_store_get_state() for the project and scenarios as this
 * window has them. */
static char *
own_state (GrWindow *self)
{
  g_autofree char *scenarios = gr_scenarios_get_state (self->scenarios);
  const char      *revision = _gr_window_baseline_project (self)->revision;

  return g_strdup_printf ("%s|%s", revision != NULL ? revision : "", scenarios);
}

/* What others did, said in a toast: the first scenario changed, added or
 * deleted since @before. */
static char *
describe_changes (GPtrArray *before, GPtrArray *after)
{
  for (guint i = 0; i < after->len; i++)
    {
      GrScenario *now = g_ptr_array_index (after, i);
      GrScenario *was = NULL;

      for (guint k = 0; before != NULL && k < before->len && was == NULL; k++)
        if (((GrScenario *) g_ptr_array_index (before, k))->id == now->id)
          was = g_ptr_array_index (before, k);
      if (was == NULL || was->version != now->version)
        /* TRANSLATORS: a scenario's name, then who changed it (user@host) */
        return g_strdup_printf (_ ("“%s” was changed by %s"), now->name,
                                now->changed_by != NULL ? now->changed_by : _ ("someone else"));
    }
  for (guint k = 0; before != NULL && k < before->len; k++)
    {
      GrScenario *was = g_ptr_array_index (before, k);
      gboolean    kept = FALSE;

      for (guint i = 0; i < after->len && !kept; i++)
        kept = ((GrScenario *) g_ptr_array_index (after, i))->id == was->id;
      if (!kept)
        return g_strdup_printf (_ ("“%s” was deleted by someone else"), was->name);
    }
  return NULL;
}

/* The scenarios read again, the one shown kept shown (by its id: it may
 * have been renamed meanwhile). */
static void
reload_scenarios (GrWindow *self)
{
  gint64 shown = self->current != NULL ? self->current->id : 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) fresh = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autofree char *what = NULL;

  if (self->store == NULL)
    return;
  if ((fresh = gr_scenario_store_load (self->store, &error)) == NULL)
    {
      _gr_window_show_error (self, _ ("Could not read the scenarios"), error);
      return;
    }
  what = describe_changes (self->scenarios, fresh);
  self->current = NULL;
  self->has_selection = FALSE;
  before = g_steal_pointer (&self->scenarios);
  self->scenarios = g_steal_pointer (&fresh);
  for (guint i = 0; i < self->scenarios->len; i++)
    if (((GrScenario *) g_ptr_array_index (self->scenarios, i))->id == shown && shown != 0)
      self->current = g_ptr_array_index (self->scenarios, i);
  _gr_window_fill_scenarios (self);
  _gr_window_follow_share (self);
  _gr_window_forget_targets (self);
  /* The items of @before are gone from the switcher: their scenarios may go. */
  g_clear_pointer (&before, g_ptr_array_unref);
  _gr_window_after_change (self);
  if (what != NULL)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (what));
}

/* Who edits which scenario, on the switcher's items. */
static void
show_editors (GrWindow *self, GHashTable *editors)
{
  GListModel *items = G_LIST_MODEL (self->scenario_items);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (GrScenarioItem) item = g_list_model_get_item (items, i);
      GrScenario *s = gr_scenario_item_get_scenario (item);

      gr_scenario_item_set_editors (
          item, s != NULL && editors != NULL ? g_hash_table_lookup (editors, &s->id) : NULL);
    }
}

/* Others' changes are shown as they are made; never in the middle of a
 * change here (a drag, a job), which waits for the next look. */
static void
show_peek (GrWindow *self, GHashTable *editors, const char *state, const GError *error)
{
  g_autofree char *own = NULL;

  if (state == NULL)
    {
      /* Said once; looked for again, as the network may come back. */
      if (!self->share_lost)
        _gr_window_show_error (self, _ ("The shared project cannot be reached"), error);
      self->share_lost = TRUE;
      show_editors (self, NULL);
      return;
    }
  self->share_lost = FALSE;
  show_editors (self, editors);
  own = own_state (self);
  if (g_str_equal (state, own) || self->busy || self->dragging)
    return;
  /* Saved anew by someone else (an import, a delivery imported again):
   * the whole project is read again, its scenarios with it. */
  if (strchr (state, '|') - state != strchr (own, '|') - own
      || strncmp (state, own, strchr (own, '|') - own) != 0)
    {
      g_autofree char *path = g_strdup (gr_session_get_path (self->session));

      adw_toast_overlay_add_toast (
          self->toasts,
          adw_toast_new (_ ("The project was saved anew by someone else: read again")));
      gr_window_open (self, path);
      return;
    }
  reload_scenarios (self);
}

static void
on_peeked (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GrWindow) self = data;
  g_autoptr (GError) error = NULL;
  guint generation = 0;
  g_autoptr (GrSharePeek) peek = gr_scenario_store_peek_finish (result, &generation, &error);

  self->peeking = FALSE;
  /* A look at a project since closed or replaced, or a window since closed. */
  if (self->store == NULL || !gr_scenario_store_is_shared (self->store) || self->share_id == 0
      || generation != self->share_generation)
    return;
  show_peek (self, peek != NULL ? peek->editors : NULL, peek != NULL ? peek->state : NULL, error);
}

/* Every few seconds: a look on a thread of its own, so that a slow or lost
 * network never holds the window up. */
static gboolean
poll_share (gpointer data)
{
  GrWindow *self = GR_WINDOW (data);

  if (self->store == NULL || !gr_scenario_store_is_shared (self->store))
    {
      self->share_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (!self->peeking)
    {
      self->peeking = TRUE;
      gr_scenario_store_peek_async (self->store, NULL, on_peeked, g_object_ref (self),
                                    self->share_generation);
    }
  return G_SOURCE_CONTINUE;
}

/**
 * gr_window_poll_share:
 *
 * Looks at once, on the window's own connection, for others' changes to a
 * shared project and who is editing what, as the window does every few
 * seconds. For the tests.
 */
void
gr_window_poll_share (GrWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) editors = NULL;
  g_autofree char *state = NULL;

  if (self->share_id == 0)
    return;
  editors = gr_scenario_store_get_editors (self->store, &error);
  if (editors != NULL)
    state = gr_scenario_store_get_state (self->store, &error);
  show_peek (self, editors, state, error);
}

/* A shared project is looked at every few seconds; a file is not. */
void
_gr_window_follow_share (GrWindow *self)
{
  gboolean shared = self->store != NULL && gr_scenario_store_is_shared (self->store);

  if (shared && self->share_id == 0)
    {
      self->share_id = g_timeout_add_seconds (SHARE_POLL_SECONDS, poll_share, self);
      self->share_generation++;
    }
  else if (!shared)
    g_clear_handle_id (&self->share_id, g_source_remove);
  /* Only a window that may change the scenario says it is editing it. */
  if (shared)
    gr_scenario_store_set_editing (
        self->store, gr_scenario_store_is_read_only (self->store) ? NULL : self->current, NULL);
}

static gboolean
reload_now (gpointer data)
{
  GrWindow *self = GR_WINDOW (data);

  self->reload_id = 0;
  reload_scenarios (self);
  return G_SOURCE_REMOVE;
}

/* After a change was refused: once the code that tried it has returned. */
void
_gr_window_reload_later (GrWindow *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_now, self);
}
