/* gr-presentation.c — presentation mode's widgets over the map
 *
 * For a meeting room: a strip of the options along the top, the key
 * indicators as large cards along the bottom (value, target, met or not,
 * change against the baseline), text sized from the window's height so
 * it reads from the back of the room on a projector at 1280×720 as at
 * 1920×1080. Nothing here edits the project.
 */
#include "config.h"

#include "gr-presentation.h"

#include "gr-format.h"
#include "gr-map-style.h"
#include "gr-swatch.h"

#include <glib/gi18n.h>
#include <math.h>

/* 300米见绿、500米见园, the service-radius coverage rate and the
 * per-capita park green area: the figures the plans lead with. */
const GrIndicatorId gr_presentation_cards[4] = {
  GR_IND_GREEN_300,
  GR_IND_PARK_500,
  GR_IND_SERVICE_RATE,
  GR_IND_PARK_PER_CAPITA,
};

/* In order, what takes the place of a card that has no data. */
static const GrIndicatorId spares[] = {
  GR_IND_GREEN_300_POPULATION, GR_IND_PARK_500_POPULATION,      GR_IND_SERVICE_POPULATION,
  GR_IND_GREENWAY_PER_10K,     GR_IND_COMPREHENSIVE_PER_CAPITA, GR_IND_COMMUNITY_PER_CAPITA,
  GR_IND_NURSERY_SHARE,
};

/* The four indicators the cards show: the usual ones, a card without data
 * given to the first spare that has some (kept where none has). */
static void
choose_cards (const GrIndicators *shown, GrIndicatorId ids[4])
{
  guint next = 0;

  for (guint c = 0; c < 4; c++)
    {
      ids[c] = gr_presentation_cards[c];
      while (!isfinite (shown->items[ids[c]].value) && next < G_N_ELEMENTS (spares))
        if (isfinite (shown->items[spares[next++]].value))
          ids[c] = spares[next - 1];
    }
}

struct _GrPresentation
{
  GtkWidget parent_instance;

  GtkBox          *strip;
  GtkToggleButton *swipe;
  GtkToggleButton *flash;
  GtkWidget       *handle;
  GtkWidget       *cards;
  GtkLabel        *title;
  GtkBox          *legend;
  GtkLabel        *card_labels[4][3]; /* name, value, verdict */
  char            *card_text[4];
  gboolean         filling;
};

G_DEFINE_FINAL_TYPE (GrPresentation, gr_presentation, GTK_TYPE_WIDGET)

enum
{
  CHOOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_size (GtkWidget *label, double px, gboolean bold)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_size_new_absolute ((int) (px * PANGO_SCALE)));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
}

static void
on_option_toggled (GtkToggleButton *button, GrPresentation *self)
{
  if (self->filling || !gtk_toggle_button_get_active (button))
    return;
  g_signal_emit (self, signals[CHOOSE], 0,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

/* The handle shows while the divider does. */
static void
on_swipe_toggled (GrPresentation *self)
{
  gtk_widget_set_visible (self->handle, gtk_toggle_button_get_active (self->swipe));
}

/* Only the strip, the switches, the handle and the cards take the
 * pointer (each its own allocation): elsewhere it goes on to the map
 * under the presentation. */
static gboolean
gr_presentation_contains (GtkWidget *widget, double x, double y)
{
  return FALSE;
}

static void
gr_presentation_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), GR_TYPE_PRESENTATION);
  /* A plain widget's children are its own to let go. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (gr_presentation_parent_class)->dispose (object);
}

static void
gr_presentation_finalize (GObject *object)
{
  GrPresentation *self = GR_PRESENTATION (object);

  for (guint c = 0; c < G_N_ELEMENTS (self->card_text); c++)
    g_free (self->card_text[c]);
  G_OBJECT_CLASS (gr_presentation_parent_class)->finalize (object);
}

static void
gr_presentation_class_init (GrPresentationClass *klass)
{
  GObjectClass            *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass          *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const parts[3] = { "name", "value", "verdict" };
  char                     id[24];

  object_class->dispose = gr_presentation_dispose;
  object_class->finalize = gr_presentation_finalize;
  widget_class->contains = gr_presentation_contains;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /**
   * GrPresentation::choose:
   * @index: the option chosen in the strip, 0 for the baseline
   */
  signals[CHOOSE] = g_signal_new ("choose", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/presentation/gr-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, GrPresentation, strip);
  gtk_widget_class_bind_template_child (widget_class, GrPresentation, swipe);
  gtk_widget_class_bind_template_child (widget_class, GrPresentation, flash);
  gtk_widget_class_bind_template_child (widget_class, GrPresentation, handle);
  gtk_widget_class_bind_template_child (widget_class, GrPresentation, cards);
  gtk_widget_class_bind_template_child (widget_class, GrPresentation, title);
  gtk_widget_class_bind_template_child (widget_class, GrPresentation, legend);
  for (guint c = 0; c < 4; c++)
    for (guint k = 0; k < 3; k++)
      {
        g_snprintf (id, sizeof id, "card%u_%s", c, parts[k]);
        gtk_widget_class_bind_template_child_full (widget_class, id, FALSE,
                                                   G_STRUCT_OFFSET (GrPresentation, card_labels)
                                                       + (c * 3 + k) * sizeof (GtkLabel *));
      }
  gtk_widget_class_bind_template_callback (widget_class, on_swipe_toggled);
}

/* A row of the legend: a colour and what it means. */
static void
add_legend_row (GrPresentation *self, const double rgba[4], const char *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gr_swatch_new ();
  GtkWidget *label = gtk_label_new (text);
  GdkRGBA    color = { rgba[0], rgba[1], rgba[2], 1 };

  gr_swatch_set_rgba (GR_SWATCH (swatch), &color);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (row), swatch);
  gtk_box_append (GTK_BOX (row), label);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_box_append (self->legend, row);
}

static void
gr_presentation_init (GrPresentation *self)
{
  double rgba[4];

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_cursor_from_name (self->handle, "col-resize");
  /* The four colours of the homes, then the mark of a candidate park. */
  for (guint k = 0; k < GR_N_CELL_KINDS; k++)
    {
      gr_render_kind_color (k, rgba);
      add_legend_row (self, rgba, gr_render_kind_label (k));
    }
  gr_render_candidate_color (rgba);
  add_legend_row (self, rgba, _ ("Candidate park"));
  gtk_widget_set_margin_top (gtk_widget_get_first_child (GTK_WIDGET (self->legend)), 8);
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (GTK_WIDGET (self->legend)), 8);
}

GtkWidget *
gr_presentation_new (void)
{
  return g_object_new (GR_TYPE_PRESENTATION, NULL);
}

/* Shown while presenting; leaving turns the switches off. */
void
gr_presentation_show (GrPresentation *self, gboolean shown)
{
  g_return_if_fail (GR_IS_PRESENTATION (self));
  gtk_widget_set_visible (GTK_WIDGET (self), shown);
  if (!shown)
    {
      gtk_toggle_button_set_active (self->swipe, FALSE);
      gtk_toggle_button_set_active (self->flash, FALSE);
    }
}

/* The baseline and the scenarios, @active pressed. */
void
gr_presentation_set_options (GrPresentation *self, const char *const *names, guint active)
{
  GtkWidget *child, *first = NULL;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->strip))) != NULL)
    gtk_box_remove (self->strip, child);
  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (names[i]);

      gtk_widget_add_css_class (button, "title-4");
      gtk_widget_set_focus_on_click (button, FALSE);
      g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (i));
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (first));
      else
        first = button;
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), i == active);
      g_signal_connect (button, "toggled", G_CALLBACK (on_option_toggled), self);
      gtk_box_append (self->strip, button);
      if (i == active)
        gtk_label_set_text (self->title, names[i]);
    }
  self->filling = FALSE;
}

/* A card's figure is read from across a room: one decimal, but two for a
 * small value (0.65 m² a resident) or a change one would round away. */
static int
card_decimals (double value)
{
  return fabs (value) < 10 && fabs (value * 10 - round (value * 10)) > 1e-9 ? 2 : 1;
}

/**
 * gr_presentation_set_cards:
 * @baseline: the baseline's values, NAN where unknown
 * @height: the map's height in pixels: text is sized from it
 */
void
gr_presentation_set_cards (GrPresentation     *self,
                           const GrIndicators *shown,
                           const double        baseline[GR_N_INDICATORS],
                           gboolean            scenario,
                           int                 height)
{
  /* At 1080 lines the value is 50 px tall, the name 22 px: legible at
   * ten metres; at 720 lines 34 and 16 px. */
  double        unit = MAX (height, 480) / 1080.0;
  GrIndicatorId ids[4];

  choose_cards (shown, ids);
  for (guint c = 0; c < G_N_ELEMENTS (ids); c++)
    {
      GrIndicatorId      id = ids[c];
      const GrIndicator *it = &shown->items[id];
      g_autofree char   *value = isfinite (it->value)
                                     ? g_strdup_printf ("%.*f %s", card_decimals (it->value),
                                                        it->value, gr_indicator_get_unit (id))
                                     : g_strdup ("–");
      g_autofree char   *target =
          it->has_target
                ? g_strdup_printf (_ ("target %s %.1f"), it->strict ? ">" : "≥", it->target)
                : g_strdup (_ ("no target"));
      g_autofree char *change = NULL;
      g_autofree char *verdict = NULL;
      const char      *state = it->missing != NULL ? _ ("no data")
                               : !it->has_target   ? ""
                               : it->pass          ? _ ("met")
                                                   : _ ("not met");

      if (scenario && isfinite (it->value) && isfinite (baseline[id]))
        {
          g_autofree char *delta = gr_format_change (
              it->value - baseline[id], card_decimals (it->value - baseline[id]),
              g_str_equal (gr_indicator_get_unit (id), "%") ? _ ("pp")
                                                            : gr_indicator_get_unit (id));

          /* TRANSLATORS: "+0.8 pp against the baseline" */
          change = g_strdup_printf (_ ("%s against the baseline"), delta);
        }
      verdict = g_strdup_printf ("%s%s%s%s%s", target, state[0] != '\0' ? " · " : "", state,
                                 change != NULL ? "\n" : "", change != NULL ? change : "");
      gtk_label_set_text (self->card_labels[c][0], gr_indicator_get_name (id));
      gtk_label_set_text (self->card_labels[c][1], value);
      gtk_label_set_text (self->card_labels[c][2], verdict);
      set_size (GTK_WIDGET (self->card_labels[c][0]), 22 * unit, TRUE);
      set_size (GTK_WIDGET (self->card_labels[c][1]), 50 * unit, TRUE);
      set_size (GTK_WIDGET (self->card_labels[c][2]), 19 * unit, FALSE);
      for (guint k = 1; k < 3; k++)
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->card_labels[c][k]), "success");
          gtk_widget_remove_css_class (GTK_WIDGET (self->card_labels[c][k]), "error");
          if (it->has_target && it->missing == NULL)
            gtk_widget_add_css_class (GTK_WIDGET (self->card_labels[c][k]),
                                      it->pass ? "success" : "error");
        }
      g_free (self->card_text[c]);
      self->card_text[c] =
          g_strdup_printf ("%s\n%s\n%s", gr_indicator_get_name (id), value, verdict);
    }
}

GtkToggleButton *
gr_presentation_get_swipe (GrPresentation *self)
{
  return GTK_TOGGLE_BUTTON (self->swipe);
}

GtkToggleButton *
gr_presentation_get_flash (GrPresentation *self)
{
  return GTK_TOGGLE_BUTTON (self->flash);
}

GtkWidget *
gr_presentation_get_handle (GrPresentation *self)
{
  return self->handle;
}

GtkWidget *
gr_presentation_get_cards (GrPresentation *self)
{
  return self->cards;
}

const char *
gr_presentation_get_card_text (GrPresentation *self, guint card)
{
  g_return_val_if_fail (card < G_N_ELEMENTS (self->card_text), NULL);
  return self->card_text[card];
}
