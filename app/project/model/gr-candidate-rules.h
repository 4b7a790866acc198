/* gr-candidate-rules.h — the checks on a proposed park (pocket-park size,
 * review, disclosure, what it covers) and the 占补平衡 balance of green
 * land taken and replaced
 */
#pragma once

#include "gr-scenario.h"

G_BEGIN_DECLS

typedef enum
{
  GR_FLAG_EXPERT_REVIEW = 1 << 0,     /* ≥ 5,000 m² */
  GR_FLAG_PUBLIC_DISCLOSURE = 1 << 1, /* ≥ 100,000 m² */
  GR_FLAG_NOT_POCKET_PARK = 1 << 2,   /* outside 400–10,000 m² */
  GR_FLAG_OVER_BUILDINGS = 1 << 3,
  GR_FLAG_OVER_WATER = 1 << 4,
} GrCandidateFlags;

GrCandidateFlags gr_candidate_flags (GrProject *baseline, OGRGeometryH geometry, const char *klass);
char            *gr_candidate_flags_describe (GrCandidateFlags flags);

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

void gr_scenario_balance (const GrScenario *scenario,
                          GrProject        *baseline,
                          double            nearby,
                          GrBalance        *balance);

GPtrArray *
gr_scenario_candidate_parks (const GrScenario *scenario, GrProject *baseline, GrProject *applied);
GArray *gr_scenario_suggested_parks (const GrScenario *scenario,
                                     GrProject        *baseline,
                                     GPtrArray        *candidates);

OGRGeometryH gr_pocket_park_new (double x, double y, double area_m2, gboolean circle);

G_END_DECLS
