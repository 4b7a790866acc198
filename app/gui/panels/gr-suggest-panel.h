/* gr-suggest-panel.h — "Suggest Sites": where new pocket parks would serve
 * the most, ranked, each to accept or reject */
#pragma once

#include <gtk/gtk.h>

#include "gr-site-suggestion.h"

G_BEGIN_DECLS

#define GR_TYPE_SUGGEST_PANEL (gr_suggest_panel_get_type ())
G_DECLARE_FINAL_TYPE (GrSuggestPanel, gr_suggest_panel, GR, SUGGEST_PANEL, GtkBox)

void        gr_suggest_panel_get_options (GrSuggestPanel *self, GrSiteOptions *options);
void        gr_suggest_panel_set_count (GrSuggestPanel *self, guint count);
gboolean    gr_suggest_panel_get_from_plots (GrSuggestPanel *self);
void        gr_suggest_panel_set_from_plots (GrSuggestPanel *self, gboolean plots);
void        gr_suggest_panel_set_spacing (GrSuggestPanel *self, double metres);
void        gr_suggest_panel_set_running (GrSuggestPanel *self, gboolean running);
void        gr_suggest_panel_set_progress (GrSuggestPanel *self, double fraction);
void        gr_suggest_panel_show (GrSuggestPanel         *self,
                                   const GrSiteSuggestion *suggestion,
                                   GrSuggestCover          cover,
                                   const char             *status);
void        gr_suggest_panel_clear (GrSuggestPanel *self, const char *status, gboolean error);
const char *gr_suggest_panel_get_status (GrSuggestPanel *self);
GListModel *gr_suggest_panel_get_sites (GrSuggestPanel *self);
guint       gr_suggest_panel_get_selected (GrSuggestPanel *self);
void        gr_suggest_panel_select (GrSuggestPanel *self, guint rank);

G_END_DECLS
