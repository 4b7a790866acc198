/* gr-test-run.h — running a program as a user would: its exit status and
 * what it printed */
#pragma once

#include <glib.h>
#include <stdarg.h>
#include <sys/wait.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static inline void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs @program with @args (%NULL-terminated), in the test's environment
 * with @env_extra's name, value pairs set over it. */
static inline Run
gr_test_run_argv (const char *const *env_extra, const char *program, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) env = g_get_environ ();
  g_autoptr (GError) error = NULL;
  Run run = { 0 };
  int wait_status;

  g_ptr_array_add (argv, (char *) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  for (guint i = 0; env_extra != NULL && env_extra[i] != NULL; i += 2)
    env = g_environ_setenv (env, env_extra[i], env_extra[i + 1], TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &run.out, &run.err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run.status = WEXITSTATUS (wait_status);
  return run;
}

/* The same with the arguments from @first to %NULL. */
static inline Run
gr_test_run_va (const char *const *env_extra, const char *program, const char *first, va_list ap)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  g_ptr_array_add (args, NULL);
  return gr_test_run_argv (env_extra, program, (const char *const *) args->pdata);
}

/* greenreach-cli (the build's, from GREENREACH_CLI) with its arguments. */
static inline Run
run_cli_env (const char *const *env_extra, const char *first, ...)
{
  va_list ap;
  Run     run;

  va_start (ap, first);
  run = gr_test_run_va (env_extra, g_getenv ("GREENREACH_CLI"), first, ap);
  va_end (ap);
  return run;
}

/* Another program (poppler's pdftotext…) with its arguments, from PATH. */
static inline Run
run_tool (const char *program, ...)
{
  va_list ap;
  Run     run;

  va_start (ap, program);
  run = gr_test_run_va (NULL, program, va_arg (ap, const char *), ap);
  va_end (ap);
  return run;
}
