/* gr-life-circle.h — life circles of GB 50180-2018 and their public green */
#pragma once

#include "gr-evaluate.h"

G_BEGIN_DECLS

/* GB 50180-2018 (城市居住区规划设计标准), Table 4.0.4, 公共绿地控制指标:
 * a 15-minute life circle has at least 2.0 m² of public green a resident;
 * a 10-minute circle a residential-area park (居住区公园) of at least
 * 1.0 ha (and 1.0 m² a resident). */
#define GR_LIFE_CIRCLE_15_GREEN_M2 2.0
#define GR_LIFE_CIRCLE_10_PARK_M2  10000.0

typedef enum
{
  GR_LIFE_CIRCLE_UNKNOWN, /* no level given: both checks apply */
  GR_LIFE_CIRCLE_5,
  GR_LIFE_CIRCLE_10,
  GR_LIFE_CIRCLE_15,
} GrLifeCircleLevel;

typedef struct
{
  char             *name;
  GrLifeCircleLevel level;
  double            residents;
  double            green_m2;        /* park green inside the circle */
  double            per_capita;      /* m² a resident; NAN without residents */
  double            largest_park_m2; /* the largest park's part inside the circle */
  gboolean          green_ok;        /* ≥ 2.0 m² a resident (15-minute circles) */
  gboolean          park_ok;         /* a park of ≥ 1 ha (10-minute circles) */
} GrLifeCircle;

GrLifeCircleLevel gr_life_circle_level_from_text (const char *text);
gboolean          gr_life_circle_checks_green (GrLifeCircleLevel level);
gboolean          gr_life_circle_checks_park (GrLifeCircleLevel level);
GArray *
gr_life_circles_measure (GrProject *project, GrAnalysis *analysis, int zone, GrRole *source);

G_END_DECLS
