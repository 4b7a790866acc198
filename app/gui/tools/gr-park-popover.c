/* gr-park-popover.c — the add tool's options: the new park's area, within
 * the pocket-park range (400–10,000 m², 2,500 m² to start), and its shape */
#include "config.h"

#include "gr-park-popover.h"

struct _GrParkPopover
{
  GtkPopover parent_instance;

  GtkAdjustment *area;
  GtkDropDown   *shape;
};

G_DEFINE_FINAL_TYPE (GrParkPopover, gr_park_popover, GTK_TYPE_POPOVER)

static void
gr_park_popover_class_init (GrParkPopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/tools/gr-park-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, GrParkPopover, area);
  gtk_widget_class_bind_template_child (widget_class, GrParkPopover, shape);
}

static void
gr_park_popover_init (GrParkPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* m² */
double
gr_park_popover_get_area (GrParkPopover *self)
{
  g_return_val_if_fail (GR_IS_PARK_POPOVER (self), 0);
  return gtk_adjustment_get_value (self->area);
}

gboolean
gr_park_popover_get_circle (GrParkPopover *self)
{
  g_return_val_if_fail (GR_IS_PARK_POPOVER (self), FALSE);
  return gtk_drop_down_get_selected (self->shape) == 1;
}
