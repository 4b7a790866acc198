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

/* The value of attribute @name in the tag [@tag, @end), or NULL. */
static char *
attribute (const char *tag, const char *end, const char *name)
{
  size_t len = strlen (name);

  for (const char *p = tag; p + len + 2 < end; p++)
    {
      const char *close;
      char        quote;

      if ((p[-1] != ' ' && p[-1] != '\t' && p[-1] != '\n' && p[-1] != '\r')
          || strncmp (p, name, len) != 0 || p[len] != '=')
        continue;
      quote = p[len + 1];
      if (quote != '"' && quote != '\'')
        continue;
      close = memchr (p + len + 2, quote, end - (p + len + 2));
      if (close == NULL)
        return NULL;
      return g_strndup (p + len + 2, close - (p + len + 2));
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
  const char      *shown = id != NULL ? id : "?";

  /* Deleted nodes of a change file carry no position. */
  if (lat == NULL && lon == NULL && strstr (tag, "visible=\"false\"") != NULL)
    return TRUE;
  return check_value (path, shown, lat, _ ("latitude"), 90, error)
         && check_value (path, shown, lon, _ ("longitude"), 180, error);
}

/* Checks the whole nodes in @text; returns how much of it was looked at
 * (the rest begins a node that continues in the next chunk). */
static gsize
check_text (const char *path, const char *text, gsize len, gboolean last, GError **error)
{
  const char *p = text;
  const char *stop = text + len;

  while (p < stop)
    {
      const char *tag = g_strstr_len (p, stop - p, "<node");
      const char *end;

      if (tag == NULL)
        return last || len < 5 ? len : len - 4; /* "<nod" may continue */
      if (tag + 5 >= stop && !last)
        return tag - text;
      end = memchr (tag, '>', stop - tag);
      if (end == NULL)
        {
          if (last || stop - tag > CHUNK)
            {
              /* An unclosed tag: GDAL refuses the file itself. */
              return len;
            }
          return tag - text;
        }
      if (tag + 5 < stop && (tag[5] == ' ' || tag[5] == '\t' || tag[5] == '\n' || tag[5] == '\r')
          && !check_node (path, tag + 5, end, error))
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
