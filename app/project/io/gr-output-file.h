/* gr-output-file.h — a file written whole or not at all
 *
 * Written beside its target under a hidden name, flushed to the disk and
 * renamed over the target only when every byte is there: a full disk, a
 * killed process or a failed drawing leaves the file before untouched.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _GrOutputFile GrOutputFile;

GrOutputFile  *gr_output_file_new (const char *path, GError **error);
cairo_status_t gr_output_file_write (void *file, const unsigned char *data, unsigned int length);
gboolean       gr_output_file_commit (GrOutputFile *file, cairo_status_t drawn, GError **error);
void           gr_output_file_abort (GrOutputFile *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrOutputFile, gr_output_file_abort)

G_END_DECLS
