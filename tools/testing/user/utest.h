/* Shared helpers for user-space tests: each check prints PASS/FAIL with
 * what was expected and what came back. The same binaries run on Lucid and
 * on Linux. */
#ifndef UTEST_H
#define UTEST_H
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

static int utest_failures, utest_passes;

#define CHECK(name, cond) do { if (cond) { utest_passes++; printf("PASS %s\n", name); } \
	else { utest_failures++; printf("FAIL %s: expected %s (%s:%d)\n", name, #cond, __FILE__, __LINE__); } } while (0)
/* A raw syscall that must fail with -1/@err. */
#define CHECK_ERRNO(name, call, err) do { errno = 0; long _r = (long)(call); int _e = errno; \
	if (_r == -1 && _e == (err)) { utest_passes++; printf("PASS %s\n", name); } \
	else { utest_failures++; printf("FAIL %s: expected -1/%s, got %ld/%s (%s:%d)\n", name, \
		strerror(err), _r, strerror(_e), __FILE__, __LINE__); } } while (0)
#endif
