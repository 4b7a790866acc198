/* gr-output-file.c — a file written whole or not at all */
#include "config.h"

#include "gr-output-file.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct _GrOutputFile
{
  char *path;
  char *temporary;
  int   fd;
  int   error; /* the first errno of a write, or 0 */
};

/* The hidden names of files being written to @path:
 * ".NAME.partial-PID-XXXXXX". */
static char *
temporary_prefix (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_strdup_printf (".%s.partial-", base);
}

/* The six characters mkstemp puts for XXXXXX. */
static gboolean
is_unique_part (const char *text)
{
  if (strlen (text) != 6)
    return FALSE;
  for (int i = 0; i < 6; i++)
    if (!g_ascii_isalnum (text[i]))
      return FALSE;
  return TRUE;
}

/* A writer killed mid-file leaves its hidden file: gone with a later write
 * of the same target, once the process that made it is gone and the file
 * has not changed for two minutes (a writer in another PID namespace is
 * still writing to its own). */
static void
remove_abandoned (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *prefix = temporary_prefix (path);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      char            *end = NULL;
      long             pid;
      g_autofree char *stale = NULL;

      if (!g_str_has_prefix (name, prefix))
        continue;
      GStatBuf st;

      pid = strtol (name + strlen (prefix), &end, 10);
      if (end == NULL || *end != '-' || !is_unique_part (end + 1) || pid <= 0
          || (kill ((pid_t) pid, 0) == 0 || errno != ESRCH))
        continue;
      stale = g_build_filename (folder, name, NULL);
      if (g_lstat (stale, &st) == 0 && S_ISREG (st.st_mode) && time (NULL) - st.st_mtime > 120)
        g_unlink (stale);
    }
}

static gboolean
fail (GrOutputFile *file, int code, GError **error)
{
  g_autofree char *name = g_filename_display_name (file->path);

  if (code == ENOSPC || code == EFBIG || code == EDQUOT)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (code),
                 _ ("%s: not written: the disk is full (%s); the file before is unchanged"), name,
                 g_strerror (code));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (code),
                 _ ("%s: not written: %s; the file before is unchanged"), name, g_strerror (code));
  return FALSE;
}

/**
 * gr_output_file_new:
 *
 * Opens a hidden file beside @path to write to, with the permissions a
 * new file gets from the umask.
 */
GrOutputFile *
gr_output_file_new (const char *path, GError **error)
{
  g_autoptr (GrOutputFile) file = g_new0 (GrOutputFile, 1);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *prefix = temporary_prefix (path);
  g_autofree char *pattern = g_strdup_printf ("%s%ld-XXXXXX", prefix, (long) getpid ());

  file->path = g_strdup (path);
  file->fd = -1;
  remove_abandoned (path);
  file->temporary = g_build_filename (folder, pattern, NULL);
  /* Created 0666 less the umask, as any new file. */
  if ((file->fd = g_mkstemp_full (file->temporary, O_RDWR | O_CLOEXEC, 0666)) < 0)
    {
      g_clear_pointer (&file->temporary, g_free);
      fail (file, errno, error);
      return NULL;
    }
  return g_steal_pointer (&file);
}

/* A cairo_write_func_t: @file is the GrOutputFile. */
cairo_status_t
gr_output_file_write (void *closure, const unsigned char *data, unsigned int length)
{
  GrOutputFile *file = closure;

  while (length > 0 && file->error == 0)
    {
      ssize_t n = write (file->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          file->error = n < 0 ? errno : ENOSPC;
          break;
        }
      data += n, length -= (unsigned int) n;
    }
  return file->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/**
 * gr_output_file_commit:
 * @file: (transfer full)
 * @drawn: how the drawing written to it ended (cairo's status)
 *
 * Makes the file written the one at its path, if it was drawn, every write
 * succeeded and it reached the disk; otherwise removes it.
 */
gboolean
gr_output_file_commit (GrOutputFile *file, cairo_status_t drawn, GError **error)
{
  int code = file->error;

  if (code == 0 && drawn != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (file->path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("%s: not written: %s; the file before is unchanged"), name,
                   cairo_status_to_string (drawn));
      gr_output_file_abort (file);
      return FALSE;
    }

  if (code == 0 && fsync (file->fd) != 0)
    code = errno;
  if (close (file->fd) != 0 && code == 0)
    code = errno;
  file->fd = -1;
  if (code == 0 && g_rename (file->temporary, file->path) != 0)
    code = errno;
  if (code != 0)
    {
      fail (file, code, error);
      gr_output_file_abort (file);
      return FALSE;
    }
  g_clear_pointer (&file->temporary, g_free);
  gr_output_file_abort (file);
  return TRUE;
}

/* Gives the file up: the target stays as it was. */
void
gr_output_file_abort (GrOutputFile *file)
{
  if (file == NULL)
    return;
  if (file->fd >= 0)
    close (file->fd);
  if (file->temporary != NULL)
    g_unlink (file->temporary);
  g_free (file->temporary);
  g_free (file->path);
  g_free (file);
}
