/* gr-suggest-panel.c — "Suggest Sites"
 *
 * The options of a suggestion (a number of parks or a share to reach,
 * what to serve, the parks' area and shape) and the ranked sites, each
 * with what it adds to every coverage figure. The panel computes
 * nothing: ::run asks for a ranking, ::accept (rank, 0 for all) and
 * ::reject (rank) for a change, ::highlight (rank, 0 for none) tells which
 * site the pointer or the selection points at; the window answers with
 * gr_suggest_panel_show().
 */
#include "config.h"

#include "gr-suggest-panel.h"

#include "gr-format.h"
#include "gr-site-item.h"

#include <glib/gi18n.h>
#include <math.h>

struct _GrSuggestPanel
{
  GtkBox parent_instance;

  GtkDropDown    *candidates; /* a GrSiteSource */
  GtkDropDown    *goal;       /* 0: a number of parks, 1: a share to reach */
  GtkSpinButton  *count;
  GtkSpinButton  *target;
  GtkDropDown    *objective; /* as objectives[] */
  GtkSpinButton  *area;
  GtkDropDown    *shape;
  GtkSpinButton  *spacing;
  GtkButton      *cancel_button;
  GtkProgressBar *progress;
  GtkLabel       *status;
  GtkListBox     *list;

  GListStore *sites; /* GrSiteItem, shown as the list's rows */
  gboolean    running;
  gboolean    filling; /* the list is being replaced: no ::selected */
  guint       hovered; /* rank under the pointer, 0 none */
};

G_DEFINE_FINAL_TYPE (GrSuggestPanel, gr_suggest_panel, GTK_TYPE_BOX)

enum
{
  RUN,
  CANCEL,
  ACCEPT,
  REJECT,
  HIGHLIGHT,
  SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The objective drop-down's items: what a site's gain is counted in. */
static const struct
{
  GrSuggestCover  cover;
  GrSuggestWeight weight;
} objectives[] = {
  { GR_SUGGEST_BLIND_SPOTS, GR_SUGGEST_BY_RESIDENTS },
  { GR_SUGGEST_BLIND_SPOTS, GR_SUGGEST_BY_AREA },
  { GR_SUGGEST_SERVICE, GR_SUGGEST_BY_AREA },
  { GR_SUGGEST_GREEN, GR_SUGGEST_BY_AREA },
  { GR_SUGGEST_PARK, GR_SUGGEST_BY_AREA },
};

static void
update_actions (GrSuggestPanel *self)
{
  GtkWidget *w = GTK_WIDGET (self);
  gboolean   any = g_list_model_get_n_items (G_LIST_MODEL (self->sites)) > 0;
  gboolean   chosen = gtk_list_box_get_selected_row (self->list) != NULL;

  gtk_widget_action_set_enabled (w, "suggest.run", !self->running);
  gtk_widget_action_set_enabled (w, "suggest.cancel", self->running);
  gtk_widget_action_set_enabled (w, "suggest.accept", !self->running && chosen);
  gtk_widget_action_set_enabled (w, "suggest.reject", !self->running && chosen);
  gtk_widget_action_set_enabled (w, "suggest.accept-all", !self->running && any);
}

static void
emit_highlight (GrSuggestPanel *self)
{
  guint rank = self->hovered != 0 ? self->hovered : gr_suggest_panel_get_selected (self);

  g_signal_emit (self, signals[HIGHLIGHT], 0, rank);
}

static void
on_goal_changed (GrSuggestPanel *self)
{
  gboolean share = gtk_drop_down_get_selected (self->goal) == 1;

  gtk_widget_set_sensitive (GTK_WIDGET (self->count), !share);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target), share);
}

/* Plots as drawn keep their own area. */
static void
on_source_changed (GrSuggestPanel *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->area),
                            gtk_drop_down_get_selected (self->candidates) != GR_SITE_SOURCE_PLOT);
}

/* Enter (or a double click) on a row accepts it. */
static void
on_row_activated (GrSuggestPanel *self, GtkListBoxRow *row)
{
  if (!self->running)
    g_signal_emit (self, signals[ACCEPT], 0, gtk_list_box_row_get_index (row) + 1);
}

static void
on_row_selected (GrSuggestPanel *self, GtkListBoxRow *row)
{
  update_actions (self);
  emit_highlight (self);
  if (row != NULL && !self->filling)
    g_signal_emit (self, signals[SELECTED], 0, gtk_list_box_row_get_index (row) + 1);
}

static void
on_row_enter (GtkEventControllerMotion *motion, double x, double y, GrSuggestPanel *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (motion));

  self->hovered = (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1;
  emit_highlight (self);
}

static void
on_row_leave (GtkEventControllerMotion *motion, GrSuggestPanel *self)
{
  self->hovered = 0;
  emit_highlight (self);
}

/* A row: what the site serves, then every figure it moves. */
static GtkWidget *
create_row (gpointer item, gpointer data)
{
  GrSuggestPanel     *self = data;
  GtkWidget          *row = gtk_list_box_row_new ();
  GtkWidget          *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget          *title = gtk_label_new (gr_site_item_get_title (item));
  GtkWidget          *detail = gtk_label_new (gr_site_item_get_detail (item));
  GtkEventController *motion = gtk_event_controller_motion_new ();

  for (GtkWidget *label = title; label != NULL; label = label == title ? detail : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  g_object_set (box, "margin-start", 6, "margin-end", 6, "margin-top", 4, "margin-bottom", 4, NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_signal_connect (motion, "enter", G_CALLBACK (on_row_enter), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_row_leave), self);
  gtk_widget_add_controller (row, motion);
  return row;
}

static void
run_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  g_signal_emit (widget, signals[RUN], 0);
}

static void
cancel_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  g_signal_emit (widget, signals[CANCEL], 0);
}

static void
accept_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrSuggestPanel *self = GR_SUGGEST_PANEL (widget);
  gboolean        all = g_str_equal (action, "suggest.accept-all");

  g_signal_emit (self, signals[ACCEPT], 0, all ? 0 : gr_suggest_panel_get_selected (self));
}

static void
reject_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrSuggestPanel *self = GR_SUGGEST_PANEL (widget);
  guint           rank = gr_suggest_panel_get_selected (self);

  if (rank > 0)
    g_signal_emit (self, signals[REJECT], 0, rank);
}

static void
gr_suggest_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GR_TYPE_SUGGEST_PANEL);
  G_OBJECT_CLASS (gr_suggest_panel_parent_class)->dispose (object);
}

static void
gr_suggest_panel_finalize (GObject *object)
{
  GrSuggestPanel *self = GR_SUGGEST_PANEL (object);

  g_clear_object (&self->sites);
  G_OBJECT_CLASS (gr_suggest_panel_parent_class)->finalize (object);
}

static guint
new_signal (GrSuggestPanelClass *klass, const char *name, guint n_params)
{
  return g_signal_new (name, G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                       G_TYPE_NONE, n_params, G_TYPE_UINT);
}

static void
gr_suggest_panel_class_init (GrSuggestPanelClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_suggest_panel_dispose;
  object_class->finalize = gr_suggest_panel_finalize;
  /* ::run and ::cancel carry nothing; ::accept a rank (0: every site),
   * ::reject a rank, ::highlight the rank to show on the map (0: none),
   * ::selected the rank chosen in the list, to be looked at. */
  signals[RUN] = new_signal (klass, "run", 0);
  signals[CANCEL] = new_signal (klass, "cancel", 0);
  signals[ACCEPT] = new_signal (klass, "accept", 1);
  signals[REJECT] = new_signal (klass, "reject", 1);
  signals[HIGHLIGHT] = new_signal (klass, "highlight", 1);
  signals[SELECTED] = new_signal (klass, "selected", 1);
  gtk_widget_class_install_action (widget_class, "suggest.run", NULL, run_activated);
  gtk_widget_class_install_action (widget_class, "suggest.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "suggest.accept", NULL, accept_activated);
  gtk_widget_class_install_action (widget_class, "suggest.accept-all", NULL, accept_activated);
  gtk_widget_class_install_action (widget_class, "suggest.reject", NULL, reject_activated);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/panels/gr-suggest-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GrSuggestPanel, candidates);
  gtk_widget_class_bind_template_child (widget_class, GrSuggestPanel, goal);
  gtk_widget_class_bind_template_child (widget_class, GrSuggestPanel, count);
  gtk_widget_class_bind_template_child (widget_class, GrSuggestPanel, target);
  gtk_widget_class_bind_template_child (widget_class, GrSuggestPanel, objective);
  gtk_widget_class_bind_template_child (widget_class, GrSuggestPanel, area);
  gtk_widget_class_bind_template_child (widget_class, GrSuggestPanel, shape);
  gtk_widget_class_bind_template_child (widget_class, GrSuggestPanel, spacing);
  gtk_widget_class_bind_template_child (widget_class, GrSuggestPanel, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GrSuggestPanel, progress);
  gtk_widget_class_bind_template_child (widget_class, GrSuggestPanel, status);
  gtk_widget_class_bind_template_child (widget_class, GrSuggestPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_source_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
}

static void
gr_suggest_panel_init (GrSuggestPanel *self)
{
  g_type_ensure (GR_TYPE_SITE_ITEM);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->sites = g_list_store_new (GR_TYPE_SITE_ITEM);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->sites), create_row, self, NULL);
  update_actions (self);
}

/* ---- what the window asks and tells --------------------------------------------- */

void
gr_suggest_panel_get_options (GrSuggestPanel *self, GrSiteOptions *o)
{
  guint objective =
      MIN (gtk_drop_down_get_selected (self->objective), G_N_ELEMENTS (objectives) - 1);

  g_return_if_fail (GR_IS_SUGGEST_PANEL (self));
  gr_site_options_init (o);
  o->cover = objectives[objective].cover;
  o->weight = objectives[objective].weight;
  if (gtk_drop_down_get_selected (self->goal) == 1)
    {
      o->count = 0;
      o->target = gtk_spin_button_get_value (self->target) / 100;
    }
  else
    o->count = (guint) gtk_spin_button_get_value_as_int (self->count);
  /* 0: each plot as drawn (gr_site_candidates_from_plots()) */
  o->area_m2 = gr_suggest_panel_get_source (self) == GR_SITE_SOURCE_PLOT
                   ? 0
                   : gtk_spin_button_get_value (self->area);
  o->circle = gtk_drop_down_get_selected (self->shape) == 1;
  o->spacing = gtk_spin_button_get_value (self->spacing);
}

void
gr_suggest_panel_set_count (GrSuggestPanel *self, guint count)
{
  g_return_if_fail (GR_IS_SUGGEST_PANEL (self));
  gtk_drop_down_set_selected (self->goal, 0);
  gtk_spin_button_set_value (self->count, count);
}

void
gr_suggest_panel_set_running (GrSuggestPanel *self, gboolean running)
{
  g_return_if_fail (GR_IS_SUGGEST_PANEL (self));
  self->running = running;
  gtk_widget_set_visible (GTK_WIDGET (self->progress), running);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), running);
  gtk_progress_bar_set_fraction (self->progress, 0);
  if (running)
    gtk_progress_bar_set_text (self->progress, _ ("Measuring the candidate sites…"));
  update_actions (self);
}

void
gr_suggest_panel_set_progress (GrSuggestPanel *self, double fraction)
{
  g_return_if_fail (GR_IS_SUGGEST_PANEL (self));
  gtk_progress_bar_set_fraction (self->progress, CLAMP (fraction, 0, 1));
}

static double
pp (double area, const GrSummary *before)
{
  return before->residential.area_m2 > 0 ? 100 * area / before->residential.area_m2 : 0;
}

static GrSiteItem *
site_item (const GrSite *site, const GrSiteSuggestion *s, GrSuggestCover cover)
{
  const GrSuggestGain *g = &site->gain;
  g_autofree char     *people = gr_format_number (g->blind_spots.population, 0);
  g_autofree char     *land = gr_format_area (g->blind_spots.area_m2);
  g_autofree char     *service = gr_format_change (pp (g->service.area_m2, &s->before), 2, "pp");
  g_autofree char     *green = gr_format_change (pp (g->green.area_m2, &s->before), 2, "pp");
  g_autofree char     *park = gr_format_change (pp (g->park.area_m2, &s->before), 2, "pp");
  g_autofree char     *area = gr_format_area (site->area_m2);
  g_autofree char     *title = NULL;
  /* TRANSLATORS: the changes a site brings: service-radius rate, 300 m to
   * green, 500 m to a park; then the park's area */
  g_autofree char *detail = g_strdup_printf (_ ("service radius %s · 300 m green %s · 500 m park "
                                                "%s · %s"),
                                             service, green, park, area);

  /* The first line in the objective's own terms. */
  switch (cover)
    {
    case GR_SUGGEST_SERVICE:
      g_free (land);
      land = gr_format_area (g->service.area_m2);
      /* TRANSLATORS: "1. service-radius rate +0.42 pp: 31,073 m² of homes newly inside a radius" */
      title = g_strdup_printf (_ ("%u. service-radius rate %s: %s of homes newly inside a radius"),
                               site->rank, service, land);
      break;
    case GR_SUGGEST_GREEN:
      g_free (land);
      land = gr_format_area (g->green.area_m2);
      title = g_strdup_printf (_ ("%u. green within 300 m %s: %s of homes newly in reach"),
                               site->rank, green, land);
      break;
    case GR_SUGGEST_PARK:
      g_free (land);
      land = gr_format_area (g->park.area_m2);
      title = g_strdup_printf (_ ("%u. a park within 500 m %s: %s of homes newly in reach"),
                               site->rank, park, land);
      break;
    case GR_SUGGEST_BLIND_SPOTS:
    default:
      /* TRANSLATORS: "1. +1,234 residents, 5,600 m² of homes out of the blind spots" */
      title = g_strdup_printf (_ ("%u. +%s residents, %s of homes out of the blind spots"),
                               site->rank, people, land);
      break;
    }
  return gr_site_item_new (site->rank, title, detail);
}

/**
 * gr_suggest_panel_show:
 * @cover: what the ranking served: the first line of each site says it
 * @status: a line above the list: how many sites, from how many
 *   candidates, and how far they get
 *
 * Lists @suggestion's sites, keeping the rank selected where there is one.
 */
void
gr_suggest_panel_show (GrSuggestPanel         *self,
                       const GrSiteSuggestion *s,
                       GrSuggestCover          cover,
                       const char             *status)
{
  guint selected;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (GR_IS_SUGGEST_PANEL (self));
  /* The place in the list stays chosen (the first to start with). */
  selected = MAX (gr_suggest_panel_get_selected (self), 1);
  for (guint i = 0; i < s->sites->len; i++)
    g_ptr_array_add (items, site_item (&g_array_index (s->sites, GrSite, i), s, cover));
  self->filling = TRUE;
  g_list_store_splice (self->sites, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sites)),
                       items->pdata, items->len);
  self->hovered = 0;
  gr_suggest_panel_select (self, MIN (selected, items->len));
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->list), items->len > 0);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status), "error");
  gtk_label_set_text (self->status, status);
  update_actions (self);
  emit_highlight (self);
}

/* No sites: @status says why (an error in the error colour). */
void
gr_suggest_panel_clear (GrSuggestPanel *self, const char *status, gboolean error)
{
  g_return_if_fail (GR_IS_SUGGEST_PANEL (self));
  g_list_store_remove_all (self->sites);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  gtk_label_set_text (self->status, status != NULL ? status : "");
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status), "error");
  self->hovered = 0;
  update_actions (self);
  emit_highlight (self);
}

const char *
gr_suggest_panel_get_status (GrSuggestPanel *self)
{
  g_return_val_if_fail (GR_IS_SUGGEST_PANEL (self), NULL);
  return gtk_label_get_text (self->status);
}

GListModel *
gr_suggest_panel_get_sites (GrSuggestPanel *self)
{
  g_return_val_if_fail (GR_IS_SUGGEST_PANEL (self), NULL);
  return G_LIST_MODEL (self->sites);
}

/* The selected site's rank, 0 for none. */
guint
gr_suggest_panel_get_selected (GrSuggestPanel *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GR_IS_SUGGEST_PANEL (self), 0);
  row = gtk_list_box_get_selected_row (self->list);
  return row != NULL ? (guint) gtk_list_box_row_get_index (row) + 1 : 0;
}

void
gr_suggest_panel_select (GrSuggestPanel *self, guint rank)
{
  g_return_if_fail (GR_IS_SUGGEST_PANEL (self));
  gtk_list_box_select_row (
      self->list, rank > 0 ? gtk_list_box_get_row_at_index (self->list, (int) rank - 1) : NULL);
}

GrSiteSource
gr_suggest_panel_get_source (GrSuggestPanel *self)
{
  g_return_val_if_fail (GR_IS_SUGGEST_PANEL (self), GR_SITE_SOURCE_LAND);
  return MIN (gtk_drop_down_get_selected (self->candidates), GR_SITE_SOURCE_PLOT);
}

void
gr_suggest_panel_set_source (GrSuggestPanel *self, GrSiteSource source)
{
  g_return_if_fail (GR_IS_SUGGEST_PANEL (self));
  gtk_drop_down_set_selected (self->candidates, source);
}

void
gr_suggest_panel_set_spacing (GrSuggestPanel *self, double metres)
{
  g_return_if_fail (GR_IS_SUGGEST_PANEL (self));
  gtk_spin_button_set_value (self->spacing, metres);
}
