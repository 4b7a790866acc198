/* test-async.c — the project library's _async calls: the same results as
 * the blocking ones, cancellation, and progress on the caller's context */
#include "gr-compare.h"
#include "gr-evaluate.h"
#include "gr-project-file.h"
#include "gr-report.h"
#include "gr-session.h"

#include "gr-test-util.h"

#include <string.h>

/* The sample, opened once through gr_session_open_async() by the first
 * test that needs it. */
static GrSession *sample;

/* Runs the default main context until @result is set. */
static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
on_ready (GObject *source, GAsyncResult *result, gpointer data)
{
  GAsyncResult **out = data;

  g_assert_null (source);
  *out = g_object_ref (result);
}

static GrSession *
open_sample (void)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  if (sample != NULL)
    return sample;
  gr_session_open_async (g_getenv ("GREENREACH_SAMPLE"), NULL, NULL, on_ready, &result);
  sample = gr_session_open_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (sample);
  return sample;
}

static GrCriteria
default_criteria (void)
{
  GrCriteria c;

  gr_criteria_init_default (&c);
  return c;
}

/* The sample, opened and analysed asynchronously, gives what the blocking
 * calls give, supply references included. */
static void
test_open_and_analyse (void)
{
  GrProject *project = gr_session_get_project (open_sample ());
  GrCriteria c = default_criteria ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) refs = NULL;
  g_autoptr (GArray) sync_refs = g_array_new (FALSE, FALSE, sizeof (GrSupplyRef));
  g_autoptr (GrAnalysis) analysis = NULL;
  g_autoptr (GrAnalysis) expected = gr_project_build_analysis (project, &c, sync_refs, &error);
  GrSummary got, want;

  g_assert_no_error (error);
  g_assert_nonnull (gr_session_get_display (sample));
  gr_project_build_analysis_async (project, &c, NULL, on_ready, &result);
  analysis = gr_project_build_analysis_finish (wait_for (&result), &refs, &error);
  g_assert_no_error (error);
  g_assert_nonnull (analysis);
  gr_analysis_summarize (analysis, -1, &got);
  gr_analysis_summarize (expected, -1, &want);
  g_assert_cmpfloat (want.residential.area_m2, >, 0);
  g_assert_cmpmem (&got, sizeof got, &want, sizeof want);
  g_assert_cmpuint (refs->len, ==, sync_refs->len);
  g_assert_cmpmem (refs->data, refs->len * sizeof (GrSupplyRef), sync_refs->data,
                   sync_refs->len * sizeof (GrSupplyRef));
}

/* Cancelled before it could start: the callback still comes, from the
 * main loop, with G_IO_ERROR_CANCELLED, and nothing leaks. */
static void
test_cancel_open (void)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GrSession *session;

  g_cancellable_cancel (cancellable);
  gr_session_open_async (g_getenv ("GREENREACH_SAMPLE"), NULL, cancellable, on_ready, &result);
  g_assert_null (result);
  session = gr_session_open_finish (wait_for (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (session);
}

/* Cancelled while it runs: the analysis the thread still builds is freed
 * with the task, and the caller sees only the cancellation. */
static void
test_cancel_analysis (void)
{
  GrProject *project = gr_session_get_project (open_sample ());
  GrCriteria c = default_criteria ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GArray     *refs = NULL;
  GrAnalysis *analysis;

  gr_project_build_analysis_async (project, &c, cancellable, on_ready, &result);
  g_cancellable_cancel (cancellable);
  analysis = gr_project_build_analysis_finish (wait_for (&result), &refs, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (analysis);
  g_assert_null (refs);
}

/* The baseline against itself: three analyses, none of them gaining. */
static void
test_compare (void)
{
  GrProject *project = gr_session_get_project (open_sample ());
  GrCriteria c = default_criteria ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GrComparison) comparison = NULL;
  GrSummary base, a;
  GrAmount  gained[4];

  gr_comparison_new_async (project, NULL, NULL, &c, NULL, on_ready, &result);
  comparison = gr_comparison_new_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (comparison);
  g_assert_cmpstr (gr_comparison_get_name (comparison, 1), ==, "Baseline");
  gr_comparison_summarize (comparison, 0, -1, &base);
  gr_comparison_summarize (comparison, 1, -1, &a);
  g_assert_cmpmem (&base, sizeof base, &a, sizeof a);
  gr_comparison_gains (comparison, gained);
  g_assert_cmpfloat (gained[GR_GAIN_A].area_m2, ==, 0);
}

typedef struct
{
  GThread      *thread; /* where progress must arrive */
  GArray       *fractions;
  GAsyncResult *result; /* once the report is done */
} Progress;

static void
on_progress (double fraction, const char *what, gpointer data)
{
  Progress *p = data;

  g_assert_true (g_thread_self () == p->thread);
  g_assert_null (p->result);
  g_assert_nonnull (what);
  g_array_append_val (p->fractions, fraction);
}

static void
on_report_ready (GObject *source, GAsyncResult *result, gpointer data)
{
  on_ready (source, result, &((Progress *) data)->result);
}

/* The report, written in a thread, reports rising fractions up to 1 on
 * this thread, all of them before the report is done, and leaves a PDF. */
static void
test_report (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *gpkg = g_build_filename (dir, "sample.gpkg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr (GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress        progress = { g_thread_self (), fractions, NULL };
  GrReportOptions options = { .targets = GR_TARGETS_NONE };
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize            length = 0;

  g_assert_true (gr_project_save (gr_session_get_project (open_sample ()), gpkg, &error));
  g_assert_no_error (error);
  options.project = gpkg;
  gr_report_write_async (&options, pdf, on_progress, &progress, NULL, on_report_ready, &progress);
  g_assert_cmpuint (fractions->len, ==, 0);
  g_assert_true (gr_report_write_finish (wait_for (&progress.result), &error));
  g_assert_no_error (error);
  g_clear_object (&progress.result);
  g_assert_cmpuint (fractions->len, >=, 3);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), ==, 0);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 10000);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/project/async/open-and-analyse", test_open_and_analyse);
  g_test_add_func ("/project/async/cancel-open", test_cancel_open);
  g_test_add_func ("/project/async/cancel-analysis", test_cancel_analysis);
  g_test_add_func ("/project/async/compare", test_compare);
  g_test_add_func ("/project/async/report", test_report);
  status = g_test_run ();
  g_clear_pointer (&sample, gr_session_free);
  return status;
}
