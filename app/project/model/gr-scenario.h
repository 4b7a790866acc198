/* gr-scenario.h — what-if edits over the baseline, and scenarios of them
 *
 * The baseline is the imported data and is never changed. A scenario is a
 * named, ordered list of edits over it, with a position: the edits before
 * the position are in force, those after it can be redone. Candidate parks
 * added by a scenario are park features numbered after the baseline's.
 *
 * Scenarios come with their rules (gr-candidate-rules.h) and their live
 * editor (gr-editor.h): this header brings both.
 */
#pragma once

#include "gr-edit.h"
#include "gr-evaluate.h"

G_BEGIN_DECLS

typedef struct
{
  gint64     id; /* in the project file; 0 before it is stored */
  char      *name;
  GPtrArray *edits;    /* GrEdit, in order */
  guint      position; /* edits[0 .. position) are in force */
  /* Edits the project file holds that no longer fit the data (their
   * feature was deleted or replaced in the meantime): one sentence each,
   * naming the scenario, the edit and why. They are not in @edits. */
  GPtrArray *left_out;
  gboolean   stale;      /* the file's rows differ from @edits: rewritten at the next change */
  gint64     version;    /* the changes stored when it was read, see gr-scenario-store.h */
  char      *changed_by; /* who made the last of them (user@host), or NULL */
} GrScenario;

GrScenario *gr_scenario_new (const char *name);
GrScenario *gr_scenario_copy (const GrScenario *scenario, const char *name);
void        gr_scenario_free (GrScenario *scenario);
guint       gr_scenario_next_candidate (const GrScenario *scenario, GrProject *baseline);
gboolean    gr_scenario_check_edit (const GrScenario *scenario,
                                    GrProject        *baseline,
                                    const GrEdit     *edit,
                                    GError          **error);
void        gr_scenario_push (GrScenario *scenario, GrEdit *edit);
const char *gr_scenario_get_feature_name (const GrScenario *scenario,
                                          GrProject        *baseline,
                                          GrFeatureKey      key,
                                          guint             before);
const char *gr_scenario_get_feature_class (const GrScenario *scenario,
                                           GrProject        *baseline,
                                           GrFeatureKey      key,
                                           guint             before);
char       *gr_scenario_describe_edit (const GrScenario *scenario, GrProject *baseline, guint i);
void        gr_scenario_shift_candidates (GrScenario *scenario, guint from, int by);
gboolean gr_scenario_edits_baseline (const GrScenario *scenario, GrProject *baseline, GrRole role);
GrProject *gr_scenario_apply (const GrScenario *scenario, GrProject *baseline);
GrProject *gr_scenario_view (const GrScenario *scenario, GrProject *baseline, GrProject *view);

OGRGeometryH
gr_scenario_get_geometry (const GrScenario *scenario, GrProject *baseline, GrFeatureKey key);
GArray *gr_scenario_get_touched (const GrScenario *scenario);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrScenario, gr_scenario_free)

G_END_DECLS

#include "gr-candidate-rules.h"
#include "gr-editor.h"
