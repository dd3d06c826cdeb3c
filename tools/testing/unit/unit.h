/* Host unit tests (ARCHITECTURE.md §6 layer 1): pure kernel code compiled for
 * the host with ASan and UBSan. Each test_<area>.c has a main() that calls
 * UNIT_RUN(fn) for each case and returns unit_summary(). A line
 *   // SOURCES: lib/string.c lib/vsprintf.c
 * near the top names the kernel files it is linked with.
 * Output: "PASS <case>" / "FAIL <case>: <why> (<file>:<line>)" per case. */
#ifndef _UNIT_H
#define _UNIT_H
#include <stdio.h>
#include <string.h>

static int unit_failed_cases, unit_passed_cases, unit_case_failures;

#define EXPECT(cond) do { if (!(cond)) { unit_case_failures++; \
	printf("  expected %s (%s:%d)\n", #cond, __FILE__, __LINE__); } } while (0)
#define EXPECT_EQ(a, b) do { long long _a = (long long)(a), _b = (long long)(b); \
	if (_a != _b) { unit_case_failures++; \
	printf("  expected %s == %s: got %lld, want %lld (%s:%d)\n", #a, #b, _a, _b, __FILE__, __LINE__); } } while (0)
#define EXPECT_STREQ(a, b) do { const char *_a = (a), *_b = (b); \
	if (strcmp(_a, _b)) { unit_case_failures++; \
	printf("  expected %s == \"%s\": got \"%s\" (%s:%d)\n", #a, _b, _a, __FILE__, __LINE__); } } while (0)
#define UNIT_RUN(fn) do { unit_case_failures = 0; fn(); \
	if (unit_case_failures) { unit_failed_cases++; printf("FAIL %s\n", #fn); } \
	else { unit_passed_cases++; printf("PASS %s\n", #fn); } } while (0)
static inline int unit_summary(void)
{
	printf("unit: %d passed, %d failed\n", unit_passed_cases, unit_failed_cases);
	return unit_failed_cases != 0;
}
#endif
