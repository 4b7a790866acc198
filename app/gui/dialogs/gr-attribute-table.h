/* gr-attribute-table.h — a layer's features as a table, or every named
 * feature of the project: sortable columns, search, a selected row shown
 * on the map */
#pragma once

#include <gtk/gtk.h>

#include "gr-project.h"

G_BEGIN_DECLS

#define GR_TYPE_ATTRIBUTE_TABLE (gr_attribute_table_get_type ())
G_DECLARE_FINAL_TYPE (GrAttributeTable, gr_attribute_table, GR, ATTRIBUTE_TABLE, GtkWindow)

GrAttributeTable *gr_attribute_table_new (GtkWindow *parent, GrProject *project, GrRole role);
void              gr_attribute_table_set_search (GrAttributeTable *self, const char *text);
GListModel       *gr_attribute_table_get_rows (GrAttributeTable *self);
void              gr_attribute_table_select (GrAttributeTable *self, guint position);
void gr_attribute_table_sort_by (GrAttributeTable *self, guint column, gboolean ascending);

G_END_DECLS
