/* gr-enum.c — an enum value's key is its nick (glib-mkenums): one lookup
 * for every enum of the library instead of one per type */
#include "config.h"

#include "gr-enum.h"

/* The nick of @value, %NULL when @type has no such value. */
const char *
gr_enum_get_nick (GType type, int value)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : NULL;
}

/* FALSE, leaving @value alone, when @nick (nullable) is no key of @type. */
gboolean
gr_enum_from_nick (GType type, const char *nick, int *value)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (found == NULL)
    return FALSE;
  *value = found->value;
  return TRUE;
}
