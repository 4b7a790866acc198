/* gr-indicators-private.h — what the indicator files share */
#pragma once

#include "gr-indicator-table.h"

G_BEGIN_DECLS

const char *_gr_indicator_get_untranslated_unit (GrIndicatorId id);

/* Union–find over items 0..n-1 (parent[i] = i to start): a set's root is
 * its lowest item, so numbering the roots in order numbers the sets in
 * order of their first item. */
static inline guint
_gr_union_find (guint *parent, guint i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

static inline void
_gr_union_join (guint *parent, guint a, guint b)
{
  a = _gr_union_find (parent, a);
  b = _gr_union_find (parent, b);
  if (a != b)
    parent[MAX (a, b)] = MIN (a, b);
}

G_END_DECLS
