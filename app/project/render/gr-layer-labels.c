/* gr-layer-labels.c — the names of the project's zones, parks, water and
 * green space over the map
 *
 * Zones first (街道 and 社区 frame the rest), then parks, water and green
 * space, the larger first; a feature is named only where its box on the
 * surface is larger than its name, and never over another name.
 */
#include "config.h"

#include "gr-labels.h"
#include "gr-render-private.h"

#include <math.h>

/* At most this many names are tried per drawing: the largest features. */
#define MAX_CANDIDATES 3000

static const struct
{
  GrRole       role;
  GrLabelStyle style;
  double       size; /* pixels at 96 dpi, at street zoom */
} labelled[] = {
  { GR_ROLE_ZONES, GR_LABEL_ZONE, 13 },
  { GR_ROLE_PARK, GR_LABEL_PARK, 12 },
  { GR_ROLE_WATER, GR_LABEL_WATER, 11.5 },
  { GR_ROLE_GREEN, GR_LABEL_GREEN, 10.5 },
};

typedef struct
{
  const GrDisplayFeature *f;
  double                  area; /* its box on the surface, pixels² */
} Candidate;

static int
larger_first (gconstpointer a, gconstpointer b)
{
  double x = ((const Candidate *) a)->area, y = ((const Candidate *) b)->area;

  return x > y ? -1 : x < y;
}

static void
label_role (GrLabels    *labels,
            GrDisplay   *display,
            guint        which,
            const double a[4],
            double       width,
            double       height,
            double       scale)
{
  GPtrArray *features = gr_display_get_features (display, labelled[which].role);
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  double zoom = gr_render_zoom (a);

  for (guint i = 0; i < features->len; i++)
    {
      const GrDisplayFeature *f = g_ptr_array_index (features, i);
      double                  x0 = a[0] * f->bounds[0] + a[2], x1 = a[0] * f->bounds[2] + a[2];
      double                  y0 = a[1] * f->bounds[1] + a[3], y1 = a[1] * f->bounds[3] + a[3];

      if (f->name == NULL || f->kind != GR_SHAPE_AREA || x1 < 0 || y1 < 0 || x0 > width
          || y0 > height || (x1 - x0) < 40 * scale || (y1 - y0) < 14 * scale)
        continue;
      g_array_append_val (candidates, ((Candidate){ f, (x1 - x0) * (y1 - y0) }));
    }
  g_array_sort (candidates, larger_first);
  for (guint i = 0; i < MIN (candidates->len, MAX_CANDIDATES); i++)
    {
      const GrDisplayFeature *f = g_array_index (candidates, Candidate, i).f;
      GrLabel                 label = { f->name, 0, 0, 0, 0, labelled[which].style, FALSE };
      double                  w, h, mx, my;

      if (!gr_labels_inside_point (f->mercator, f->bounds, &mx, &my))
        continue;
      label.x = a[0] * mx + a[2];
      label.y = a[1] * my + a[3];
      label.bold = labelled[which].role == GR_ROLE_ZONES;
      /* A size down at city scale, up to the full size at street scale. */
      label.size = labelled[which].size * scale * CLAMP (0.8 + 0.05 * (zoom - 12), 0.8, 1.0);
      /* The name fits its feature, or a zone's is left for a closer view. */
      if (!gr_labels_measure (labels, &label, &w, &h)
          || w > (a[0] * (f->bounds[2] - f->bounds[0])) * 1.2)
        continue;
      gr_labels_place (labels, &label);
    }
}

/**
 * gr_render_labels:
 * @scale: text size: 1 at 96 dpi
 *
 * The names of the layers whose labels @style turns on and that it shows.
 */
void
gr_render_labels (cairo_t          *cr,
                  GrDisplay        *display,
                  const GrMapStyle *style,
                  const double      affine[4],
                  double            width,
                  double            height,
                  double            scale)
{
  g_autoptr (GrLabels) labels = gr_labels_new ();

  for (guint i = 0; i < G_N_ELEMENTS (labelled); i++)
    {
      GrRole role = labelled[i].role;

      if (style->labels[role] && !style->hidden[role] && style->opacity[role] > 0)
        label_role (labels, display, i, affine, width, height, scale);
    }
  gr_labels_draw (labels, cr, 0, 0, width, height);
}
