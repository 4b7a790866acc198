/* gr-rules.h — what counts as green or park, and how far each one serves */
#pragma once

#include "gr-criteria.h"

#include <glib.h>

G_BEGIN_DECLS

#define GR_ANALYSIS_ERROR (gr_analysis_error_quark ())

typedef enum
{
  GR_ANALYSIS_ERROR_RULES,
  GR_ANALYSIS_ERROR_EMPTY,
  GR_ANALYSIS_ERROR_TOO_LARGE,
  GR_ANALYSIS_ERROR_CRITERIA, /* a criterion out of its range */
} GrAnalysisError;

GQuark gr_analysis_error_quark (void);

/* The service layers every analysis keeps. */
typedef enum
{
  GR_LAYER_GREEN,   /* 300米见绿: green space of at least green_min_area */
  GR_LAYER_PARK,    /* 500米见园: park of at least park_min_area */
  GR_LAYER_SERVICE, /* 公园绿地服务半径: radius from the rule table */
  GR_N_LAYERS
} GrServiceLayer;

typedef struct
{
  double   min_area;      /* m², inclusive */
  double   max_area;      /* m², exclusive; INFINITY for none */
  double   radius;        /* m */
  gboolean historic_only; /* applies only to parks in historic districts */
} GrServiceRule;

typedef struct _GrServiceRules GrServiceRules;

GrServiceRules      *gr_service_rules_new_default (void);
GrServiceRules      *gr_service_rules_parse (const char *text, GError **error);
GrServiceRules      *gr_service_rules_copy (const GrServiceRules *rules);
char                *gr_service_rules_to_text (const GrServiceRules *rules);
guint                gr_service_rules_get_n_rules (const GrServiceRules *rules);
const GrServiceRule *gr_service_rules_get_rule (const GrServiceRules *rules, guint index);
double gr_service_rules_radius (const GrServiceRules *rules, double area, gboolean historic);
void   gr_service_rules_free (GrServiceRules *rules);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrServiceRules, gr_service_rules_free)

G_END_DECLS
