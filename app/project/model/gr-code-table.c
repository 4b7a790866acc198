/* gr-code-table.c — a land-use classification: which code is which role
 *
 * The file is CSV with a header `code,name,role,class` and `#` comments;
 * `# id:`, `# title:` and `# title_en:` name the table. A row whose role is
 * empty takes the role (and class) of the nearest code it begins with:
 * 070101 is as 0701, which is as 07. A code that is not in the table is
 * read as its group when the group is (0899 as 08), and is unknown when
 * nothing in the table begins it.
 */
#include "config.h"

#include "gr-code-table.h"

#include "gr-format.h"
#include "gr-project.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Before a table's rows are resolved: the role a row names itself. */
#define ROLE_INHERIT (-1)

typedef struct
{
  GrCodeEntry entry;
  int         own_role; /* a GrRole, GR_ROLE_NONE or ROLE_INHERIT */
  char       *own_class;
} Row;

struct _GrCodeTable
{
  char       *id;
  char       *title;
  char       *title_en;
  char       *origin; /* the file it was read from */
  GPtrArray  *rows;   /* Row, in file order */
  GHashTable *codes;  /* code → Row */
  GHashTable *names;  /* name → Row, the first of a name */
};

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->entry.code);
  g_free (row->entry.name);
  g_free (row->own_class);
  g_free (row);
}

void
gr_code_table_free (GrCodeTable *table)
{
  if (table == NULL)
    return;
  g_hash_table_unref (table->codes);
  g_hash_table_unref (table->names);
  g_ptr_array_unref (table->rows);
  g_free (table->id);
  g_free (table->title);
  g_free (table->title_en);
  g_free (table->origin);
  g_free (table);
}

/**
 * gr_code_normalise:
 * @raw: a code as a source holds it: " 0701", "g12", "701" (a number
 *   field that lost its leading zero)
 *
 * Returns: the code in upper case without spaces; all-digit codes of odd
 *   length get back their leading zero (national codes have two digits a
 *   level); %NULL for an empty code
 */
char *
gr_code_normalise (const char *raw)
{
  g_autofree char *text = NULL;
  gsize            digits = 0, length;

  if (raw == NULL)
    return NULL;
  text = g_utf8_strup (raw, -1);
  g_strstrip (text);
  /* A number field read as text: "701.0". */
  if (g_str_has_suffix (text, ".0"))
    text[strlen (text) - 2] = '\0';
  length = strlen (text);
  if (length == 0)
    return NULL;
  while (digits < length && g_ascii_isdigit (text[digits]))
    digits++;
  if (digits == length && length % 2 == 1)
    return g_strconcat ("0", text, NULL);
  return g_steal_pointer (&text);
}

static gboolean
parse_role (const char *text, int *role)
{
  GrRole value;

  if (*text == '\0')
    *role = ROLE_INHERIT;
  else if (g_ascii_strcasecmp (text, "none") == 0)
    *role = GR_ROLE_NONE;
  else if (gr_role_from_string (text, &value))
    *role = value;
  else
    return FALSE;
  return TRUE;
}

/* A CSV field: trimmed, without the quotes a spreadsheet may add. */
static char *
field_text (const char *raw)
{
  g_autofree char *text = g_strstrip (g_strdup (raw));
  gsize            n = strlen (text);

  if (n >= 2 && text[0] == '"' && text[n - 1] == '"')
    return g_strndup (text + 1, n - 2);
  return g_steal_pointer (&text);
}

static void
read_header_line (GrCodeTable *table, const char *line)
{
  static const char *const keys[] = { "id:", "title:", "title_en:" };
  char                   **slots[] = { &table->id, &table->title, &table->title_en };
  const char              *text = line + 1;

  while (*text == ' ')
    text++;
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    if (g_str_has_prefix (text, keys[k]) && *slots[k] == NULL)
      *slots[k] = g_strstrip (g_strdup (text + strlen (keys[k])));
}

static gboolean
add_row (GrCodeTable *table, char **cells, guint line, GError **error)
{
  g_autofree char *code = NULL;
  g_autofree char *role_text = NULL;
  g_autofree char *klass = NULL;
  Row             *row;
  int              role;

  {
    g_autofree char *raw = field_text (cells[0]);

    code = gr_code_normalise (raw);
  }
  role_text = cells[1] != NULL && cells[2] != NULL ? field_text (cells[2]) : g_strdup ("");
  klass = cells[1] != NULL && cells[2] != NULL && cells[3] != NULL ? field_text (cells[3]) : NULL;
  if (code == NULL || !parse_role (role_text, &role))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%s, line %u: not CODE,NAME,ROLE[,CLASS] with ROLE one of residential, "
                      "park, green, water, nursery, builtup or none"),
                   table->origin, line);
      return FALSE;
    }
  if (g_hash_table_contains (table->codes, code))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%s, line %u: the code %s is given twice"), table->origin, line, code);
      return FALSE;
    }
  row = g_new0 (Row, 1);
  row->entry.code = g_steal_pointer (&code);
  row->entry.name = cells[1] != NULL ? field_text (cells[1]) : g_strdup ("");
  row->own_role = role;
  row->own_class = klass != NULL && *klass != '\0' ? g_steal_pointer (&klass) : NULL;
  g_ptr_array_add (table->rows, row);
  g_hash_table_insert (table->codes, row->entry.code, row);
  if (*row->entry.name != '\0' && !g_hash_table_contains (table->names, row->entry.name))
    g_hash_table_insert (table->names, row->entry.name, row);
  return TRUE;
}

/* The row of the longest code that begins @code, other than @code itself. */
static Row *
find_parent (const GrCodeTable *table, const char *code)
{
  g_autofree char *prefix = g_strdup (code);

  for (gsize n = strlen (prefix); n-- > 1;)
    {
      Row *row;

      prefix[n] = '\0';
      if ((row = g_hash_table_lookup (table->codes, prefix)) != NULL)
        return row;
    }
  return NULL;
}

/* Every row's role and class, from its own or its nearest parent's. */
static gboolean
resolve (GrCodeTable *table, GError **error)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = g_ptr_array_index (table->rows, i);
      Row *from = row;

      while (from != NULL && from->own_role == ROLE_INHERIT)
        from = find_parent (table, from->entry.code);
      if (from == NULL)
        {
          g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                       _ ("%s: the code %s has no role, and no code it belongs to has one"),
                       table->origin, row->entry.code);
          return FALSE;
        }
      row->entry.role = from->own_role;
      from = row;
      while (from != NULL && from->own_class == NULL && from->own_role == ROLE_INHERIT)
        from = find_parent (table, from->entry.code);
      row->entry.klass = from != NULL ? from->own_class : NULL;
    }
  return TRUE;
}

/**
 * gr_code_table_new_from_text:
 * @origin: where @text came from, for messages
 */
GrCodeTable *
gr_code_table_new_from_text (const char *text, const char *origin, GError **error)
{
  g_autoptr (GrCodeTable) table = g_new0 (GrCodeTable, 1);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean header = FALSE;

  table->origin = g_strdup (origin);
  table->rows = g_ptr_array_new_with_free_func (row_free);
  table->codes = g_hash_table_new (g_str_hash, g_str_equal);
  table->names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cells = NULL;
      char *line = g_strstrip (lines[i]);

      if (i == 0 && g_str_has_prefix (line, "\xEF\xBB\xBF"))
        line += 3; /* a spreadsheet's byte-order mark */
      if (*line == '#')
        read_header_line (table, line);
      if (*line == '#' || *line == '\0')
        continue;
      cells = g_strsplit (line, ",", 4);
      if (!header)
        {
          header = TRUE;
          if (g_ascii_strcasecmp (cells[0], "code") == 0)
            continue;
        }
      if (!add_row (table, cells, i + 1, error))
        return NULL;
    }
  if (!g_utf8_validate (text, -1, NULL) || table->rows->len == 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%s: not a code table (UTF-8 CSV with code,name,role,class)"), origin);
      return NULL;
    }
  if (table->id == NULL)
    {
      g_autofree char *base = g_path_get_basename (origin);
      char            *dot = strrchr (base, '.');

      if (dot != NULL)
        *dot = '\0';
      table->id = g_steal_pointer (&base);
    }
  if (table->title == NULL)
    table->title = g_strdup (table->id);
  return resolve (table, error) ? g_steal_pointer (&table) : NULL;
}

GrCodeTable *
gr_code_table_new_from_file (const char *path, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) local = NULL;

  if (!g_file_get_contents (path, &text, NULL, &local))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN, _ ("%s: cannot read: %s"), path,
                   local->message);
      return NULL;
    }
  return gr_code_table_new_from_text (text, path, error);
}

const char *
gr_code_table_get_id (const GrCodeTable *table)
{
  return table->id;
}

/* The standard's name: Chinese, or English where the UI is not. */
const char *
gr_code_table_get_title (const GrCodeTable *table)
{
  const char *language = g_get_language_names ()[0];

  if (table->title_en != NULL && !g_str_has_prefix (language, "zh"))
    return table->title_en;
  return table->title;
}

const char *
gr_code_table_get_origin (const GrCodeTable *table)
{
  return table->origin;
}

/**
 * gr_code_table_lookup:
 * @code: a code (or a class name, as a DLMC field holds), as the source has it
 * @exact: (out) (optional): whether @code itself is in the table, rather
 *   than the group it belongs to
 *
 * Returns: (nullable): the entry, or %NULL for an unknown code
 */
const GrCodeEntry *
gr_code_table_lookup (const GrCodeTable *table, const char *code, gboolean *exact)
{
  g_autofree char *key = gr_code_normalise (code);
  Row             *row = key != NULL ? g_hash_table_lookup (table->codes, key) : NULL;
  g_autofree char *name = NULL;

  if (exact != NULL)
    *exact = FALSE;
  if (key == NULL)
    return NULL;
  if (row == NULL)
    {
      name = g_strstrip (g_strdup (code));
      row = g_hash_table_lookup (table->names, name);
    }
  if (row != NULL)
    {
      if (exact != NULL)
        *exact = TRUE;
      return &row->entry;
    }
  row = find_parent (table, key);
  return row != NULL ? &row->entry : NULL;
}

/**
 * gr_code_table_set_role:
 * @role: a role key, or "none"
 *
 * Overrides the table for @code and the codes that take their role from
 * it; a code the table does not have is added.
 */
gboolean
gr_code_table_set_role (GrCodeTable *table, const char *code, const char *role, GError **error)
{
  g_autofree char *key = gr_code_normalise (code);
  Row             *row = key != NULL ? g_hash_table_lookup (table->codes, key) : NULL;
  int              value;

  if (key == NULL || role == NULL || *role == '\0' || !parse_role (role, &value))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("“%s=%s” is not CODE=ROLE with ROLE one of residential, park, green, "
                      "water, nursery, builtup or none"),
                   code, role != NULL ? role : "");
      return FALSE;
    }
  if (row == NULL)
    {
      row = g_new0 (Row, 1);
      row->entry.code = g_steal_pointer (&key);
      row->entry.name = g_strdup ("");
      g_ptr_array_add (table->rows, row);
      g_hash_table_insert (table->codes, row->entry.code, row);
    }
  row->own_role = value;
  return resolve (table, error);
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/**
 * gr_code_tables_load:
 * @dir: a folder of code tables (the data folder's landuse/)
 *
 * Returns: (element-type GrCodeTable): every table in @dir, by file name
 */
GPtrArray *
gr_code_tables_load (const char *dir, GError **error)
{
  g_autoptr (GPtrArray) tables =
      g_ptr_array_new_with_free_func ((GDestroyNotify) gr_code_table_free);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".csv"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  for (guint i = 0; i < paths->len; i++)
    {
      GrCodeTable *table = gr_code_table_new_from_file (g_ptr_array_index (paths, i), error);

      if (table == NULL)
        return NULL;
      g_ptr_array_add (tables, table);
    }
  if (tables->len == 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                   _ ("%s: no land-use code tables here; is the program installed?"), dir);
      return NULL;
    }
  return g_steal_pointer (&tables);
}

/**
 * gr_code_tables_find:
 * @id_or_path: a built-in table's id (guide-2023…) or a table file
 *
 * Returns: (transfer full): a copy the caller may override
 */
GrCodeTable *
gr_code_tables_find (GPtrArray *tables, const char *id_or_path, GError **error)
{
  g_autoptr (GString) ids = g_string_new (NULL);

  for (guint i = 0; i < tables->len; i++)
    {
      GrCodeTable *table = g_ptr_array_index (tables, i);

      if (g_ascii_strcasecmp (table->id, id_or_path) == 0)
        return gr_code_table_new_from_file (table->origin, error);
      g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", table->id);
    }
  if (g_file_test (id_or_path, G_FILE_TEST_EXISTS))
    return gr_code_table_new_from_file (id_or_path, error);
  g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
               _ ("--code-table “%s” is neither a code table file nor one of %s"), id_or_path,
               ids->str);
  return NULL;
}

/* ---- what a land-use layer held --------------------------------------------- */

GrLanduseReport *
gr_landuse_report_new (const char *path, const char *field, GrCodeTable *table)
{
  GrLanduseReport *report = g_new0 (GrLanduseReport, 1);

  report->path = g_strdup (path);
  report->field = g_strdup (field);
  report->table_id = g_strdup (table->id);
  report->table_title = g_strdup (gr_code_table_get_title (table));
  report->codes = g_array_new (FALSE, TRUE, sizeof (GrCodeCount));
  return report;
}

void
gr_landuse_report_free (GrLanduseReport *report)
{
  if (report == NULL)
    return;
  for (guint i = 0; i < report->codes->len; i++)
    {
      GrCodeCount *c = &g_array_index (report->codes, GrCodeCount, i);
      g_free (c->code);
      g_free (c->name);
    }
  g_array_unref (report->codes);
  g_free (report->path);
  g_free (report->field);
  g_free (report->table_id);
  g_free (report->table_title);
  g_free (report);
}

/**
 * gr_landuse_report_count:
 * @code: (nullable): as the source has it; %NULL for a feature without one
 * @entry: (nullable): what the table says of it
 *
 * Returns: (transfer none): @code's line, made on first sight
 */
GrCodeCount *
gr_landuse_report_count (GrLanduseReport *report, const char *code, const GrCodeEntry *entry)
{
  g_autofree char *key = code != NULL ? g_strstrip (g_strdup (code)) : g_strdup ("");
  GrCodeCount      added = { 0 };
  guint            at = 0;

  /* Kept sorted: a land-use layer has tens of codes, not thousands. */
  while (at < report->codes->len)
    {
      int order = strcmp (g_array_index (report->codes, GrCodeCount, at).code, key);

      if (order == 0)
        return &g_array_index (report->codes, GrCodeCount, at);
      if (order > 0)
        break;
      at++;
    }
  added.code = g_steal_pointer (&key);
  added.name = entry != NULL && *entry->name != '\0' ? g_strdup (entry->name) : NULL;
  added.role = entry != NULL ? entry->role : GR_ROLE_NONE;
  added.known = entry != NULL;
  added.taken = entry != NULL && entry->role != GR_ROLE_NONE;
  g_array_insert_val (report->codes, at, added);
  return &g_array_index (report->codes, GrCodeCount, at);
}

guint
gr_landuse_report_get_n_unknown (const GrLanduseReport *report)
{
  guint n = 0;

  for (guint i = 0; i < report->codes->len; i++)
    n += !g_array_index (report->codes, GrCodeCount, i).known;
  return n;
}

/* The unknown codes with their feature counts: “9999 (3), – (1)”. */
char *
gr_landuse_report_list_unknown (const GrLanduseReport *report)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < report->codes->len; i++)
    {
      const GrCodeCount *c = &g_array_index (report->codes, GrCodeCount, i);

      if (!c->known)
        /* TRANSLATORS: a land-use code and how many features have it: 0701 (120) */
        g_string_append_printf (list, _ ("%s%s (%u)"), list->len > 0 ? ", " : "",
                                *c->code != '\0' ? c->code : "–", c->n_features);
    }
  return g_string_free (list, FALSE);
}

/* ---- which table a layer's codes are from ----------------------------------- */

typedef struct
{
  GrCodeTable *table;
  guint64      exact; /* features whose code the table has */
  guint64      known; /* … or the group of their code */
} Fit;

static Fit
fit_table (GrCodeTable *table, GHashTable *counts)
{
  Fit            fit = { table, 0, 0 };
  GHashTableIter iter;
  gpointer       code, n;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &code, &n))
    {
      gboolean exact;

      if (gr_code_table_lookup (table, code, &exact) != NULL)
        {
          fit.known += GPOINTER_TO_UINT (n);
          fit.exact += exact ? GPOINTER_TO_UINT (n) : 0;
        }
    }
  return fit;
}

/* Whether two tables read every code of @counts the same way. */
static gboolean
same_reading (GrCodeTable *a, GrCodeTable *b, GHashTable *counts)
{
  GHashTableIter iter;
  gpointer       code;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    {
      const GrCodeEntry *x = gr_code_table_lookup (a, code, NULL);
      const GrCodeEntry *y = gr_code_table_lookup (b, code, NULL);

      if ((x == NULL) != (y == NULL)
          || (x != NULL && (x->role != y->role || g_strcmp0 (x->klass, y->klass) != 0)))
        return FALSE;
    }
  return TRUE;
}

/**
 * gr_code_tables_detect:
 * @counts: (element-type utf8 guint): each code present and its number of
 *   features
 * @path: the layer, for messages
 *
 * The table most of the features' codes are in. Two tables that fit as
 * well but read the codes differently (0501 is wetland in the 2023 guide,
 * retail in GB/T 21010) are not guessed between: the error names both.
 *
 * Returns: (transfer full): a copy the caller may override
 */
GrCodeTable *
gr_code_tables_detect (GPtrArray *tables, GHashTable *counts, const char *path, GError **error)
{
  Fit best = { NULL, 0, 0 }, second = { NULL, 0, 0 };

  for (guint i = 0; i < tables->len; i++)
    {
      Fit fit = fit_table (g_ptr_array_index (tables, i), counts);

      if (fit.exact > best.exact || (fit.exact == best.exact && fit.known > best.known))
        second = best, best = fit;
      else if (fit.exact > second.exact || (fit.exact == second.exact && fit.known > second.known))
        second = fit;
    }
  if (best.table == NULL || best.known == 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%s: the land-use codes are in none of the code tables; name one with "
                      "--code-table ID|FILE"),
                   path);
      return NULL;
    }
  if (second.table != NULL && second.exact == best.exact && second.known == best.known
      && !same_reading (best.table, second.table, counts))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%s: the land-use codes fit both “%s” (%s) and “%s” (%s), which read them "
                      "differently; name the table with --code-table"),
                   path, gr_code_table_get_title (best.table), best.table->id,
                   gr_code_table_get_title (second.table), second.table->id);
      return NULL;
    }
  return gr_code_table_new_from_file (best.table->origin, error);
}

/**
 * gr_landuse_report_to_text:
 *
 * What the import understood of a land-use layer, for a terminal: each
 * code with its features, area and where they went; unknown codes marked
 * with “!”.
 *
 * Returns: (transfer full): lines, each ending in a newline
 */
char *
gr_landuse_report_to_text (const GrLanduseReport *report)
{
  GString *out = g_string_new (NULL);

  /* TRANSLATORS: file: land-use codes in field DLBM, read as <standard> (id) */
  g_string_append_printf (out, _ ("%s: land-use codes in %s, read as %s (%s)\n"), report->path,
                          report->field, report->table_title, report->table_id);
  for (guint i = 0; i < report->codes->len; i++)
    {
      const GrCodeCount *c = &g_array_index (report->codes, GrCodeCount, i);
      g_autofree char   *area = gr_format_number (c->area, 0);
      g_autofree char   *n = g_strdup_printf ("%u", c->n_features);
      const char        *where;

      if (!c->known)
        where = _ ("unknown code: left out");
      else if (c->role == GR_ROLE_NONE)
        where = _ ("not counted");
      else if (!c->taken)
        where = _ ("not taken: another source gives this role");
      else
        where = gr_role_get_label (c->role);
      g_string_append (out, c->known ? "    " : "  ! ");
      gr_format_pad (out, *c->code != '\0' ? c->code : "–", 8);
      gr_format_pad (out, c->name != NULL ? c->name : "?", 24);
      gr_format_pad (out, n, -7);
      g_string_append (out, " ");
      gr_format_pad (out, area, -14);
      g_string_append_printf (out, " m²  → %s\n", where);
    }
  return g_string_free (out, FALSE);
}
