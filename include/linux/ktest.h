/* In-kernel tests, a small KUnit (tools/testing/ktest/, kernel/ktest.c).
 *
 *   KTEST(buddy, free_count_returns) {
 *           KEXPECT(t, nr_free_pages() == before);
 *           KEXPECT_EQ(t, got, want);
 *   }
 *
 * Cases are gathered in the .ktest section and run by kernel_init before
 * PID 1, when the command line says ktest=all, ktest=<suite> or
 * ktest=<suite>.<case> (comma-separated). Each case runs in a kernel thread;
 * the output, one line per case, is what the harness parses:
 *   ktest: ok <suite>.<case>
 *   ktest: FAIL <suite>.<case>: <expression or message> (<file>:<line>)
 *   ktest: summary: N passed, M failed
 * after which QEMU exits through isa-debug-exit (success iff M == 0). */
#ifndef _LINUX_KTEST_H
#define _LINUX_KTEST_H
#include <linux/compiler.h>
#include <linux/types.h>

struct ktest {
	const char *suite, *name;
	int failures;
	const void *priv;	/* the runner's */
};

struct ktest_case {
	const char *suite;
	const char *name;
	void (*fn)(struct ktest *t);
};

#define KTEST(suite, name) \
	static void ktest_##suite##_##name(struct ktest *t); \
	static const struct ktest_case __ktest_case_##suite##_##name __used \
		__section(".ktest") __aligned(8) = { #suite, #name, ktest_##suite##_##name }; \
	static void ktest_##suite##_##name(struct ktest *t)

void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt, ...)
	__printf(4, 5);
#define KEXPECT(t, cond) do { if (!(cond)) ktest_fail(t, __FILE__, __LINE__, "%s", #cond); } while (0)
#define KEXPECT_EQ(t, a, b) do { long long _a = (long long)(a), _b = (long long)(b); \
	if (_a != _b) ktest_fail(t, __FILE__, __LINE__, "%s == %s: got %lld, want %lld", #a, #b, _a, _b); } while (0)
#define KASSERT(t, cond) do { if (!(cond)) { ktest_fail(t, __FILE__, __LINE__, "%s", #cond); return; } } while (0)

/* kernel/ktest.c: true if ktest= was given; runs the selection, exits QEMU. */
bool ktest_requested(void);
void ktest_run_selected(void);
#endif
