/* gr-edit.c — one what-if edit of a park or a green space */
#include "config.h"

#include "gr-edit.h"

#include "gr-enum.h"
#include "gr-project-enums.h"

#include "gr-model-private.h"

#include <glib/gi18n-lib.h>

static gint edit_serial; /* every edit made here has its own serial */

typedef struct
{
  GrEdit edit;
  gint64 serial;
} EditBox;

gint64
_gr_edit_get_serial (const GrEdit *edit)
{
  return ((const EditBox *) edit)->serial;
}

/**
 * gr_edit_new:
 * @geometry: (transfer full) (nullable): analysis CRS
 */
GrEdit *
gr_edit_new (GrEditKind kind, GrRole role, guint index, OGRGeometryH geometry)
{
  EditBox *box = g_new0 (EditBox, 1);

  box->edit.kind = kind;
  box->edit.target.role = role;
  box->edit.target.index = index;
  box->edit.geometry = geometry;
  /* Positive and unique for the first 2^31 edits of a run. */
  box->serial = (gint64) g_atomic_int_add (&edit_serial, 1) + 1;
  return &box->edit;
}

GrEdit *
gr_edit_copy (const GrEdit *edit)
{
  GrEdit *copy = gr_edit_new (edit->kind, edit->target.role, edit->target.index,
                              edit->geometry != NULL ? OGR_G_Clone (edit->geometry) : NULL);

  copy->name = g_strdup (edit->name);
  copy->klass = g_strdup (edit->klass);
  copy->suggested = edit->suggested;
  return copy;
}

void
gr_edit_free (GrEdit *edit)
{
  if (edit == NULL)
    return;
  if (edit->geometry != NULL)
    OGR_G_DestroyGeometry (edit->geometry);
  g_free (edit->name);
  g_free (edit->klass);
  g_free ((EditBox *) edit);
}

/* The kinds' keys are the enum's nicks (gr-edit.h). */
const char *
gr_edit_kind_to_string (GrEditKind kind)
{
  const char *nick = gr_enum_get_nick (GR_TYPE_EDIT_KIND, kind);

  g_return_val_if_fail (nick != NULL, NULL);
  return nick;
}

gboolean
gr_edit_kind_from_string (const char *text, GrEditKind *kind)
{
  int value;

  if (!gr_enum_from_nick (GR_TYPE_EDIT_KIND, text, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

/* ADD, RESHAPE and MOVE carry the feature's new outline. */
gboolean
gr_edit_kind_has_outline (GrEditKind kind)
{
  return kind == GR_EDIT_ADD || kind == GR_EDIT_RESHAPE || kind == GR_EDIT_MOVE;
}

guint
_gr_feature_key_hash (gconstpointer key)
{
  const GrFeatureKey *k = key;
  return k->role * 2654435761u ^ k->index;
}

gboolean
_gr_feature_key_equal (gconstpointer a, gconstpointer b)
{
  const GrFeatureKey *x = a, *y = b;
  return x->role == y->role && x->index == y->index;
}
