/* gr-session.c — what the window has open */
#include "config.h"

#include "gr-session.h"

#include "gr-import.h"

struct _GrSession
{
  char       *path;
  GrProject  *project;
  GrDisplay  *display;
  GrAnalysis *analysis;
};

/**
 * gr_session_open:
 * @path: a project (.gpkg) or an OSM extract
 *
 * Reads (or imports) and prepares the display geometry. Blocking: the
 * window calls it from a worker thread.
 */
GrSession *
gr_session_open (const char   *path,
                 GCancellable *cancellable,
                 GError      **error)
{
  g_autoptr (GrSession) session = g_new0 (GrSession, 1);
  GrImportOptions options = { .cancellable = cancellable };

  session->path = g_strdup (path);
  if (gr_path_is_osm (path))
    session->project = gr_project_import (path, NULL, &options, error);
  else
    session->project = gr_project_load (path, error);
  if (session->project == NULL)
    return NULL;
  session->display = gr_display_new (session->project, error);
  if (session->display == NULL)
    return NULL;
  return g_steal_pointer (&session);
}

void
gr_session_free (GrSession *session)
{
  if (session == NULL)
    return;
  g_free (session->path);
  gr_analysis_free (session->analysis);
  gr_display_free (session->display);
  gr_project_free (session->project);
  g_free (session);
}

/**
 * gr_session_set_analysis:
 * @analysis: (transfer full): built from this session's project, perhaps on
 *   another thread; the previous analysis is freed
 */
void
gr_session_set_analysis (GrSession  *session,
                         GrAnalysis *analysis)
{
  if (session->analysis == analysis)
    return;
  gr_analysis_free (session->analysis);
  session->analysis = analysis;
}

GrProject *
gr_session_get_project (GrSession *session)
{
  return session->project;
}

GrDisplay *
gr_session_get_display (GrSession *session)
{
  return session->display;
}

GrAnalysis *
gr_session_get_analysis (GrSession *session)
{
  return session->analysis;
}

const char *
gr_session_get_path (GrSession *session)
{
  return session->path;
}
