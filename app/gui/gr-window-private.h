/* gr-window-private.h — the map window's state, shared by its parts
 *
 * gr-window.c keeps the window's life cycle, the session shown and the
 * busy state; each gr-window-*.c file one concern of it (layers,
 * indicators, jobs, choosers and drops, the map, scenarios, edits, tools,
 * comparison, export, presentation, actions). The second half of this
 * header is what the tests and benchmarks drive the window through.
 */
#pragma once

#include "gr-window.h"

#include "gr-base-map.h"
#include "gr-compare-dialog.h"
#include "gr-compare-window.h"
#include "gr-corridor.h"
#include "gr-export-map-dialog.h"
#include "gr-export-report-dialog.h"
#include "gr-coverage-panel.h"
#include "gr-feature-popover.h"
#include "gr-history-panel.h"
#include "gr-indicator-panel.h"
#include "gr-scenario-item.h"
#include "gr-site-ranker.h"
#include "gr-suggest-panel.h"
#include "gr-coverage-layer.h"
#include "gr-label-layer.h"
#include "gr-indicators.h"
#include "gr-layer-item.h"
#include "gr-layer-panel.h"
#include "gr-name-dialog.h"
#include "gr-park-popover.h"
#include "gr-mbtiles-source.h"
#include "gr-presentation.h"
#include "gr-report.h"
#include "gr-reimport.h"
#include "gr-import-dialog.h"
#include "gr-runtime.h"
#include "gr-pg.h"
#include "gr-scenario-store.h"
#include "gr-settings.h"
#include "gr-sketch-layer.h"
#include "gr-swatch.h"
#include "gr-swipe-layer.h"
#include "gr-targets-dialog.h"
#include "gr-vector-layer.h"
#include "gr-walk.h"
#include "gr-zone-item.h"
#include "gr-zone-table.h"

G_BEGIN_DECLS

/* What a press on the map does. Pan is the default: a drag pans, a click
 * identifies; only a tool chosen on purpose edits. */
typedef enum
{
  GR_MAP_TOOL_PAN,
  GR_MAP_TOOL_MOVE,    /* drag a candidate park (or, unlocked, a baseline feature) */
  GR_MAP_TOOL_RESHAPE, /* drag, add (double click on an edge) and remove corners */
  GR_MAP_TOOL_ADD,     /* a click drops a pocket park */
  GR_MAP_TOOL_DRAW,    /* clicks place corners; double click or Enter closes */
  GR_MAP_TOOL_MEASURE, /* clicks place points; a double click closes an area */
  GR_N_MAP_TOOLS
} GrMapTool;

/* Pixels the pointer moves before a press is a drag: a click's jitter
 * neither edits nor pans, and the end of a drag is no click. */
#define GR_WINDOW_DRAG_THRESHOLD 4.0

/* An import under way or done (gr-window-import.c). */
typedef struct _GrImportStep GrImportStep;

struct _GrWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toasts;
  AdwWindowTitle  *window_title;
  GtkDropDown     *mode_dropdown;
  GtkOverlay      *map_overlay;
  GrLayerPanel    *layer_panel;
  ShumateMap      *map;
  GrCoveragePanel *coverage_panel;
  GrZoneTable     *zone_table;
  GtkLabel        *cursor_label;
  GtkProgressBar  *progress;
  GtkButton       *cancel_button;

  GrSession       *session;
  GrCriteria       criteria;
  GCancellable    *cancellable;
  guint            pulse_id;
  guint            style_id; /* the layer style written a moment after a change */
  gboolean         busy;
  char            *error;
  char            *reimport_notes;  /* what the last import again changed */
  GrImportDialog  *import_dialog;   /* the one open, weak */
  char            *last_connection; /* the last database table read, without its password */
  GrVectorLayer   *vectors;
  GrCoverageLayer *coverage;
  GrLabelLayer    *labels;      /* names over the blind spots */
  GPtrArray       *base_layers; /* ShumateMapLayer, owned by the map */
  ShumateLicense  *license;
  ShumateScale    *map_scale;
  char            *base_map_error;
  GtkLabel        *base_map_notice;
  GtkLabel        *measure_label;
  char            *selection_text; /* what the last click described */

  /* What-if editing */
  GtkDropDown      *scenario_dropdown;
  GrMapTool         tool;
  gboolean          edit_baseline;        /* baseline features may be moved, reshaped, removed */
  GrEdit           *pending;              /* the first edit, kept while the project is saved */
  GtkPopover       *identify;             /* the feature popover shown, weak */
  GrImportStep     *importing;            /* the import (or its undo) being read */
  GrImportStep     *import_done;          /* the last import, until it is undone */
  gboolean          keep_view;            /* the next session shown keeps the map's view */
  double            press_x, press_y;     /* where the last press on the map was */
  double            pointer_x, pointer_y; /* where the pointer is over the map */
  gboolean          pointer_inside;       /* … if it is */
  guint             status_id;            /* the status bar said again once the view rests */
  GArray           *draft;   /* double x, y: corners of a park being drawn, analysis CRS */
  GArray           *measure; /* double x, y: the measure tool's points, analysis CRS */
  gboolean          measure_closed;
  char             *measure_text;
  GrParkPopover    *park_popover;
  GrHistoryPanel   *history;
  GtkWidget        *edits_pane; /* the history's pane, shown with a scenario */
  GtkWidget        *edits_hint;
  GListStore       *scenario_items; /* GrScenarioItem: the baseline, then each scenario */
  GtkLabel         *balance_label;
  GrIndicatorPanel *indicator_panel;
  GrIndicators      shown;      /* what the indicators panel shows */
  GArray           *priorities; /* GrPriorityArea of the analysis shown, by rank */
  GrTarget          shown_targets[GR_N_INDICATORS];
  int               shown_scope;
  guint             live_text_id;
  gint64            live_text_time;
  GArray           *refs; /* GrSupplyRef of the analysis */
  GrEditor         *editor;
  GrScenarioStore  *store;            /* NULL until the project is a saved file */
  GPtrArray        *scenarios;        /* GrScenario */
  GrScenario       *current;          /* one of scenarios, or NULL for the baseline */
  GrScenario       *empty;            /* the baseline as a scenario without edits */
  guint             share_id;         /* polls a shared project for others' changes */
  guint             reload_id;        /* reads the scenarios again after a refused change */
  gboolean          share_lost;       /* the database could not be asked: said once */
  gboolean          peeking;          /* a look at the shared project is under way */
  guint             share_generation; /* which shared project a look was at */
  GrTarget          own_targets[GR_N_INDICATORS]; /* a shared project's, read once */
  char             *own_targets_path;             /* where they were read; NULL: not read */
  GrSummary         baseline_summary;
  GArray           *zone_baselines; /* GrSummary per zone, before the scenario */
  /* The other distance mode's analysis, kept so that switching back is
   * instant; brought up to date by its editor when it is shown again. */
  GrAnalysis    *other_analysis;
  GArray        *other_refs;
  GrEditor      *other_editor;
  GrSummary      other_baseline_summary;
  GArray        *other_zone_baselines;
  GArray        *other_priorities;       /* its priority areas when it was shown, for… */
  int            other_priorities_scope; /* …this scope */
  GArray        *kept_priorities;        /* the shown analysis's, still right after a swap */
  GrSummary      summary;
  GrSketchLayer *sketch;
  gboolean       has_selection;
  GrFeatureKey   selection;
  gboolean       filling; /* the scenario list is being refilled */
  gboolean       dragging;
  GrFeatureKey   drag_key;
  OGRGeometryH   drag_start;
  OGRGeometryH   drag_now;
  double         drag_x, drag_y; /* where the drag began, analysis CRS */
  gboolean       drag_vertex;    /* a vertex of the selection, not the whole */
  gboolean       drag_moved;     /* past the drag threshold: a click is not a move */
  int            drag_part, drag_ring, drag_point;
  GrComparison  *comparison;        /* shown on the map while its window is open */
  GtkWidget     *comparison_window; /* weak */
  double         compare_bounds[4]; /* what the compared options change, analysis CRS */
  /* Presentation mode */
  gboolean        presenting;
  double          view_before_presenting[3]; /* latitude, longitude, zoom */
  GrPresentation *presentation;
  GrSwipeLayer   *swipe;
  GrAnalysis     *baseline_analysis; /* for the swipe, the flash and the cards' changes */
  GCancellable   *baseline_cancellable;
  double          baseline_values[GR_N_INDICATORS];
  guint           flash_id;
  gboolean        flash_on;
  double          handle_start;
  /* Site suggestion (gr-window-suggest.c) */
  GtkStack        *side_stack;
  GrSuggestPanel  *suggest_panel;
  GrSiteRanker    *ranker;      /* prepared against the analysis shown, or NULL */
  GrSiteSuggestion suggestion;  /* its last ranking */
  gboolean         measuring;   /* the candidates are measured in a thread */
  guint            highlighted; /* the site shown with its reach, from 1 */
};

/* A corner of an outline: polygon of a multipolygon (0 for a polygon),
 * ring, vertex. */
typedef struct
{
  int part, ring, point;
} Vertex;

typedef enum
{
  VERTEX_MOVE,
  VERTEX_INSERT, /* before the vertex */
  VERTEX_REMOVE,
} VertexOp;

/* What a scenario name is asked for. */
typedef enum
{
  NAME_NEW,
  NAME_DUPLICATE,
  NAME_RENAME,
} NamePurpose;

void     _gr_window_class_init_actions (GtkWidgetClass *widget_class);
gboolean _gr_window_is_gone (GrWindow *self);

/* gr-window.c */
void _gr_window_update_actions (GrWindow *self);
void _gr_window_set_busy (GrWindow *self, const char *what);
void _gr_window_show_error (GrWindow *self, const char *heading, const GError *error);

/* gr-window-layers.c */
void _gr_window_fill_layers (GrWindow *self, GrProject *project);
void _gr_window_build_layer_panel (GrWindow *self);

/* gr-window-indicators.c */
void    _gr_window_update_indicators (GrWindow *self);
GArray *_gr_window_summarize_zones (GrWindow *self, GrAnalysis *analysis);
void    _gr_window_on_scope_changed (GrWindow *self);
void    _gr_window_update_zone_table (GrWindow *self, GrAnalysis *analysis);
void    _gr_window_refresh_targets (GrWindow *self);
void    _gr_window_update_targets_live (GrWindow *self);
void _gr_window_edit_targets_activated (GtkWidget *widget, const char *action, GVariant *parameter);

/* gr-window.c */
void     _gr_window_zoom_to_project (GrWindow *self);
void     _gr_window_go_to_priority (GrWindow *self, guint rank);
void     _gr_window_zoom_to_lonlat (GrWindow *self, const double bounds[4]);
void     _gr_window_show_analysis (GrWindow *self, GrAnalysis *analysis, GArray *refs);
void     _gr_window_drop_other_mode (GrWindow *self);
int      _gr_window_scope (GrWindow *self);
gboolean _gr_window_swap_mode (GrWindow *self);
void
_gr_window_show_session (GrWindow *self, GrSession *session, GrAnalysis *analysis, GArray *refs);

/* gr-window-jobs.c */
void _gr_window_reanalyze (GrWindow *self);
void _gr_window_reopen (GrWindow *self, const char *path, GPtrArray *sources);
void _gr_window_on_mode_changed (GrWindow *self);

/* gr-window-dnd.c */
char *_gr_window_chosen_path (GtkNativeDialog *dialog, int response);
void  _gr_window_open_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void  _gr_window_import_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void  _gr_window_refresh_status (GrWindow *self);
void
_gr_window_import_database_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void
_gr_window_open_database_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void
_gr_window_save_database_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void _gr_window_reimport_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void _gr_window_ask_role (GrWindow *self, const char *path);
gboolean
_gr_window_on_drop (GtkDropTarget *target, const GValue *value, double x, double y, GrWindow *self);

/* gr-window-import.c */
void     _gr_import_step_free (GrImportStep *step);
void     _gr_window_ask_import (GrWindow *self, const GrSource *source);
gboolean _gr_window_import_opened (GrWindow *self, GrSession *session);
void     _gr_window_import_shown (GrWindow *self);
void     _gr_window_import_failed (GrWindow *self);
void _gr_window_undo_import_activated (GtkWidget *widget, const char *action, GVariant *parameter);

/* gr-window-map.c */
void _gr_window_on_motion (GtkEventControllerMotion *motion, double x, double y, GrWindow *self);
void
_gr_window_describe_served (GrWindow *self, GString *text, GrRole role, const GrPolygon *shape);
void
_gr_window_on_click (GtkGestureClick *gesture, int n_press, double x, double y, GrWindow *self);
void        _gr_window_apply_base_map (GrWindow *self);
void        _gr_window_keep_style (GrWindow *self, gboolean now);
void        _gr_window_on_progress (double fraction, const char *what, gpointer data);
void        _gr_window_load_style (GrWindow *self);
const char *_gr_window_get_project_path (GrWindow *self);
void        _gr_window_setup_map (GrWindow *self);

/* gr-window-scenarios.c */
GrProject *_gr_window_baseline_project (GrWindow *self);
void       _gr_window_grow_by_reach (GrWindow *self, double bounds[4]);
guint      _gr_window_n_baseline_parks (GrWindow *self);
gboolean _gr_window_widget_to_analysis (GrWindow *self, double wx, double wy, double *x, double *y);
gboolean _gr_window_feature_at (GrWindow *self, double x, double y, GrFeatureKey *key);
gboolean _gr_window_edit_target_at (GrWindow *self, double x, double y, GrFeatureKey *key);
gboolean _gr_window_may_edit (GrWindow *self, GrFeatureKey key, gboolean say);
void     _gr_window_refresh_edits (GrWindow *self);
void     _gr_window_after_change (GrWindow *self);
void     _gr_window_fill_scenarios (GrWindow *self);
void     _gr_window_load_scenarios (GrWindow *self);
void     _gr_window_on_scenario_selected (GrWindow *self);
void     _gr_window_save_as_activated (GtkWidget *widget, const char *action, GVariant *parameter);
gboolean _gr_window_ensure_store (GrWindow *self);
void     _gr_window_follow_share (GrWindow *self);
void     _gr_window_forget_targets (GrWindow *self);
void     _gr_window_reload_later (GrWindow *self);
char    *_gr_window_next_scenario_name (GrWindow *self);
void     _gr_window_scenario_activated (GtkWidget *widget, const char *action, GVariant *parameter);

/* gr-window-edit.c */
void    _gr_window_push_or_say (GrWindow *self, GrEdit *edit);
void    _gr_window_apply_pending (GrWindow *self, gboolean saved);
guint   _gr_window_candidate_number (GrWindow *self);
GrEdit *_gr_window_candidate_edit (GrWindow *self, OGRGeometryH geometry, guint number);
void    _gr_window_push_candidate (GrWindow *self, GrEdit *edit, guint number);
char   *_gr_window_what_counts (GrWindow *self, double area);
void    _gr_window_on_history_go_to (GrHistoryPanel *history, guint n_edits, GrWindow *self);

/* gr-window-tools.c */
gboolean _gr_window_to_widget (GrWindow *self, double x, double y, double *wx, double *wy);
gboolean _gr_window_find_vertex (GrWindow *self, OGRGeometryH g, double wx, double wy, Vertex *v);
gboolean _gr_window_find_edge (GrWindow *self, OGRGeometryH g, double wx, double wy, Vertex *v);
OGRGeometryH _gr_window_edit_vertex (OGRGeometryH g, Vertex v, VertexOp op, double x, double y);
gboolean     _gr_window_edit_vertices_at (GrWindow *self, double wx, double wy);

/* gr-window-edit.c */
void  _gr_window_on_drag_begin (GtkGestureDrag *gesture, double wx, double wy, GrWindow *self);
void  _gr_window_on_drag_update (GtkGestureDrag *gesture, double dx, double dy, GrWindow *self);
void  _gr_window_on_drag_end (GtkGestureDrag *gesture, double dx, double dy, GrWindow *self);
char *_gr_window_describe_candidate (GrWindow *self);
void  _gr_window_setup_naming (GrWindow *self, GrFeaturePopover *popover);

/* gr-window-tools.c */
void        _gr_window_build_editing (GrWindow *self);
const char *_gr_window_get_tool_name (GrWindow *self);
gboolean    _gr_window_set_tool_name (GrWindow *self, const char *name);
void        _gr_window_set_tool (GrWindow *self, GrMapTool tool);
void        _gr_window_escape (GrWindow *self);
void
_gr_window_on_press (GtkGestureClick *gesture, int n_press, double x, double y, GrWindow *self);

/* gr-window-suggest.c */
void _gr_window_build_suggest (GrWindow *self);
void _gr_window_suggest_drop (GrWindow *self, const char *why);
void _gr_window_suggest_after_change (GrWindow *self);
void _gr_window_suggest_activated (GtkWidget *widget, const char *action, GVariant *parameter);

/* gr-window-compare.c */
void _gr_window_compare_activated (GtkWidget *widget, const char *action, GVariant *parameter);

/* gr-window-export.c */
void _gr_window_export_map_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void
_gr_window_export_report_activated (GtkWidget *widget, const char *action, GVariant *parameter);

/* gr-window-find.c */
void _gr_window_class_init_find (GtkWidgetClass *widget_class);

/* gr-window-measure.c */
void _gr_window_measure_click (GrWindow *self, int n_press, double x, double y);
void _gr_window_measure_clear (GrWindow *self);

/* gr-window-basemap.c */
void _gr_window_make_basemap_activated (GtkWidget *widget, const char *action, GVariant *parameter);

/* gr-window-present.c */
void _gr_window_add_key (GtkShortcutController *controller,
                         guint                  key,
                         const char            *action,
                         GVariant              *arg);
void _gr_window_drop_baseline (GrWindow *self);
void _gr_window_update_presentation (GrWindow *self);
void _gr_window_build_presentation (GrWindow *self);

/* ---- for the tests and benchmarks ---- */

void             gr_window_set_walking (GrWindow *self, gboolean walking);
GtkWidget       *gr_window_get_map (GrWindow *self);
void             gr_window_set_role_visible (GrWindow *self, GrRole role, gboolean visible);
void             gr_window_move_layer (GrWindow *self, GrRole role, int step);
void             gr_window_click_at (GrWindow *self, double x, double y);
void             gr_window_press_at (GrWindow *self, double x, double y, int n_press);
void             gr_window_set_tool (GrWindow *self, const char *tool);
const char      *gr_window_get_selection_text (GrWindow *self);
const char      *gr_window_hover_at (GrWindow *self, double x, double y);
char            *gr_window_describe_point (GrWindow *self, double x, double y);
GrCoverageLayer *gr_window_get_coverage_layer (GrWindow *self);
gboolean         gr_window_save_as (GrWindow *self, const char *path, GError **error);
gboolean
gr_window_new_scenario (GrWindow *self, const char *name, GrScenario *from, GError **error);
gboolean        gr_window_set_scenario (GrWindow *self, const char *name);
void            gr_window_poll_share (GrWindow *self);
GrScenario     *gr_window_get_scenario (GrWindow *self);
void            gr_window_set_adding (GrWindow *self, gboolean adding);
gboolean        gr_window_push_edit (GrWindow *self, GrEdit *edit, GError **error);
gboolean        gr_window_undo_import (GrWindow *self, GError **error);
void            gr_window_add_park_at (GrWindow *self, double x, double y);
void            gr_window_rename_selection (GrWindow *self, const char *name, const char *klass);
void            gr_window_set_drawing (GrWindow *self, gboolean drawing);
void            gr_window_draw_corner (GrWindow *self, double x, double y);
void            gr_window_finish_drawing (GrWindow *self);
gboolean        gr_window_double_click_at (GrWindow *self, double x, double y);
gboolean        gr_window_drag_begin (GrWindow *self, double x, double y);
void            gr_window_drag_to (GrWindow *self, double x, double y);
void            gr_window_drag_end (GrWindow *self);
void            gr_window_get_summary (GrWindow *self, GrSummary *summary);
GrSketchLayer  *gr_window_get_sketch_layer (GrWindow *self);
void            gr_window_compare (GrWindow *self, GrScenario *a, GrScenario *b);
GrComparison   *gr_window_get_comparison (GrWindow *self);
const char     *gr_window_get_balance_text (GrWindow *self);
const char     *gr_window_get_residents_note (GrWindow *self);
const char     *gr_window_get_reimport_notes (GrWindow *self);
GrImportDialog *gr_window_ask_import_file (GrWindow *self, const char *path);
gboolean        gr_window_get_indicator_row (GrWindow     *self,
                                             GrIndicatorId id,
                                             const char  **value,
                                             const char  **verdict);
void            gr_window_set_targets (GrWindow *self, GrTargetSet set, guint scope);
const char     *gr_window_get_error (GrWindow *self);
const char     *gr_window_get_base_map_error (GrWindow *self);
GListModel     *gr_window_get_layers (GrWindow *self);
GrHistoryPanel *gr_window_get_history (GrWindow *self);
GListModel     *gr_window_get_scenarios (GrWindow *self);
GListModel     *gr_window_get_zones (GrWindow *self);

GrSuggestPanel         *gr_window_get_suggest_panel (GrWindow *self);
const GrSiteSuggestion *gr_window_get_suggestion (GrWindow *self);
gboolean                gr_window_get_measuring (GrWindow *self);
gboolean                gr_window_get_site_cell (GrWindow *self, guint rank, double *x, double *y);

void            gr_window_set_presenting (GrWindow *self, gboolean presenting);
gboolean        gr_window_get_presenting (GrWindow *self);
void            gr_window_set_divider (GrWindow *self, double fraction);
gboolean        gr_window_presentation_ready (GrWindow *self);
GrSwipeLayer   *gr_window_get_swipe_layer (GrWindow *self);
GrPresentation *gr_window_get_presentation (GrWindow *self);
gboolean        gr_window_export_map (GrWindow *self, const char *path, double dpi, GError **error);
gboolean        gr_window_make_basemap (GrWindow *self, int max_zoom, GError **error);
const char     *gr_window_get_measure_text (GrWindow *self);
void            gr_window_show_feature (GrWindow *self, GrRole role, guint index);
struct _GrAttributeTable *gr_window_open_table (GrWindow *self, GrRole role);
gboolean gr_window_go_to (GrWindow *self, const char *text, guint coords, GError **error);
gboolean gr_window_export_report (GrWindow          *self,
                                  const char        *path,
                                  const char *const *scenarios,
                                  GrPaper            paper,
                                  gboolean           portrait,
                                  gboolean           current_view,
                                  GError           **error);

G_END_DECLS
