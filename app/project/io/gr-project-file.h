/* gr-project-file.h — a project saved as one GeoPackage, or into a
 * database's schema (PG:… schema=NAME), and read back */
#pragma once

#include "gr-project.h"

#include "gr-db.h"

G_BEGIN_DECLS

gboolean   gr_project_save (GrProject *project, const char *path, GError **error);
gboolean   gr_project_save_with_scenarios (GrProject  *project,
                                           const char *path,
                                           GPtrArray  *scenarios,
                                           GError    **error);
GrProject *gr_project_load (const char *path, GError **error);
gboolean   gr_project_file_is_project (const char *path);
gboolean   gr_project_file_is_read_only (const char *path);
char      *gr_project_file_get_name (const char *path);
char      *gr_project_file_read_uri (const char *path);
GrDb      *gr_project_file_open_db (const char *path,
                                    gboolean    write,
                                    const char *read_only_message,
                                    GError    **error);

G_END_DECLS
