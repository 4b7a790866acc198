/* gr-window.c — the map window
 *
 * Opening a file and analysing run on worker threads; the window keeps
 * showing what it had until the new project is complete, and a failure
 * leaves it untouched and says so in plain words.
 */
#include "config.h"

#include "gr-window.h"

#include "gr-base-map.h"
#include "gr-corridor.h"
#include "gr-coverage-layer.h"
#include "gr-indicators.h"
#include "gr-layer-item.h"
#include "gr-mbtiles-source.h"
#include "gr-runtime.h"
#include "gr-presentation.h"
#include "gr-settings.h"
#include "gr-sketch-layer.h"
#include "gr-swipe-layer.h"
#include "gr-vector-layer.h"
#include "gr-walk.h"
#include "gr-zone-item.h"

#include <glib/gi18n.h>
#include <math.h>

struct _GrWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toasts;
  AdwWindowTitle  *window_title;
  GtkDropDown     *mode_dropdown;
  GtkOverlay      *map_overlay;
  GtkListView     *layer_list;
  GtkBox          *legend;
  GListStore      *layers;
  ShumateMap      *map;
  GtkGrid         *indicators;
  GtkLabel        *zones_heading;
  GtkColumnView   *zone_table;
  GListStore      *zones;
  GtkLabel        *cursor_label;
  GtkProgressBar  *progress;
  GtkButton       *cancel_button;

  GrSession       *session;
  GrCriteria       criteria;
  GCancellable    *cancellable;
  guint            pulse_id;
  gboolean         busy;
  char            *error;
  GrVectorLayer   *vectors;
  GrCoverageLayer *coverage;
  GtkLabel        *values[6][2];
  GPtrArray       *base_layers; /* ShumateMapLayer, owned by the map */
  ShumateLicense  *license;
  char            *base_map_error;
  GtkLabel        *base_map_notice;
  char            *selection_text; /* what the last click described */

  /* What-if editing */
  GtkDropDown     *scenario_dropdown;
  GtkToggleButton *add_tool;
  GtkToggleButton *draw_tool;
  GArray          *draft;     /* double x, y: corners of a park being drawn, analysis CRS */
  GtkMenuButton   *park_size_button;
  GtkLabel        *edits_heading;
  GtkListBox      *history;
  GtkLabel        *balance_label;
  GtkDropDown     *targets_dropdown;
  GtkDropDown     *scope_dropdown;
  GtkGrid         *targets_grid;
  gboolean         filling_scopes;
  GrIndicators     shown;          /* what the indicators panel shows */
  GrTarget         shown_targets[GR_N_INDICATORS];
  int              shown_scope;
  guint            live_text_id;
  gint64           live_text_time;
  GArray          *refs;      /* GrSupplyRef of the analysis */
  GrEditor        *editor;
  GrScenarioStore *store;     /* NULL until the project is a saved file */
  GPtrArray       *scenarios; /* GrScenario */
  GrScenario      *current;   /* one of scenarios, or NULL for the baseline */
  GrScenario      *empty;     /* the baseline as a scenario without edits */
  GrSummary        baseline_summary;
  GrSummary        summary;
  GrSketchLayer   *sketch;
  gboolean         has_selection;
  GrFeatureKey     selection;
  double           park_area;
  gboolean         park_circle;
  gboolean         filling;   /* the scenario list is being refilled */
  gboolean         dragging;
  GrFeatureKey     drag_key;
  OGRGeometryH     drag_start;
  OGRGeometryH     drag_now;
  double           drag_x, drag_y; /* where the drag began, analysis CRS */
  gboolean         drag_vertex;    /* a vertex of the selection, not the whole */
  int              drag_part, drag_ring, drag_point;
  GrComparison    *comparison;     /* shown on the map while its window is open */
  GtkWidget       *comparison_window; /* weak */
  /* Presentation mode */
  gboolean         presenting;
  GrPresentation  *presentation;
  GrSwipeLayer    *swipe;
  GrAnalysis      *baseline_analysis; /* for the swipe, the flash and the cards' changes */
  GCancellable    *baseline_cancellable;
  double           baseline_values[GR_N_INDICATORS];
  guint            flash_id;
  gboolean         flash_on;
  double           handle_start;
};

G_DEFINE_FINAL_TYPE (GrWindow, gr_window, ADW_TYPE_APPLICATION_WINDOW)

static void drop_baseline (GrWindow *self);
static void update_presentation (GrWindow *self);

enum
{
  PROP_0,
  PROP_BUSY,
  PROP_SHOW_BLIND_SPOTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- busy state --------------------------------------------------------- */

/* Which actions make sense now. Nothing opens or imports while a job
 * runs, and nothing edits the project while presenting. */
static void
update_actions (GrWindow *self)
{
  GtkWidget *w = GTK_WIDGET (self);
  gboolean edit = !self->presenting;
  gboolean scenario = edit && self->current != NULL;
  const char *editing[] = { "win.save-as", "win.edit-targets", "win.delete-selected", "win.scenario-new" };
  const char *presenting[] = { "win.present-step", "win.present-leave", "win.present-toggle" };

  gtk_widget_action_set_enabled (w, "win.open", edit && !self->busy);
  gtk_widget_action_set_enabled (w, "win.import", edit && !self->busy);
  for (guint i = 0; i < G_N_ELEMENTS (editing); i++)
    gtk_widget_action_set_enabled (w, editing[i], edit);
  gtk_widget_action_set_enabled (w, "win.undo", scenario && self->current->position > 0);
  gtk_widget_action_set_enabled (w, "win.redo", scenario && self->current->position < self->current->edits->len);
  gtk_widget_action_set_enabled (w, "win.scenario-duplicate", scenario);
  gtk_widget_action_set_enabled (w, "win.scenario-rename", scenario);
  gtk_widget_action_set_enabled (w, "win.scenario-delete", scenario);
  for (guint i = 0; i < G_N_ELEMENTS (presenting); i++)
    gtk_widget_action_set_enabled (w, presenting[i], self->presenting);
}

static gboolean
pulse (gpointer data)
{
  gtk_progress_bar_pulse (GR_WINDOW (data)->progress);
  return G_SOURCE_CONTINUE;
}

static void
set_busy (GrWindow *self, const char *what)
{
  gboolean busy = what != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->progress), busy);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), busy);
  gtk_progress_bar_set_text (self->progress, what);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (busy)
    self->pulse_id = g_timeout_add (100, pulse, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_dropdown), !busy && self->session != NULL);
  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  update_actions (self);
}

static void
on_cancel_clicked (GrWindow *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
show_error (GrWindow *self, const char *heading, const GError *error)
{
  GtkWidget *dialog;

  g_free (self->error);
  self->error = g_strdup (error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Cancelled")));
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- layer panel and legend ------------------------------------------------ */

static void
draw_swatch (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  GdkRGBA *color = g_object_get_data (G_OBJECT (area), "color");

  if (color == NULL)
    return;
  gdk_cairo_set_source_rgba (cr, color);
  cairo_rectangle (cr, 1, 1, width - 2, height - 2);
  cairo_fill (cr);
}

static GtkWidget *
swatch_new (void)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 16);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 16);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, NULL, NULL);
  return area;
}

static void
swatch_set_color (GtkWidget *swatch, const GdkRGBA *color)
{
  g_object_set_data_full (G_OBJECT (swatch), "color", gdk_rgba_copy (color), (GDestroyNotify) gdk_rgba_free);
  gtk_widget_queue_draw (swatch);
}

/* The list, top first, is the reverse of the drawing order. */
static void
apply_layer_order (GrWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->layers);
  guint n = g_list_model_get_n_items (model);
  GrRole order[GR_N_ROLES];

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GrLayerItem) item = g_list_model_get_item (model, n - 1 - i);
      order[i] = gr_layer_item_get_role (item);
    }
  gr_vector_layer_set_order (self->vectors, order, n);
}

/* Moves @role's row by @step (−1 up, +1 down) in the layer panel. */
void
gr_window_move_layer (GrWindow *self,
                      GrRole    role,
                      int       step)
{
  GListModel *model = G_LIST_MODEL (self->layers);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GrLayerItem) item = g_list_model_get_item (model, i);
      int to = (int) i + step;

      if (gr_layer_item_get_role (item) != role)
        continue;
      to = CLAMP (to, 0, (int) n - 1);
      if (to == (int) i)
        return;
      g_list_store_remove (self->layers, i);
      g_list_store_insert (self->layers, to, item);
      apply_layer_order (self);
      return;
    }
}

static void
on_move_clicked (GtkButton *button, GtkListItem *list_item)
{
  GrWindow *self = GR_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  GrLayerItem *item = gtk_list_item_get_item (list_item);
  int step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "step"));

  if (item != NULL)
    gr_window_move_layer (self, gr_layer_item_get_role (item), step);
}

static GtkWidget *
move_button (const char *icon, const char *tooltip, int step, GtkListItem *item)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "step", GINT_TO_POINTER (step));
  g_signal_connect (button, "clicked", G_CALLBACK (on_move_clicked), item);
  return button;
}

/* A row: visibility, a swatch opening the style popover, the name. */
static void
setup_layer_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *style = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *color = gtk_color_button_new ();
  GtkWidget *opacity = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 1, 0.05);
  GtkWidget *moves = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  text = gtk_label_new (_("Colour"));
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_grid_attach (GTK_GRID (grid), text, 0, 0, 1, 1);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (color), FALSE);
  gtk_grid_attach (GTK_GRID (grid), color, 1, 0, 1, 1);
  text = gtk_label_new (_("Opacity"));
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_grid_attach (GTK_GRID (grid), text, 0, 1, 1, 1);
  gtk_widget_set_size_request (opacity, 140, -1);
  gtk_grid_attach (GTK_GRID (grid), opacity, 1, 1, 1, 1);
  gtk_box_append (GTK_BOX (moves), move_button ("go-up-symbolic", _("Draw above the layer over it"), -1, item));
  gtk_box_append (GTK_BOX (moves), move_button ("go-down-symbolic", _("Draw below the layer under it"), 1, item));
  text = gtk_label_new (_("Order"));
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_grid_attach (GTK_GRID (grid), text, 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), moves, 1, 2, 1, 1);
  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (style), popover);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (style), swatch_new ());
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (style), FALSE);
  gtk_widget_set_tooltip_text (style, _("Colour, opacity and order"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), gtk_check_button_new ());
  gtk_box_append (GTK_BOX (box), style);
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (item), "color", color);
  g_object_set_data (G_OBJECT (item), "opacity", opacity);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
on_item_color (GrLayerItem *layer, GParamSpec *pspec, GtkWidget *swatch)
{
  swatch_set_color (swatch, gr_layer_item_get_color (layer));
}

static void
bind_layer_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GrLayerItem *layer = gtk_list_item_get_item (item);
  GtkWidget *check = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *style = gtk_widget_get_next_sibling (check);
  GtkWidget *swatch = gtk_menu_button_get_child (GTK_MENU_BUTTON (style));
  GtkWidget *label = gtk_widget_get_next_sibling (style);
  GtkRange *opacity = g_object_get_data (G_OBJECT (item), "opacity");
  g_autofree char *tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u feature", "%u features",
                                                           gr_layer_item_get_n_features (layer)),
                                              gr_layer_item_get_n_features (layer));
  GPtrArray *bindings = g_ptr_array_new ();

  swatch_set_color (swatch, gr_layer_item_get_color (layer));
  gtk_label_set_text (GTK_LABEL (label), gr_layer_item_get_title (layer));
  gtk_widget_set_tooltip_text (label, tooltip);
  g_ptr_array_add (bindings, g_object_bind_property (layer, "visible", check, "active",
                                                     G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
  g_ptr_array_add (bindings, g_object_bind_property (layer, "color", g_object_get_data (G_OBJECT (item), "color"),
                                                     "rgba", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
  g_ptr_array_add (bindings, g_object_bind_property (layer, "opacity", gtk_range_get_adjustment (opacity), "value",
                                                     G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
  g_object_set_data_full (G_OBJECT (item), "bindings", bindings, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (layer, "notify::color", G_CALLBACK (on_item_color), swatch, 0);
}

static void
unbind_layer_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GPtrArray *bindings = g_object_get_data (G_OBJECT (item), "bindings");
  GtkWidget *check = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *swatch = gtk_menu_button_get_child (GTK_MENU_BUTTON (gtk_widget_get_next_sibling (check)));

  for (guint i = 0; bindings != NULL && i < bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (bindings, i));
  g_object_set_data (G_OBJECT (item), "bindings", NULL);
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_item_color, swatch);
}

static void
on_layer_visible (GrLayerItem *layer, GParamSpec *pspec, GrWindow *self)
{
  gr_vector_layer_set_visible_role (self->vectors, gr_layer_item_get_role (layer),
                                    gr_layer_item_get_visible (layer));
}

static void
on_layer_style (GrLayerItem *layer, GParamSpec *pspec, GrWindow *self)
{
  if (g_str_equal (pspec->name, "color"))
    gr_vector_layer_set_role_color (self->vectors, gr_layer_item_get_role (layer), gr_layer_item_get_color (layer));
  else
    gr_vector_layer_set_role_opacity (self->vectors, gr_layer_item_get_role (layer),
                                      gr_layer_item_get_opacity (layer));
}

/* Top of the list is drawn on top: the reverse of the drawing order. */
static void
fill_layers (GrWindow *self, GrProject *project)
{
  static const GrRole order[] = {
    GR_ROLE_ENTRANCES, GR_ROLE_SITES, GR_ROLE_GREENWAY, GR_ROLE_WALK, GR_ROLE_BUILDINGS, GR_ROLE_PARK,
    GR_ROLE_GREEN, GR_ROLE_NURSERY, GR_ROLE_CORRIDOR, GR_ROLE_WATER, GR_ROLE_RESIDENTIAL, GR_ROLE_ZONES,
    GR_ROLE_BUILTUP,
  };
  GdkRGBA color;

  g_list_store_remove_all (self->layers);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr (GrLayerItem) item = NULL;

      if (project->layers[order[i]] == NULL)
        continue;
      item = gr_layer_item_new (order[i], project->layers[order[i]]->features->len);
      gr_layer_item_set_visible (item, gr_vector_layer_get_visible_role (self->vectors, order[i]));
      gr_vector_layer_get_role_color (self->vectors, order[i], &color);
      gr_layer_item_set_color (item, &color);
      g_signal_connect_object (item, "notify::visible", G_CALLBACK (on_layer_visible), self, 0);
      g_signal_connect_object (item, "notify::color", G_CALLBACK (on_layer_style), self, 0);
      g_signal_connect_object (item, "notify::opacity", G_CALLBACK (on_layer_style), self, 0);
      g_list_store_append (self->layers, item);
    }
  apply_layer_order (self);
}

static void
build_layer_panel (GrWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkNoSelection) selection = NULL;
  GtkWidget *show;

  self->layers = g_list_store_new (GR_TYPE_LAYER_ITEM);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_layer_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_layer_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_layer_row), NULL);
  gtk_list_view_set_factory (self->layer_list, factory);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->layers)));
  gtk_list_view_set_model (self->layer_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (factory);
  show = gtk_check_button_new_with_mnemonic (_("_Show blind spots on the map"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (show), "win.show-blind-spots");
  gtk_box_append (self->legend, show);
  for (guint k = 0; k < GR_N_CELL_KINDS; k++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *swatch = swatch_new ();
      GtkWidget *label = gtk_label_new (gr_render_kind_label (k));
      GdkRGBA color;

      gr_coverage_kind_color (k, &color);
      color.alpha = 1;
      swatch_set_color (swatch, &color);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (row), swatch);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (self->legend, row);
    }
}

/* ---- indicators ------------------------------------------------------------ */

static void
build_indicators (GrWindow *self)
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

static void
update_indicators (GrWindow *self)
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

static void
build_zone_table (GrWindow *self)
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

static double
fraction (double part, double whole)
{
  return whole > 0 ? part / whole : NAN;
}

static void
update_zone_table (GrWindow *self, GrAnalysis *analysis)
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
      item = gr_zone_item_new (name, fraction (s.green.area_m2, s.residential.area_m2),
                               fraction (s.park.area_m2, s.residential.area_m2),
                               fraction (s.neither.area_m2, s.residential.area_m2));
      g_list_store_append (self->zones, item);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->zones_heading), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->zone_table), n > 0);
}

/* ---- park-city indicators ---------------------------------------------------- */

static void
fill_scopes (GrWindow *self)
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
static int
indicator_row (GrIndicatorId id)
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
  int row = indicator_row (i);
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
 * is dragged, the coverage rows follow the pointer (update_targets_live). */
static void
refresh_targets (GrWindow *self)
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
      int row = indicator_row (i);

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
      gtk_grid_attach (self->targets_grid, label, 0, indicator_row (GR_N_INDICATORS - 1) + 1, 4, 1);
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
  update_indicators (self);
  if (analysis == NULL || gtk_widget_get_first_child (GTK_WIDGET (self->targets_grid)) == NULL)
    return G_SOURCE_REMOVE;
  gr_indicators_update_coverage (&self->shown, analysis, self->shown_scope, self->shown_targets);
  for (guint i = GR_IND_SERVICE_RATE; i <= GR_IND_PARK_500_POPULATION; i++)
    show_target_row (self, i);
  return G_SOURCE_REMOVE;
}

static void
update_targets_live (GrWindow *self)
{
  gint64 since = (g_get_monotonic_time () - self->live_text_time) / 1000;

  if (self->live_text_id != 0)
    return;
  if (since >= LIVE_TEXT_MS)
    targets_live_now (self);
  else
    self->live_text_id = g_timeout_add (LIVE_TEXT_MS - since, targets_live_now, self);
}

static gboolean ensure_store (GrWindow *self);

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
          show_error (self, _("Could not save the targets"), error);
          return;
        }
    }
  gr_window_set_targets (self, GR_TARGETS_PROJECT, gtk_drop_down_get_selected (self->scope_dropdown));
  refresh_targets (self);
}

/* Every indicator with its own target: on or off, the value, "more than". */
static void
edit_targets_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  GtkWidget *grid, *dialog;
  GrTarget own[GR_N_INDICATORS];

  if (self->session == NULL || !ensure_store (self))
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
  refresh_targets (self);
}

static void
on_scope_changed (GrWindow *self)
{
  if (!self->filling_scopes)
    refresh_targets (self);
}

static void
build_targets (GrWindow *self)
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
  fill_scopes (self);
}

/* ---- showing a session ---------------------------------------------------- */

/* The residential land is what the analysis is about: frame it. */
static void
zoom_to_project (GrWindow *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  GrDisplay *display = gr_session_get_display (self->session);
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self->map)), 640);
  double b[4], span;

  gr_display_get_bounds (display, GR_ROLE_RESIDENTIAL, b);
  if (!isfinite (b[0]))
    gr_display_get_bounds (display, GR_N_ROLES, b);
  if (!isfinite (b[0]))
    return;
  span = MAX (b[2] - b[0], 1e-4);
  shumate_viewport_set_zoom_level (viewport, CLAMP (log2 (width * 360.0 / (256.0 * span)), 2, 18));
  shumate_location_set_location (SHUMATE_LOCATION (viewport), (b[1] + b[3]) / 2, (b[0] + b[2]) / 2);
}

static void refresh_edits (GrWindow *self);

/* @refs: (transfer full) */
static void
show_analysis (GrWindow *self, GrAnalysis *analysis, GArray *refs)
{
  /* A comparison shown was of the figures now replaced. */
  if (self->comparison_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->comparison_window));
  /* The layer borrows the analysis: point it at the new one before the
   * session frees the old. */
  drop_baseline (self);
  g_clear_pointer (&self->editor, gr_editor_free);
  gr_coverage_layer_set_analysis (self->coverage, analysis, gr_session_get_display (self->session));
  gr_session_set_analysis (self->session, analysis);
  g_clear_pointer (&self->refs, g_array_unref);
  self->refs = refs;
  gr_analysis_summarize (analysis, -1, &self->baseline_summary);
  self->editor = gr_editor_new (gr_session_get_project (self->session), analysis, self->refs);
  if (self->current != NULL)
    gr_editor_sync (self->editor, self->current, NULL);
  gr_coverage_layer_refresh (self->coverage);
  update_indicators (self);
  update_zone_table (self, analysis);
  refresh_edits (self);
  refresh_targets (self);
}

static char *
session_title (GrSession *session)
{
  GPtrArray *sources = gr_session_get_sources (session);
  const char *path = gr_session_get_path (session);
  g_autofree char *name = NULL;
  guint more = sources->len;

  if (path == NULL)
    path = ((GrSource *) g_ptr_array_index (sources, 0))->path, more--;
  name = g_path_get_basename (path);
  if (more == 0)
    return g_steal_pointer (&name);
  /* TRANSLATORS: a file name, then how many layers were imported over it */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s + %u layer", "%s + %u layers", more), name, more);
}

static void load_scenarios (GrWindow *self);

/* Corridor pinch points below the 100 m net width and greenway breaks,
 * marked on the map. Corridors and greenways are not edited by
 * scenarios: found once per project. */
static void
mark_findings (GrWindow *self)
{
  GrProject *project = gr_session_get_project (self->session);
  GrLayer *corridors = project->layers[GR_ROLE_CORRIDOR];
  g_autoptr (GArray) pinches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
  GrGreenwayReport r = { 0 };

  for (guint i = 0; corridors != NULL && i < corridors->features->len; i++)
    {
      GrCorridorWidth w;

      if (gr_corridor_measure (((GrFeature *) g_ptr_array_index (corridors->features, i))->geometry,
                               GR_CORRIDOR_MIN_WIDTH, &w)
          && !w.passes && isfinite (w.pinch_x))
        {
          g_array_append_val (pinches, w.pinch_x);
          g_array_append_val (pinches, w.pinch_y);
        }
    }
  if (project->layers[GR_ROLE_GREENWAY] != NULL)
    {
      gr_greenway_report (project, 5, 500, &r);
      for (guint i = 0; i < r.gaps->len; i++)
        {
          GrGreenwayGap *g = &g_array_index (r.gaps, GrGreenwayGap, i);
          double q[4] = { g->x0, g->y0, g->x1, g->y1 };

          g_array_append_vals (gaps, q, 4);
        }
      gr_greenway_report_clear (&r);
    }
  gr_sketch_layer_set_findings (self->sketch, gr_session_get_display (self->session), (double *) pinches->data,
                                pinches->len / 2, (double *) gaps->data, gaps->len / 4);
}

static void
show_session (GrWindow *self, GrSession *session, GrAnalysis *analysis, GArray *refs)
{
  g_autofree char *name = session_title (session);
  /* A layer imported over the open project keeps the view. */
  gboolean same_place = self->session != NULL && session != NULL
                        && g_strcmp0 (gr_session_get_path (self->session), gr_session_get_path (session)) == 0
                        && gr_session_get_path (session) != NULL;

  gr_coverage_layer_set_analysis (self->coverage, NULL, NULL);
  gr_vector_layer_set_display (self->vectors, NULL);
  if (self->swipe != NULL)
    gr_swipe_layer_set_baseline (self->swipe, NULL, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->editor, gr_editor_free);
  g_clear_pointer (&self->session, gr_session_free);
  self->session = session;
  load_scenarios (self);
  gr_vector_layer_set_display (self->vectors, gr_session_get_display (session));
  fill_layers (self, gr_session_get_project (session));
  fill_scopes (self);
  show_analysis (self, analysis, refs);
  mark_findings (self);
  adw_window_title_set_subtitle (self->window_title, name);
  if (!same_place)
    zoom_to_project (self);
}

/* ---- worker threads ------------------------------------------------------- */

typedef struct
{
  gboolean    open;     /* open (path and/or sources), or analyse the session */
  char       *path;
  GPtrArray  *sources;  /* GrSource imported over path */
  GrCriteria  criteria;
  GrSession  *session;  /* open: the result; analyse: borrowed, read only */
  GrAnalysis *analysis;
  GArray     *refs;     /* GrSupplyRef of the analysis */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  g_clear_pointer (&job->sources, g_ptr_array_unref);
  if (job->open)
    gr_session_free (job->session);
  gr_analysis_free (job->analysis);
  g_clear_pointer (&job->refs, g_array_unref);
  g_free (job);
}

/* Opens the file when the job has a path, then analyses the project. */
static void
job_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;

  if (job->open)
    job->session = gr_session_open (job->path, job->sources, cancellable, &error);
  if (job->session != NULL)
    job->analysis = gr_project_build_analysis (gr_session_get_project (job->session), &job->criteria,
                                               job->refs, &error);
  if (job->analysis == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
same_criteria (const GrCriteria *a, const GrCriteria *b)
{
  return a->green_radius == b->green_radius && a->park_radius == b->park_radius
         && a->green_min_area == b->green_min_area && a->park_min_area == b->park_min_area
         && a->walking == b->walking;
}

static void reanalyze (GrWindow *self);

static void
job_done (GObject *source, GAsyncResult *result, gpointer data)
{
  GrWindow *self = GR_WINDOW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  set_busy (self, NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_error (self, job->open ? _("Could not open the file") : _("Could not compute the coverage"), error);
  else if (job->open)
    show_session (self, g_steal_pointer (&job->session), g_steal_pointer (&job->analysis),
                  g_steal_pointer (&job->refs));
  else
    show_analysis (self, g_steal_pointer (&job->analysis), g_steal_pointer (&job->refs));
  set_busy (self, NULL);
  /* The preferences changed while the job ran. */
  if (self->session != NULL && !same_criteria (&job->criteria, &self->criteria))
    reanalyze (self);
}

static void
start_job (GrWindow *self, Job *job, const char *what)
{
  g_autoptr (GTask) task = NULL;

  job->criteria = self->criteria;
  job->refs = g_array_new (FALSE, FALSE, sizeof (GrSupplyRef));
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, job_done, NULL);
  g_task_set_task_data (task, job, job_free);
  set_busy (self, what);
  g_task_run_in_thread (task, job_thread);
}

/**
 * gr_window_open:
 * @path: a project (.gpkg) or an OpenStreetMap extract
 */
void
gr_window_open (GrWindow   *self,
                const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *what = g_strdup_printf (_("Opening %s…"), name);
  Job *job;

  g_return_if_fail (!self->busy);
  job = g_new0 (Job, 1);
  job->open = TRUE;
  job->path = g_strdup (path);
  start_job (self, job, what);
}

/**
 * gr_window_import:
 * @source: a layer for the open project; it replaces the layer of its role
 *
 * The project is read again with the layer over it, off the main thread;
 * if the layer cannot be imported the open project stays as it was.
 */
void
gr_window_import (GrWindow       *self,
                  const GrSource *source)
{
  g_autofree char *name = g_path_get_basename (source->path);
  g_autofree char *what = g_strdup_printf (_("Importing %s…"), name);
  GPtrArray *before = self->session != NULL ? gr_session_get_sources (self->session) : NULL;
  Job *job;

  g_return_if_fail (!self->busy);
  job = g_new0 (Job, 1);
  job->open = TRUE;
  job->path = self->session != NULL ? g_strdup (gr_session_get_path (self->session)) : NULL;
  job->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  for (guint i = 0; before != NULL && i < before->len; i++)
    {
      const GrSource *earlier = g_ptr_array_index (before, i);

      if (earlier->role != source->role)
        g_ptr_array_add (job->sources, gr_source_copy (earlier));
    }
  g_ptr_array_add (job->sources, gr_source_copy (source));
  start_job (self, job, what);
}

/* The open session's project, analysed afresh with the current criteria;
 * the job borrows the session, which the window keeps until it is done. */
static void
reanalyze (GrWindow *self)
{
  Job *job;

  if (self->session == NULL || self->busy)
    return;
  job = g_new0 (Job, 1);
  job->session = self->session;
  start_job (self, job, self->criteria.walking ? _("Computing walking distances…")
                                               : _("Computing straight-line distances…"));
}

void
gr_window_set_walking (GrWindow *self,
                       gboolean  walking)
{
  gtk_drop_down_set_selected (self->mode_dropdown, walking ? 1 : 0);
}

static void
on_mode_changed (GrWindow *self)
{
  gboolean walking = gtk_drop_down_get_selected (self->mode_dropdown) == 1;

  if (walking == self->criteria.walking)
    return;
  self->criteria.walking = walking;
  reanalyze (self);
}

/* ---- open dialog ----------------------------------------------------------- */

/* The local file a file chooser answered with, or %NULL; the dialog,
 * answered, is let go. */
static char *
chosen_path (GtkNativeDialog *dialog, int response)
{
  char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      path = file != NULL ? g_file_get_path (file) : NULL;
    }
  g_object_unref (dialog);
  return path;
}

static void
on_file_chosen (GtkNativeDialog *dialog, int response, gpointer data)
{
  g_autofree char *path = chosen_path (dialog, response);

  if (path != NULL)
    gr_window_open (GR_WINDOW (data), path);
}

static void
open_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Open a Project or Data File"),
                                                              GTK_WINDOW (widget),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN,
                                                              _("_Open"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Projects and OpenStreetMap files"));
  gtk_file_filter_add_pattern (filter, "*.gpkg");
  gtk_file_filter_add_pattern (filter, "*.osm.pbf");
  gtk_file_filter_add_pattern (filter, "*.osm");
  gtk_file_filter_add_pattern (filter, "*.osm.gz");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_file_chosen), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- importing a layer ------------------------------------------------------- */

static void
on_role_response (AdwMessageDialog *dialog, const char *response, GrWindow *self)
{
  GtkDropDown *roles = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GrSource source = { .path = g_object_get_data (G_OBJECT (dialog), "path") };

  if (g_strcmp0 (response, "import") != 0)
    return;
  source.role = gtk_drop_down_get_selected (roles);
  if (self->busy)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Wait for the current work to finish")));
  else
    gr_window_import (self, &source);
}

/* Asks which role a data file has, preselecting the one its name suggests. */
static void
ask_role (GrWindow *self, const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *heading = g_strdup_printf (_("Import “%s”"), name);
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *dialog, *roles;
  GrRole guess = GR_ROLE_GREEN;

  for (guint r = 0; r < GR_N_ROLES; r++)
    gtk_string_list_append (labels, gr_role_get_label (r));
  roles = gtk_drop_down_new (G_LIST_MODEL (labels), NULL);
  gr_role_guess_from_name (name, &guess);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (roles), guess);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("What does this file hold? It replaces that layer of the open project."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), roles);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_role_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_chosen (GtkNativeDialog *dialog, int response, gpointer data)
{
  g_autofree char *path = chosen_path (dialog, response);

  if (path != NULL)
    ask_role (GR_WINDOW (data), path);
}

static void
import_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Import a Layer"), GTK_WINDOW (widget),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                                              _("_Cancel"));
  const char *patterns[] = { "*.shp", "*.gpkg", "*.geojson", "*.json", "*.kml", "*.gml", "*.fgb", "*.csv",
                             "*.tab", "*.mif", "*.sqlite", "*.zip" };
  GtkFileFilter *filter = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("GIS data"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_chosen), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* A project or an OSM extract is opened; any other file is a layer. */
gboolean
gr_window_drop_file (GrWindow *self,
                     GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return FALSE;
  if (self->busy)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Wait for the current work to finish")));
      return FALSE;
    }
  if (gr_path_is_osm (path) || gr_project_file_is_project (path))
    gr_window_open (self, path);
  else
    ask_role (self, path);
  return TRUE;
}

static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, GrWindow *self)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  gboolean taken;

  if (files == NULL)
    return FALSE;
  if (files->next != NULL)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Drop one file at a time")));
  taken = gr_window_drop_file (self, files->data);
  g_slist_free (files);
  return taken;
}

/* ---- map actions -------------------------------------------------------------- */

static void
zoom_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double zoom = shumate_viewport_get_zoom_level (viewport);

  if (g_str_equal (action, "win.zoom-fit"))
    {
      if (self->session != NULL)
        zoom_to_project (self);
      return;
    }
  zoom = round (zoom) + (g_str_equal (action, "win.zoom-in") ? 1 : -1);
  shumate_viewport_set_zoom_level (viewport, CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport),
                                                    shumate_viewport_get_max_zoom_level (viewport)));
}

static void
mode_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  gr_window_set_walking (GR_WINDOW (widget), g_str_equal (g_variant_get_string (parameter, NULL), "walking"));
}

/* ---- the map ----------------------------------------------------------------- */

/* Walks longer than this are reported as "over 2 km". */
#define HOVER_WALK_LIMIT 2000.0

static char *
describe_walk (GrWindow *self, GrAnalysis *analysis, double x, double y)
{
  double green = gr_analysis_walk_distance (analysis, x, y, GR_LAYER_GREEN, HOVER_WALK_LIMIT);
  double park = gr_analysis_walk_distance (analysis, x, y, GR_LAYER_PARK, HOVER_WALK_LIMIT);
  g_autofree char *g = NULL;
  g_autofree char *p = NULL;

  if (!gr_network_nearest_segment (gr_walk_get_network (gr_analysis_get_walk (analysis)), x, y,
                                   self->criteria.attach_distance, G_MAXUINT32, &(GrNetworkHit){ 0 }))
    return g_strdup_printf (_("no path within %.0f m: not reached on foot"), self->criteria.attach_distance);
  g = isfinite (green) ? g_strdup_printf (_("%.0f m"), green) : g_strdup_printf (_("over %.0f m"), HOVER_WALK_LIMIT);
  p = isfinite (park) ? g_strdup_printf (_("%.0f m"), park) : g_strdup_printf (_("over %.0f m"), HOVER_WALK_LIMIT);
  return g_strdup_printf (_("walk to green space %s, to a park %s"), g, p);
}

static char *
describe_reach (GrWindow *self, double x, double y)
{
  GrAnalysis *analysis = gr_session_get_analysis (self->session);
  double green, park;

  if (analysis != NULL && gr_analysis_is_walking (analysis))
    return describe_walk (self, analysis, x, y);
  green = gr_session_nearest (self->session, GR_ROLE_GREEN, x, y, NULL);
  park = gr_session_nearest (self->session, GR_ROLE_PARK, x, y, NULL);
  /* Parks are green space too. */
  green = MIN (green, park);
  if (!isfinite (green))
    return g_strdup ("");
  if (!isfinite (park))
    return g_strdup_printf (_("nearest green space %.0f m (straight line), no park"), green);
  return g_strdup_printf (_("nearest green space %.0f m, park %.0f m (straight line)"), green, park);
}

/* What the status bar says of a point of the analysis CRS. */
char *
gr_window_describe_point (GrWindow *self,
                          double    x,
                          double    y)
{
  g_return_val_if_fail (self->session != NULL, NULL);
  return describe_reach (self, x, y);
}

static void
on_motion (GtkEventControllerMotion *motion, double x, double y, GrWindow *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  g_autofree char *text = NULL;
  g_autofree char *reach = NULL;
  g_autofree char *scale = NULL;
  double lat, lon, px, py, metres_per_pixel;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), x, y, &lat, &lon);
  /* Web Mercator at this latitude; a screen pixel taken as 0.28 mm (the
   * OGC standardised rendering pixel), as scale denominators are quoted. */
  metres_per_pixel = 156543.03392 * cos (lat * G_PI / 180) / pow (2, shumate_viewport_get_zoom_level (viewport));
  scale = g_strdup_printf (_("1:%.0f"), metres_per_pixel / 0.00028);
  if (self->session != NULL
      && gr_display_from_lonlat (gr_session_get_display (self->session), lon, lat, &px, &py))
    {
      reach = describe_reach (self, px, py);
      text = g_strdup_printf (_("%.5f°E %.5f°N   x %.1f  y %.1f (EPSG:%d)   %s   %s"), lon, lat, px, py,
                              gr_session_get_project (self->session)->epsg, scale, reach);
    }
  else
    text = g_strdup_printf (_("%.5f°E %.5f°N   %s"), lon, lat, scale);
  gtk_label_set_text (self->cursor_label, text);
}

/* What a selected park serves: the homes within the park distance (or
 * the green distance, for a park too small to count as one), measured as
 * the window measures, outlined on the map. */
static void
describe_served (GrWindow *self, GString *text, const GrPolygon *shape)
{
  GrAnalysis *analysis = gr_session_get_analysis (self->session);
  g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (GrCellDistance));
  gboolean park = gr_polygon_area (shape) >= self->criteria.park_min_area;
  double radius = park ? self->criteria.park_radius : self->criteria.green_radius;
  GrAmount served;

  if (analysis == NULL)
    return;
  served = gr_analysis_served (analysis, shape, radius, cells);
  gr_coverage_layer_set_served (self->coverage, cells);
  g_string_append_c (text, '\n');
  g_string_append_printf (text,
                          self->criteria.walking ? _("Homes within %.0f m on foot: %.2f ha")
                                                 : _("Homes within %.0f m: %.2f ha"),
                          radius, served.area_m2 / 1e4);
  if (served.population > 0)
    {
      g_string_append (text, ", ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%.0f resident", "%.0f residents",
                                                 (gulong) round (served.population)),
                              round (served.population));
    }
}

/* What a click on the map finds: the topmost area feature under it. */
static char *
describe_feature (GrWindow *self, double x, double y)
{
  static const GrRole roles[] = { GR_ROLE_PARK, GR_ROLE_GREEN, GR_ROLE_WATER, GR_ROLE_BUILDINGS,
                                  GR_ROLE_RESIDENTIAL, GR_ROLE_CORRIDOR, GR_ROLE_ZONES };
  GrProject *project = gr_session_get_project (self->session);

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      guint index = 0;
      GrFeature *f;
      double area;
      GString *text;

      if (gr_session_nearest (self->session, roles[r], x, y, &index) > 0)
        continue;
      f = g_ptr_array_index (project->layers[roles[r]]->features, index);
      area = OGR_G_Area (f->geometry);
      text = g_string_new (NULL);
      {
        g_autofree char *title = g_markup_escape_text (f->name != NULL ? f->name : gr_role_get_label (roles[r]), -1);
        g_string_append_printf (text, "<b>%s</b>\n", title);
      }
      g_string_append_printf (text, _("Layer: %s\n"), gr_role_get_label (roles[r]));
      if (roles[r] == GR_ROLE_PARK)
        {
          gboolean by_size;
          GrParkClass park_class = gr_park_class_from_kind (f->kind, area, &by_size);

          g_string_append_printf (text, by_size ? _("Class: %s %s (by its size)\n") : _("Class: %s %s\n"),
                                  gr_park_class_get_code (park_class), gr_park_class_get_label (park_class));
        }
      if (f->kind != NULL)
        {
          g_autofree char *kind = g_markup_escape_text (f->kind, -1);
          g_string_append_printf (text, _("Source class: %s\n"), kind);
        }
      g_string_append_printf (text, _("Area: %.0f m² (%.2f ha)"), area, area / 1e4);
      if (roles[r] == GR_ROLE_PARK)
        {
          double radius = gr_service_rules_radius (project->rules, area, f->historic);
          g_string_append_c (text, '\n');
          if (radius > 0)
            g_string_append_printf (text, _("Service radius: %.0f m"), radius);
          else
            g_string_append (text, _("Too small for a service radius"));
        }
      if (roles[r] == GR_ROLE_PARK || roles[r] == GR_ROLE_GREEN)
        describe_served (self, text, gr_session_get_shape (self->session, roles[r], index));
      return g_string_free (text, FALSE);
    }
  return NULL;
}

static gboolean edit_target_at (GrWindow *self, double x, double y, GrFeatureKey *key);
static GtkWidget *naming_box (GrWindow *self, GtkWidget *label, GtkWidget *popover);
static char *describe_candidate (GrWindow *self);
static guint n_baseline_parks (GrWindow *self);
static gboolean edit_vertices_at (GrWindow *self, double wx, double wy);
static gboolean widget_to_analysis (GrWindow *self, double wx, double wy, double *x, double *y);
typedef struct
{
  int part, ring, point; /* polygon of a multipolygon (0 for a polygon), ring, vertex */
} Vertex;
static gboolean find_vertex (GrWindow *self, OGRGeometryH g, double wx, double wy, Vertex *v);
static gboolean find_edge (GrWindow *self, OGRGeometryH g, double wx, double wy, Vertex *v);

static void
on_click (GtkGestureClick *gesture, int n_press, double x, double y, GrWindow *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  g_autofree char *markup = NULL;
  GtkWidget *popover, *label;
  double lat, lon, px, py;

  if (self->session == NULL || x < 0 || y < 0 || x >= gtk_widget_get_width (GTK_WIDGET (self->map))
      || y >= gtk_widget_get_height (GTK_WIDGET (self->map)))
    return;
  if (gtk_toggle_button_get_active (self->draw_tool))
    {
      double ax, ay;

      if (n_press == 2)
        gr_window_finish_drawing (self);
      else if (n_press == 1 && widget_to_analysis (self, x, y, &ax, &ay))
        gr_window_draw_corner (self, ax, ay);
      return;
    }
  if (n_press == 2)
    {
      edit_vertices_at (self, x, y);
      return;
    }
  if (n_press != 1)
    return;
  gr_coverage_layer_set_served (self->coverage, NULL);
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), x, y, &lat, &lon);
  if (!gr_display_from_lonlat (gr_session_get_display (self->session), lon, lat, &px, &py))
    return;
  if (gtk_toggle_button_get_active (self->add_tool))
    {
      gtk_toggle_button_set_active (self->add_tool, FALSE);
      gr_window_add_park_at (self, px, py);
      return;
    }
  /* On a handle or an edge of the selection: shape editing, no popover in
   * the way of a double click. */
  if (self->has_selection)
    {
      OGRGeometryH g = gr_scenario_get_geometry (self->current, gr_session_get_project (self->session),
                                                 self->selection);
      Vertex v;

      if (g != NULL && (find_vertex (self, g, x, y, &v) || find_edge (self, g, x, y, &v)))
        return;
    }
  {
    GrFeatureKey key;

    self->has_selection = edit_target_at (self, px, py, &key);
    if (self->has_selection)
      self->selection = key;
    refresh_edits (self);
  }
  if (self->has_selection && self->selection.role == GR_ROLE_PARK && self->selection.index >= n_baseline_parks (self))
    markup = describe_candidate (self);
  else if ((markup = describe_feature (self, px, py)) == NULL)
    return;
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), self->has_selection ? naming_box (self, label, popover) : label);
  gtk_widget_set_parent (popover, GTK_WIDGET (self->map_overlay));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle){ (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  /* The popover returns the focus where it was: let that be the map. */
  gtk_widget_grab_focus (GTK_WIDGET (self->map));
  gtk_popover_popup (GTK_POPOVER (popover));
  g_free (self->selection_text);
  self->selection_text = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
}

/* The base map follows the preferences; when the chosen one cannot be
 * used, the map says why and shows the layers on a plain background. */
static void
apply_base_map (GrWindow *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sources = gr_base_map_new_sources (gr_settings_get (), &error);

  for (guint i = 0; i < self->base_layers->len; i++)
    {
      ShumateMapLayer *layer = g_ptr_array_index (self->base_layers, i);
      g_autoptr (ShumateMapSource) source = NULL;

      g_object_get (layer, "map-source", &source, NULL);
      shumate_license_remove_map_source (self->license, source);
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (layer));
    }
  g_ptr_array_set_size (self->base_layers, 0);
  g_clear_pointer (&self->base_map_error, g_free);
  /* Shown on the map for as long as the base map is missing. */
  if (sources == NULL)
    self->base_map_error = g_strdup_printf (_("No base map: %s"), error->message);
  gtk_label_set_text (self->base_map_notice, self->base_map_error);
  gtk_widget_set_visible (GTK_WIDGET (self->base_map_notice), sources == NULL);
  if (sources == NULL || sources->len == 0)
    {
      g_autoptr (ShumateMapSource) blank = SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full_from_url (
        "greenreach-none", _("No base map"), "", "", 0, 19, 256, SHUMATE_MAP_PROJECTION_MERCATOR,
        "none://{z}/{x}/{y}"));
      shumate_viewport_set_reference_map_source (viewport, blank);
      return;
    }
  shumate_viewport_set_reference_map_source (viewport, g_ptr_array_index (sources, 0));
  for (guint i = 0; i < sources->len; i++)
    {
      ShumateMapSource *source = g_ptr_array_index (sources, i);
      ShumateMapLayer *layer = shumate_map_layer_new (source, viewport);

      shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (layer), SHUMATE_LAYER (self->vectors));
      g_ptr_array_add (self->base_layers, layer);
      if (shumate_map_source_get_license (source)[0] != '\0')
        shumate_license_append_map_source (self->license, source);
    }
}

static void
setup_map (GrWindow *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  ShumateScale *scale = shumate_scale_new (viewport);
  GtkDropTarget *drop;

  gtk_widget_set_focusable (GTK_WIDGET (self->map), TRUE);
  self->vectors = gr_vector_layer_new (viewport);
  self->coverage = gr_coverage_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->vectors));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->coverage));
  gtk_widget_set_halign (GTK_WIDGET (scale), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (scale), GTK_ALIGN_END);
  gtk_widget_set_margin_start (GTK_WIDGET (scale), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (scale), 8);
  gtk_overlay_add_overlay (self->map_overlay, GTK_WIDGET (scale));
  self->license = shumate_license_new ();
  shumate_license_set_xalign (self->license, 1);
  gtk_widget_set_halign (GTK_WIDGET (self->license), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (self->license), GTK_ALIGN_END);
  gtk_overlay_add_overlay (self->map_overlay, GTK_WIDGET (self->license));
  self->base_map_notice = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->base_map_notice, TRUE);
  gtk_label_set_max_width_chars (self->base_map_notice, 60);
  gtk_widget_add_css_class (GTK_WIDGET (self->base_map_notice), "osd");
  gtk_widget_add_css_class (GTK_WIDGET (self->base_map_notice), "app-notification");
  gtk_widget_set_halign (GTK_WIDGET (self->base_map_notice), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->base_map_notice), GTK_ALIGN_START);
  gtk_widget_set_can_target (GTK_WIDGET (self->base_map_notice), FALSE);
  gtk_overlay_add_overlay (self->map_overlay, GTK_WIDGET (self->base_map_notice));
  self->base_layers = g_ptr_array_new ();
  apply_base_map (self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), motion);
  g_signal_connect (click, "released", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map_overlay), GTK_EVENT_CONTROLLER (drop));
}

/* ---- what-if editing ---------------------------------------------------------- */

static GrProject *
baseline_project (GrWindow *self)
{
  return gr_session_get_project (self->session);
}

/* What an outline in @bounds can change: grown by the longest distance any
 * rule measures (walks are never shorter than the straight line). */
static void
grow_by_reach (GrWindow *self, double bounds[4])
{
  const GrServiceRules *rules = baseline_project (self)->rules;
  double reach = MAX (self->criteria.green_radius, self->criteria.park_radius);

  for (guint i = 0; i < gr_service_rules_get_n_rules (rules); i++)
    reach = MAX (reach, gr_service_rules_get_rule (rules, i)->radius);
  bounds[0] -= reach, bounds[1] -= reach;
  bounds[2] += reach, bounds[3] += reach;
}

static guint
n_baseline_parks (GrWindow *self)
{
  GrLayer *parks = baseline_project (self)->layers[GR_ROLE_PARK];

  return parks != NULL ? parks->features->len : 0;
}

static gboolean
widget_to_analysis (GrWindow *self, double wx, double wy, double *x, double *y)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double lat, lon;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), wx, wy, &lat, &lon);
  return gr_display_from_lonlat (gr_session_get_display (self->session), lon, lat, x, y);
}

/* The editable feature (park or green space, as the scenario has it) at a
 * point of the analysis CRS. */
static gboolean
edit_target_at (GrWindow *self, double x, double y, GrFeatureKey *key)
{
  static const GrRole roles[] = { GR_ROLE_PARK, GR_ROLE_GREEN };
  g_autoptr (GArray) touched = self->current != NULL ? gr_scenario_get_touched (self->current) : NULL;
  g_auto (OGRGeometryH) point = OGR_G_CreateGeometry (wkbPoint);

  OGR_G_SetPoint_2D (point, 0, x, y);
  for (guint i = 0; touched != NULL && i < touched->len; i++)
    {
      GrFeatureKey k = g_array_index (touched, GrFeatureKey, i);
      OGRGeometryH g = gr_scenario_get_geometry (self->current, baseline_project (self), k);

      if (g != NULL && OGR_G_Contains (g, point))
        {
          *key = k;
          return TRUE;
        }
    }
  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      guint index;
      GrFeatureKey k;

      if (gr_session_nearest (self->session, roles[r], x, y, &index) > 0)
        continue;
      k = (GrFeatureKey){ roles[r], index };
      if (gr_scenario_get_geometry (self->current, baseline_project (self), k) == NULL)
        continue; /* removed in this scenario */
      *key = k;
      return TRUE;
    }
  return FALSE;
}

static void on_history_row (GtkListBox *box, GtkListBoxRow *row, GrWindow *self);

/* Redraws what depends on the scenario: the sketch, the history, the
 * actions that make sense now. While a drag runs only the sketch changes. */
static void
refresh_edits (GrWindow *self)
{
  GtkWidget *child;
  g_autoptr (GArray) touched = NULL;
  GrDisplay *display = self->session != NULL ? gr_session_get_display (self->session) : NULL;
  gboolean full = !self->dragging;

  gr_sketch_layer_clear (self->sketch);
  while (full && (child = gtk_widget_get_first_child (GTK_WIDGET (self->history))) != NULL)
    gtk_list_box_remove (self->history, child);
  update_actions (self);
  gtk_widget_set_visible (GTK_WIDGET (self->edits_heading), self->current != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->history), self->current != NULL && self->current->edits->len > 0);
  if (full)
    gtk_widget_set_visible (GTK_WIDGET (self->balance_label), FALSE);
  /* An unedited feature picked for editing: its outline and handles. */
  if (self->has_selection && display != NULL && !self->dragging)
    {
      g_autoptr (GArray) keys = self->current != NULL ? gr_scenario_get_touched (self->current) : NULL;
      gboolean edited = FALSE;

      for (guint i = 0; keys != NULL && i < keys->len && !edited; i++)
        edited = g_array_index (keys, GrFeatureKey, i).role == self->selection.role
                 && g_array_index (keys, GrFeatureKey, i).index == self->selection.index;
      if (!edited)
        {
          OGRGeometryH g = gr_scenario_get_geometry (self->current, baseline_project (self), self->selection);

          if (g != NULL)
            gr_sketch_layer_add (self->sketch, display, g, GR_MARK_SELECTED, TRUE, FALSE);
        }
    }
  if (self->current == NULL || display == NULL)
    return;
  if (full)
    {
      GrBalance b;

      gr_scenario_balance (self->current, baseline_project (self), GR_COMPENSATION_DISTANCE, &b);
      if (b.taken_m2 > 0)
        {
          g_autofree char *text = NULL;

          /* TRANSLATORS: 占补平衡, the occupation–compensation balance of green land */
          text = g_strdup_printf (_("Green land taken: %.0f m²; replaced within %.0f m: %.0f m²; still to "
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
      OGRGeometryH g = gr_scenario_get_geometry (self->current, baseline_project (self), k);
      gboolean candidate = k.role == GR_ROLE_PARK && k.index >= n_baseline_parks (self);
      gboolean selected = self->has_selection && self->selection.role == k.role && self->selection.index == k.index;

      if (self->dragging && self->drag_key.role == k.role && self->drag_key.index == k.index)
        continue;
      if (g == NULL && !candidate)
        gr_sketch_layer_add (self->sketch, display,
                             ((GrFeature *) g_ptr_array_index (baseline_project (self)->layers[k.role]->features,
                                                               k.index))->geometry,
                             GR_MARK_REMOVED, selected, FALSE);
      else if (g != NULL)
        gr_sketch_layer_add (self->sketch, display, g, candidate ? GR_MARK_CANDIDATE : GR_MARK_RESHAPED, selected,
                             candidate && gr_candidate_flags (baseline_project (self), g) != 0);
    }
  if (self->dragging && self->drag_now != NULL)
    gr_sketch_layer_add (self->sketch, display, self->drag_now,
                         self->drag_key.role == GR_ROLE_PARK && self->drag_key.index >= n_baseline_parks (self)
                           ? GR_MARK_CANDIDATE
                           : GR_MARK_RESHAPED,
                         TRUE, FALSE);
  for (guint i = 0; full && i < self->current->edits->len; i++)
    {
      GrEdit *e = g_ptr_array_index (self->current->edits, i);
      g_autofree char *what = gr_edit_describe (e);
      g_autofree char *line = g_strdup_printf ("%u. %s", i + 1, what);
      GtkWidget *label = gtk_label_new (line);
      GString *tip = g_string_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 3);
      gtk_widget_set_margin_bottom (label, 3);
      if (i >= self->current->position)
        gtk_widget_add_css_class (label, "dim-label"); /* undone: can be redone */
      if (e->kind == GR_EDIT_ADD && i < self->current->position)
        {
          g_autofree char *flags = gr_candidate_flags_describe (gr_candidate_flags (baseline_project (self),
                                                                                    e->geometry));
          g_string_append (tip, flags);
        }
      if (tip->len > 0)
        {
          g_autofree char *marked = g_strdup_printf ("%s ⚠", line);
          gtk_label_set_text (GTK_LABEL (label), marked);
          gtk_widget_set_tooltip_text (label, tip->str);
        }
      g_string_free (tip, TRUE);
      gtk_list_box_append (self->history, label);
    }
}

/* Brings the analysis, the overlay and the panel to the scenario now. */
static void
after_change (GrWindow *self)
{
  double changed[4];

  if (self->editor == NULL)
    return;
  gr_editor_sync (self->editor, self->current != NULL ? self->current : self->empty, changed);
  /* Only the tiles the changed outlines' service radii reach. */
  if (isfinite (changed[0]))
    {
      grow_by_reach (self, changed);
      gr_coverage_layer_refresh_area (self->coverage, changed);
    }
  update_indicators (self);
  update_zone_table (self, gr_session_get_analysis (self->session));
  refresh_edits (self);
  refresh_targets (self);
  update_presentation (self);
}

static void
fill_scenarios (GrWindow *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (names, _("Baseline"));
  for (guint i = 0; self->scenarios != NULL && i < self->scenarios->len; i++)
    {
      GrScenario *s = g_ptr_array_index (self->scenarios, i);

      gtk_string_list_append (names, s->name);
      if (s == self->current)
        selected = i + 1;
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->scenario_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->scenario_dropdown, selected);
  self->filling = FALSE;
  g_object_unref (names);
}

static void
load_scenarios (GrWindow *self)
{
  const char *path = self->session != NULL ? gr_session_get_path (self->session) : NULL;
  g_autoptr (GError) error = NULL;

  self->current = NULL;
  self->has_selection = FALSE;
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  g_clear_pointer (&self->store, gr_scenario_store_close);
  if (path != NULL && gr_session_get_sources (self->session)->len == 0 && gr_project_file_is_project (path))
    {
      if ((self->store = gr_scenario_store_open (path, &error)) == NULL
          || (self->scenarios = gr_scenario_store_load (self->store, &error)) == NULL)
        show_error (self, _("Could not read the scenarios"), error);
    }
  fill_scenarios (self);
}

static void
on_scenario_selected (GrWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->scenario_dropdown);

  if (self->filling)
    return;
  self->current = i > 0 && self->scenarios != NULL && i <= self->scenarios->len
                    ? g_ptr_array_index (self->scenarios, i - 1)
                    : NULL;
  self->has_selection = FALSE;
  after_change (self);
}

/* Selects a scenario by name; for the tests and the command line. */
gboolean
gr_window_set_scenario (GrWindow   *self,
                        const char *name)
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
gr_window_save_as (GrWindow   *self,
                   const char *path,
                   GError    **error)
{
  if (!gr_project_save (baseline_project (self), path, error))
    return FALSE;
  gr_session_set_path (self->session, path);
  load_scenarios (self);
  {
    g_autofree char *name = g_path_get_basename (path);
    adw_window_title_set_subtitle (self->window_title, name);
  }
  after_change (self);
  return self->store != NULL;
}

static void
on_save_chosen (GtkNativeDialog *dialog, int response, gpointer data)
{
  GrWindow *self = GR_WINDOW (data);
  g_autofree char *chosen = chosen_path (dialog, response);
  g_autofree char *path = chosen != NULL && !g_str_has_suffix (chosen, ".gpkg") ? g_strconcat (chosen, ".gpkg", NULL)
                                                                               : g_strdup (chosen);
  g_autoptr (GError) error = NULL;

  if (path != NULL && !gr_window_save_as (self, path, &error) && error != NULL)
    show_error (self, _("Could not save the project"), error);
}

static void
save_as_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  GtkFileChooserNative *dialog;

  if (self->session == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Save the Project"), GTK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("project.gpkg"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_chosen), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Scenarios live in the project file: an unsaved project is saved first. */
static gboolean
ensure_store (GrWindow *self)
{
  if (self->store != NULL)
    return TRUE;
  adw_toast_overlay_add_toast (self->toasts,
                               adw_toast_new (_("Scenarios are kept in the project file: save the project first")));
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
gr_window_new_scenario (GrWindow   *self,
                        const char *name,
                        GrScenario *from,
                        GError    **error)
{
  g_autoptr (GrScenario) scenario = NULL;

  if (self->store == NULL)
    {
      g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                           _("Scenarios are kept in the project file: save the project first"));
      return FALSE;
    }
  scenario = from != NULL ? gr_scenario_copy (from, name) : gr_scenario_new (name);
  if (!gr_scenario_store_add (self->store, scenario, error))
    return FALSE;
  if (self->scenarios == NULL)
    self->scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_scenario_free);
  self->current = scenario;
  g_ptr_array_add (self->scenarios, g_steal_pointer (&scenario));
  fill_scenarios (self);
  after_change (self);
  return TRUE;
}

static char *
next_scenario_name (GrWindow *self)
{
  for (guint n = 1;; n++)
    {
      char *name = g_strdup_printf (_("Scenario %u"), n);
      gboolean taken = FALSE;

      for (guint i = 0; self->scenarios != NULL && i < self->scenarios->len && !taken; i++)
        taken = g_strcmp0 (((GrScenario *) g_ptr_array_index (self->scenarios, i))->name, name) == 0;
      if (!taken)
        return name;
      g_free (name);
    }
}

typedef enum
{
  NAME_NEW,
  NAME_DUPLICATE,
  NAME_RENAME,
} NamePurpose;

static void
on_name_response (AdwMessageDialog *dialog, const char *response, GrWindow *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  NamePurpose purpose = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "purpose"));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "ok") != 0)
    return;
  if (purpose == NAME_RENAME)
    {
      ok = self->current != NULL && gr_scenario_store_rename (self->store, self->current, name, &error);
      if (ok)
        fill_scenarios (self);
    }
  else
    ok = gr_window_new_scenario (self, name, purpose == NAME_DUPLICATE ? self->current : NULL, &error);
  if (!ok && error != NULL)
    show_error (self, _("Could not change the scenarios"), error);
}

static void
ask_name (GrWindow *self, NamePurpose purpose)
{
  static const char *headings[] = { N_("New Scenario"), N_("Duplicate Scenario"), N_("Rename Scenario") };
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *dialog;
  g_autofree char *suggestion = NULL;

  if (!ensure_store (self))
    return;
  suggestion = purpose == NAME_RENAME ? g_strdup (self->current->name)
               : purpose == NAME_DUPLICATE ? g_strdup_printf (_("%s (copy)"), self->current->name)
                                           : next_scenario_name (self);
  gtk_editable_set_text (GTK_EDITABLE (entry), suggestion);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _(headings[purpose]),
                                   _("A scenario is a named list of edits over the baseline data."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok", _("_OK"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  g_object_set_data (G_OBJECT (dialog), "purpose", GUINT_TO_POINTER (purpose));
  g_signal_connect (dialog, "response", G_CALLBACK (on_name_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
scenario_activated (GtkWidget *widget, const char *action, GVariant *parameter)
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
          show_error (self, _("Could not change the scenarios"), error);
          return;
        }
      g_ptr_array_remove (self->scenarios, self->current);
      self->current = NULL;
      fill_scenarios (self);
      after_change (self);
    }
}

/* ---- edits ---- */

/**
 * gr_window_push_edit:
 * @edit: (transfer full)
 *
 * Records @edit in the current scenario (one is made when the baseline is
 * shown: the baseline itself never changes) and shows its effect.
 */
gboolean
gr_window_push_edit (GrWindow *self,
                     GrEdit   *edit,
                     GError  **error)
{
  g_autoptr (GrEdit) owned = edit;

  if (self->current == NULL)
    {
      g_autofree char *name = next_scenario_name (self);

      if (!gr_window_new_scenario (self, name, NULL, error))
        return FALSE;
    }
  if (edit->kind == GR_EDIT_ADD)
    edit->target.index = gr_scenario_next_candidate (self->current, baseline_project (self));
  if (!gr_scenario_check_edit (self->current, baseline_project (self), edit, error)
      || !gr_scenario_store_push (self->store, self->current, g_steal_pointer (&owned), error))
    return FALSE;
  after_change (self);
  return TRUE;
}

static void
push_or_say (GrWindow *self, GrEdit *edit)
{
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    {
      gr_edit_free (edit);
      ensure_store (self);
      return;
    }
  if (!gr_window_push_edit (self, edit, &error))
    show_error (self, _("Could not make the edit"), error);
}

/* The number the next candidate park of the scenario gets (1, 2, …). */
static guint
candidate_number (GrWindow *self)
{
  if (self->current == NULL)
    return 1;
  return gr_scenario_next_candidate (self->current, baseline_project (self)) - n_baseline_parks (self) + 1;
}

/* @geometry: (transfer full): a new pocket park, named by its number */
static GrEdit *
candidate_edit (GrWindow *self, OGRGeometryH geometry, guint number)
{
  GrEdit *edit = gr_edit_new (GR_EDIT_ADD, GR_ROLE_PARK, 0, geometry);

  edit->name = g_strdup_printf (_("Pocket park %u"), number);
  edit->klass = g_strdup ("G14");
  return edit;
}

/* A pocket park of the chosen size centred at a point of the analysis CRS. */
void
gr_window_add_park_at (GrWindow *self,
                       double    x,
                       double    y)
{
  guint number = candidate_number (self);

  push_or_say (self, candidate_edit (self, gr_pocket_park_new (x, y, self->park_area, self->park_circle), number));
  self->has_selection = TRUE;
  self->selection = (GrFeatureKey){ GR_ROLE_PARK, n_baseline_parks (self) + number - 1 };
  refresh_edits (self);
}

static void
step_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  gboolean undo = g_str_equal (action, "win.undo");
  g_autoptr (GError) error = NULL;

  if (self->current == NULL || (undo && self->current->position == 0)
      || (!undo && self->current->position == self->current->edits->len))
    return;
  if (!gr_scenario_store_set_position (self->store, self->current, self->current->position + (undo ? -1 : 1),
                                       &error))
    show_error (self, _("Could not make the edit"), error);
  after_change (self);
}

/* A row of the history: the scenario goes back (or forward) to just after it. */
static void
on_history_row (GtkListBox *box, GtkListBoxRow *row, GrWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->current == NULL)
    return;
  if (!gr_scenario_store_set_position (self->store, self->current, gtk_list_box_row_get_index (row) + 1, &error))
    show_error (self, _("Could not make the edit"), error);
  after_change (self);
}

static void
delete_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);

  if (self->session == NULL || !self->has_selection)
    return;
  self->has_selection = FALSE;
  push_or_say (self, gr_edit_new (GR_EDIT_REMOVE, self->selection.role, self->selection.index, NULL));
}

/* ---- vertices ---- */

typedef enum
{
  VERTEX_MOVE,
  VERTEX_INSERT, /* before the vertex */
  VERTEX_REMOVE,
} VertexOp;

static int
n_parts (OGRGeometryH g)
{
  return wkbFlatten (OGR_G_GetGeometryType (g)) == wkbMultiPolygon ? OGR_G_GetGeometryCount (g) : 1;
}

static OGRGeometryH
part_of (OGRGeometryH g, int part)
{
  return wkbFlatten (OGR_G_GetGeometryType (g)) == wkbMultiPolygon ? OGR_G_GetGeometryRef (g, part) : g;
}

static gboolean
to_widget (GrWindow *self, double x, double y, double *wx, double *wy)
{
  double lon, lat;

  if (!gr_display_to_lonlat (gr_session_get_display (self->session), x, y, &lon, &lat))
    return FALSE;
  shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (self->map), GTK_WIDGET (self->map), lat, lon,
                                              wx, wy);
  return TRUE;
}

#define GRAB_PIXELS 8.0

/* The corner (or, with @edges, the edge) of @g within GRAB_PIXELS of the
 * widget point; for an edge @v names the corner after it. */
static gboolean
nearest_on_outline (GrWindow *self, OGRGeometryH g, double wx, double wy, gboolean edges, Vertex *v)
{
  double best = GRAB_PIXELS;
  gboolean found = FALSE;

  for (int p = 0; p < n_parts (g); p++)
    {
      OGRGeometryH polygon = part_of (g, p);

      for (int r = 0; r < OGR_G_GetGeometryCount (polygon); r++)
        {
          OGRGeometryH ring = OGR_G_GetGeometryRef (polygon, r);
          double ax = NAN, ay = NAN;

          for (int i = 0; i < OGR_G_GetPointCount (ring); i++)
            {
              double bx, by, d;

              if (!to_widget (self, OGR_G_GetX (ring, i), OGR_G_GetY (ring, i), &bx, &by))
                {
                  ax = NAN;
                  continue;
                }
              if (!edges && i < OGR_G_GetPointCount (ring) - 1)
                d = hypot (bx - wx, by - wy);
              else if (edges && isfinite (ax))
                {
                  double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
                  double t = len2 > 0 ? CLAMP (((wx - ax) * dx + (wy - ay) * dy) / len2, 0, 1) : 0;

                  d = hypot (ax + t * dx - wx, ay + t * dy - wy);
                }
              else
                d = INFINITY;
              if (d <= best)
                best = d, *v = (Vertex){ p, r, i }, found = TRUE;
              ax = bx, ay = by;
            }
        }
    }
  return found;
}

static gboolean
find_vertex (GrWindow *self, OGRGeometryH g, double wx, double wy, Vertex *v)
{
  return nearest_on_outline (self, g, wx, wy, FALSE, v);
}

static gboolean
find_edge (GrWindow *self, OGRGeometryH g, double wx, double wy, Vertex *v)
{
  return nearest_on_outline (self, g, wx, wy, TRUE, v);
}

/* A copy of @g with one vertex moved, inserted or removed; rings stay
 * closed. NULL when a ring would keep fewer than three vertices. */
static OGRGeometryH
edit_vertex (OGRGeometryH g, Vertex v, VertexOp op, double x, double y)
{
  gboolean multi = wkbFlatten (OGR_G_GetGeometryType (g)) == wkbMultiPolygon;
  OGRGeometryH out = OGR_G_CreateGeometry (multi ? wkbMultiPolygon : wkbPolygon);

  for (int p = 0; p < n_parts (g); p++)
    {
      OGRGeometryH polygon = part_of (g, p);
      OGRGeometryH new_polygon = multi ? OGR_G_CreateGeometry (wkbPolygon) : out;

      for (int r = 0; r < OGR_G_GetGeometryCount (polygon); r++)
        {
          OGRGeometryH ring = OGR_G_GetGeometryRef (polygon, r);
          OGRGeometryH new_ring = OGR_G_CreateGeometry (wkbLinearRing);
          g_autoptr (GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));

          for (int i = 0; i < OGR_G_GetPointCount (ring) - 1; i++)
            {
              double px = OGR_G_GetX (ring, i), py = OGR_G_GetY (ring, i);
              gboolean here = p == v.part && r == v.ring && i == v.point;

              if (here && op == VERTEX_INSERT)
                g_array_append_val (xy, x), g_array_append_val (xy, y);
              if (here && op == VERTEX_REMOVE)
                continue;
              if (here && op == VERTEX_MOVE)
                px = x, py = y;
              g_array_append_val (xy, px), g_array_append_val (xy, py);
            }
          /* Inserting after the last vertex: on the closing edge. */
          if (op == VERTEX_INSERT && p == v.part && r == v.ring && v.point == OGR_G_GetPointCount (ring) - 1)
            g_array_append_val (xy, x), g_array_append_val (xy, y);
          if (xy->len / 2 < 3)
            {
              OGR_G_DestroyGeometry (new_ring);
              if (multi)
                OGR_G_DestroyGeometry (new_polygon);
              OGR_G_DestroyGeometry (out);
              return NULL;
            }
          for (guint i = 0; i <= xy->len / 2; i++)
            OGR_G_AddPoint_2D (new_ring, g_array_index (xy, double, 2 * (i % (xy->len / 2))),
                               g_array_index (xy, double, 2 * (i % (xy->len / 2)) + 1));
          OGR_G_AddGeometryDirectly (new_polygon, new_ring);
        }
      if (multi)
        OGR_G_AddGeometryDirectly (out, new_polygon);
    }
  return out;
}

/* A double click on the selection: on a vertex removes it, on an edge adds
 * one there. */
static gboolean
edit_vertices_at (GrWindow *self, double wx, double wy)
{
  OGRGeometryH g;
  OGRGeometryH edited = NULL;
  Vertex v;
  double x, y;

  if (!self->has_selection
      || (g = gr_scenario_get_geometry (self->current, baseline_project (self), self->selection)) == NULL
      || !widget_to_analysis (self, wx, wy, &x, &y))
    return FALSE;
  if (find_vertex (self, g, wx, wy, &v))
    edited = edit_vertex (g, v, VERTEX_REMOVE, 0, 0);
  else if (find_edge (self, g, wx, wy, &v))
    edited = edit_vertex (g, v, VERTEX_INSERT, x, y);
  else
    return FALSE;
  if (edited == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("An outline keeps at least three corners")));
      return TRUE;
    }
  push_or_say (self, gr_edit_new (GR_EDIT_RESHAPE, self->selection.role, self->selection.index, edited));
  return TRUE;
}

/* Double-clicks the map at a point of the analysis CRS, as a user would. */
gboolean
gr_window_double_click_at (GrWindow *self,
                           double    x,
                           double    y)
{
  double wx, wy;

  return to_widget (self, x, y, &wx, &wy) && edit_vertices_at (self, wx, wy);
}

/* ---- dragging a park ---- */

static void
shift (OGRGeometryH geometry, double dx, double dy)
{
  int n = OGR_G_GetGeometryCount (geometry);

  for (int i = 0; n == 0 && i < OGR_G_GetPointCount (geometry); i++)
    OGR_G_SetPoint_2D (geometry, i, OGR_G_GetX (geometry, i) + dx, OGR_G_GetY (geometry, i) + dy);
  for (int k = 0; k < n; k++)
    shift (OGR_G_GetGeometryRef (geometry, k), dx, dy);
}

static OGRGeometryH
translated (OGRGeometryH geometry, double dx, double dy)
{
  OGRGeometryH copy = OGR_G_Clone (geometry);

  shift (copy, dx, dy);
  return copy;
}

/* Moves what is being dragged to (@x, @y): the analysis follows at once,
 * from the library's incremental remove and add. */
void
gr_window_drag_to (GrWindow *self,
                   double    x,
                   double    y)
{
  double area[4];

  if (!self->dragging)
    return;
  g_clear_pointer (&self->drag_now, OGR_G_DestroyGeometry);
  if (self->drag_vertex)
    self->drag_now = edit_vertex (self->drag_start, (Vertex){ self->drag_part, self->drag_ring, self->drag_point },
                                  VERTEX_MOVE, x, y);
  else
    self->drag_now = translated (self->drag_start, x - self->drag_x, y - self->drag_y);
  /* What the move can change: the old and the new outline's reach. */
  gr_editor_preview (self->editor, self->drag_key, self->drag_now, area);
  grow_by_reach (self, area);
  gr_coverage_layer_refresh_area (self->coverage, area);
  update_targets_live (self);
  refresh_edits (self);
}

/* Starts dragging the editable feature at (@x, @y); FALSE when none is there. */
gboolean
gr_window_drag_begin (GrWindow *self,
                      double    x,
                      double    y)
{
  GrFeatureKey key;
  OGRGeometryH g;
  Vertex v;
  double wx, wy;

  if (self->session == NULL || self->editor == NULL || self->presenting)
    return FALSE;
  /* A handle of the selection: that vertex moves. */
  self->drag_vertex = FALSE;
  if (self->has_selection && to_widget (self, x, y, &wx, &wy)
      && (g = gr_scenario_get_geometry (self->current, baseline_project (self), self->selection)) != NULL
      && find_vertex (self, g, wx, wy, &v))
    {
      key = self->selection;
      self->drag_vertex = TRUE;
      self->drag_part = v.part, self->drag_ring = v.ring, self->drag_point = v.point;
    }
  else if (!edit_target_at (self, x, y, &key)
           || (g = gr_scenario_get_geometry (self->current, baseline_project (self), key)) == NULL)
    return FALSE;
  self->dragging = TRUE;
  self->drag_key = key;
  self->drag_start = OGR_G_Clone (g);
  self->drag_x = x, self->drag_y = y;
  self->has_selection = TRUE;
  self->selection = key;
  return TRUE;
}

/* Ends the drag: one edit, however many steps it took. */
void
gr_window_drag_end (GrWindow *self)
{
  OGRGeometryH now;

  if (!self->dragging)
    return;
  g_clear_handle_id (&self->live_text_id, g_source_remove);
  self->dragging = FALSE;
  now = g_steal_pointer (&self->drag_now);
  g_clear_pointer (&self->drag_start, OGR_G_DestroyGeometry);
  if (now != NULL)
    push_or_say (self, gr_edit_new (GR_EDIT_RESHAPE, self->drag_key.role, self->drag_key.index, now));
  else
    after_change (self);
}

static void
on_drag_begin (GtkGestureDrag *gesture, double wx, double wy, GrWindow *self)
{
  double x, y;

  if (gtk_toggle_button_get_active (self->add_tool) || gtk_toggle_button_get_active (self->draw_tool)
      || self->session == NULL
      || !widget_to_analysis (self, wx, wy, &x, &y) || !gr_window_drag_begin (self, x, y))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_update (GtkGestureDrag *gesture, double dx, double dy, GrWindow *self)
{
  double sx, sy, x, y;

  if (!self->dragging || !gtk_gesture_drag_get_start_point (gesture, &sx, &sy)
      || !widget_to_analysis (self, sx + dx, sy + dy, &x, &y))
    return;
  gr_window_drag_to (self, x, y);
}

static void
on_drag_end (GtkGestureDrag *gesture, double dx, double dy, GrWindow *self)
{
  gr_window_drag_end (self);
}

/* A candidate park's popover: its name, area, review flags and reach. */
static char *
describe_candidate (GrWindow *self)
{
  OGRGeometryH g = gr_scenario_get_geometry (self->current, baseline_project (self), self->selection);
  g_autofree char *flags = NULL;
  g_autofree char *name = NULL;
  GString *text = g_string_new (NULL);
  double area;

  if (g == NULL)
    return g_string_free (text, FALSE);
  for (guint i = 0; i < self->current->position; i++)
    {
      GrEdit *e = g_ptr_array_index (self->current->edits, i);

      if (e->target.role == GR_ROLE_PARK && e->target.index == self->selection.index
          && (e->kind == GR_EDIT_ADD || e->kind == GR_EDIT_RENAME))
        g_free (name), name = g_markup_escape_text (e->name != NULL ? e->name : "", -1);
    }
  area = OGR_G_Area (g);
  g_string_append_printf (text, "<b>%s</b>\n%s\n", name != NULL ? name : "", _("Candidate park"));
  g_string_append_printf (text, _("Area: %.0f m² (%.2f ha)"), area, area / 1e4);
  flags = gr_candidate_flags_describe (gr_candidate_flags (baseline_project (self), g));
  if (flags[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (flags, -1);
      g_string_append_printf (text, "\n<span foreground=\"#b00000\">%s</span>", escaped);
    }
  {
    g_autoptr (GrPolygon) shape = gr_polygon_new_from_ogr (g);
    describe_served (self, text, shape);
  }
  return g_string_free (text, FALSE);
}

/* ---- names and classes ---- */

static const char *const class_codes[] = { "G11", "G12", "G13", "G14", "EG" };

/**
 * gr_window_rename_selection:
 * @klass: a class code (G11 … G14, EG) or free text
 *
 * Names and classes the selected park or green space, as an edit.
 */
void
gr_window_rename_selection (GrWindow   *self,
                            const char *name,
                            const char *klass)
{
  GrEdit *edit;

  if (!self->has_selection)
    return;
  edit = gr_edit_new (GR_EDIT_RENAME, self->selection.role, self->selection.index, NULL);
  edit->name = g_strdup (name);
  edit->klass = g_strdup (klass);
  push_or_say (self, edit);
}

static void
on_rename_clicked (GtkButton *button, GrWindow *self)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (button));
  GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_first_child (box));
  GtkDropDown *klass = GTK_DROP_DOWN (gtk_widget_get_next_sibling (GTK_WIDGET (entry)));
  GtkWidget *popover = g_object_get_data (G_OBJECT (button), "popover");
  guint chosen = gtk_drop_down_get_selected (klass);

  gr_window_rename_selection (self, gtk_editable_get_text (entry),
                              chosen < G_N_ELEMENTS (class_codes) ? class_codes[chosen] : NULL);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* Under a selected feature's description: its name and class, editable. */
static GtkWidget *
naming_box (GrWindow *self, GtkWidget *label, GtkWidget *popover)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Rename"));
  GtkStringList *names = gtk_string_list_new (NULL);
  GtkWidget *klass;
  GrProject *project = baseline_project (self);
  OGRGeometryH g = gr_scenario_get_geometry (self->current, project, self->selection);
  const char *current_name = NULL, *current_class = NULL;
  gboolean by_size;
  GrParkClass pc;

  /* What the scenario calls it now: the latest naming, else the data's. */
  for (guint i = 0; self->current != NULL && i < self->current->position; i++)
    {
      GrEdit *e = g_ptr_array_index (self->current->edits, i);

      if (e->target.role == self->selection.role && e->target.index == self->selection.index
          && (e->kind == GR_EDIT_RENAME || e->kind == GR_EDIT_ADD))
        current_name = e->name, current_class = e->klass;
    }
  if (current_name == NULL && project->layers[self->selection.role] != NULL
      && self->selection.index < project->layers[self->selection.role]->features->len)
    {
      GrFeature *f = g_ptr_array_index (project->layers[self->selection.role]->features, self->selection.index);
      current_name = f->name, current_class = f->kind;
    }
  for (guint c = 0; c < GR_N_PARK_CLASSES; c++)
    {
      g_autofree char *text = g_strdup_printf ("%s %s", gr_park_class_get_code (c), gr_park_class_get_label (c));
      gtk_string_list_append (names, text);
    }
  klass = gtk_drop_down_new (G_LIST_MODEL (names), NULL);
  pc = gr_park_class_from_kind (current_class, g != NULL ? OGR_G_Area (g) : 0, &by_size);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (klass), pc);
  gtk_editable_set_text (GTK_EDITABLE (entry), current_name != NULL ? current_name : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  g_object_set_data (G_OBJECT (apply), "popover", popover);
  g_signal_connect (apply, "clicked", G_CALLBACK (on_rename_clicked), self);
  gtk_box_append (GTK_BOX (row), entry);
  gtk_box_append (GTK_BOX (row), klass);
  gtk_box_append (GTK_BOX (row), apply);
  gtk_box_append (GTK_BOX (outer), label);
  gtk_box_append (GTK_BOX (outer), row);
  return outer;
}

/* ---- drawing a park corner by corner ---- */

static void
show_draft (GrWindow *self)
{
  gr_sketch_layer_set_draft (self->sketch, gr_session_get_display (self->session), (double *) self->draft->data,
                             self->draft->len / 2);
}

/* Adds a corner to the park being drawn (a click with the drawing tool). */
void
gr_window_draw_corner (GrWindow *self,
                       double    x,
                       double    y)
{
  guint n = self->draft->len / 2;

  /* The second click of a double click lands on the last corner. */
  if (n > 0 && hypot (x - g_array_index (self->draft, double, 2 * n - 2),
                      y - g_array_index (self->draft, double, 2 * n - 1)) < 0.01)
    return;
  g_array_append_val (self->draft, x);
  g_array_append_val (self->draft, y);
  show_draft (self);
}

static void
end_drawing (GrWindow *self)
{
  g_array_set_size (self->draft, 0);
  if (self->session != NULL)
    show_draft (self);
  gtk_toggle_button_set_active (self->draw_tool, FALSE);
}

/* Closes the park being drawn and adds it (a double click or Enter). */
void
gr_window_finish_drawing (GrWindow *self)
{
  guint n = self->draft->len / 2;
  OGRGeometryH ring, polygon;
  GrEdit *edit;
  guint number;

  if (self->session == NULL)
    return;
  if (n < 3)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("A park needs at least three corners")));
      return;
    }
  ring = OGR_G_CreateGeometry (wkbLinearRing);
  for (guint i = 0; i <= n; i++)
    OGR_G_AddPoint_2D (ring, g_array_index (self->draft, double, 2 * (i % n)),
                       g_array_index (self->draft, double, 2 * (i % n) + 1));
  polygon = OGR_G_CreateGeometry (wkbPolygon);
  OGR_G_AddGeometryDirectly (polygon, ring);
  number = candidate_number (self);
  edit = candidate_edit (self, polygon, number);
  end_drawing (self);
  push_or_say (self, edit);
}

static void
on_draw_toggled (GtkToggleButton *button, GrWindow *self)
{
  if (gtk_toggle_button_get_active (button))
    gtk_toggle_button_set_active (self->add_tool, FALSE);
  else if (self->draft->len > 0)
    end_drawing (self);
}

static void
on_add_toggled (GtkToggleButton *button, GrWindow *self)
{
  if (gtk_toggle_button_get_active (button))
    gtk_toggle_button_set_active (self->draw_tool, FALSE);
}

/* Enter finishes the park being drawn, Esc drops it. */
static gboolean
on_key (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state, GrWindow *self)
{
  if (!gtk_toggle_button_get_active (self->draw_tool))
    return FALSE;
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    gr_window_finish_drawing (self);
  else if (keyval == GDK_KEY_Escape)
    end_drawing (self);
  else
    return FALSE;
  return TRUE;
}

void
gr_window_set_drawing (GrWindow *self,
                       gboolean  drawing)
{
  gtk_toggle_button_set_active (self->draw_tool, drawing);
}

/* ---- the new-park tool ---- */

static void
on_park_area (GtkSpinButton *spin, GrWindow *self)
{
  self->park_area = gtk_spin_button_get_value (spin);
}

static void
on_park_shape (GtkDropDown *shape, GParamSpec *pspec, GrWindow *self)
{
  self->park_circle = gtk_drop_down_get_selected (shape) == 1;
}

static void
build_park_popover (GrWindow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (400, 10000, 100);
  const char *shapes[] = { _("Square"), _("Circle"), NULL };
  GtkWidget *shape = gtk_drop_down_new_from_strings (shapes);
  GtkWidget *label;

  self->park_area = 2500;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), self->park_area);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  /* TRANSLATORS: the area of a new pocket park */
  label = gtk_label_new (_("Area, m² (pocket parks: 400–10,000)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), spin, 1, 0, 1, 1);
  label = gtk_label_new (_("Shape"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), shape, 1, 1, 1, 1);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_park_area), self);
  g_signal_connect (shape, "notify::selected", G_CALLBACK (on_park_shape), self);
  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  gtk_menu_button_set_popover (self->park_size_button, popover);
  gtk_menu_button_set_icon_name (self->park_size_button, "pan-down-symbolic");
}

static void
build_editing (GrWindow *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  GtkEventController *keys = gtk_event_controller_key_new ();

  self->empty = gr_scenario_new ("");
  self->draft = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (self->draw_tool, "toggled", G_CALLBACK (on_draw_toggled), self);
  g_signal_connect (self->add_tool, "toggled", G_CALLBACK (on_add_toggled), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  self->sketch = gr_sketch_layer_new (shumate_map_get_viewport (self->map));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->sketch));
  build_park_popover (self);
  g_signal_connect_swapped (self->scenario_dropdown, "notify::selected", G_CALLBACK (on_scenario_selected), self);
  g_signal_connect (self->history, "row-activated", G_CALLBACK (on_history_row), self);
  gtk_list_box_set_activate_on_single_click (self->history, TRUE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (drag));
  fill_scenarios (self);
  refresh_edits (self);
}

/* ---- comparing scenarios ---------------------------------------------------------- */

typedef struct
{
  GrProject    *baseline; /* borrowed: the session outlives the window's jobs */
  GrScenario   *a, *b;    /* copies, or NULL for the baseline */
  GrCriteria    criteria;
  GrComparison *result;
} CompareJob;

static void
compare_job_free (gpointer data)
{
  CompareJob *job = data;

  gr_scenario_free (job->a);
  gr_scenario_free (job->b);
  gr_comparison_free (job->result);
  g_free (job);
}

static void
compare_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  CompareJob *job = data;
  GError *error = NULL;

  job->result = gr_comparison_new (job->baseline, job->a, job->b, &job->criteria, cancellable, &error);
  if (job->result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_comparison_closed (GtkWindow *results, GrWindow *self)
{
  gr_coverage_layer_set_comparison (self->coverage, NULL);
  g_clear_pointer (&self->comparison, gr_comparison_free);
}

static void
attach_cell (GtkGrid *grid, const char *text, int col, int row, gboolean numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, col, row, 1, 1);
}

/* The figures side by side, and the legend of the map it colours. */
static GtkWidget *
comparison_table (GrComparison *comparison, const char *names[3])
{
  GtkWidget *grid = gtk_grid_new ();
  const char *labels[] = { N_("Green within 300 m"), N_("Park within 500 m"), N_("Both"),
                           N_("Neither (blind spot)"), N_("Park service-radius coverage") };
  const char *heads[] = { "", names[1], names[2], names[0], N_("A − baseline"), N_("B − A") };
  GrSummary s[3];
  GrAmount gained[4];

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  for (guint i = 0; i < 3; i++)
    gr_comparison_summarize (comparison, i, -1, &s[i]);
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    {
      GtkWidget *label = gtk_label_new (c >= 4 ? _(heads[c]) : heads[c]);

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (GTK_GRID (grid), label, c, 0, 1, 1);
    }
  for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
    {
      double v[3];

      for (guint i = 0; i < 3; i++)
        {
          const GrAmount *m = k == 0 ? &s[i].green : k == 1 ? &s[i].park : k == 2 ? &s[i].both
                              : k == 3 ? &s[i].neither : &s[i].service;
          v[i] = s[0].residential.area_m2 > 0 ? 100 * m->area_m2 / s[0].residential.area_m2 : NAN;
        }
      attach_cell (GTK_GRID (grid), _(labels[k]), 0, k + 1, FALSE);
      {
        g_autofree char *a = g_strdup_printf ("%.1f%%", v[1]);
        g_autofree char *b = g_strdup_printf ("%.1f%%", v[2]);
        g_autofree char *base = g_strdup_printf ("%.1f%%", v[0]);
        g_autofree char *da = g_strdup_printf ("%+.1f", v[1] - v[0]);
        g_autofree char *db = g_strdup_printf ("%+.1f", v[2] - v[1]);

        attach_cell (GTK_GRID (grid), a, 1, k + 1, TRUE);
        attach_cell (GTK_GRID (grid), b, 2, k + 1, TRUE);
        attach_cell (GTK_GRID (grid), base, 3, k + 1, TRUE);
        attach_cell (GTK_GRID (grid), da, 4, k + 1, TRUE);
        attach_cell (GTK_GRID (grid), db, 5, k + 1, TRUE);
      }
    }
  gr_comparison_gains (comparison, gained);
  {
    int row = G_N_ELEMENTS (labels) + 2;

    for (guint g = 1; g < 4; g++, row++)
      {
        GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
        GtkWidget *swatch = swatch_new ();
        g_autofree char *text = g == 3 ? g_strdup_printf (_("Newly covered by both: %.2f ha"), gained[g].area_m2 / 1e4)
                                       : g_strdup_printf (_("Newly covered by %s only: %.2f ha"), names[g],
                                                          gained[g].area_m2 / 1e4);
        GdkRGBA color;

        gr_coverage_gain_color (g, &color);
        color.alpha = 1;
        swatch_set_color (swatch, &color);
        gtk_box_append (GTK_BOX (line), swatch);
        gtk_box_append (GTK_BOX (line), gtk_label_new (text));
        gtk_grid_attach (GTK_GRID (grid), line, 0, row, 6, 1);
      }
  }
  return grid;
}

static void
compare_done (GObject *source, GAsyncResult *result, gpointer data)
{
  GrWindow *self = GR_WINDOW (source);
  CompareJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  GtkWidget *results, *box, *header;
  const char *names[3];

  set_busy (self, NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, _("Could not compare the scenarios"), error);
      return;
    }
  names[0] = _("Baseline");
  names[1] = job->a != NULL ? job->a->name : _("Baseline");
  names[2] = job->b != NULL ? job->b->name : _("Baseline");
  g_clear_pointer (&self->comparison, gr_comparison_free);
  self->comparison = g_steal_pointer (&job->result);
  gr_coverage_layer_set_comparison (self->coverage, self->comparison);
  results = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (results), _("Compare Scenarios"));
  gtk_window_set_transient_for (GTK_WINDOW (results), GTK_WINDOW (self));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  {
    GtkWidget *table = comparison_table (self->comparison, names);
    GtkWidget *note = gtk_label_new (_("The map shows the homes each scenario newly covers while this window is "
                                       "open."));

    gtk_widget_set_margin_start (table, 18);
    gtk_widget_set_margin_end (table, 18);
    gtk_label_set_wrap (GTK_LABEL (note), TRUE);
    gtk_widget_add_css_class (note, "dim-label");
    gtk_widget_set_margin_bottom (note, 18);
    gtk_box_append (GTK_BOX (box), table);
    gtk_box_append (GTK_BOX (box), note);
  }
  adw_window_set_content (ADW_WINDOW (results), box);
  g_signal_connect_object (results, "destroy", G_CALLBACK (on_comparison_closed), self, 0);
  self->comparison_window = results;
  g_object_add_weak_pointer (G_OBJECT (results), (gpointer *) &self->comparison_window);
  gtk_window_present (GTK_WINDOW (results));
}

/**
 * gr_window_compare:
 * @a: (nullable): a scenario, %NULL for the baseline
 * @b: (nullable): another
 *
 * Compares them off the main thread; the results open in a window and
 * colour the map.
 */
void
gr_window_compare (GrWindow   *self,
                   GrScenario *a,
                   GrScenario *b)
{
  g_autoptr (GTask) task = NULL;
  CompareJob *job;

  g_return_if_fail (self->session != NULL && !self->busy);
  job = g_new0 (CompareJob, 1);
  job->baseline = baseline_project (self);
  job->a = a != NULL ? gr_scenario_copy (a, a->name) : NULL;
  job->b = b != NULL ? gr_scenario_copy (b, b->name) : NULL;
  job->criteria = self->criteria;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, compare_done, NULL);
  g_task_set_task_data (task, job, compare_job_free);
  set_busy (self, _("Comparing scenarios…"));
  g_task_run_in_thread (task, compare_thread);
}

static void
on_compare_response (AdwMessageDialog *dialog, const char *response, GrWindow *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkDropDown *first = GTK_DROP_DOWN (gtk_widget_get_first_child (box));
  GtkDropDown *second = GTK_DROP_DOWN (gtk_widget_get_next_sibling (GTK_WIDGET (first)));
  guint a = gtk_drop_down_get_selected (first), b = gtk_drop_down_get_selected (second);

  if (g_strcmp0 (response, "compare") != 0 || self->busy)
    return;
  gr_window_compare (self, a > 0 ? g_ptr_array_index (self->scenarios, a - 1) : NULL,
                     b > 0 ? g_ptr_array_index (self->scenarios, b - 1) : NULL);
}

static void
compare_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *dialog;

  if (self->session == NULL || self->busy)
    return;
  for (guint k = 0; k < 2; k++)
    {
      GtkDropDown *choice = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (gtk_drop_down_get_model (
                                                                self->scenario_dropdown)),
                                                              NULL));
      guint n = self->scenarios != NULL ? self->scenarios->len : 0;

      /* The scenario shown against the next one, or the baseline. */
      gtk_drop_down_set_selected (choice, k == 0 ? MAX (gtk_drop_down_get_selected (self->scenario_dropdown), 1)
                                                 : 0);
      if (k == 0 && n == 0)
        gtk_drop_down_set_selected (choice, 0);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (choice));
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Compare Scenarios"),
                                   _("Choose two: every indicator side by side, and the homes each newly covers."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "compare", _("_Compare"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "compare", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "compare");
  g_signal_connect (dialog, "response", G_CALLBACK (on_compare_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject ---------------------------------------------------------------- */

/* ---- exporting the map and the report ---------------------------------------- */

/**
 * gr_window_export_map:
 * @path: .png, .svg or .pdf
 * @dpi: PNG only
 *
 * The current view as the window draws it — same layers, style, blind
 * spots, edits and offline base map, by the same renderer — with legend,
 * scale bar and north arrow.
 */
gboolean
gr_window_export_map (GrWindow   *self,
                      const char *path,
                      double      dpi,
                      GError    **error)
{
  g_autofree char *basemap_file = gr_base_map_get_mbtiles (gr_settings_get ());
  g_autoptr (GrMbtiles) basemap = NULL;
  g_autofree char *attribution = NULL;
  g_autofree char *title = NULL;
  GtkWidget *map = GTK_WIDGET (self->map);
  double w = gtk_widget_get_width (map), h = gtk_widget_get_height (map), a[4];
  GrMapRender render = { 0 };

  if (self->session == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no map to export: open a project."));
      return FALSE;
    }
  gr_map_affine (shumate_map_get_viewport (self->map), map, a);
  attribution = gr_project_attribution (gr_session_get_project (self->session));
  title = g_strdup_printf (_("Blind spots: %s"), self->current != NULL ? self->current->name : _("Baseline"));
  render.display = gr_session_get_display (self->session);
  render.style = gr_vector_layer_get_style (self->vectors);
  render.coverage = gtk_widget_get_visible (GTK_WIDGET (self->coverage))
                      ? gr_coverage_layer_get_tiles (self->coverage)
                      : NULL;
  render.gains = self->comparison != NULL;
  render.marks = gr_sketch_layer_get_marks (self->sketch);
  /* One that cannot be read is named on the map already; here it is left out. */
  basemap = basemap_file != NULL ? gr_mbtiles_open (basemap_file, NULL) : NULL;
  render.basemap = basemap;
  render.title = title;
  render.attribution = attribution;
  gr_render_view_bounds (a, w, h, render.bounds);
  render.scale = 1;
  render.decorations = TRUE;
  return gr_render_map_to_file (&render, path, w, h, dpi, NULL, error);
}

static const struct
{
  const char *label;
  const char *suffix;
  double      dpi;
} map_formats[] = {
  { N_("PNG image, 96 dpi (screen)"), ".png", 96 },
  { N_("PNG image, 150 dpi"), ".png", 150 },
  { N_("PNG image, 300 dpi (print)"), ".png", 300 },
  { N_("SVG drawing (vector)"), ".svg", 96 },
};

static void
on_map_file_chosen (GtkNativeDialog *dialog, int response, gpointer data)
{
  GrWindow *self = data;
  guint format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "format"));
  g_autofree char *path = chosen_path (dialog, response);
  g_autoptr (GError) error = NULL;

  if (path == NULL)
    return;
  if (!g_str_has_suffix (path, map_formats[format].suffix))
    {
      char *with = g_strconcat (path, map_formats[format].suffix, NULL);

      g_free (path), path = with;
    }
  if (!gr_window_export_map (self, path, map_formats[format].dpi, &error))
    show_error (self, _("Could not export the map"), error);
  else
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *text = g_strdup_printf (_("Map exported to %s"), name);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
    }
}

static void
on_map_format_chosen (AdwMessageDialog *dialog, const char *response, GrWindow *self)
{
  GtkDropDown *formats = g_object_get_data (G_OBJECT (dialog), "formats");
  guint format = gtk_drop_down_get_selected (formats);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "export") || format >= G_N_ELEMENTS (map_formats))
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Map"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  name = g_strconcat (_("map"), map_formats[format].suffix, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "format", GUINT_TO_POINTER (format));
  g_signal_connect (chooser, "response", G_CALLBACK (on_map_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_map_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *dialog, *formats;

  if (self->session == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (map_formats); i++)
    gtk_string_list_append (labels, _(map_formats[i].label));
  formats = gtk_drop_down_new (G_LIST_MODEL (labels), NULL);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export the Map"),
                                   _("The current view with its legend, scale bar and north arrow."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), formats);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "formats", formats);
  g_signal_connect (dialog, "response", G_CALLBACK (on_map_format_chosen), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The report is written off the main thread; its progress comes back
 * through the main loop. */
typedef struct
{
  GrWindow       *self;
  GrReportOptions options;
  GrCriteria      criteria;
  GrMapStyle      style;
  GStrv           scenarios;
  char           *project;
  char           *basemap;
  char           *output;
} ReportJob;

static void
report_job_free (gpointer data)
{
  ReportJob *job = data;

  g_strfreev (job->scenarios);
  g_free (job->project);
  g_free (job->basemap);
  g_free (job->output);
  g_free (job);
}

typedef struct
{
  GrWindow *self;
  double    fraction;
  char     *what;
} ReportProgress;

static gboolean
show_report_progress (gpointer data)
{
  ReportProgress *p = data;

  if (p->self->busy)
    {
      g_clear_handle_id (&p->self->pulse_id, g_source_remove);
      gtk_progress_bar_set_fraction (p->self->progress, p->fraction);
      gtk_progress_bar_set_text (p->self->progress, p->what);
    }
  g_object_unref (p->self);
  g_free (p->what);
  g_free (p);
  return G_SOURCE_REMOVE;
}

static void
on_report_progress (double fraction, const char *what, gpointer data)
{
  ReportProgress *p = g_new0 (ReportProgress, 1);

  p->self = g_object_ref (data);
  p->fraction = fraction;
  p->what = g_strdup (what);
  g_idle_add (show_report_progress, p);
}

static void
report_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ReportJob *job = data;
  GError *error = NULL;

  if (gr_report_write (&job->options, job->output, on_report_progress, job->self, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_report_done (GObject *source, GAsyncResult *result, gpointer data)
{
  GrWindow *self = GR_WINDOW (source);
  ReportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  set_busy (self, NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could not write the report"), error);
      return;
    }
  {
    g_autofree char *name = g_filename_display_basename (job->output);
    g_autofree char *text = g_strdup_printf (_("Report written to %s"), name);

    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
  }
}

/* Starts writing the report; @done (nullable) is called when it ends. */
static GTask *
start_report (GrWindow *self, const char *path, const char *const *scenarios, GrPaper paper, gboolean portrait,
              GAsyncReadyCallback done, gpointer done_data)
{
  ReportJob *job = g_new0 (ReportJob, 1);
  GTask *task;
  GrTargetSet set = gtk_drop_down_get_selected (self->targets_dropdown) + 1;
  job->self = self;
  job->criteria = self->criteria;
  job->style = *gr_vector_layer_get_style (self->vectors);
  job->scenarios = g_strdupv ((char **) scenarios);
  job->project = g_strdup (gr_session_get_path (self->session));
  job->basemap = gr_base_map_get_mbtiles (gr_settings_get ());
  job->output = g_strdup (path);
  job->options.project = job->project;
  job->options.scenarios = (const char *const *) job->scenarios;
  job->options.targets = set < GR_N_TARGET_SETS ? set : GR_TARGETS_NONE;
  job->options.paper = paper;
  job->options.portrait = portrait;
  job->options.criteria = &job->criteria;
  job->options.style = &job->style;
  job->options.basemap = job->basemap;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, done, done_data);
  g_task_set_task_data (task, job, report_job_free);
  set_busy (self, _("Writing the report…"));
  g_task_run_in_thread (task, report_thread);
  return task;
}

static void
on_report_file_chosen (GtkNativeDialog *dialog, int response, gpointer data)
{
  GrWindow *self = data;
  GStrv scenarios = g_object_steal_data (G_OBJECT (dialog), "scenarios");
  GrPaper paper = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "paper"));
  gboolean portrait = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "portrait"));
  g_autofree char *path = chosen_path (dialog, response);

  if (path != NULL && !self->busy)
    {
      if (!g_str_has_suffix (path, ".pdf"))
        {
          char *with = g_strconcat (path, ".pdf", NULL);

          g_free (path), path = with;
        }
      g_object_unref (start_report (self, path, (const char *const *) scenarios, paper, portrait, on_report_done,
                                    NULL));
    }
  g_strfreev (scenarios);
}

static void
on_report_options (AdwMessageDialog *dialog, const char *response, GrWindow *self)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "checks");
  GtkDropDown *paper = g_object_get_data (G_OBJECT (dialog), "paper");
  GtkDropDown *orientation = g_object_get_data (G_OBJECT (dialog), "orientation");
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  GtkFileChooserNative *chooser;

  if (!g_str_equal (response, "export"))
    return;
  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_strv_builder_add (names, ((GrScenario *) g_ptr_array_index (self->scenarios, i))->name);
  chooser = gtk_file_chooser_native_new (_("Export the Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("report.pdf"));
  g_object_set_data_full (G_OBJECT (chooser), "scenarios", g_strv_builder_end (names), (GDestroyNotify) g_strfreev);
  g_object_set_data (G_OBJECT (chooser), "paper", GUINT_TO_POINTER (gtk_drop_down_get_selected (paper)));
  g_object_set_data (G_OBJECT (chooser), "portrait", GUINT_TO_POINTER (gtk_drop_down_get_selected (orientation)));
  g_signal_connect (chooser, "response", G_CALLBACK (on_report_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_report_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  GtkWidget *dialog, *box, *grid, *paper, *orientation;
  const char *papers[] = { "A4", "A3", NULL };
  const char *orientations[] = { _("Landscape"), _("Portrait"), NULL };
  GPtrArray *checks;

  if (self->session == NULL || self->busy)
    return;
  if (self->store == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts,
                                   adw_toast_new (_("The report is written from the project file: save the project "
                                                    "first")));
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
      return;
    }
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  checks = g_ptr_array_new ();
  if (self->scenarios != NULL && self->scenarios->len > 0)
    gtk_box_append (GTK_BOX (box), gtk_label_new (_("Scenarios beside the baseline:")));
  for (guint i = 0; self->scenarios != NULL && i < self->scenarios->len; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (((GrScenario *) g_ptr_array_index (self->scenarios, i))->name);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_box_append (GTK_BOX (box), check);
      g_ptr_array_add (checks, check);
    }
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  paper = gtk_drop_down_new_from_strings (papers);
  orientation = gtk_drop_down_new_from_strings (orientations);
  gtk_grid_attach (GTK_GRID (grid), gtk_label_new (_("Paper")), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), paper, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), gtk_label_new (_("Orientation")), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), orientation, 1, 1, 1, 1);
  gtk_box_append (GTK_BOX (box), grid);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export the Report"),
                                   _("Maps, indicators against the targets shown, zones, the scenarios compared "
                                     "and their candidate parks, as a PDF."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "checks", checks, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "paper", paper);
  g_object_set_data (G_OBJECT (dialog), "orientation", orientation);
  g_signal_connect (dialog, "response", G_CALLBACK (on_report_options), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_report_waited (GObject *source, GAsyncResult *result, gpointer data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

/**
 * gr_window_export_report:
 *
 * Writes the report as the Export Report dialog does, and waits for it:
 * for the tests. The figures are the window's: its target set, distance
 * mode, radii and layer style.
 */
gboolean
gr_window_export_report (GrWindow          *self,
                         const char        *path,
                         const char *const *scenarios,
                         GrPaper            paper,
                         gboolean           portrait,
                         GError           **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GTask) task = NULL;
  gboolean ok;

  if (self->session == NULL || self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The report is written from the project file: save the project first"));
      return FALSE;
    }
  task = start_report (self, path, scenarios, paper, portrait, on_report_waited, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  set_busy (self, NULL);
  ok = g_task_propagate_boolean (G_TASK (result), error);
  return ok;
}

/* ---- presentation mode ------------------------------------------------------ */

static void update_presentation (GrWindow *self);

/* The window's chrome: everything around the map, header bar included. */
static void
show_chrome (GrWindow *self, gboolean shown)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (self->map_overlay));
  GtkWidget *column = gtk_widget_get_parent (row);

  for (GtkWidget *c = gtk_widget_get_first_child (row); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (c != GTK_WIDGET (self->map_overlay))
      gtk_widget_set_visible (c, shown);
  for (GtkWidget *c = gtk_widget_get_first_child (column); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (c != row)
      gtk_widget_set_visible (c, shown);
}

static void
baseline_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GrWindow *self = source;
  GError *error = NULL;
  GrAnalysis *analysis = gr_project_build_analysis (gr_session_get_project (self->session), data, NULL, &error);

  if (analysis == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, analysis, (GDestroyNotify) gr_analysis_free);
}

static void
attach_baseline (GrWindow *self)
{
  g_autofree char *basemap = gr_base_map_get_mbtiles (gr_settings_get ());
  GrSession *s = self->session;
  GrTargetSet set = gtk_drop_down_get_selected (self->targets_dropdown) + 1;
  GrIndicators b;

  gr_swipe_layer_set_baseline (self->swipe, self->baseline_analysis, gr_session_get_analysis (s),
                               gr_session_get_display (s), gr_vector_layer_get_style (self->vectors), basemap);
  if (set >= GR_N_TARGET_SETS)
    set = GR_TARGETS_NONE;
  gr_indicators_compute_with (&b, gr_session_get_project (s), self->baseline_analysis, -1, set,
                              self->shown_targets);
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    self->baseline_values[i] = b.items[i].value;
  gr_indicators_clear (&b);
  update_presentation (self);
}

static void
on_baseline_ready (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;
  GrAnalysis *analysis = g_task_propagate_pointer (G_TASK (result), &error);
  GrWindow *self;

  if (analysis == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("baseline for presentation: %s", error->message);
      return;
    }
  self = GR_WINDOW (source);
  g_clear_object (&self->baseline_cancellable);
  self->baseline_analysis = analysis;
  attach_baseline (self);
}

/* The baseline's own analysis, built off the main thread while the room
 * already sees the map: the swipe, the flash and the cards need it. */
static void
start_baseline (GrWindow *self)
{
  g_autoptr (GTask) task = NULL;
  GrCriteria *criteria;

  if (self->baseline_analysis != NULL || self->baseline_cancellable != NULL || self->session == NULL)
    return;
  self->baseline_cancellable = g_cancellable_new ();
  criteria = g_memdup2 (&self->criteria, sizeof self->criteria);
  task = g_task_new (self, self->baseline_cancellable, on_baseline_ready, NULL);
  g_task_set_task_data (task, criteria, g_free);
  g_task_run_in_thread (task, baseline_thread);
}

/* After the project or the criteria changed: the baseline is rebuilt. */
static void
drop_baseline (GrWindow *self)
{
  if (self->baseline_cancellable != NULL)
    g_cancellable_cancel (self->baseline_cancellable);
  g_clear_object (&self->baseline_cancellable);
  if (self->swipe != NULL)
    gr_swipe_layer_set_baseline (self->swipe, NULL, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->baseline_analysis, gr_analysis_free);
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    self->baseline_values[i] = NAN;
  if (self->presenting)
    start_baseline (self);
}

static void
update_presentation (GrWindow *self)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  if (!self->presenting)
    return;
  g_ptr_array_add (names, _("Baseline"));
  for (guint i = 0; self->scenarios != NULL && i < self->scenarios->len; i++)
    g_ptr_array_add (names, ((GrScenario *) g_ptr_array_index (self->scenarios, i))->name);
  g_ptr_array_add (names, NULL);
  gr_presentation_set_options (self->presentation, (const char *const *) names->pdata,
                               gtk_drop_down_get_selected (self->scenario_dropdown));
  gr_presentation_set_cards (self->presentation, &self->shown, self->baseline_values, self->current != NULL,
                             gtk_widget_get_height (GTK_WIDGET (self->map_overlay)));
  gr_swipe_layer_refresh_gains (self->swipe);
}

static void
on_presentation_choose (gpointer data, guint index)
{
  GrWindow *self = data;

  gtk_drop_down_set_selected (self->scenario_dropdown, index);
}

static gboolean
flash_tick (gpointer data)
{
  GrWindow *self = data;

  self->flash_on = !self->flash_on;
  gr_swipe_layer_set_flash (self->swipe, self->flash_on);
  return G_SOURCE_CONTINUE;
}

static void
on_flash_toggled (GtkToggleButton *button, GrWindow *self)
{
  g_clear_handle_id (&self->flash_id, g_source_remove);
  self->flash_on = gtk_toggle_button_get_active (button);
  gr_swipe_layer_set_flash (self->swipe, self->flash_on);
  if (self->flash_on)
    self->flash_id = g_timeout_add (600, flash_tick, self);
}

static void
place_handle (GrWindow *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self->map_overlay));
  double d = gr_swipe_layer_get_divider (self->swipe);

  gtk_widget_set_margin_start (gr_presentation_get_handle (self->presentation), (int) MAX (0, d * w - 22));
}

static void
on_swipe_toggled (GtkToggleButton *button, GrWindow *self)
{
  gboolean on = gtk_toggle_button_get_active (button);

  gr_swipe_layer_set_divider (self->swipe, on ? 0.5 : -1);
  gtk_widget_set_visible (gr_presentation_get_handle (self->presentation), on && self->presenting);
  place_handle (self);
}

static void
on_handle_begin (GtkGestureDrag *gesture, double x, double y, GrWindow *self)
{
  self->handle_start = gr_swipe_layer_get_divider (self->swipe) * gtk_widget_get_width (GTK_WIDGET (self->map_overlay));
}

/* The before/after divider at @fraction of the map's width, its handle
 * with it. */
void
gr_window_set_divider (GrWindow *self,
                       double    fraction)
{
  gr_swipe_layer_set_divider (self->swipe, fraction);
  place_handle (self);
}

static void
on_handle_update (GtkGestureDrag *gesture, double dx, double dy, GrWindow *self)
{
  double w = MAX (1, gtk_widget_get_width (GTK_WIDGET (self->map_overlay)));

  gr_window_set_divider (self, (self->handle_start + dx) / w);
}

/**
 * gr_window_set_presenting:
 *
 * Presentation mode: full screen, the panels and the header bar hidden,
 * the key indicators as cards, the options in a strip; nothing edits.
 */
void
gr_window_set_presenting (GrWindow *self,
                          gboolean  presenting)
{
  if (self->presenting == presenting)
    return;
  self->presenting = presenting;
  if (presenting)
    {
      gtk_toggle_button_set_active (self->add_tool, FALSE);
      gtk_toggle_button_set_active (self->draw_tool, FALSE);
      self->has_selection = FALSE;
      gtk_drop_down_set_selected (self->scope_dropdown, 0);
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
  show_chrome (self, !presenting);
  gr_presentation_show (self->presentation, presenting);
  update_actions (self);
  if (presenting)
    {
      start_baseline (self);
      update_presentation (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->map));
    }
}

gboolean
gr_window_get_presenting (GrWindow *self)
{
  return self->presenting;
}

/* Presentation mode has its baseline: the swipe and the flash can show. */
gboolean
gr_window_presentation_ready (GrWindow *self)
{
  return self->baseline_analysis != NULL;
}

GrSwipeLayer *
gr_window_get_swipe_layer (GrWindow *self)
{
  return self->swipe;
}

GrPresentation *
gr_window_get_presentation (GrWindow *self)
{
  return self->presentation;
}

static void
present_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);

  if (g_str_equal (action, "win.present-leave"))
    gr_window_set_presenting (self, FALSE);
  else if (self->session != NULL || self->presenting)
    gr_window_set_presenting (self, !self->presenting);
}

/* Left and right arrows: the previous or next option. */
static void
present_step_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  int n = 1 + (self->scenarios != NULL ? (int) self->scenarios->len : 0);
  int at = (int) gtk_drop_down_get_selected (self->scenario_dropdown) + g_variant_get_int32 (parameter) % n;

  gtk_drop_down_set_selected (self->scenario_dropdown, (guint) ((at + n) % n));
}

static void
present_toggle_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  GtkToggleButton *button = g_str_equal (g_variant_get_string (parameter, NULL), "swipe")
                              ? gr_presentation_get_swipe (self->presentation)
                              : gr_presentation_get_flash (self->presentation);

  gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
}

static void
add_shortcut (GtkShortcutController *controller, guint key, const char *action, GVariant *arg)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, 0), gtk_named_action_new (action));

  if (arg != NULL)
    gtk_shortcut_set_arguments (shortcut, arg);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
build_presentation (GrWindow *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  for (guint i = 0; i < GR_N_INDICATORS; i++)
    self->baseline_values[i] = NAN;
  self->swipe = gr_swipe_layer_new (shumate_map_get_viewport (self->map));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->swipe));
  self->presentation = gr_presentation_new (self->map_overlay, on_presentation_choose, self);
  g_signal_connect (gr_presentation_get_swipe (self->presentation), "toggled", G_CALLBACK (on_swipe_toggled), self);
  g_signal_connect (gr_presentation_get_flash (self->presentation), "toggled", G_CALLBACK (on_flash_toggled), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_handle_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_handle_update), self);
  gtk_widget_add_controller (gr_presentation_get_handle (self->presentation), GTK_EVENT_CONTROLLER (drag));
  /* Before the map sees the keys, and only while presenting (the actions
   * are disabled otherwise, and the keys go on to the map). */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Escape, "win.present-leave", NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Left, "win.present-step", g_variant_new_int32 (-1));
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Up, "win.present-step", g_variant_new_int32 (-1));
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Right, "win.present-step", g_variant_new_int32 (1));
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Down, "win.present-step", g_variant_new_int32 (1));
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_space, "win.present-step", g_variant_new_int32 (1));
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_s, "win.present-toggle", g_variant_new_string ("swipe"));
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_n, "win.present-toggle", g_variant_new_string ("flash"));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  update_actions (self);
}

static void
gr_window_dispose (GObject *object)
{
  GrWindow *self = GR_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_handle_id (&self->live_text_id, g_source_remove);
  g_clear_handle_id (&self->flash_id, g_source_remove);
  if (self->baseline_cancellable != NULL)
    g_cancellable_cancel (self->baseline_cancellable);
  g_clear_object (&self->baseline_cancellable);
  if (self->swipe != NULL)
    gr_swipe_layer_set_baseline (self->swipe, NULL, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->baseline_analysis, gr_analysis_free);
  g_clear_pointer (&self->presentation, gr_presentation_free);
  if (self->comparison_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->comparison_window));
  if (self->coverage != NULL)
    gr_coverage_layer_set_analysis (self->coverage, NULL, NULL);
  if (self->vectors != NULL)
    gr_vector_layer_set_display (self->vectors, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GR_TYPE_WINDOW);
  G_OBJECT_CLASS (gr_window_parent_class)->dispose (object);
}

static void
gr_window_finalize (GObject *object)
{
  GrWindow *self = GR_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->editor, gr_editor_free);
  gr_indicators_clear (&self->shown);
  g_clear_pointer (&self->comparison, gr_comparison_free);
  g_clear_pointer (&self->refs, g_array_unref);
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  g_clear_pointer (&self->store, gr_scenario_store_close);
  g_clear_pointer (&self->empty, gr_scenario_free);
  g_clear_pointer (&self->draft, g_array_unref);
  g_clear_pointer (&self->drag_start, OGR_G_DestroyGeometry);
  g_clear_pointer (&self->drag_now, OGR_G_DestroyGeometry);
  g_clear_pointer (&self->session, gr_session_free);
  g_clear_object (&self->layers);
  g_clear_object (&self->zones);
  g_clear_pointer (&self->base_layers, g_ptr_array_unref);
  g_free (self->base_map_error);
  g_free (self->selection_text);
  g_free (self->error);
  G_OBJECT_CLASS (gr_window_parent_class)->finalize (object);
}

static void
gr_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GrWindow *self = GR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_SHOW_BLIND_SPOTS:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->coverage)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  GrWindow *self = GR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_BLIND_SPOTS:
      if (gtk_widget_get_visible (GTK_WIDGET (self->coverage)) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->coverage), g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_window_class_init (GrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_window_dispose;
  object_class->finalize = gr_window_finalize;
  object_class->get_property = gr_window_get_property;
  object_class->set_property = gr_window_set_property;
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_BLIND_SPOTS] = g_param_spec_boolean ("show-blind-spots", NULL, NULL, TRUE,
                                                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
                                                              | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHUMATE_TYPE_MAP);
  gtk_widget_class_set_template_from_resource (widget_class, "/cn/greenreach/Greenreach/gr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GrWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, map_overlay);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, layer_list);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, legend);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, map);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, indicators);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, zones_heading);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, zone_table);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, cursor_label);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, scenario_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, add_tool);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, draw_tool);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, park_size_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, edits_heading);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, history);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, balance_label);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, targets_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, targets_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_activated);
  gtk_widget_class_install_action (widget_class, "win.export-map", NULL, export_map_activated);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_activated);
  gtk_widget_class_install_action (widget_class, "win.present-leave", NULL, present_activated);
  gtk_widget_class_install_action (widget_class, "win.present-step", "i", present_step_activated);
  gtk_widget_class_install_action (widget_class, "win.present-toggle", "s", present_toggle_activated);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "win.mode", "s", mode_activated);
  gtk_widget_class_install_property_action (widget_class, "win.show-blind-spots", "show-blind-spots");
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, step_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, step_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-selected", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_activated);
  gtk_widget_class_install_action (widget_class, "win.scenario-new", NULL, scenario_activated);
  gtk_widget_class_install_action (widget_class, "win.scenario-duplicate", NULL, scenario_activated);
  gtk_widget_class_install_action (widget_class, "win.scenario-rename", NULL, scenario_activated);
  gtk_widget_class_install_action (widget_class, "win.scenario-delete", NULL, scenario_activated);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-targets", NULL, edit_targets_activated);
}

/* The distances and sizes of the preferences (STANDARDS.md §1 defaults). */
static void
read_criteria (GrWindow *self)
{
  GSettings *settings = gr_settings_get ();

  self->criteria.green_radius = g_settings_get_double (settings, "green-radius");
  self->criteria.park_radius = g_settings_get_double (settings, "park-radius");
  self->criteria.green_min_area = g_settings_get_double (settings, "green-min-area");
  self->criteria.park_min_area = g_settings_get_double (settings, "park-min-area");
}

static void
on_settings_changed (GSettings *settings, const char *key, GrWindow *self)
{
  if (g_str_has_suffix (key, "-radius") || g_str_has_suffix (key, "-min-area"))
    {
      read_criteria (self);
      reanalyze (self);
    }
  else
    apply_base_map (self);
}

static void
gr_window_init (GrWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gr_criteria_init_default (&self->criteria);
  read_criteria (self);
  g_signal_connect_object (gr_settings_get (), "changed", G_CALLBACK (on_settings_changed), self, 0);
  build_indicators (self);
  setup_map (self);
  build_layer_panel (self);
  build_zone_table (self);
  build_editing (self);
  build_targets (self);
  build_presentation (self);
  g_signal_connect_swapped (self->mode_dropdown, "notify::selected", G_CALLBACK (on_mode_changed), self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_dropdown), FALSE);
}

GrWindow *
gr_window_new (GrApplication *app)
{
  return g_object_new (GR_TYPE_WINDOW, "application", app, NULL);
}

gboolean
gr_window_get_busy (GrWindow *self)
{
  return self->busy;
}

GrSession *
gr_window_get_session (GrWindow *self)
{
  return self->session;
}

GtkWidget *
gr_window_get_map (GrWindow *self)
{
  return GTK_WIDGET (self->map);
}

/* As the layer panel's check box does. */
void
gr_window_set_role_visible (GrWindow *self,
                            GrRole    role,
                            gboolean  visible)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->layers)); i++)
    {
      g_autoptr (GrLayerItem) item = g_list_model_get_item (G_LIST_MODEL (self->layers), i);

      if (gr_layer_item_get_role (item) == role)
        gr_layer_item_set_visible (item, visible);
    }
}

GListModel *
gr_window_get_layers (GrWindow *self)
{
  return G_LIST_MODEL (self->layers);
}

GListModel *
gr_window_get_zones (GrWindow *self)
{
  return G_LIST_MODEL (self->zones);
}

/* Clicks the map at a point of the analysis CRS, as a user would. */
void
gr_window_click_at (GrWindow *self,
                    double    x,
                    double    y)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double lon, lat, wx, wy;

  g_return_if_fail (self->session != NULL);
  gr_display_to_lonlat (gr_session_get_display (self->session), x, y, &lon, &lat);
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self->map), lat, lon, &wx, &wy);
  on_click (NULL, 1, wx, wy, self);
}

/* Moves the pointer over a point of the analysis CRS, as a user would;
 * returns the status bar's text. */
const char *
gr_window_hover_at (GrWindow *self,
                    double    x,
                    double    y)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double lon, lat, wx, wy;

  g_return_val_if_fail (self->session != NULL, NULL);
  gr_display_to_lonlat (gr_session_get_display (self->session), x, y, &lon, &lat);
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self->map), lat, lon, &wx, &wy);
  on_motion (NULL, wx, wy, self);
  return gtk_label_get_text (self->cursor_label);
}

/* The text of the last feature description, %NULL before any. */
const char *
gr_window_get_selection_text (GrWindow *self)
{
  return self->selection_text;
}

GrCoverageLayer *
gr_window_get_coverage_layer (GrWindow *self)
{
  return self->coverage;
}

/* The new-park tool, as its header-bar button turns it on and off. */
void
gr_window_set_adding (GrWindow *self,
                      gboolean  adding)
{
  gtk_toggle_button_set_active (self->add_tool, adding);
}

GrScenario *
gr_window_get_scenario (GrWindow *self)
{
  return self->current;
}

/* The occupation–compensation text shown, or %NULL when nothing is taken. */
const char *
gr_window_get_balance_text (GrWindow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->balance_label)) ? gtk_label_get_text (self->balance_label) : NULL;
}

/* The indicators panel's row for @id: its value and verdict as shown. */
gboolean
gr_window_get_indicator_row (GrWindow     *self,
                             GrIndicatorId id,
                             const char  **value,
                             const char  **verdict)
{
  GtkWidget *v = gtk_grid_get_child_at (self->targets_grid, 1, indicator_row (id));
  GtkWidget *w = gtk_grid_get_child_at (self->targets_grid, 3, indicator_row (id));

  if (v == NULL || w == NULL)
    return FALSE;
  *value = gtk_label_get_text (GTK_LABEL (v));
  *verdict = gtk_widget_get_tooltip_text (w) != NULL ? gtk_widget_get_tooltip_text (w) : gtk_label_get_text (GTK_LABEL (w));
  return TRUE;
}

/* Chooses the targets and the zone of the indicators panel (0: the city). */
void
gr_window_set_targets (GrWindow   *self,
                       GrTargetSet set,
                       guint       scope)
{
  gtk_drop_down_set_selected (self->targets_dropdown, set == GR_TARGETS_NONE ? GR_N_TARGET_SETS - 1 : set - 1);
  gtk_drop_down_set_selected (self->scope_dropdown, scope);
}

/* The comparison on the map, %NULL when none is open. */
GrComparison *
gr_window_get_comparison (GrWindow *self)
{
  return self->comparison;
}

GrSketchLayer *
gr_window_get_sketch_layer (GrWindow *self)
{
  return self->sketch;
}

/* The coverage figures the panel shows now. */
void
gr_window_get_summary (GrWindow  *self,
                       GrSummary *summary)
{
  *summary = self->summary;
}

/* Why the chosen base map is not shown, or %NULL when it is. */
const char *
gr_window_get_base_map_error (GrWindow *self)
{
  return self->base_map_error;
}

/* The last error shown, for tests and the status line. */
const char *
gr_window_get_error (GrWindow *self)
{
  return self->error;
}
