/* gr-edit.h — one what-if edit of a park or a green space of the baseline
 *
 * Candidate parks added by a scenario are park features numbered after the
 * baseline's.
 */
#pragma once

#include "gr-project.h"

G_BEGIN_DECLS

typedef enum
{
  GR_EDIT_ADD /*< nick=add >*/,         /* a candidate park */
  GR_EDIT_RESHAPE /*< nick=reshape >*/, /* a new outline: moved, reshaped, reduced */
  GR_EDIT_REMOVE /*< nick=remove >*/,
  GR_EDIT_RENAME /*< nick=rename >*/, /* name and class */
  GR_EDIT_MOVE /*< nick=move >*/,     /* the same outline somewhere else */
} GrEditKind;

typedef struct
{
  GrRole role;  /* GR_ROLE_PARK or GR_ROLE_GREEN */
  guint  index; /* in the baseline layer; candidates follow the baseline parks */
} GrFeatureKey;

typedef struct
{
  GrEditKind   kind;
  GrFeatureKey target;
  OGRGeometryH geometry;  /* ADD, RESHAPE, MOVE: analysis CRS */
  char        *name;      /* ADD, RENAME */
  char        *klass;     /* ADD, RENAME: class text, e.g. "G14 口袋公园" */
  gboolean     suggested; /* ADD: a site that site suggestion placed */
} GrEdit;

GrEdit     *gr_edit_new (GrEditKind kind, GrRole role, guint index, OGRGeometryH geometry);
GrEdit     *gr_edit_copy (const GrEdit *edit);
void        gr_edit_free (GrEdit *edit);
const char *gr_edit_kind_to_string (GrEditKind kind);
gboolean    gr_edit_kind_from_string (const char *text, GrEditKind *kind);
gboolean    gr_edit_kind_has_outline (GrEditKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrEdit, gr_edit_free)

G_END_DECLS
