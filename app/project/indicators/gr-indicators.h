/* gr-indicators.h — the park-city indicators a bureau reports, against
 * the targets of the cities' plans and the national standards */
#pragma once

#include "gr-evaluate.h"
#include "gr-indicator-table.h"
#include "gr-life-circle.h"
#include "gr-park-class.h"
#include "gr-targets-store.h"

G_BEGIN_DECLS

typedef struct
{
  GrIndicatorId id;
  double        value;   /* NAN when an input is missing */
  char         *missing; /* what is missing, in words; NULL when computed */
  gboolean      has_target;
  double        target;
  gboolean      strict; /* value must exceed the target, not only reach it */
  gboolean      pass;
  double        gap;      /* target − value when short, in the indicator's unit; else 0 */
  char         *gap_text; /* the gap in words, with what it means in land; NULL when met */
} GrIndicator;

typedef struct
{
  guint  counts[GR_N_PARK_CLASSES];
  double areas[GR_N_PARK_CLASSES]; /* m² */
  guint  disaster;                 /* parks with the disaster-prevention role */
  double disaster_area;
  guint  pocket; /* street gardens that are pocket parks (400–10,000 m²) */
  double pocket_area;
} GrParkInventory;

typedef struct
{
  GrTargetSet     targets;
  GrIndicator     items[GR_N_INDICATORS];
  GrParkInventory inventory;
  double          population;   /* residents counted */
  double          park_area;    /* park green area counted, m² */
  gboolean        builtup;      /* parks counted inside the built-up boundary only */
  char           *system_check; /* the park system's shortfalls in words; NULL when complete */
  GArray         *circles;      /* GrLifeCircle, or NULL without life circles or zones */
  GrRole          circles_from; /* GR_ROLE_LIFECIRCLES, or GR_ROLE_ZONES standing in */
  double          children;     /* residents aged 0–14 counted, NAN when unknown */
  double          elderly;      /* … aged 60 and over */
} GrIndicators;

gboolean gr_park_is_disaster_refuge (const GrFeature *feature);

void gr_indicators_compute (GrIndicators *indicators,
                            GrProject    *project,
                            GrAnalysis   *analysis,
                            int           zone,
                            GrTargetSet   targets);
void gr_indicators_compute_with (GrIndicators   *indicators,
                                 GrProject      *project,
                                 GrAnalysis     *analysis,
                                 int             zone,
                                 GrTargetSet     set,
                                 const GrTarget *targets);
void gr_indicators_update_coverage (GrIndicators   *indicators,
                                    GrAnalysis     *analysis,
                                    int             zone,
                                    const GrTarget *targets);
void gr_indicators_clear (GrIndicators *indicators);

G_END_DECLS
