/* gr-presentation.h — presentation mode over the map: the option strip,
 * the before/after and newly-covered switches, the indicator cards */
#pragma once

#include <gtk/gtk.h>

#include "gr-indicators.h"

G_BEGIN_DECLS

#define GR_TYPE_PRESENTATION (gr_presentation_get_type ())
G_DECLARE_FINAL_TYPE (GrPresentation, gr_presentation, GR, PRESENTATION, GtkWidget)

GtkWidget *gr_presentation_new (void);
void       gr_presentation_show (GrPresentation *self, gboolean shown);
void gr_presentation_set_options (GrPresentation *self, const char *const *names, guint active);
void gr_presentation_set_cards (GrPresentation     *self,
                                const GrIndicators *shown,
                                const double        baseline[GR_N_INDICATORS],
                                gboolean            scenario,
                                int                 height);
GtkToggleButton *gr_presentation_get_swipe (GrPresentation *self);
GtkToggleButton *gr_presentation_get_flash (GrPresentation *self);
GtkWidget       *gr_presentation_get_handle (GrPresentation *self);
GtkWidget       *gr_presentation_get_cards (GrPresentation *self);
const char      *gr_presentation_get_card_text (GrPresentation *self, guint card);

/* The indicators on the cards, in order. */
extern const GrIndicatorId gr_presentation_cards[4];

G_END_DECLS
