/* gr-attribute-table.c — a layer's features as a table
 *
 * A GtkColumnView over the layer's features (GrFeatureItem), filtered by
 * the search entry and sorted by the column headers. With role
 * GR_N_ROLES it lists every named feature of the project with its layer:
 * the window's Find. Selecting a row emits ::feature-selected; the window
 * zooms to the feature and outlines it.
 */
#include "config.h"

#include "gr-attribute-table.h"

#include "gr-feature-item.h"

#include <glib/gi18n.h>

struct _GrAttributeTable
{
  GtkWindow parent_instance;

  GtkSearchEntry      *search;
  GtkColumnView       *table;
  GtkColumnViewColumn *layer_column;
  GtkLabel            *status;
  GListStore          *features;
  GtkStringFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSingleSelection  *selection;
};

G_DEFINE_FINAL_TYPE (GrAttributeTable, gr_attribute_table, GTK_TYPE_WINDOW)

enum
{
  FEATURE_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_status (GrAttributeTable *self)
{
  guint            all = g_list_model_get_n_items (G_LIST_MODEL (self->features));
  guint            shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text =
      shown == all ? g_strdup_printf (g_dngettext (NULL, "%u feature", "%u features", all), all)
                   : g_strdup_printf (
                       g_dngettext (NULL, "%u of %u feature shown", "%u of %u features shown", all),
                       shown, all);

  gtk_label_set_text (self->status, text);
}

static void
on_search_changed (GrAttributeTable *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search)));
  update_status (self);
}

static void
on_selected (GrAttributeTable *self)
{
  GrFeatureItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL)
    g_signal_emit (self, signals[FEATURE_SELECTED], 0, gr_feature_item_get_role (item),
                   gr_feature_item_get_index (item));
}

/* Enter or ↓ in the search field: the first row found, picked, and the
 * arrows then move in the table. */
static void
on_search_activate (GrAttributeTable *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->table));
}

static gboolean
on_search_key (GtkEventControllerKey *keys,
               guint                  keyval,
               guint                  code,
               GdkModifierType        state,
               GrAttributeTable      *self)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  on_search_activate (self);
  return TRUE;
}

static void
gr_attribute_table_dispose (GObject *object)
{
  GrAttributeTable *self = GR_ATTRIBUTE_TABLE (object);

  g_clear_object (&self->features);
  g_clear_object (&self->filter);
  g_clear_object (&self->filtered);
  g_clear_object (&self->selection);
  gtk_widget_dispose_template (GTK_WIDGET (self), GR_TYPE_ATTRIBUTE_TABLE);
  G_OBJECT_CLASS (gr_attribute_table_parent_class)->dispose (object);
}

static void
gr_attribute_table_class_init (GrAttributeTableClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gr_attribute_table_dispose;
  g_type_ensure (GR_TYPE_FEATURE_ITEM);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/dialogs/gr-attribute-table.ui");
  gtk_widget_class_bind_template_child (widget_class, GrAttributeTable, search);
  gtk_widget_class_bind_template_child (widget_class, GrAttributeTable, table);
  gtk_widget_class_bind_template_child (widget_class, GrAttributeTable, layer_column);
  gtk_widget_class_bind_template_child (widget_class, GrAttributeTable, status);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* The feature of the row selected: its layer (GrRole) and index. */
  signals[FEATURE_SELECTED] =
      g_signal_new ("feature-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_UINT);
}

static void
gr_attribute_table_init (GrAttributeTable *self)
{
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->features = g_list_store_new (GR_TYPE_FEATURE_ITEM);
  self->filter = gtk_string_filter_new (
      gtk_property_expression_new (GR_TYPE_FEATURE_ITEM, NULL, "search-text"));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->features)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->table)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (on_search_activate), self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key), self);
    gtk_widget_add_controller (GTK_WIDGET (self->search), keys);
  }
  /* Typing searches at once, as Ctrl+F promises. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selected), self);
}

/**
 * gr_attribute_table_new:
 * @role: a layer, or GR_N_ROLES for every named feature of the project
 */
GrAttributeTable *
gr_attribute_table_new (GtkWindow *parent, GrProject *project, GrRole role)
{
  GrAttributeTable *self = g_object_new (GR_TYPE_ATTRIBUTE_TABLE, "transient-for", parent, NULL);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = NULL;

  for (guint r = 0; r < GR_N_ROLES; r++)
    {
      GrLayer *layer = project->layers[r];

      if (layer == NULL || (role < GR_N_ROLES && r != role))
        continue;
      for (guint i = 0; i < layer->features->len; i++)
        {
          const GrFeature *f = g_ptr_array_index (layer->features, i);

          if (role == GR_N_ROLES && (f->name == NULL || f->name[0] == '\0'))
            continue;
          g_ptr_array_add (items, gr_feature_item_new (r, i, f));
        }
    }
  g_list_store_splice (self->features, 0, 0, items->pdata, items->len);
  gtk_column_view_column_set_visible (self->layer_column, role == GR_N_ROLES);
  /* TRANSLATORS: the attribute table's title: a layer's name */
  title = role < GR_N_ROLES ? g_strdup_printf (_ ("%s — Attribute Table"), gr_role_get_label (role))
                            : g_strdup (_ ("Find by Name"));
  gtk_window_set_title (GTK_WINDOW (self), title);
  update_status (self);
  return self;
}

void
gr_attribute_table_set_search (GrAttributeTable *self, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), text);
  on_search_changed (self);
}

/* The rows as shown: filtered and sorted. */
GListModel *
gr_attribute_table_get_rows (GrAttributeTable *self)
{
  return G_LIST_MODEL (self->selection);
}

void
gr_attribute_table_select (GrAttributeTable *self, guint position)
{
  gtk_single_selection_set_selected (self->selection, position);
}

/* As a click on a column's header does. */
void
gr_attribute_table_sort_by (GrAttributeTable *self, guint column, gboolean ascending)
{
  g_autoptr (GtkColumnViewColumn) c =
      g_list_model_get_item (gtk_column_view_get_columns (self->table), column);

  gtk_column_view_sort_by_column (self->table, c,
                                  ascending ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING);
}
