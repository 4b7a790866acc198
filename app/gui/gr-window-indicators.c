/* gr-window-indicators.c — the coverage panel, the zone table and the park-city indicators with their targets */
#include "config.h"

#include "gr-window-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* ---- indicators ------------------------------------------------------------ */

void
_gr_window_build_indicators (GrWindow *self)
{
  const char *rows[] = { N_("Residential land"), N_("Green within 300 m"), N_("Park within 500 m"),
                         N_("Both"), N_("Neither (blind spot)"), N_("Park service-radius coverage") };
  GtkWidget *header = gtk_label_new (_("Coverage"));

  gtk_widget_add_css_class (header, "heading");
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_grid_attach (self->indicators, header, 0, 0, 3, 1);
  gtk_grid_attach (self->indicators, gtk_label_new (_("area")), 1, 1, 1, 1);
  gtk_grid_attach (self->indicators, gtk_label_new (_("residents")), 2, 1, 1, 1);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      GtkWidget *label = gtk_label_new (_(rows[r]));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (self->indicators, label, 0, r + 2, 1, 1);
      for (guint c = 0; c < 2; c++)
        {
          self->values[r][c] = GTK_LABEL (gtk_label_new ("–"));
          gtk_label_set_xalign (self->values[r][c], 1);
          gtk_widget_add_css_class (GTK_WIDGET (self->values[r][c]), "numeric");
          gtk_grid_attach (self->indicators, GTK_WIDGET (self->values[r][c]), c + 1, r + 2, 1, 1);
        }
    }
}

/* A share, and in a scenario its change against the baseline in
 * percentage points. */
static void
set_share (GtkLabel *label, double part, double whole, double before, gboolean scenario)
{
  g_autofree char *text = NULL;

  if (!(whole > 0))
    text = g_strdup ("–");
  else if (scenario)
    text = g_strdup_printf (_("%.1f%% (%+.1f)"), 100 * part / whole, 100 * (part - before) / whole);
  else
    text = g_strdup_printf ("%.1f%%", 100 * part / whole);
  gtk_label_set_text (label, text);
}

void
_gr_window_update_indicators (GrWindow *self)
{
  GrAnalysis *analysis = self->session ? gr_session_get_analysis (self->session) : NULL;
  GrSummary s;
  const GrAmount *amounts[6], *before[6];
  const GrSummary *b = &self->baseline_summary;
  g_autofree char *area = NULL;
  gboolean scenario = self->current != NULL;

  if (analysis == NULL)
    return;
  gr_analysis_summarize (analysis, -1, &s);
  amounts[0] = &s.residential, amounts[1] = &s.green, amounts[2] = &s.park;
  amounts[3] = &s.both, amounts[4] = &s.neither, amounts[5] = &s.service;
  before[0] = &b->residential, before[1] = &b->green, before[2] = &b->park;
  before[3] = &b->both, before[4] = &b->neither, before[5] = &b->service;
  area = g_strdup_printf (_("%.2f km²"), s.residential.area_m2 / 1e6);
  gtk_label_set_text (self->values[0][0], area);
  gtk_label_set_text (self->values[0][1], s.residential.population > 0 ? "100%" : "–");
  for (guint r = 1; r < 6; r++)
    {
      set_share (self->values[r][0], amounts[r]->area_m2, s.residential.area_m2, before[r]->area_m2, scenario);
      set_share (self->values[r][1], amounts[r]->population, s.residential.population, before[r]->population,
                 scenario);
    }
  self->summary = s;
}

static void
setup_zone_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_UINT (column) == GR_ZONE_COLUMN_NAME ? 0 : 1);
  if (GPOINTER_TO_UINT (column) != GR_ZONE_COLUMN_NAME)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_zone_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer column)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gr_zone_item_get_text (gtk_list_item_get_item (item), GPOINTER_TO_UINT (column)));
}

void
_gr_window_build_zone_table (GrWindow *self)
{
  const char *titles[GR_ZONE_N_COLUMNS] = { N_("Zone"), N_("Green"), N_("Park"), N_("Blind spot") };
  g_autoptr (GtkNoSelection) selection = NULL;

  self->zones = g_list_store_new (GR_TYPE_ZONE_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->zones)));
  gtk_column_view_set_model (self->zone_table, GTK_SELECTION_MODEL (selection));
  for (guint c = 0; c < GR_ZONE_N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_zone_cell), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_zone_cell), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_(titles[c]), factory);
      gtk_column_view_column_set_expand (column, c == GR_ZONE_COLUMN_NAME);
      gtk_column_view_append_column (self->zone_table, column);
      g_object_unref (column);
    }
}

double
_gr_window_fraction (double part, double whole)
{
  return whole > 0 ? part / whole : NAN;
}

void
_gr_window_update_zone_table (GrWindow *self, GrAnalysis *analysis)
{
  GrProject *project = gr_session_get_project (self->session);
  guint n = gr_project_get_n_zones (project);

  g_list_store_remove_all (self->zones);
  for (guint z = 1; z <= n; z++)
    {
      g_autofree char *name = gr_project_zone_name (project, z);
      g_autoptr (GrZoneItem) item = NULL;
      GrSummary s;

      gr_analysis_summarize (analysis, z, &s);
      item = gr_zone_item_new (name, _gr_window_fraction (s.green.area_m2, s.residential.area_m2),
                               _gr_window_fraction (s.park.area_m2, s.residential.area_m2),
                               _gr_window_fraction (s.neither.area_m2, s.residential.area_m2));
      g_list_store_append (self->zones, item);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->zones_heading), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->zone_table), n > 0);
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
