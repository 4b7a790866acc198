/* gr-edit-item.h — one edit of a scenario's history, as the history panel shows it */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GR_TYPE_EDIT_ITEM (gr_edit_item_get_type ())
G_DECLARE_FINAL_TYPE (GrEditItem, gr_edit_item, GR, EDIT_ITEM, GObject)

GrEditItem *gr_edit_item_new (void);
const char *gr_edit_item_get_text (GrEditItem *self);
void        gr_edit_item_set_text (GrEditItem *self, const char *text);
const char *gr_edit_item_get_tooltip (GrEditItem *self);
void        gr_edit_item_set_tooltip (GrEditItem *self, const char *tooltip);
gboolean    gr_edit_item_get_done (GrEditItem *self);
void        gr_edit_item_set_done (GrEditItem *self, gboolean done);

G_END_DECLS
