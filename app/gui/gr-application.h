/* gr-application.h — the Greenreach desktop application */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GR_TYPE_APPLICATION (gr_application_get_type ())
G_DECLARE_FINAL_TYPE (GrApplication, gr_application, GR, APPLICATION, AdwApplication)

GrApplication *gr_application_new (void);

G_END_DECLS
