/* gr-suggest-panel.h — "Suggest Sites": where new pocket parks would serve
 * the most, ranked, each to accept or reject */
#pragma once

#include <gtk/gtk.h>

#include "gr-site-suggestion.h"

G_BEGIN_DECLS

/* Where the candidate parks come from. */
typedef enum
{
  GR_SITE_SOURCE_LAND,         /* sampled on the usable land the project knows */
  GR_SITE_SOURCE_PARK_IN_PLOT, /* one park of the chosen area in each candidate plot */
  GR_SITE_SOURCE_PLOT,         /* each candidate plot as drawn */
} GrSiteSource;

#define GR_TYPE_SUGGEST_PANEL (gr_suggest_panel_get_type ())
G_DECLARE_FINAL_TYPE (GrSuggestPanel, gr_suggest_panel, GR, SUGGEST_PANEL, GtkBox)

void         gr_suggest_panel_get_options (GrSuggestPanel *self, GrSiteOptions *options);
void         gr_suggest_panel_set_count (GrSuggestPanel *self, guint count);
GrSiteSource gr_suggest_panel_get_source (GrSuggestPanel *self);
void         gr_suggest_panel_set_source (GrSuggestPanel *self, GrSiteSource source);
void         gr_suggest_panel_set_spacing (GrSuggestPanel *self, double metres);
void         gr_suggest_panel_set_running (GrSuggestPanel *self, gboolean running);
void         gr_suggest_panel_set_progress (GrSuggestPanel *self, double fraction);
void         gr_suggest_panel_show (GrSuggestPanel         *self,
                                    const GrSiteSuggestion *suggestion,
                                    GrSuggestCover          cover,
                                    const char             *status);
void         gr_suggest_panel_clear (GrSuggestPanel *self, const char *status, gboolean error);
const char  *gr_suggest_panel_get_status (GrSuggestPanel *self);
GListModel  *gr_suggest_panel_get_sites (GrSuggestPanel *self);
guint        gr_suggest_panel_get_selected (GrSuggestPanel *self);
void         gr_suggest_panel_select (GrSuggestPanel *self, guint rank);

G_END_DECLS
