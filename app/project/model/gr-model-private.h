/* gr-model-private.h — what the files of model/ share: the layers' and the
 * edits' internals
 */
#pragma once

#include "gr-scenario.h"

G_BEGIN_DECLS

void _gr_layer_free (GrLayer *layer);

/* Per touched feature, what the edits in force make of it. */
typedef struct
{
  const GrEdit *shape; /* the edit that gave the outline; NULL: the baseline's */
  const GrEdit *label; /* the edit that gave name and class */
  gboolean      removed;
  gboolean      candidate;
} KeyState;

gint64      _gr_edit_get_serial (const GrEdit *edit);
guint       _gr_feature_key_hash (gconstpointer key);
gboolean    _gr_feature_key_equal (gconstpointer a, gconstpointer b);
guint       _gr_scenario_n_baseline (GrProject *baseline, GrRole role);
GHashTable *_gr_scenario_key_states (const GrScenario *scenario);

G_END_DECLS
