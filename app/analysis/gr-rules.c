/* gr-rules.c — what counts as green or park, and how far each one serves */
#include "config.h"

#include "gr-rules.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_QUARK (gr - analysis - error - quark, gr_analysis_error)

struct _GrServiceRules
{
  GArray *rules; /* GrServiceRule */
};

/* Park service radius by park size, as commonly cited from the national
 * garden-city standard GB/T 50563: ≥ 5,000 m² serve 500 m; 2,000–5,000 m²
 * serve 300 m; in historic districts ≥ 1,000 m² serve 300 m. The table is
 * resources/rules/service-radius.csv, compiled in as default_rules. */
#include "gr-rules-default.h"

GrServiceRules *
gr_service_rules_new_default (void)
{
  return gr_service_rules_parse (default_rules, NULL);
}

static gboolean
parse_number (const char *text, double fallback, double *out)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  char            *end;

  if (*s == '\0')
    {
      *out = fallback;
      return TRUE;
    }
  *out = g_ascii_strtod (s, &end);
  return *end == '\0' && isfinite (*out) && *out >= 0;
}

static gboolean
parse_flag (const char *text, gboolean *out)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *s = g_ascii_strdown (trimmed, -1);

  if (g_strv_contains ((const char *[]){ "", "no", "false", "0", NULL }, s))
    *out = FALSE;
  else if (g_strv_contains ((const char *[]){ "yes", "true", "1", NULL }, s))
    *out = TRUE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_line (const char *line, GrServiceRule *rule)
{
  g_auto (GStrv) fields = g_strsplit (line, ",", -1);
  guint n = g_strv_length (fields);

  if (n < 3 || n > 4)
    return FALSE;
  return parse_number (fields[0], 0, &rule->min_area)
         && parse_number (fields[1], INFINITY, &rule->max_area)
         && parse_number (fields[2], NAN, &rule->radius) && !isnan (rule->radius)
         && rule->max_area > rule->min_area
         && parse_flag (n == 4 ? fields[3] : "", &rule->historic_only);
}

/**
 * gr_service_rules_parse:
 * @text: lines of `min_area_m2,max_area_m2,radius_m[,historic_only]`;
 *   `#` starts a comment, an empty max_area means no upper bound
 */
GrServiceRules *
gr_service_rules_parse (const char *text, GError **error)
{
  g_autoptr (GArray) rules = g_array_new (FALSE, FALSE, sizeof (GrServiceRule));
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GrServiceRules *result;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char         *hash = strchr (lines[i], '#');
      GrServiceRule rule;

      if (hash != NULL)
        *hash = '\0';
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0' || g_str_has_prefix (lines[i], "min_area"))
        continue;
      if (!parse_line (lines[i], &rule))
        {
          g_set_error (error, GR_ANALYSIS_ERROR, GR_ANALYSIS_ERROR_RULES,
                       _ ("line %u: expected “min_area_m2,max_area_m2,radius_m,historic_only” "
                          "with non-negative numbers, got “%s”"),
                       i + 1, lines[i]);
          return NULL;
        }
      g_array_append_val (rules, rule);
    }
  if (rules->len == 0)
    {
      g_set_error (error, GR_ANALYSIS_ERROR, GR_ANALYSIS_ERROR_RULES,
                   _ ("the rule table has no rules"));
      return NULL;
    }
  result = g_new0 (GrServiceRules, 1);
  result->rules = g_steal_pointer (&rules);
  return result;
}

GrServiceRules *
gr_service_rules_copy (const GrServiceRules *rules)
{
  GrServiceRules *copy = g_new0 (GrServiceRules, 1);

  copy->rules = g_array_copy (rules->rules);
  return copy;
}

char *
gr_service_rules_to_text (const GrServiceRules *rules)
{
  GString *text = g_string_new ("min_area_m2,max_area_m2,radius_m,historic_only\n");

  for (guint i = 0; i < rules->rules->len; i++)
    {
      const GrServiceRule *rule = &g_array_index (rules->rules, GrServiceRule, i);
      char                 num[3][G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (num[0], sizeof num[0], rule->min_area);
      g_ascii_dtostr (num[1], sizeof num[1], rule->max_area);
      g_ascii_dtostr (num[2], sizeof num[2], rule->radius);
      g_string_append_printf (text, "%s,%s,%s,%s\n", num[0], isinf (rule->max_area) ? "" : num[1],
                              num[2], rule->historic_only ? "yes" : "no");
    }
  return g_string_free (text, FALSE);
}

guint
gr_service_rules_get_n_rules (const GrServiceRules *rules)
{
  return rules->rules->len;
}

const GrServiceRule *
gr_service_rules_get_rule (const GrServiceRules *rules, guint index)
{
  g_return_val_if_fail (index < rules->rules->len, NULL);
  return &g_array_index (rules->rules, GrServiceRule, index);
}

/* The largest radius of the rules that apply; 0 when none does. */
double
gr_service_rules_radius (const GrServiceRules *rules, double area, gboolean historic)
{
  double radius = 0;

  for (guint i = 0; i < rules->rules->len; i++)
    {
      const GrServiceRule *rule = &g_array_index (rules->rules, GrServiceRule, i);

      if (area >= rule->min_area && area < rule->max_area && (historic || !rule->historic_only))
        radius = MAX (radius, rule->radius);
    }
  return radius;
}

void
gr_service_rules_free (GrServiceRules *rules)
{
  if (rules == NULL)
    return;
  g_array_unref (rules->rules);
  g_free (rules);
}
