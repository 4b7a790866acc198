/* gr-layer-panel.c — a list view over the GrLayerItem of the open project,
 * top of the list drawn on top; a layer's order buttons move its item in
 * the list store, and whoever draws the layers follows the store's
 * ::items-changed. Below, the colours of the blind-spot overlay. */
#include "config.h"

#include "gr-layer-panel.h"

#include "gr-coverage-layer.h"
#include "gr-layer-row.h"
#include "gr-render.h"
#include "gr-swatch.h"

#include <glib/gi18n.h>

struct _GrLayerPanel
{
  GtkBox parent_instance;

  GtkListView *list;
  GtkBox      *legend;
  GtkBox      *park_legend;
  GtkBox      *marker_legend;
  GListStore  *layers;
};

G_DEFINE_FINAL_TYPE (GrLayerPanel, gr_layer_panel, GTK_TYPE_BOX)

static void
move_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  int role, step;

  g_variant_get (parameter, "(ii)", &role, &step);
  gr_layer_panel_move (GR_LAYER_PANEL (widget), role, step);
}

static void
gr_layer_panel_finalize (GObject *object)
{
  g_clear_object (&GR_LAYER_PANEL (object)->layers);
  G_OBJECT_CLASS (gr_layer_panel_parent_class)->finalize (object);
}

static void
gr_layer_panel_class_init (GrLayerPanelClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gr_layer_panel_finalize;
  g_type_ensure (GR_TYPE_LAYER_ROW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/panels/gr-layer-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GrLayerPanel, list);
  gtk_widget_class_bind_template_child (widget_class, GrLayerPanel, legend);
  gtk_widget_class_bind_template_child (widget_class, GrLayerPanel, park_legend);
  gtk_widget_class_bind_template_child (widget_class, GrLayerPanel, marker_legend);
  gtk_widget_class_install_action (widget_class, "layers.move", "(ii)", move_activated);
}

/* One legend row: a symbol and what it means. */
static void
add_row (GtkBox *legend, GtkWidget *symbol, const char *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (row), symbol);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (legend, row);
}

static GtkWidget *
swatch_new (const double rgba[4])
{
  GtkWidget *swatch = gr_swatch_new ();
  GdkRGBA    color = { rgba[0], rgba[1], rgba[2], 1 };

  gr_swatch_set_rgba (GR_SWATCH (swatch), &color);
  return swatch;
}

static void
draw_finding (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer finding)
{
  gr_marks_draw_symbol (GPOINTER_TO_UINT (finding), cr, width, height);
}

static GtkWidget *
finding_symbol_new (GrFinding finding)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 28);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 22);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_finding, GUINT_TO_POINTER (finding),
                                  NULL);
  return area;
}

/* The blind-spot colours (opaque), the park classes' fills, and the
 * markers' symbols. */
static void
fill_legends (GrLayerPanel *self)
{
  for (guint k = 0; k < GR_N_CELL_KINDS; k++)
    {
      double rgba[4];

      gr_render_kind_color (k, rgba);
      add_row (self->legend, swatch_new (rgba), gr_render_kind_label (k));
    }
  for (guint c = 0; c < GR_N_PARK_CLASSES; c++)
    {
      g_autofree char *text =
          g_strdup_printf ("%s %s", gr_park_class_get_code (c), gr_park_class_get_label (c));
      double rgba[4];

      gr_map_style_get_park_fill (c, rgba);
      add_row (self->park_legend, swatch_new (rgba), text);
    }
  add_row (self->marker_legend, finding_symbol_new (GR_FINDING_GREENWAY_BREAK),
           _ ("Greenway break: a gap under 500 m between two greenways"));
  add_row (self->marker_legend, finding_symbol_new (GR_FINDING_CORRIDOR_PINCH),
           _ ("Corridor pinch point: narrower than 100 m"));
  add_row (self->marker_legend, finding_symbol_new (GR_FINDING_SUGGESTED_SITE),
           _ ("Suggested site, numbered by rank (the Sites page)"));
  add_row (self->marker_legend, finding_symbol_new (GR_FINDING_PRIORITY_AREA),
           _ ("Priority area: blind spots ranked by the residents they leave out"));
}

static void
gr_layer_panel_init (GrLayerPanel *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->layers = g_list_store_new (GR_TYPE_LAYER_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->layers)));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  fill_legends (self);
}

/**
 * gr_layer_panel_get_model:
 *
 * Returns: (transfer none): the GrLayerItem of each layer, top first
 */
GListModel *
gr_layer_panel_get_model (GrLayerPanel *self)
{
  g_return_val_if_fail (GR_IS_LAYER_PANEL (self), NULL);
  return G_LIST_MODEL (self->layers);
}

/* @items: GrLayerItem, top first; they replace the panel's. */
void
gr_layer_panel_set_layers (GrLayerPanel *self, GPtrArray *items)
{
  g_return_if_fail (GR_IS_LAYER_PANEL (self));
  g_list_store_splice (self->layers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->layers)),
                       items->pdata, items->len);
}

/* Moves @role's row by @step (−1 up, +1 down), within the list. */
void
gr_layer_panel_move (GrLayerPanel *self, GrRole role, int step)
{
  GListModel *model = G_LIST_MODEL (self->layers);
  guint       n = g_list_model_get_n_items (model);

  g_return_if_fail (GR_IS_LAYER_PANEL (self));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GrLayerItem) item = g_list_model_get_item (model, i);
      int to = CLAMP ((int) i + step, 0, (int) n - 1);

      if (gr_layer_item_get_role (item) != role)
        continue;
      if (to != (int) i)
        {
          g_list_store_remove (self->layers, i);
          g_list_store_insert (self->layers, to, item);
        }
      return;
    }
}
