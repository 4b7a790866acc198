/* gr-window-fixture.h — what the window tests share */
#pragma once

#include "gr-window-private.h"

extern GrApplication *app;

/* Each test has a window of its own on the sample city, and a folder
 * for the files it writes. */
typedef struct
{
  GrWindow *window;
  char     *dir;
} Fixture;

typedef struct
{
  guint8 r, g, b;
} Pixel;

void           spin (guint ms);
void           wait_idle (GrWindow *window);
void           fixture_set_up (Fixture *f, gconstpointer data);
void           remove_dir (const char *dir);
void           fixture_tear_down (Fixture *f, gconstpointer data);
void           wait_for_frame (GrWindow *window);
GtkWidget     *contents (GrWindow *window);
GskRenderNode *snapshot_contents (GrWindow *window, GdkPaintable *paintable, int w, int h);
GdkTexture    *render (GrWindow *window, const char *name);
GdkTexture    *render_widget (GrWindow *window, GtkWidget *widget, const char *name);
Pixel          pixel_at (GdkTexture *texture, double x, double y);
gboolean       find_cell (GrAnalysis *analysis, GrCellKind kind, double *x, double *y);
void           window_point (GrWindow *window, double x, double y, double *wx, double *wy);
void           look_at (GrWindow *window, double x, double y, double zoom);
Pixel          pixel_of_cell (GrWindow *window, const char *shot, double x, double y);
GtkLabel      *find_label (GtkWidget *widget, const char *text);
guint          count_labels (GtkWidget *widget, const char *text);
gboolean       is_blind_spot_color (Pixel p);
guint          count_map_pixels (GdkTexture *texture, GrWindow *window, Pixel rgb, int tolerance);

void       pointer_move (GtkWidget *widget, double x, double y);
void       pointer_click (GtkWidget *widget, double x, double y, guint n);
void       pointer_drag (GtkWidget *widget, double x, double y, double dx, double dy, guint steps);
void       key_press (const char *key);
void       xdotool_button (guint button);
void       map_point (GrWindow *window, double x, double y, double *mx, double *my);
GrFeature *largest_feature (GrWindow *window, GrRole role, double *x, double *y);
