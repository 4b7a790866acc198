/* gr-window-layers.c — the layer panel's items: one per layer of the open
 * project, their visibility, colour and opacity followed by the map's
 * vector layer, and their order by its drawing order */
#include "config.h"

#include "gr-window-private.h"

/* The list, top first, is the reverse of the drawing order. */
static void
apply_layer_order (GrWindow *self)
{
  GListModel *model = gr_layer_panel_get_model (self->layer_panel);
  guint       n = g_list_model_get_n_items (model);
  GrRole      order[GR_N_ROLES];

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GrLayerItem) item = g_list_model_get_item (model, n - 1 - i);
      order[i] = gr_layer_item_get_role (item);
    }
  gr_vector_layer_set_order (self->vectors, order, n);
}

/* Moves @role's row by @step (−1 up, +1 down) in the layer panel. */
void
gr_window_move_layer (GrWindow *self, GrRole role, int step)
{
  gr_layer_panel_move (self->layer_panel, role, step);
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
    gr_vector_layer_set_role_color (self->vectors, gr_layer_item_get_role (layer),
                                    gr_layer_item_get_color (layer));
  else
    gr_vector_layer_set_role_opacity (self->vectors, gr_layer_item_get_role (layer),
                                      gr_layer_item_get_opacity (layer));
}

static void
on_layers_changed (GListModel *model, guint position, guint removed, guint added, GrWindow *self)
{
  apply_layer_order (self);
}

/* Top of the list is drawn on top: the reverse of the drawing order. */
void
_gr_window_fill_layers (GrWindow *self, GrProject *project)
{
  static const GrRole order[] = {
    GR_ROLE_ENTRANCES,   GR_ROLE_SITES, GR_ROLE_GREENWAY, GR_ROLE_WALK,     GR_ROLE_BUILDINGS,
    GR_ROLE_PARK,        GR_ROLE_GREEN, GR_ROLE_NURSERY,  GR_ROLE_CORRIDOR, GR_ROLE_WATER,
    GR_ROLE_RESIDENTIAL, GR_ROLE_ZONES, GR_ROLE_BUILTUP,
  };
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GdkRGBA color;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      GrLayerItem *item;

      if (project->layers[order[i]] == NULL)
        continue;
      item = gr_layer_item_new (order[i], project->layers[order[i]]->features->len);
      gr_layer_item_set_visible (item, gr_vector_layer_get_visible_role (self->vectors, order[i]));
      gr_vector_layer_get_role_color (self->vectors, order[i], &color);
      gr_layer_item_set_color (item, &color);
      g_signal_connect_object (item, "notify::visible", G_CALLBACK (on_layer_visible), self, 0);
      g_signal_connect_object (item, "notify::color", G_CALLBACK (on_layer_style), self, 0);
      g_signal_connect_object (item, "notify::opacity", G_CALLBACK (on_layer_style), self, 0);
      g_ptr_array_add (items, item);
    }
  gr_layer_panel_set_layers (self->layer_panel, items);
}

void
_gr_window_build_layer_panel (GrWindow *self)
{
  g_signal_connect_object (gr_layer_panel_get_model (self->layer_panel), "items-changed",
                           G_CALLBACK (on_layers_changed), self, 0);
}
