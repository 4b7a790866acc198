/* gr-osm-nodes.c — the coordinates of an OSM XML file's nodes, checked
 * before the file is read
 *
 * GDAL's OSM driver reads an empty or non-numeric lat="" as 0 and drops a
 * node whose latitude is out of range, without a word: one such node of a
 * building turns a few thousand m² of housing into a sliver thousands of
 * kilometres long. A file with such a node is refused, naming the node.
 */
#include "config.h"

#include "gr-osm-nodes.h"

#include "gr-project.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#define CHUNK (1 << 20)

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The end of the tag whose attributes start at @p: the '>' outside quotes
 * ('>' may stand in an attribute value), or NULL if it is not in the text. */
static const char *
tag_end (const char *p, const char *stop)
{
  char quote = 0;

  for (; p < stop; p++)
    if (quote != 0)
      quote = *p == quote ? 0 : quote;
    else if (*p == '"' || *p == '\'')
      quote = *p;
    else if (*p == '>')
      return p;
  return NULL;
}

/* The value of attribute @name among the attributes [@p, @end), read in
 * order as XML writes them (name, optional spaces, '=', optional spaces, a
 * quoted value), or NULL. */
static char *
attribute (const char *p, const char *end, const char *name)
{
  size_t len = strlen (name);

  while (p < end)
    {
      const char *key, *value, *close;
      size_t      key_len;

      while (p < end && (is_space (*p) || *p == '/'))
        p++;
      key = p;
      while (p < end && !is_space (*p) && *p != '=' && *p != '/')
        p++;
      key_len = p - key;
      while (p < end && is_space (*p))
        p++;
      if (p >= end || *p != '=')
        return NULL; /* not XML: GDAL says so */
      p++;
      while (p < end && is_space (*p))
        p++;
      if (p >= end || (*p != '"' && *p != '\''))
        return NULL;
      value = p + 1;
      close = memchr (value, *p, end - value);
      if (close == NULL)
        return NULL;
      if (key_len == len && strncmp (key, name, len) == 0)
        return g_strndup (value, close - value);
      p = close + 1;
    }
  return NULL;
}

static gboolean
check_value (const char *path,
             const char *id,
             const char *value,
             const char *word,
             double      limit,
             GError    **error)
{
  char  *end = NULL;
  double v;

  if (value == NULL)
    {
      /* TRANSLATORS: "map.osm: node 42 has no latitude: …" */
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("%s: node %s has no %s: the file is damaged; fix or delete the node"), path,
                   id, word);
      return FALSE;
    }
  v = g_ascii_strtod (value, &end);
  if (value[0] == '\0' || end == value || *end != '\0' || !isfinite (v))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("%s: node %s has %s “%s”, which is not a number: the file is damaged; fix "
                      "or delete the node"),
                   path, id, word, value);
      return FALSE;
    }
  if (fabs (v) > limit)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _ ("%s: node %s has %s %s, beyond ±%g°: the file is damaged; fix or delete "
                      "the node"),
                   path, id, word, value, limit);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_node (const char *path, const char *tag, const char *end, GError **error)
{
  g_autofree char *id = attribute (tag, end, "id");
  g_autofree char *lat = attribute (tag, end, "lat");
  g_autofree char *lon = attribute (tag, end, "lon");
  g_autofree char *visible = attribute (tag, end, "visible");
  const char      *shown = id != NULL ? id : "?";

  /* Deleted nodes of a change file carry no position. */
  if (lat == NULL && lon == NULL && g_strcmp0 (visible, "false") == 0)
    return TRUE;
  return check_value (path, shown, lat, _ ("latitude"), 90, error)
         && check_value (path, shown, lon, _ ("longitude"), 180, error);
}

/* Checks the whole nodes in @text; returns how much of it was looked at
 * (the rest begins a tag or comment that continues in the next chunk), or
 * G_MAXSIZE with @error set. '<' stands only at the start of markup in
 * XML, never in an attribute value. */
static gsize
check_text (const char *path, const char *text, gsize len, gboolean last, GError **error)
{
  const char *p = text;
  const char *stop = text + len;

  while ((p = memchr (p, '<', stop - p)) != NULL)
    {
      const char *end;

      if (stop - p < 6 && !last)
        return p - text; /* "<node ", "<!--" may continue */
      if (stop - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p + 4, stop - p - 4, "-->");

          /* (A NUL in a comment ends the search: GDAL refuses the file.) */
          if (close == NULL)
            return last || stop - p > 4 * CHUNK ? len : (gsize) (p - text);
          p = close + 3;
          continue;
        }
      if (stop - p < 6 || memcmp (p, "<node", 5) != 0
          || !(is_space (p[5]) || p[5] == '>' || p[5] == '/'))
        {
          p++;
          continue;
        }
      if ((end = tag_end (p + 5, stop)) == NULL)
        return last || stop - p > 4 * CHUNK ? len : (gsize) (p - text);
      if (!check_node (path, p + 5, end, error))
        return G_MAXSIZE;
      p = end + 1;
    }
  return len;
}

static GInputStream *
open_stream (const char *path, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GInputStream) raw = G_INPUT_STREAM (g_file_read (file, NULL, error));
  g_autoptr (GZlibDecompressor) gunzip = NULL;

  if (raw == NULL || !g_str_has_suffix (path, ".gz"))
    return g_steal_pointer (&raw);
  gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  return g_converter_input_stream_new (raw, G_CONVERTER (gunzip));
}

/**
 * gr_osm_check_nodes:
 * @path: an OSM XML file (.osm, .osm.gz); other files pass unread
 *
 * Returns: FALSE with @error naming the file and the first node whose
 * latitude or longitude is missing, not a number or out of range.
 */
gboolean
gr_osm_check_nodes (const char *path, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autoptr (GInputStream) in = NULL;
  g_autoptr (GByteArray) buffer = NULL;
  g_autoptr (GError) local = NULL;

  if (!g_str_has_suffix (lower, ".osm") && !g_str_has_suffix (lower, ".osm.gz"))
    return TRUE;
  if ((in = open_stream (path, &local)) == NULL)
    return TRUE; /* the reader says why it cannot open it */
  buffer = g_byte_array_sized_new (2 * CHUNK);
  for (;;)
    {
      gsize    had = buffer->len, done;
      gssize   n;
      gboolean last;

      g_byte_array_set_size (buffer, had + CHUNK);
      n = g_input_stream_read (in, buffer->data + had, CHUNK, NULL, &local);
      if (n < 0)
        return TRUE; /* damaged compression: the reader says so */
      g_byte_array_set_size (buffer, had + n);
      last = n == 0;
      done = check_text (path, (const char *) buffer->data, buffer->len, last, error);
      if (done == G_MAXSIZE)
        return FALSE;
      if (last)
        return TRUE;
      g_byte_array_remove_range (buffer, 0, done);
    }
}
