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

#include <glib/gi18n.h>
#include <math.h>

/* 300米见绿、500米见园, the service-radius coverage rate and the
 * per-capita park green area: the figures the plans lead with. */
const GrIndicatorId gr_presentation_cards[4] = {
  GR_IND_GREEN_300, GR_IND_PARK_500, GR_IND_SERVICE_RATE, GR_IND_PARK_PER_CAPITA,
};

struct _GrPresentation
{
  GtkOverlay          *overlay; /* not owned */
  GtkWidget           *top;
  GtkWidget           *strip;
  GtkWidget           *swipe;
  GtkWidget           *flash;
  GtkWidget           *cards;
  GtkWidget           *handle;
  GtkWidget           *card_labels[4][3]; /* name, value, verdict */
  char                *card_text[4];
  GrPresentationChoose choose;
  gpointer             data;
  gboolean             filling;
};

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
  self->choose (self->data, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

GrPresentation *
gr_presentation_new (GtkOverlay          *overlay,
                     GrPresentationChoose choose,
                     gpointer             data)
{
  GrPresentation *self = g_new0 (GrPresentation, 1);
  GtkWidget *leave;

  self->overlay = overlay;
  self->choose = choose;
  self->data = data;
  self->top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_valign (self->top, GTK_ALIGN_START);
  gtk_widget_set_halign (self->top, GTK_ALIGN_FILL);
  gtk_widget_set_margin_top (self->top, 16);
  gtk_widget_set_margin_start (self->top, 16);
  gtk_widget_set_margin_end (self->top, 16);
  self->strip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->strip, "linked");
  gtk_widget_add_css_class (self->strip, "osd");
  gtk_widget_set_hexpand (self->strip, TRUE);
  gtk_widget_set_halign (self->strip, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->top), self->strip);
  self->swipe = gtk_toggle_button_new_with_mnemonic (_("_Before/after"));
  gtk_widget_set_tooltip_text (self->swipe, _("The baseline left of a divider, the scenario right (S)"));
  self->flash = gtk_toggle_button_new_with_mnemonic (_("_Newly covered"));
  gtk_widget_set_tooltip_text (self->flash, _("Flash the homes the scenario newly covers (N)"));
  leave = gtk_button_new_with_mnemonic (_("_Leave"));
  gtk_widget_set_tooltip_text (leave, _("Leave presentation mode (Esc)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (leave), "win.present");
  {
    GtkWidget *buttons[] = { self->swipe, self->flash, leave };

    for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
      {
        gtk_widget_add_css_class (buttons[i], "osd");
        gtk_widget_set_focus_on_click (buttons[i], FALSE);
        gtk_box_append (GTK_BOX (self->top), buttons[i]);
      }
  }
  self->cards = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  gtk_box_set_homogeneous (GTK_BOX (self->cards), TRUE);
  gtk_widget_set_valign (self->cards, GTK_ALIGN_END);
  gtk_widget_set_margin_start (self->cards, 16);
  gtk_widget_set_margin_end (self->cards, 16);
  gtk_widget_set_margin_bottom (self->cards, 16);
  for (guint c = 0; c < G_N_ELEMENTS (gr_presentation_cards); c++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_widget_add_css_class (card, "card");
      gtk_widget_set_can_target (card, FALSE);
      for (guint k = 0; k < 3; k++)
        {
          self->card_labels[c][k] = gtk_label_new (NULL);
          gtk_label_set_wrap (GTK_LABEL (self->card_labels[c][k]), TRUE);
          gtk_label_set_xalign (GTK_LABEL (self->card_labels[c][k]), 0);
          gtk_widget_set_margin_start (self->card_labels[c][k], 16);
          gtk_widget_set_margin_end (self->card_labels[c][k], 16);
          gtk_box_append (GTK_BOX (card), self->card_labels[c][k]);
        }
      gtk_widget_set_margin_top (self->card_labels[c][0], 12);
      gtk_widget_set_margin_bottom (self->card_labels[c][2], 12);
      gtk_box_append (GTK_BOX (self->cards), card);
    }
  /* The swipe's handle: drag it to move the divider. */
  self->handle = gtk_label_new ("⟺");
  gtk_widget_add_css_class (self->handle, "osd");
  gtk_widget_add_css_class (self->handle, "title-2");
  gtk_widget_set_size_request (self->handle, 44, 44);
  gtk_widget_set_halign (self->handle, GTK_ALIGN_START);
  gtk_widget_set_valign (self->handle, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->handle, _("Drag to move the divider"));
  gtk_widget_set_cursor_from_name (self->handle, "col-resize");
  gtk_overlay_add_overlay (overlay, self->handle);
  gtk_overlay_add_overlay (overlay, self->top);
  gtk_overlay_add_overlay (overlay, self->cards);
  gr_presentation_show (self, FALSE);
  return self;
}

void
gr_presentation_free (GrPresentation *self)
{
  for (guint c = 0; c < G_N_ELEMENTS (self->card_text); c++)
    g_free (self->card_text[c]);
  g_free (self);
}

void
gr_presentation_show (GrPresentation *self,
                      gboolean        shown)
{
  gtk_widget_set_visible (self->top, shown);
  gtk_widget_set_visible (self->cards, shown);
  gtk_widget_set_visible (self->handle, shown && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->swipe)));
  if (!shown)
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->swipe), FALSE);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->flash), FALSE);
    }
}

/* The baseline and the scenarios, @active pressed. */
void
gr_presentation_set_options (GrPresentation    *self,
                             const char *const *names,
                             guint              active)
{
  GtkWidget *child, *first = NULL;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (self->strip)) != NULL)
    gtk_box_remove (GTK_BOX (self->strip), child);
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
      gtk_box_append (GTK_BOX (self->strip), button);
    }
  self->filling = FALSE;
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
  double unit = MAX (height, 480) / 1080.0;

  for (guint c = 0; c < G_N_ELEMENTS (gr_presentation_cards); c++)
    {
      GrIndicatorId id = gr_presentation_cards[c];
      const GrIndicator *it = &shown->items[id];
      g_autofree char *value = isfinite (it->value)
                                 ? g_strdup_printf ("%.1f %s", it->value, gr_indicator_get_unit (id))
                                 : g_strdup ("–");
      g_autofree char *target = it->has_target ? g_strdup_printf (_("target %s %.1f"), it->strict ? ">" : "≥",
                                                                  it->target)
                                               : g_strdup (_("no target"));
      g_autofree char *change = NULL;
      g_autofree char *verdict = NULL;
      const char *state = it->missing != NULL ? _("no data")
                          : !it->has_target   ? ""
                          : it->pass          ? _("met")
                                              : _("not met");

      if (scenario && isfinite (it->value) && isfinite (baseline[id]))
        change = g_strdup_printf (_("%+.1f against the baseline"), it->value - baseline[id]);
      verdict = g_strdup_printf ("%s%s%s%s%s", target, state[0] != '\0' ? " · " : "", state,
                                 change != NULL ? "\n" : "", change != NULL ? change : "");
      gtk_label_set_text (GTK_LABEL (self->card_labels[c][0]), gr_indicator_get_name (id));
      gtk_label_set_text (GTK_LABEL (self->card_labels[c][1]), value);
      gtk_label_set_text (GTK_LABEL (self->card_labels[c][2]), verdict);
      set_size (self->card_labels[c][0], 22 * unit, TRUE);
      set_size (self->card_labels[c][1], 50 * unit, TRUE);
      set_size (self->card_labels[c][2], 19 * unit, FALSE);
      for (guint k = 1; k < 3; k++)
        {
          gtk_widget_remove_css_class (self->card_labels[c][k], "success");
          gtk_widget_remove_css_class (self->card_labels[c][k], "error");
          if (it->has_target && it->missing == NULL)
            gtk_widget_add_css_class (self->card_labels[c][k], it->pass ? "success" : "error");
        }
      g_free (self->card_text[c]);
      self->card_text[c] = g_strdup_printf ("%s\n%s\n%s", gr_indicator_get_name (id), value, verdict);
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
gr_presentation_get_card_text (GrPresentation *self,
                               guint           card)
{
  g_return_val_if_fail (card < G_N_ELEMENTS (self->card_text), NULL);
  return self->card_text[card];
}
