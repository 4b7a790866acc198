/* gr-test-main.h — a test program's main from its table of tests: each path
 * and the function that runs it, after an optional set-up */
#pragma once

#include <glib.h>

typedef struct
{
  const char *path;
  GTestFunc   func;
} GrTestCase;

static inline int
gr_test_main (int argc, char **argv, GTestFunc setup, const GrTestCase *cases, gsize n_cases)
{
  g_test_init (&argc, &argv, NULL);
  if (setup != NULL)
    setup ();
  for (gsize i = 0; i < n_cases; i++)
    g_test_add_func (cases[i].path, cases[i].func);
  return g_test_run ();
}

/* GR_TEST_MAIN (setup or NULL, { "/path", test_func }, …) defines main. */
#define GR_TEST_MAIN(setup, ...)                                                                   \
  int main (int argc, char **argv)                                                                 \
  {                                                                                                \
    static const GrTestCase cases[] = { __VA_ARGS__ };                                             \
    return gr_test_main (argc, argv, (setup), cases, G_N_ELEMENTS (cases));                        \
  }
