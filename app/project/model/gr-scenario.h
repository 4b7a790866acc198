/* gr-scenario.h — what-if edits over the baseline, and scenarios of them
 *
 * The baseline is the imported data and is never changed. A scenario is a
 * named, ordered list of edits over it, with a position: the edits before
 * the position are in force, those after it can be redone. Candidate parks
 * added by a scenario are park features numbered after the baseline's.
 */
#pragma once

#include "gr-evaluate.h"

G_BEGIN_DECLS

typedef enum
{
  GR_EDIT_ADD,     /* a candidate park */
  GR_EDIT_RESHAPE, /* a new outline: moved, reshaped, reduced */
  GR_EDIT_REMOVE,
  GR_EDIT_RENAME,  /* name and class */
} GrEditKind;

typedef struct
{
  GrRole role;  /* GR_ROLE_PARK or GR_ROLE_GREEN */
  guint  index; /* in the baseline layer; candidates follow the baseline parks */
} GrFeatureKey;

typedef struct
{
  GrEditKind   kind;
  GrFeatureKey target;
  OGRGeometryH geometry; /* ADD, RESHAPE: analysis CRS */
  char        *name;     /* ADD, RENAME */
  char        *klass;    /* ADD, RENAME: class text, e.g. "G14 口袋公园" */
} GrEdit;

typedef struct
{
  gint64     id;       /* in the project file; 0 before it is stored */
  char      *name;
  GPtrArray *edits;    /* GrEdit, in order */
  guint      position; /* edits[0 .. position) are in force */
} GrScenario;

GrEdit      *gr_edit_new             (GrEditKind   kind,
                                      GrRole       role,
                                      guint        index,
                                      OGRGeometryH geometry);
GrEdit      *gr_edit_copy            (const GrEdit *edit);
void         gr_edit_free            (GrEdit *edit);
const char  *gr_edit_kind_to_string  (GrEditKind kind);
gboolean     gr_edit_kind_from_string (const char *text,
                                       GrEditKind *kind);
char        *gr_edit_describe        (const GrEdit *edit);

GrScenario  *gr_scenario_new         (const char *name);
GrScenario  *gr_scenario_copy        (const GrScenario *scenario,
                                      const char       *name);
void         gr_scenario_free        (GrScenario *scenario);
guint        gr_scenario_next_candidate (const GrScenario *scenario,
                                         GrProject        *baseline);
gboolean     gr_scenario_check_edit  (const GrScenario *scenario,
                                      GrProject        *baseline,
                                      const GrEdit     *edit,
                                      GError          **error);
void         gr_scenario_push        (GrScenario *scenario,
                                      GrEdit     *edit);
GrProject   *gr_scenario_apply       (const GrScenario *scenario,
                                      GrProject        *baseline);
GrProject   *gr_scenario_view        (const GrScenario *scenario,
                                      GrProject        *baseline,
                                      GrProject        *view);

OGRGeometryH gr_scenario_get_geometry (const GrScenario *scenario,
                                       GrProject        *baseline,
                                       GrFeatureKey      key);
GArray      *gr_scenario_get_touched  (const GrScenario *scenario);

typedef enum
{
  GR_FLAG_EXPERT_REVIEW = 1 << 0,     /* ≥ 5,000 m² */
  GR_FLAG_PUBLIC_DISCLOSURE = 1 << 1, /* ≥ 100,000 m² */
  GR_FLAG_NOT_POCKET_PARK = 1 << 2,   /* outside 400–10,000 m² */
  GR_FLAG_OVER_BUILDINGS = 1 << 3,
  GR_FLAG_OVER_WATER = 1 << 4,
} GrCandidateFlags;

GrCandidateFlags gr_candidate_flags   (GrProject    *baseline,
                                       OGRGeometryH  geometry);
char        *gr_candidate_flags_describe (GrCandidateFlags flags);

/* 占补平衡: within this distance, new green replaces green taken. The
 * plans say "nearby" without a figure: a 15-minute walk's kilometre. */
#define GR_COMPENSATION_DISTANCE 1000.0

typedef struct
{
  double taken_m2;       /* green land removed or cut off */
  double added_m2;       /* green land added anywhere */
  double compensated_m2; /* … of it within the compensation distance of land taken */
  double outstanding_m2; /* still to be replaced nearby */
} GrBalance;

void         gr_scenario_balance     (const GrScenario *scenario,
                                      GrProject        *baseline,
                                      double            nearby,
                                      GrBalance        *balance);

OGRGeometryH gr_pocket_park_new      (double   x,
                                      double   y,
                                      double   area_m2,
                                      gboolean circle);

/* Live editing: a baseline's analysis kept in step with a scenario. */
typedef struct _GrEditor GrEditor;

GrEditor    *gr_editor_new           (GrProject  *baseline,
                                      GrAnalysis *analysis,
                                      GArray     *supply_refs);
void         gr_editor_free          (GrEditor *editor);
void         gr_editor_sync          (GrEditor         *editor,
                                      const GrScenario *scenario,
                                      double            changed[4]);
void         gr_editor_preview       (GrEditor        *editor,
                                      GrFeatureKey     key,
                                      OGRGeometryH     geometry,
                                      double           changed[4]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrEdit, gr_edit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrScenario, gr_scenario_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrEditor, gr_editor_free)

G_END_DECLS
