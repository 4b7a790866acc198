/* gr-window.h — the map window */
#pragma once

#include <adwaita.h>

#include "gr-application.h"
#include "gr-coverage-layer.h"
#include "gr-presentation.h"
#include "gr-report.h"
#include "gr-swipe-layer.h"
#include "gr-indicators.h"
#include "gr-import.h"
#include "gr-scenario-store.h"
#include "gr-session.h"
#include "gr-sketch-layer.h"

G_BEGIN_DECLS

#define GR_TYPE_WINDOW (gr_window_get_type ())
G_DECLARE_FINAL_TYPE (GrWindow, gr_window, GR, WINDOW, AdwApplicationWindow)

GrWindow   *gr_window_new          (GrApplication *app);
void        gr_window_open         (GrWindow   *self,
                                    const char *path);
void        gr_window_import       (GrWindow       *self,
                                    const GrSource *source);
gboolean    gr_window_drop_file    (GrWindow *self,
                                    GFile    *file);
gboolean    gr_window_get_busy     (GrWindow *self);
GrSession  *gr_window_get_session  (GrWindow *self);
void        gr_window_set_walking  (GrWindow *self,
                                    gboolean  walking);
GtkWidget  *gr_window_get_map      (GrWindow *self);
void        gr_window_set_role_visible (GrWindow *self,
                                        GrRole    role,
                                        gboolean  visible);
void        gr_window_move_layer   (GrWindow *self,
                                    GrRole    role,
                                    int       step);
void        gr_window_click_at     (GrWindow *self,
                                    double    x,
                                    double    y);
const char *gr_window_get_selection_text (GrWindow *self);
const char *gr_window_hover_at     (GrWindow *self,
                                    double    x,
                                    double    y);
char       *gr_window_describe_point (GrWindow *self,
                                      double    x,
                                      double    y);
GrCoverageLayer *gr_window_get_coverage_layer (GrWindow *self);
gboolean    gr_window_save_as      (GrWindow   *self,
                                    const char *path,
                                    GError    **error);
gboolean    gr_window_new_scenario (GrWindow   *self,
                                    const char *name,
                                    GrScenario *from,
                                    GError    **error);
gboolean    gr_window_set_scenario (GrWindow   *self,
                                    const char *name);
GrScenario *gr_window_get_scenario (GrWindow *self);
void        gr_window_set_adding   (GrWindow *self,
                                    gboolean  adding);
gboolean    gr_window_push_edit    (GrWindow *self,
                                    GrEdit   *edit,
                                    GError  **error);
void        gr_window_add_park_at  (GrWindow *self,
                                    double    x,
                                    double    y);
void        gr_window_rename_selection (GrWindow   *self,
                                        const char *name,
                                        const char *klass);
void        gr_window_set_drawing  (GrWindow *self,
                                    gboolean  drawing);
void        gr_window_draw_corner  (GrWindow *self,
                                    double    x,
                                    double    y);
void        gr_window_finish_drawing (GrWindow *self);
gboolean    gr_window_double_click_at (GrWindow *self,
                                       double    x,
                                       double    y);
gboolean    gr_window_drag_begin   (GrWindow *self,
                                    double    x,
                                    double    y);
void        gr_window_drag_to      (GrWindow *self,
                                    double    x,
                                    double    y);
void        gr_window_drag_end     (GrWindow *self);
void        gr_window_get_summary  (GrWindow  *self,
                                    GrSummary *summary);
GrSketchLayer *gr_window_get_sketch_layer (GrWindow *self);
void        gr_window_compare      (GrWindow   *self,
                                    GrScenario *a,
                                    GrScenario *b);
GrComparison *gr_window_get_comparison (GrWindow *self);
const char *gr_window_get_balance_text (GrWindow *self);
gboolean    gr_window_get_indicator_row (GrWindow     *self,
                                         GrIndicatorId id,
                                         const char  **value,
                                         const char  **verdict);
void        gr_window_set_targets  (GrWindow   *self,
                                    GrTargetSet set,
                                    guint       scope);
const char *gr_window_get_error    (GrWindow *self);
const char *gr_window_get_base_map_error (GrWindow *self);
GListModel *gr_window_get_layers   (GrWindow *self);
GListModel *gr_window_get_zones    (GrWindow *self);

void        gr_window_set_presenting (GrWindow *self,
                                      gboolean  presenting);
gboolean    gr_window_get_presenting (GrWindow *self);
void        gr_window_set_divider    (GrWindow *self,
                                      double    fraction);
gboolean    gr_window_presentation_ready (GrWindow *self);
GrSwipeLayer *gr_window_get_swipe_layer (GrWindow *self);
GrPresentation *gr_window_get_presentation (GrWindow *self);
gboolean    gr_window_export_map (GrWindow   *self,
                                  const char *path,
                                  double      dpi,
                                  GError    **error);
gboolean    gr_window_export_report (GrWindow          *self,
                                     const char        *path,
                                     const char *const *scenarios,
                                     GrPaper            paper,
                                     gboolean           portrait,
                                     GError           **error);

G_END_DECLS
