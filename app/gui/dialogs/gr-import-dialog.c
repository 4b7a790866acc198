/* gr-import-dialog.c — "Import …": what the file is and what it holds
 *
 * The role (or "land use, sorted by its codes" for a layer with a code
 * field) is preselected from the file's fields and name; the layer is read
 * off the main thread as the import would read it, and shown before
 * anything is computed: its encoding and CRS, each land-use code with its
 * features, area and role (unknown codes marked), the residents. An import
 * that would fail says why, naming the file, and cannot be started.
 */
#include "config.h"

#include "gr-import-dialog.h"

#include "gr-pg.h"

#include "gr-code-table.h"
#include "gr-format.h"
#include "gr-population.h"
#include "gr-source-preview.h"

#include <glib/gi18n.h>
#include <string.h>

struct _GrImportDialog
{
  AdwMessageDialog parent_instance;

  GtkDropDown *roles; /* 0: land use by code, then each GrRole */
  GtkLabel    *layer_label;
  GtkLabel    *encoding_label;
  GtkLabel    *crs_label;
  GtkDropDown *crs_choice; /* CRS_KEYS */
  GtkLabel    *code_label;
  GtkSpinner  *spinner;
  GtkLabel    *status_label;
  GtkGrid     *preview;

  char         *path;
  char         *over_crs; /* the open project's, or NULL */
  double        over_extent[4];
  char         *over_name;
  gboolean      listening;    /* a role chosen now is the user's choice */
  gboolean      find_landuse; /* the role is not chosen yet: a code field makes it land use */
  GCancellable *cancellable;  /* the preview being read */
  GString      *text;         /* the preview as lines, for tests */
  gboolean      ready;
};

G_DEFINE_FINAL_TYPE (GrImportDialog, gr_import_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The coordinates a file can be read as, in the drop-down's order: its
 * own, or longitude/latitude copied from a Chinese web map (gr-offset.h). */
static const char *const crs_keys[] = { NULL, "GCJ-02", "BD-09" };

static void read_preview (GrImportDialog *self);

/* ---- the preview grid ----------------------------------------------------------- */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
add_cell (GrImportDialog *self,
          int             column,
          int             row,
          const char     *text,
          gboolean        number,
          const char     *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (self->preview, label, column, row, 1, 1);
}

static void
add_header (GrImportDialog *self, const char *const *titles)
{
  /* The counts and areas are in columns 2 and 3, aligned right. */
  for (int c = 0; titles[c] != NULL; c++)
    add_cell (self, c, 0, titles[c], c == 2 || c == 3, "heading");
}

static void
show_codes (GrImportDialog *self, const GrLanduseReport *report)
{
  const char *titles[] = {
    _ ("Code"), _ ("Name"), _ ("Features"), _ ("Area"), _ ("Counts as"), NULL
  };

  add_header (self, titles);
  for (guint i = 0; i < report->codes->len; i++)
    {
      const GrCodeCount *c = &g_array_index (report->codes, GrCodeCount, i);
      g_autofree char   *code =
          g_strdup_printf ("%s%s", c->known ? "" : "! ", *c->code != '\0' ? c->code : "–");
      g_autofree char *n = g_strdup_printf ("%u", c->n_features);
      g_autofree char *area = gr_format_area (c->area);
      const char      *role = !c->known                 ? _ ("unknown code: left out")
                              : c->role == GR_ROLE_NONE ? _ ("not counted")
                              : !c->taken               ? _ ("given by another source")
                                                        : gr_role_get_label (c->role);
      const char      *style = !c->known ? "error" : c->role == GR_ROLE_NONE ? "dim-label" : NULL;

      add_cell (self, 0, i + 1, code, FALSE, style);
      add_cell (self, 1, i + 1, c->name != NULL ? c->name : "?", FALSE, style);
      add_cell (self, 2, i + 1, n, TRUE, style);
      add_cell (self, 3, i + 1, area, TRUE, style);
      add_cell (self, 4, i + 1, role, FALSE, style);
      g_string_append_printf (self->text, "%s\t%s\t%s\t%s\t%s\n", code, c->name ? c->name : "?", n,
                              area, role);
    }
}

static double
layer_area (const GrLayer *layer)
{
  double area = 0;

  for (guint i = 0; i < layer->features->len; i++)
    area += gr_geometry_area (((GrFeature *) g_ptr_array_index (layer->features, i))->geometry);
  return area;
}

static void
show_layers (GrImportDialog *self, GrProject *project)
{
  const char *titles[] = { _ ("Layer"), "", _ ("Features"), _ ("Area"), NULL };
  int         row = 1;

  add_header (self, titles);
  for (guint r = 0; r < GR_N_ROLES; r++)
    {
      GrLayer         *layer = project->layers[r];
      g_autofree char *n = NULL;
      g_autofree char *area = NULL;

      if (layer == NULL)
        continue;
      n = g_strdup_printf ("%u", layer->features->len);
      area = gr_format_area (layer_area (layer));
      add_cell (self, 0, row, gr_role_get_label (r), FALSE, NULL);
      add_cell (self, 2, row, n, TRUE, NULL);
      add_cell (self, 3, row, area, TRUE, NULL);
      g_string_append_printf (self->text, "%s\t%s\t%s\n", gr_role_get_label (r), n, area);
      row++;
    }
}

static char *
residents_line (GrProject *project)
{
  GrLayer         *pop = project->layers[GR_ROLE_POPULATION];
  g_autofree char *how = gr_population_describe (project);
  g_autofree char *total = NULL;
  double           people = 0;

  if (pop == NULL)
    return NULL;
  for (guint i = 0; i < pop->features->len; i++)
    people += ((GrFeature *) g_ptr_array_index (pop->features, i))->value;
  total = gr_format_number (people, 0);
  /* TRANSLATORS: "71,724 residents. Residents: a population raster, …" */
  return g_strdup_printf (_ ("%s residents. %s"), total, how);
}

static void
show_preview (GrImportDialog *self, GrSourcePreview *preview)
{
  g_autoptr (GString) status = g_string_new (NULL);
  g_autofree char *residents = NULL;
  g_autofree char *crs = NULL;

  gtk_label_set_text (self->layer_label, preview->layer != NULL ? preview->layer : "–");
  gtk_label_set_text (self->encoding_label, preview->encoding != NULL ? preview->encoding : "–");
  if (gtk_drop_down_get_selected (self->crs_choice) > 0)
    /* TRANSLATORS: "WGS 84, read as GCJ-02 and shifted to WGS 84" */
    crs = g_strdup_printf (_ ("%s, read as %s and shifted to WGS 84"),
                           preview->crs_name != NULL ? preview->crs_name : _ ("none given"),
                           crs_keys[gtk_drop_down_get_selected (self->crs_choice)]);
  else if (preview->layer == NULL)
    crs = g_strdup ("–"); /* nothing could be read */
  else
    crs = preview->crs_name != NULL          ? g_strdup (preview->crs_name)
          : gr_pg_is_connection (self->path) ? g_strdup (_ ("none given (no SRID): see below"))
                                             : g_strdup (_ ("none given (no .prj): see below"));
  gtk_label_set_text (self->crs_label, crs);
  gtk_label_set_text (self->code_label,
                      preview->code_field != NULL ? preview->code_field : _ ("no code field"));
  clear_grid (self->preview);
  g_string_truncate (self->text, 0);
  if (preview->project == NULL)
    {
      g_string_append (status, preview->error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      if (preview->project->landuse->len > 0)
        {
          GrLanduseReport *report = g_ptr_array_index (preview->project->landuse, 0);

          g_string_append_printf (status, _ ("Codes in %s, read as %s (%s)."), report->field,
                                  report->table_title, report->table_id);
          show_codes (self, report);
        }
      else
        show_layers (self, preview->project);
      if ((residents = residents_line (preview->project)) != NULL)
        g_string_append_printf (status, "%s%s", status->len > 0 ? "\n" : "", residents);
      for (guint i = 0; i < preview->project->warnings->len; i++)
        g_string_append_printf (status, "%s%s", status->len > 0 ? "\n" : "",
                                (const char *) g_ptr_array_index (preview->project->warnings, i));
    }
  gtk_label_set_text (self->status_label, status->str);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "import",
                                           preview->project != NULL);
}

/* ---- reading it off the main thread ----------------------------------------------- */

static void
on_preview_read (GObject *object, GAsyncResult *result, gpointer data)
{
  g_autoptr (GrImportDialog) self = data;
  g_autoptr (GrSourcePreview) preview = gr_source_preview_new_finish (result);

  /* A later role's preview, or the dialog closed: not this one's to show. */
  if (preview == NULL || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  gtk_spinner_stop (self->spinner);
  if (self->find_landuse && preview->landuse)
    {
      /* Found by its code field: shown as what it was read as. */
      self->listening = FALSE;
      gtk_drop_down_set_selected (self->roles, 0);
      self->listening = TRUE;
    }
  self->find_landuse = FALSE;
  show_preview (self, preview);
  self->ready = TRUE;
}

static void
read_preview (GrImportDialog *self)
{
  g_autoptr (GrSource) source = gr_import_dialog_get_source (self);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->ready = FALSE;
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "import", FALSE);
  gtk_spinner_start (self->spinner);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_label_set_text (self->status_label, _ ("Reading the layer…"));
  gr_source_preview_new_async (source, self->find_landuse, self->over_crs, self->over_extent,
                               self->over_name, self->cancellable, on_preview_read,
                               g_object_ref (self));
}

static void
on_role_selected (GrImportDialog *self)
{
  if (!self->listening)
    return;
  /* Chosen by hand: read as chosen. */
  self->find_landuse = FALSE;
  read_preview (self);
}

static void
on_crs_selected (GrImportDialog *self)
{
  if (self->listening)
    read_preview (self);
}

/* ---- the class ---------------------------------------------------------------------- */

static void
gr_import_dialog_dispose (GObject *object)
{
  GrImportDialog *self = GR_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (gr_import_dialog_parent_class)->dispose (object);
}

static void
gr_import_dialog_finalize (GObject *object)
{
  GrImportDialog *self = GR_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_string_free (self->text, TRUE);
  g_free (self->path);
  g_free (self->over_crs);
  g_free (self->over_name);
  G_OBJECT_CLASS (gr_import_dialog_parent_class)->finalize (object);
}

static void
gr_import_dialog_class_init (GrImportDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_import_dialog_dispose;
  object_class->finalize = gr_import_dialog_finalize;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/dialogs/gr-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GrImportDialog, roles);
  gtk_widget_class_bind_template_child (widget_class, GrImportDialog, layer_label);
  gtk_widget_class_bind_template_child (widget_class, GrImportDialog, encoding_label);
  gtk_widget_class_bind_template_child (widget_class, GrImportDialog, crs_label);
  gtk_widget_class_bind_template_child (widget_class, GrImportDialog, crs_choice);
  gtk_widget_class_bind_template_child (widget_class, GrImportDialog, code_label);
  gtk_widget_class_bind_template_child (widget_class, GrImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, GrImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, GrImportDialog, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_role_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_crs_selected);
}

static void
gr_import_dialog_init (GrImportDialog *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->text = g_string_new (NULL);
  gtk_string_list_append (labels, _ ("land use, sorted by its codes"));
  for (guint r = 0; r < GR_N_ROLES; r++)
    gtk_string_list_append (labels, gr_role_get_label (r));
  gtk_drop_down_set_model (self->roles, G_LIST_MODEL (labels));
}

/**
 * gr_import_dialog_new:
 * @path: the data file, or a database table (PG:… tables=…)
 * @over: (nullable): the open project it would go into: the preview reads
 *   the layer as the import over it will (its CRS, near its layers)
 * @over_name: (nullable): what messages call @over, its file
 *
 * Shows the dialog and starts reading the file with the role it guesses.
 */
GrImportDialog *
gr_import_dialog_new (GtkWindow *parent, const char *path, GrProject *over, const char *over_name)
{
  g_autofree char *table = gr_pg_is_connection (path) ? gr_pg_first_table (path) : NULL;
  g_autofree char *name = table != NULL ? g_strdup (table) : g_path_get_basename (path);
  g_autofree char *heading = g_strdup_printf (_ ("Import “%s”"), name);
  GrImportDialog  *self = g_object_new (GR_TYPE_IMPORT_DIALOG, "transient-for", parent, "modal",
                                        TRUE, "heading", heading, NULL);

  GrRole role = GR_ROLE_GREEN;

  /* The role the name suggests, until the reading finds a code field. */
  gr_role_guess_from_name (name, &role);
  gtk_drop_down_set_selected (self->roles, role + 1);
  self->path = g_strdup (path);
  if (over != NULL && over->crs_wkt != NULL)
    {
      self->over_crs = g_strdup (over->crs_wkt);
      memcpy (self->over_extent, over->extent, sizeof self->over_extent);
      self->over_name = g_strdup (over_name);
    }
  if (table != NULL)
    adw_message_dialog_set_body (
        ADW_MESSAGE_DIALOG (self),
        _ ("What the table holds, as it will be read. Nothing is computed until it is imported."));
  self->find_landuse = TRUE;
  self->listening = TRUE;
  read_preview (self);
  return self;
}

const char *
gr_import_dialog_get_path (GrImportDialog *self)
{
  g_return_val_if_fail (GR_IS_IMPORT_DIALOG (self), NULL);
  return self->path;
}

/**
 * gr_import_dialog_get_source:
 *
 * Returns: (transfer full): the file with the role chosen
 */
GrSource *
gr_import_dialog_get_source (GrImportDialog *self)
{
  GrSource *source;
  guint     choice;

  g_return_val_if_fail (GR_IS_IMPORT_DIALOG (self), NULL);
  choice = gtk_drop_down_get_selected (self->roles);
  source = g_new0 (GrSource, 1);
  gr_source_set_path (source, self->path);
  source->landuse = choice == 0;
  source->role = choice > 0 && choice <= GR_N_ROLES ? choice - 1 : GR_ROLE_GREEN;
  choice = gtk_drop_down_get_selected (self->crs_choice);
  source->crs = g_strdup (choice < G_N_ELEMENTS (crs_keys) ? crs_keys[choice] : NULL);
  return source;
}

/* Chooses the role (GR_N_ROLES: land use by code) and reads the file again. */
void
gr_import_dialog_set_role (GrImportDialog *self, GrRole role)
{
  g_return_if_fail (GR_IS_IMPORT_DIALOG (self));
  gtk_drop_down_set_selected (self->roles, role >= GR_N_ROLES ? 0 : role + 1);
}

/* Whether the preview of the chosen role is shown. */
gboolean
gr_import_dialog_is_ready (GrImportDialog *self)
{
  g_return_val_if_fail (GR_IS_IMPORT_DIALOG (self), FALSE);
  return self->ready;
}

/* The preview's rows, tab-separated, an unknown code marked “! ”; and
 * the status line (what was understood, or why it cannot be imported). */
const char *
gr_import_dialog_get_preview_text (GrImportDialog *self)
{
  g_return_val_if_fail (GR_IS_IMPORT_DIALOG (self), NULL);
  return self->text->str;
}

const char *
gr_import_dialog_get_status (GrImportDialog *self)
{
  g_return_val_if_fail (GR_IS_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_text (self->status_label);
}

const char *
gr_import_dialog_get_encoding (GrImportDialog *self)
{
  g_return_val_if_fail (GR_IS_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_text (self->encoding_label);
}

const char *
gr_import_dialog_get_crs (GrImportDialog *self)
{
  g_return_val_if_fail (GR_IS_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_text (self->crs_label);
}

/**
 * gr_import_dialog_set_source_crs:
 * @crs: (nullable): "GCJ-02" or "BD-09"; %NULL for the file's own
 *
 * Chooses what the coordinates are read as, and reads the file again.
 */
void
gr_import_dialog_set_source_crs (GrImportDialog *self, const char *crs)
{
  g_return_if_fail (GR_IS_IMPORT_DIALOG (self));
  for (guint i = 0; i < G_N_ELEMENTS (crs_keys); i++)
    if (g_strcmp0 (crs_keys[i], crs) == 0)
      gtk_drop_down_set_selected (self->crs_choice, i);
}
