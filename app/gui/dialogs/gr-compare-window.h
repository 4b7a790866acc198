/* gr-compare-window.h — two options and the baseline side by side */
#pragma once

#include <adwaita.h>

#include "gr-compare.h"

G_BEGIN_DECLS

#define GR_TYPE_COMPARE_WINDOW (gr_compare_window_get_type ())
G_DECLARE_FINAL_TYPE (GrCompareWindow, gr_compare_window, GR, COMPARE_WINDOW, AdwWindow)

GtkWidget *gr_compare_window_new (GtkWindow *parent, GrComparison *comparison);

G_END_DECLS
