/* gr-session.h — what the window has open: the project, its display
 * geometry and its live analysis */
#pragma once

#include "gr-display.h"
#include "gr-evaluate.h"

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _GrSession GrSession;

GrSession *
gr_session_open (const char *path, GPtrArray *sources, GCancellable *cancellable, GError **error);
void             gr_session_open_async (const char         *path,
                                        GPtrArray          *sources,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
GrSession       *gr_session_open_finish (GAsyncResult *result, GError **error);
void             gr_session_free (GrSession *session);
void             gr_session_set_analysis (GrSession *session, GrAnalysis *analysis);
GrAnalysis      *gr_session_steal_analysis (GrSession *session);
GrProject       *gr_session_get_project (GrSession *session);
GrDisplay       *gr_session_get_display (GrSession *session);
GrAnalysis      *gr_session_get_analysis (GrSession *session);
const char      *gr_session_get_path (GrSession *session);
GPtrArray       *gr_session_get_sources (GrSession *session);
void             gr_session_set_path (GrSession *session, const char *path);
const GrPolygon *gr_session_get_shape (GrSession *session, GrRole role, guint index);
double gr_session_nearest (GrSession *session, GrRole role, double x, double y, guint *index);
double gr_session_nearest_of_size (GrSession *session,
                                   GrRole     role,
                                   double     x,
                                   double     y,
                                   double     min_area,
                                   guint     *index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrSession, gr_session_free)

G_END_DECLS
