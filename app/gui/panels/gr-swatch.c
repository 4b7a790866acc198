/* gr-swatch.c — a 16 × 16 square of one colour, its "rgba" a property so
 * a layer's colour can be bound to it */
#include "config.h"

#include "gr-swatch.h"

#define SIZE 16

struct _GrSwatch
{
  GtkWidget parent_instance;
  GdkRGBA   rgba;
};

G_DEFINE_FINAL_TYPE (GrSwatch, gr_swatch, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_RGBA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gr_swatch_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  GrSwatch *self = GR_SWATCH (widget);
  int       width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gtk_snapshot_append_color (snapshot, &self->rgba,
                             &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2));
}

static void
gr_swatch_measure (GtkWidget     *widget,
                   GtkOrientation orientation,
                   int            for_size,
                   int           *minimum,
                   int           *natural,
                   int           *minimum_baseline,
                   int           *natural_baseline)
{
  *minimum = *natural = SIZE;
}

static void
gr_swatch_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_RGBA:
      g_value_set_boxed (value, &GR_SWATCH (object)->rgba);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_swatch_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_RGBA:
      gr_swatch_set_rgba (GR_SWATCH (object), g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_swatch_class_init (GrSwatchClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = gr_swatch_get_property;
  object_class->set_property = gr_swatch_set_property;
  widget_class->snapshot = gr_swatch_snapshot;
  widget_class->measure = gr_swatch_measure;
  properties[PROP_RGBA] =
      g_param_spec_boxed ("rgba", NULL, NULL, GDK_TYPE_RGBA,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gr_swatch_init (GrSwatch *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
gr_swatch_new (void)
{
  return g_object_new (GR_TYPE_SWATCH, NULL);
}

const GdkRGBA *
gr_swatch_get_rgba (GrSwatch *self)
{
  g_return_val_if_fail (GR_IS_SWATCH (self), NULL);
  return &self->rgba;
}

void
gr_swatch_set_rgba (GrSwatch *self, const GdkRGBA *rgba)
{
  g_return_if_fail (GR_IS_SWATCH (self));
  if (rgba == NULL || gdk_rgba_equal (&self->rgba, rgba))
    return;
  self->rgba = *rgba;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RGBA]);
}
