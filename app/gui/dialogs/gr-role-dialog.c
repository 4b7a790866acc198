/* gr-role-dialog.c — "Import …": every role, the one the file's name
 * suggests (公园/park, 绿地/green, 居住/residential…) chosen to start; the
 * "import" response says to go on */
#include "config.h"

#include "gr-role-dialog.h"

#include <glib/gi18n.h>

struct _GrRoleDialog
{
  AdwMessageDialog parent_instance;

  GtkDropDown *roles;
  char        *path;
};

G_DEFINE_FINAL_TYPE (GrRoleDialog, gr_role_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
gr_role_dialog_finalize (GObject *object)
{
  g_free (GR_ROLE_DIALOG (object)->path);
  G_OBJECT_CLASS (gr_role_dialog_parent_class)->finalize (object);
}

static void
gr_role_dialog_class_init (GrRoleDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gr_role_dialog_finalize;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/dialogs/gr-role-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GrRoleDialog, roles);
}

static void
gr_role_dialog_init (GrRoleDialog *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint r = 0; r < GR_N_ROLES; r++)
    gtk_string_list_append (labels, gr_role_get_label (r));
  gtk_drop_down_set_model (self->roles, G_LIST_MODEL (labels));
}

GrRoleDialog *
gr_role_dialog_new (GtkWindow *parent, const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *heading = g_strdup_printf (_ ("Import “%s”"), name);
  GrRoleDialog    *self = g_object_new (GR_TYPE_ROLE_DIALOG, "transient-for", parent, "modal", TRUE,
                                        "heading", heading, NULL);
  GrRole           guess = GR_ROLE_GREEN;

  self->path = g_strdup (path);
  gr_role_guess_from_name (name, &guess);
  gtk_drop_down_set_selected (self->roles, guess);
  return self;
}

const char *
gr_role_dialog_get_path (GrRoleDialog *self)
{
  g_return_val_if_fail (GR_IS_ROLE_DIALOG (self), NULL);
  return self->path;
}

GrRole
gr_role_dialog_get_role (GrRoleDialog *self)
{
  g_return_val_if_fail (GR_IS_ROLE_DIALOG (self), GR_ROLE_GREEN);
  return gtk_drop_down_get_selected (self->roles);
}
