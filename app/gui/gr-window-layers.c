/* gr-window-layers.c — the layer panel's items: one per layer of the open
 * project, their visibility, colour, opacity and names followed by the
 * map's vector layer, and their order by its drawing order; the style kept
 * in a saved project's file and brought back when it is opened */
#include "config.h"

#include "gr-window-private.h"

#include "gr-style-store.h"

#include <glib/gi18n.h>
#include <string.h>

static gboolean
keep_style_now (gpointer data)
{
  GrWindow *self = data;
  g_autoptr (GError) error = NULL;
  const char *path = _gr_window_get_project_path (self);

  self->style_id = 0;
  if (path == NULL || self->store == NULL)
    return G_SOURCE_REMOVE;
  if (!gr_project_style_save (path, gr_vector_layer_get_style (self->vectors), &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  return G_SOURCE_REMOVE;
}

/* A saved project keeps its layers' style: written a moment after the
 * last change (an opacity slider sends many). */
void
_gr_window_keep_style (GrWindow *self, gboolean now)
{
  g_clear_handle_id (&self->style_id, g_source_remove);
  if (now)
    keep_style_now (self);
  else
    self->style_id = g_timeout_add (300, keep_style_now, self);
}

/* The style a project's file keeps; the default one for a project that
 * keeps none, or that is not saved (an OpenStreetMap extract opened). */
void
_gr_window_load_style (GrWindow *self)
{
  const char *path = _gr_window_get_project_path (self);
  g_autoptr (GError) error = NULL;
  GrMapStyle style;

  gr_map_style_init (&style);
  if (path != NULL && (g_str_has_suffix (path, ".gpkg") || gr_pg_is_connection (path))
      && !gr_project_style_load (path, &style, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  gr_vector_layer_set_style (self->vectors, &style);
}

/* The list, top first, is the reverse of the drawing order. Roles the
 * project has no layer for keep their places in the order, so that a
 * layer imported later lands where it belongs. */
static void
apply_layer_order (GrWindow *self)
{
  GListModel       *model = gr_layer_panel_get_model (self->layer_panel);
  const GrMapStyle *style = gr_vector_layer_get_style (self->vectors);
  guint             n = g_list_model_get_n_items (model), next = 0;
  gboolean          listed[GR_N_ROLES] = { FALSE };
  GrRole            panel[GR_N_ROLES], order[GR_N_ROLES];

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GrLayerItem) item = g_list_model_get_item (model, n - 1 - i);
      panel[i] = gr_layer_item_get_role (item);
      listed[panel[i]] = TRUE;
    }
  for (guint i = 0; i < style->n_order; i++)
    order[i] = listed[style->order[i]] && next < n ? panel[next++] : style->order[i];
  if (memcmp (order, style->order, style->n_order * sizeof *order) == 0)
    return;
  gr_vector_layer_set_order (self->vectors, order, style->n_order);
  _gr_window_keep_style (self, FALSE);
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
  _gr_window_keep_style (self, FALSE);
}

static void
on_layer_style (GrLayerItem *layer, GParamSpec *pspec, GrWindow *self)
{
  if (g_str_equal (pspec->name, "color"))
    gr_vector_layer_set_role_color (self->vectors, gr_layer_item_get_role (layer),
                                    gr_layer_item_get_color (layer));
  else if (g_str_equal (pspec->name, "labels"))
    gr_vector_layer_set_role_labels (self->vectors, gr_layer_item_get_role (layer),
                                     gr_layer_item_get_labels (layer));
  else
    gr_vector_layer_set_role_opacity (self->vectors, gr_layer_item_get_role (layer),
                                      gr_layer_item_get_opacity (layer));
  _gr_window_keep_style (self, FALSE);
}

static void
on_layers_changed (GListModel *model, guint position, guint removed, guint added, GrWindow *self)
{
  apply_layer_order (self);
}

/* Top of the list is drawn on top: the reverse of the style's drawing
 * order. */
void
_gr_window_fill_layers (GrWindow *self, GrProject *project)
{
  const GrMapStyle *style = gr_vector_layer_get_style (self->vectors);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GdkRGBA color;

  for (guint i = style->n_order; i-- > 0;)
    {
      GrRole       role = style->order[i];
      GrLayerItem *item;

      if (project->layers[role] == NULL)
        continue;
      item = gr_layer_item_new (role, project->layers[role]->features->len);
      gr_layer_item_set_visible (item, gr_vector_layer_get_visible_role (self->vectors, role));
      gr_vector_layer_get_role_color (self->vectors, role, &color);
      gr_layer_item_set_color (item, &color);
      gr_layer_item_set_opacity (item, gr_vector_layer_get_role_opacity (self->vectors, role));
      gr_layer_item_set_labels (item, gr_vector_layer_get_role_labels (self->vectors, role));
      g_signal_connect_object (item, "notify::visible", G_CALLBACK (on_layer_visible), self, 0);
      g_signal_connect_object (item, "notify::color", G_CALLBACK (on_layer_style), self, 0);
      g_signal_connect_object (item, "notify::opacity", G_CALLBACK (on_layer_style), self, 0);
      g_signal_connect_object (item, "notify::labels", G_CALLBACK (on_layer_style), self, 0);
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
