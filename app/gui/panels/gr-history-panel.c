/* gr-history-panel.c — the Edits list of the scenario shown
 *
 * A list view over a list store of GrEditItem: showing a scenario updates
 * the items in place (an undo changes one item's "done") and adds or drops
 * only the rows at the end, so the view keeps its scroll position.
 * Activating a row emits ::go-to with the number of edits to keep.
 */
#include "config.h"

#include "gr-history-panel.h"

#include "gr-edit-item.h"

#include <glib/gi18n.h>

struct _GrHistoryPanel
{
  GtkBox parent_instance;

  GtkLabel    *heading;
  GtkListView *list;
  GListStore  *edits;
};

G_DEFINE_FINAL_TYPE (GrHistoryPanel, gr_history_panel, GTK_TYPE_BOX)

enum
{
  GO_TO,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_activate (GtkListView *list, guint position, GrHistoryPanel *self)
{
  g_signal_emit (self, signals[GO_TO], 0, position + 1);
}

static void
gr_history_panel_finalize (GObject *object)
{
  g_clear_object (&GR_HISTORY_PANEL (object)->edits);
  G_OBJECT_CLASS (gr_history_panel_parent_class)->finalize (object);
}

static void
gr_history_panel_class_init (GrHistoryPanelClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gr_history_panel_finalize;
  /**
   * GrHistoryPanel::go-to:
   * @n_edits: how many edits of the scenario stay done
   */
  signals[GO_TO] = g_signal_new ("go-to", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  g_type_ensure (GR_TYPE_EDIT_ITEM);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/panels/gr-history-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GrHistoryPanel, heading);
  gtk_widget_class_bind_template_child (widget_class, GrHistoryPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
gr_history_panel_init (GrHistoryPanel *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->edits = g_list_store_new (GR_TYPE_EDIT_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->edits)));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
}

/**
 * gr_history_panel_get_model:
 *
 * Returns: (transfer none): the GrEditItem of every edit, in order
 */
GListModel *
gr_history_panel_get_model (GrHistoryPanel *self)
{
  g_return_val_if_fail (GR_IS_HISTORY_PANEL (self), NULL);
  return G_LIST_MODEL (self->edits);
}

/* The row of edit @i: its number and description, ⚠ and the review flags
 * of a candidate park that is in the scenario now. */
static void
describe (GrEditItem *item, const GrScenario *scenario, GrProject *baseline, guint i)
{
  GrEdit          *e = g_ptr_array_index (scenario->edits, i);
  g_autofree char *what = gr_scenario_describe_edit (scenario, baseline, i);
  g_autofree char *line = g_strdup_printf ("%u. %s", i + 1, what);
  g_autofree char *flags = NULL;

  if (e->kind == GR_EDIT_ADD && i < scenario->position)
    flags = gr_candidate_flags_describe (
        gr_candidate_flags (baseline, e->geometry,
                            gr_scenario_get_feature_class (scenario, baseline, e->target, i + 1)));
  if (flags != NULL && flags[0] != '\0')
    {
      g_autofree char *reasons = g_strdelimit (g_strdup (flags), "\n", ';');
      /* TRANSLATORS: an edit of the history, then why it needs a second look */
      g_autofree char *marked = g_strdup_printf (_ ("%s ⚠ %s"), line, reasons);
      gr_edit_item_set_text (item, marked);
      gr_edit_item_set_tooltip (item, flags);
    }
  else
    {
      gr_edit_item_set_text (item, line);
      gr_edit_item_set_tooltip (item, NULL);
    }
  gr_edit_item_set_done (item, i < scenario->position);
}

/**
 * gr_history_panel_show:
 * @scenario: (nullable): the scenario shown, %NULL for the baseline
 * @baseline: the project the scenario edits
 */
void
gr_history_panel_show (GrHistoryPanel *self, const GrScenario *scenario, GrProject *baseline)
{
  GListModel *model = G_LIST_MODEL (self->edits);
  guint       n = scenario != NULL ? scenario->edits->len : 0;
  guint       had = g_list_model_get_n_items (model);
  g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (GR_IS_HISTORY_PANEL (self));
  for (guint i = 0; i < MIN (n, had); i++)
    {
      g_autoptr (GrEditItem) item = g_list_model_get_item (model, i);
      describe (item, scenario, baseline, i);
    }
  for (guint i = had; i < n; i++)
    {
      GrEditItem *item = gr_edit_item_new ();

      describe (item, scenario, baseline, i);
      g_ptr_array_add (added, item);
    }
  if (n != had)
    g_list_store_splice (self->edits, MIN (n, had), had > n ? had - n : 0, added->pdata,
                         added->len);
  gtk_widget_set_visible (GTK_WIDGET (self->heading), scenario != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
}
