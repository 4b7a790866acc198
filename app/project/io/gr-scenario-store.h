/* gr-scenario-store.h — scenarios and their edits in the project file
 *
 * Each change is one transaction, written as it happens: on the project's
 * GeoPackage (SQLite in WAL mode) a crash loses at most the change being
 * made, never the file or the history before it; in a project shared in
 * a database, several analysts change scenarios at once, and a change
 * made over a version of a scenario someone else has changed since is
 * refused (%GR_PROJECT_ERROR_CONFLICT), never lost.
 */
#pragma once

#include "gr-scenario.h"

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _GrScenarioStore GrScenarioStore;

typedef enum
{
  GR_SCENARIO_STORE_READ,  /* nothing is written: a read-only file can be read */
  GR_SCENARIO_STORE_WRITE, /* the tables are created; a read-only file is refused */
} GrScenarioStoreMode;

GrScenarioStore *gr_scenario_store_open (const char         *path,
                                         GrProject          *baseline,
                                         GrScenarioStoreMode mode,
                                         GError            **error);
gboolean         gr_scenario_store_is_read_only (GrScenarioStore *store);
gboolean         gr_scenario_store_is_shared (GrScenarioStore *store);
void             gr_scenario_store_close (GrScenarioStore *store);
GPtrArray       *gr_scenario_store_load (GrScenarioStore *store, GError **error);
GrScenario      *gr_scenario_store_find (GrScenarioStore *store, const char *name, GError **error);
gboolean gr_scenario_store_add (GrScenarioStore *store, GrScenario *scenario, GError **error);
gboolean gr_scenario_store_rename (GrScenarioStore *store,
                                   GrScenario      *scenario,
                                   const char      *name,
                                   GError         **error);
gboolean gr_scenario_store_delete (GrScenarioStore *store, GrScenario *scenario, GError **error);
gboolean
gr_scenario_store_push (GrScenarioStore *store, GrScenario *scenario, GrEdit *edit, GError **error);
gboolean gr_scenario_store_set_position (GrScenarioStore *store,
                                         GrScenario      *scenario,
                                         guint            position,
                                         GError         **error);

gboolean
gr_scenario_store_set_editing (GrScenarioStore *store, GrScenario *scenario, GError **error);
GHashTable *gr_scenario_store_get_editors (GrScenarioStore *store, GError **error);
char       *gr_scenario_store_get_state (GrScenarioStore *store, GError **error);
char       *gr_scenarios_get_state (GPtrArray *scenarios);

/* A look at a shared project: who edits which scenario (as
 * gr_scenario_store_get_editors()), and the state of its scenarios (as
 * gr_scenario_store_get_state()). */
typedef struct
{
  GHashTable *editors;
  char       *state;
} GrSharePeek;

void         gr_share_peek_free (GrSharePeek *peek);
void         gr_scenario_store_peek_async (GrScenarioStore    *store,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            data,
                                           guint               tag);
GrSharePeek *gr_scenario_store_peek_finish (GAsyncResult *result, guint *tag, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrSharePeek, gr_share_peek_free)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrScenarioStore, gr_scenario_store_close)

G_END_DECLS
