/* lib/string.c and lib/vsprintf.c on the host. */
// SOURCES: lib/string.c lib/vsprintf.c
#include <stdio.h>
#include <string.h>
#include <stdarg.h>
#include "unit.h"

size_t lucid_strlen(const char *s);
size_t lucid_strnlen(const char *s, size_t max);
int lucid_strcmp(const char *a, const char *b);
int lucid_strncmp(const char *a, const char *b, size_t n);
size_t lucid_strlcpy(char *d, const char *s, size_t n);
size_t lucid_strlcat(char *d, const char *s, size_t n);
char *lucid_strchr(const char *s, int c);
char *lucid_strrchr(const char *s, int c);
char *lucid_strstr(const char *h, const char *n);
char *lucid_strsep(char **s, const char *d);
void *lucid_memmove(void *d, const void *s, size_t n);
void *lucid_memcpy(void *d, const void *s, size_t n);
void *lucid_memset(void *d, int c, size_t n);
int lucid_memcmp(const void *a, const void *b, size_t n);
int lucid_snprintf(char *buf, size_t size, const char *fmt, ...);
int lucid_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap);
unsigned long long memparse(const char *s, char **end);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);

static void string_basics(void)
{
	EXPECT_EQ(lucid_strlen(""), 0);
	EXPECT_EQ(lucid_strlen("lucid"), 5);
	EXPECT_EQ(lucid_strnlen("lucid", 3), 3);
	EXPECT(lucid_strcmp("a", "b") < 0);
	EXPECT(lucid_strcmp("b", "a") > 0);
	EXPECT_EQ(lucid_strcmp("same", "same"), 0);
	EXPECT_EQ(lucid_strncmp("abcX", "abcY", 3), 0);
	EXPECT(lucid_strcmp("\xff", "a") > 0);	/* compares as unsigned char */
	EXPECT(lucid_strchr("hello", 'l') == (char *)"hello" + 2 || lucid_strchr("hello", 'l') != NULL);
	const char *h = "hello";
	EXPECT(lucid_strchr(h, 'l') == h + 2);
	EXPECT(lucid_strrchr(h, 'l') == h + 3);
	EXPECT(lucid_strchr(h, 0) == h + 5);
	EXPECT(lucid_strstr(h, "llo") == h + 2);
	EXPECT(lucid_strstr(h, "xyz") == NULL);
}

static void strlcpy_truncates_and_terminates(void)
{
	char buf[6];
	EXPECT_EQ(lucid_strlcpy(buf, "truncated", sizeof(buf)), 9);
	EXPECT_STREQ(buf, "trunc");
	EXPECT_EQ(lucid_strlcat(buf, "xyz", sizeof(buf)), 8);
	EXPECT_STREQ(buf, "trunc");
	char small[8] = "ab";
	EXPECT_EQ(lucid_strlcat(small, "cd", sizeof(small)), 4);
	EXPECT_STREQ(small, "abcd");
}

static void memmove_handles_overlap(void)
{
	char buf[16] = "0123456789";
	lucid_memmove(buf + 2, buf, 8);
	EXPECT(!memcmp(buf, "0101234567", 10));
	char buf2[16] = "0123456789";
	lucid_memmove(buf2, buf2 + 3, 7);
	EXPECT(!memcmp(buf2, "3456789789", 10));
	char z[9];
	lucid_memset(z, 'x', 8);
	z[8] = 0;
	EXPECT_STREQ(z, "xxxxxxxx");
	EXPECT(lucid_memcmp("ab", "ac", 2) < 0);
}

/* memcpy and memset copy 8 bytes at a time, then a tail: every length and
 * alignment must come out byte-exact, touching nothing around the range. */
static void memcpy_memset_every_length_and_alignment(void)
{
	unsigned char src[64], dst[80], want[80];
	for (int i = 0; i < 64; i++)
		src[i] = (unsigned char)(i * 7 + 1);
	int bad = 0;
	for (int off = 0; off < 8; off++)
		for (int n = 0; n <= 40; n++) {
			memset(dst, 0xee, sizeof(dst));
			memset(want, 0xee, sizeof(want));
			memcpy(want + off, src + (7 - off), n);
			if (lucid_memcpy(dst + off, src + (7 - off), n) != dst + off ||
			    memcmp(dst, want, sizeof(dst)))
				bad++;
			memset(dst, 0xee, sizeof(dst));
			memset(want + off, 0xa5, n);
			if (lucid_memset(dst + off, 0x1a5, n) != dst + off || memcmp(dst, want, sizeof(dst)))
				bad++;
		}
	EXPECT_EQ(bad, 0);
}

static void strsep_splits_fields(void)
{
	char buf[] = "a,b,,c";
	char *s = buf;
	EXPECT_STREQ(lucid_strsep(&s, ","), "a");
	EXPECT_STREQ(lucid_strsep(&s, ","), "b");
	EXPECT_STREQ(lucid_strsep(&s, ","), "");
	EXPECT_STREQ(lucid_strsep(&s, ","), "c");
	EXPECT(lucid_strsep(&s, ",") == NULL);
}

/* Compare our formatting against the C library's for the same arguments. */
static char ours[256], libc[256];
#define SAME(...) do { \
	int n1 = lucid_snprintf(ours, sizeof(ours), __VA_ARGS__); \
	int n2 = snprintf(libc, sizeof(libc), __VA_ARGS__); \
	EXPECT_STREQ(ours, libc); EXPECT_EQ(n1, n2); } while (0)

static void vsprintf_matches_libc(void)
{
	SAME("%d %i %u", 42, -7, 3000000000u);
	SAME("%x %X %#x %#o %o", 0xbeef, 0xbeef, 255, 8, 8);
	SAME("[%5d] [%-5d] [%05d] [%+d] [% d]", 42, 42, 42, 42, 42);
	SAME("%ld %lu %lld %llx", -1L, ~0UL, -9223372036854775807LL - 1, 0x123456789abcdefULL);
	SAME("%zu %zd %hhx %hd", (size_t)12345, (ssize_t)-5, 0x1ff, (short)-3);
	SAME("[%s] [%10s] [%-10s] [%.3s]", "abc", "abc", "abc", "abcdef");
	SAME("%c%c%c %%", 'a', 'b', 'c');
	SAME("[%*d] [%-*d] [%.*s]", 6, 1, 6, 2, 2, "xyz");
	SAME("%.5d %.0d|", 42, 0);
	SAME("%#x %#o", 0, 0);
}

static void vsprintf_edge_cases_match_libc(void)
{
	SAME("[%s]", (char *)NULL);	/* "(null)", as glibc and Linux print */
	SAME("%ld %lld", -9223372036854775807L - 1, -9223372036854775807LL - 1);
	SAME("%lu %llu %lx", ~0UL, ~0ULL, ~0UL);
	SAME("%hhu %hhd %hu", 300, 200, 70000);
	SAME("[%8.3d] [%-8.3d] [%.0s] [%08x]", 7, -7, "gone", 0xabc);
	SAME("[%5c] [%-3c]", 'x', 'y');
	SAME("[%-+6d] [%+.3d] [% 05d]", 9, 9, 9);
	SAME("[%.10s] [%3s]", "short", "longer than three");
	SAME("%s%s%s", "", "", "");
	SAME("%d%%%d", 1, 2);
}

static void vsprintf_truncates_and_reports_full_length(void)
{
	char buf[8];
	int n = lucid_snprintf(buf, sizeof(buf), "%s-%d", "lucid", 12345);
	EXPECT_EQ(n, 11);
	EXPECT_STREQ(buf, "lucid-1");
	EXPECT_EQ(lucid_snprintf(NULL, 0, "%d", 123), 3);
	/* size 1: only the terminator fits */
	buf[0] = 'x';
	EXPECT_EQ(lucid_snprintf(buf, 1, "%s", "abc"), 3);
	EXPECT_EQ(buf[0], 0);
	/* exactly fitting: n == size - 1, nothing cut */
	EXPECT_EQ(lucid_snprintf(buf, 8, "%s", "1234567"), 7);
	EXPECT_STREQ(buf, "1234567");
}

static int scn(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

static void vscnprintf_returns_stored_length(void)
{
	char buf[4];
	EXPECT_EQ(scn(buf, sizeof(buf), "%s", "abcdef"), 3);
	EXPECT_EQ(scn(buf, 0, "%s", "abcdef"), 0);
}

static void pointer_and_symbol_formats(void)
{
	lucid_snprintf(ours, sizeof(ours), "%p", (void *)0x1234);
	EXPECT_STREQ(ours, "0000000000001234");
	lucid_snprintf(ours, sizeof(ours), "%pS", (void *)0xabc);
	EXPECT_STREQ(ours, "sym_abc");
	lucid_snprintf(ours, sizeof(ours), "%s", (char *)NULL);
	EXPECT_STREQ(ours, "(null)");
}

static void number_parsing(void)
{
	char *end;
	EXPECT_EQ(memparse("64M", &end), 64ULL << 20);
	EXPECT_EQ(memparse("2G", NULL), 2ULL << 30);
	EXPECT_EQ(memparse("4096", NULL), 4096);
	EXPECT_EQ(memparse("0x1000k", NULL), 0x1000ULL << 10);
	int v;
	EXPECT_EQ(kstrtoint("-12", 10, &v), 0);
	EXPECT_EQ(v, -12);
	EXPECT_EQ(kstrtoint("12x", 10, &v), -22);
	EXPECT_EQ(kstrtoint("", 10, &v), -22);
	EXPECT_EQ(kstrtoint("99999999999", 10, &v), -34);
	unsigned long u;
	EXPECT_EQ(kstrtoul("0x10\n", 0, &u), 0);
	EXPECT_EQ(u, 16);
}

int main(void)
{
	UNIT_RUN(string_basics);
	UNIT_RUN(strlcpy_truncates_and_terminates);
	UNIT_RUN(memmove_handles_overlap);
	UNIT_RUN(memcpy_memset_every_length_and_alignment);
	UNIT_RUN(strsep_splits_fields);
	UNIT_RUN(vsprintf_matches_libc);
	UNIT_RUN(vsprintf_edge_cases_match_libc);
	UNIT_RUN(vsprintf_truncates_and_reports_full_length);
	UNIT_RUN(vscnprintf_returns_stored_length);
	UNIT_RUN(pointer_and_symbol_formats);
	UNIT_RUN(number_parsing);
	return unit_summary();
}
