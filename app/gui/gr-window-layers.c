/* gr-window-layers.c — the layer panel and the legend of the blind spots */
#include "config.h"

#include "gr-window-private.h"

#include <glib/gi18n.h>
#include <math.h>

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

GtkWidget *
_gr_window_swatch_new (void)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 16);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 16);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, NULL, NULL);
  return area;
}

void
_gr_window_swatch_set_color (GtkWidget *swatch, const GdkRGBA *color)
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
  gtk_menu_button_set_child (GTK_MENU_BUTTON (style), _gr_window_swatch_new ());
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
  _gr_window_swatch_set_color (swatch, gr_layer_item_get_color (layer));
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

  _gr_window_swatch_set_color (swatch, gr_layer_item_get_color (layer));
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
void
_gr_window_fill_layers (GrWindow *self, GrProject *project)
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

void
_gr_window_build_layer_panel (GrWindow *self)
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
      GtkWidget *swatch = _gr_window_swatch_new ();
      GtkWidget *label = gtk_label_new (gr_render_kind_label (k));
      GdkRGBA color;

      gr_coverage_kind_color (k, &color);
      color.alpha = 1;
      _gr_window_swatch_set_color (swatch, &color);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (row), swatch);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (self->legend, row);
    }
}
