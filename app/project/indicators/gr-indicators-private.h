/* gr-indicators-private.h — what the indicator files share */
#pragma once

#include "gr-indicator-table.h"

G_BEGIN_DECLS

const char *_gr_indicator_get_untranslated_unit (GrIndicatorId id);

G_END_DECLS
