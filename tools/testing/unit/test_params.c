/* The kernel command-line parser (kernel/params.c) on the host. */
// SOURCES: kernel/params.c lib/string.c lib/vsprintf.c
#include <stdio.h>
#include "unit.h"
#include <linux/init.h>

size_t lucid_strlcpy(char *d, const char *s, size_t n);

static char got_mem[64], got_loglevel[64], got_init[64];
static int quiet_seen, early_calls;

static int p_mem(char *v) { early_calls++; snprintf(got_mem, sizeof(got_mem), "%s", v ? v : "(null)"); return 0; }
static int p_quiet(char *v) { quiet_seen = (v == NULL) ? 1 : 2; return 0; }
static int p_loglevel(char *v) { snprintf(got_loglevel, sizeof(got_loglevel), "%s", v); return 0; }
static int p_init(char *v) { snprintf(got_init, sizeof(got_init), "%s", v); return 0; }

/* The table the linker would build from early_param()/__setup(). */
const struct kernel_param_setup __setup_start[4] = {
	{ "mem", p_mem, true },
	{ "quiet", p_quiet, true },
	{ "loglevel", p_loglevel, true },
	{ "init", p_init, false },
};
__asm__(".globl __setup_end\n.set __setup_end, __setup_start + 4 * 24");

static void reset(const char *cmdline)
{
	lucid_strlcpy(boot_command_line, cmdline, sizeof(boot_command_line));
	got_mem[0] = got_loglevel[0] = got_init[0] = 0;
	quiet_seen = early_calls = 0;
}

static int count(const char **v)
{
	int n = 0;
	while (v[n])
		n++;
	return n;
}

static void early_params_run_in_early_pass_only(void)
{
	reset("mem=64M quiet init=/bin/sh");
	parse_early_param();
	EXPECT_STREQ(got_mem, "64M");
	EXPECT_EQ(quiet_seen, 1);
	EXPECT_STREQ(got_init, "");	/* a late param: not yet */
	parse_args();
	EXPECT_STREQ(got_init, "/bin/sh");
	EXPECT_EQ(early_calls, 1);	/* early params are not run again */
}

static void unknown_words_go_to_init(void)
{
	reset("console=ttyS0 single foo=bar mod.param=1 -- --verbose x=y");
	parse_early_param();
	parse_args();
	int n = count(envp_init);
	EXPECT_STREQ(envp_init[n - 2], "console=ttyS0");
	EXPECT_STREQ(envp_init[n - 1], "foo=bar");
	int a = count(argv_init);
	EXPECT_EQ(a, 4);	/* "init", "single", then everything after "--" */
	EXPECT_STREQ(argv_init[1], "single");
	EXPECT_STREQ(argv_init[2], "--verbose");
	EXPECT_STREQ(argv_init[3], "x=y");
}

static void quotes_group_words(void)
{
	reset("loglevel=\"7\" init=\"/bin/my init\"");
	parse_early_param();
	parse_args();
	EXPECT_STREQ(got_loglevel, "7");
	EXPECT_STREQ(got_init, "/bin/my init");
}

static void empty_and_spaces(void)
{
	reset("   ");
	parse_early_param();
	parse_args();
	EXPECT_EQ(early_calls, 0);
}

int main(void)
{
	UNIT_RUN(early_params_run_in_early_pass_only);
	UNIT_RUN(quotes_group_words);
	UNIT_RUN(empty_and_spaces);
	UNIT_RUN(unknown_words_go_to_init);
	return unit_summary();
}
