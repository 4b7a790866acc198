/* gr-test-json.h — reading what a command printed as JSON */
#pragma once

#include <json-glib/json-glib.h>

static inline JsonObject *
parse_object (const char *text, JsonParser *parser)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* A number in one of the top-level blocks: member (o, "green", "area_m2"). */
static inline double
member (JsonObject *o, const char *block, const char *key)
{
  return json_object_get_double_member (json_object_get_object_member (o, block), key);
}
