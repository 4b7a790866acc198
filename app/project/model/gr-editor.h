/* gr-editor.h — live editing: a baseline's analysis kept in step with a
 * scenario
 */
#pragma once

#include "gr-evaluate.h"
#include "gr-scenario.h"

G_BEGIN_DECLS

typedef struct _GrEditor GrEditor;

GrEditor *gr_editor_new (GrProject *baseline, GrAnalysis *analysis, GArray *supply_refs);
void      gr_editor_free (GrEditor *editor);
void      gr_editor_sync (GrEditor *editor, const GrScenario *scenario, double changed[4]);
void
gr_editor_preview (GrEditor *editor, GrFeatureKey key, OGRGeometryH geometry, double changed[4]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrEditor, gr_editor_free)

G_END_DECLS
