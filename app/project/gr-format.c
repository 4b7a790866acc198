/* gr-format.c — numbers as the window and the report print them
 *
 * Digits are grouped in threes with a comma, as Chinese and English
 * technical writing both do, whatever the locale's LC_NUMERIC says; a value
 * that rounds to zero prints as 0, never -0.
 */
#include "config.h"

#include "gr-format.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/**
 * gr_format_number:
 * @decimals: digits after the point, 0 to 6
 *
 * Returns: (transfer full): @value rounded, "1,234,567.8"; "–" for a value
 * that is not finite
 */
char *
gr_format_number (double value, int decimals)
{
  g_autofree char *digits = NULL;
  GString         *text;
  const char      *point;
  gsize            whole;

  decimals = CLAMP (decimals, 0, 6);
  if (!isfinite (value))
    return g_strdup ("–");
  digits = g_strdup_printf ("%.*f", decimals, fabs (value));
  /* "%.*f" writes the C locale's point only when LC_NUMERIC is C. */
  for (char *c = digits; *c != '\0'; c++)
    if (*c == ',')
      *c = '.';
  point = strchr (digits, '.');
  whole = point != NULL ? (gsize) (point - digits) : strlen (digits);
  text = g_string_new (NULL);
  if (value < 0 && strspn (digits, "0.") != strlen (digits))
    g_string_append_c (text, '-');
  for (gsize i = 0; i < whole; i++)
    {
      if (i > 0 && (whole - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  if (point != NULL)
    g_string_append (text, point);
  return g_string_free (text, FALSE);
}

/* Returns: (transfer full): "5,743,694 m² (574.37 ha)" */
char *
gr_format_area (double m2)
{
  g_autofree char *metres = gr_format_number (m2, 0);
  g_autofree char *hectares = gr_format_number (m2 / 1e4, 2);

  /* TRANSLATORS: an area in square metres and in hectares */
  return g_strdup_printf (_ ("%s m² (%s ha)"), metres, hectares);
}

/**
 * gr_format_change:
 * @unit: (nullable): appended after a space, e.g. "pp" for percentage points
 *
 * Returns: (transfer full): a change with its sign, "+0.8 pp", "-1.25";
 * one that rounds to zero is "0 pp", never "-0.0"
 */
char *
gr_format_change (double delta, int decimals, const char *unit)
{
  g_autofree char *number = NULL;
  double           scale = pow (10, CLAMP (decimals, 0, 6));

  if (!isfinite (delta))
    return g_strdup ("–");
  if (round (fabs (delta) * scale) == 0)
    number = g_strdup ("0");
  else
    {
      g_autofree char *magnitude = gr_format_number (fabs (delta), decimals);
      number = g_strconcat (delta > 0 ? "+" : "-", magnitude, NULL);
    }
  return unit != NULL && unit[0] != '\0' ? g_strconcat (number, " ", unit, NULL)
                                         : g_steal_pointer (&number);
}

static int
display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* Columns @text takes in a terminal: Chinese characters two. */
int
gr_format_width (const char *text)
{
  return display_width (text);
}

/**
 * gr_format_pad:
 * @width: columns; negative aligns @text right
 *
 * Appends @text padded to @width by display width, not bytes, so that
 * "≥", "m²" and Chinese line up in a terminal's table.
 */
void
gr_format_pad (GString *out, const char *text, int width)
{
  int pad = ABS (width) - display_width (text);

  if (width < 0)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (width > 0)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}
