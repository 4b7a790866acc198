/* gr-criteria.c — what an analysis measures, and the range each may take */
#include "config.h"

#include "gr-criteria.h"

#include "gr-rules.h"

#include <glib/gi18n-lib.h>

/* The park-city defaults: gr-defaults.h. */
void
gr_criteria_init_default (GrCriteria *criteria)
{
  criteria->resolution = 5;
  criteria->green_radius = GR_DEFAULT_GREEN_RADIUS;
  criteria->green_min_area = GR_DEFAULT_GREEN_MIN_AREA;
  criteria->park_radius = GR_DEFAULT_PARK_RADIUS;
  criteria->park_min_area = GR_DEFAULT_PARK_MIN_AREA;
  criteria->walking = FALSE;
  criteria->access_distance = 20;
  criteria->attach_distance = 50;
  criteria->snap = 0;
}

typedef struct
{
  const char *option; /* as the command line and the settings name it */
  gsize       offset; /* of the double in GrCriteria */
  double      min;
  double      max;
  gboolean    area; /* m², not metres */
} Limit;

static const Limit limits[] = {
  { "--resolution", G_STRUCT_OFFSET (GrCriteria, resolution), GR_CRITERIA_RESOLUTION_MIN,
    GR_CRITERIA_RESOLUTION_MAX, FALSE },
  { "--green-radius", G_STRUCT_OFFSET (GrCriteria, green_radius), GR_CRITERIA_RADIUS_MIN,
    GR_CRITERIA_RADIUS_MAX, FALSE },
  { "--park-radius", G_STRUCT_OFFSET (GrCriteria, park_radius), GR_CRITERIA_RADIUS_MIN,
    GR_CRITERIA_RADIUS_MAX, FALSE },
  { "--green-min-area", G_STRUCT_OFFSET (GrCriteria, green_min_area), GR_CRITERIA_MIN_AREA_MIN,
    GR_CRITERIA_GREEN_MIN_AREA_MAX, TRUE },
  { "--park-min-area", G_STRUCT_OFFSET (GrCriteria, park_min_area), GR_CRITERIA_MIN_AREA_MIN,
    GR_CRITERIA_PARK_MIN_AREA_MAX, TRUE },
  { "--access-distance", G_STRUCT_OFFSET (GrCriteria, access_distance), GR_CRITERIA_DISTANCE_MIN,
    GR_CRITERIA_DISTANCE_MAX, FALSE },
  { "--attach-distance", G_STRUCT_OFFSET (GrCriteria, attach_distance), GR_CRITERIA_DISTANCE_MIN,
    GR_CRITERIA_DISTANCE_MAX, FALSE },
  { "--snap", G_STRUCT_OFFSET (GrCriteria, snap), GR_CRITERIA_SNAP_MIN, GR_CRITERIA_SNAP_MAX,
    FALSE },
};

static void
set_range_error (const Limit *limit, GError **error)
{
  if (limit->area)
    /* TRANSLATORS: an option such as --park-min-area, then its allowed range */
    g_set_error (error, GR_ANALYSIS_ERROR, GR_ANALYSIS_ERROR_CRITERIA,
                 _ ("%s must be between %.0f and %.0f square metres"), limit->option, limit->min,
                 limit->max);
  else
    /* TRANSLATORS: an option such as --green-radius, then its allowed range */
    g_set_error (error, GR_ANALYSIS_ERROR, GR_ANALYSIS_ERROR_CRITERIA,
                 _ ("%s must be between %g and %g metres"), limit->option, limit->min, limit->max);
}

/**
 * gr_criteria_validate:
 *
 * Returns: %TRUE when every criterion is within its GR_CRITERIA_* range
 * (NaN never is); else %FALSE with @error naming the first that is not.
 */
gboolean
gr_criteria_validate (const GrCriteria *criteria, GError **error)
{
  g_return_val_if_fail (criteria != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      double value = G_STRUCT_MEMBER (double, criteria, limits[i].offset);

      if (!(value >= limits[i].min && value <= limits[i].max))
        {
          set_range_error (&limits[i], error);
          return FALSE;
        }
    }
  return TRUE;
}
