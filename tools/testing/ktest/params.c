/* ktests for the kernel command line (kernel/params.c): after parse_args(),
 * every word of the booted command line is where Linux puts it. The harness
 * boots with a few extra words for this (scripts/run-tests.sh, step ktest):
 *   LUCID_KTEST_ENV=1 lucidword lucid.dotted=1 -- after_dashes k=v */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/ktest.h>

extern const struct kernel_param_setup __setup_start[], __setup_end[];

static bool registered(const char *name)
{
	for (const struct kernel_param_setup *p = __setup_start; p < __setup_end; p++)
		if (!strcmp(p->name, name))
			return true;
	return false;
}

static bool in_list(const char *const *list, const char *word)
{
	for (int i = 0; list[i]; i++)
		if (!strcmp(list[i], word))
			return true;
	return false;
}

/* Where must `word` (before "--" unless after_dashes) have gone? */
static void check_word(struct ktest *t, char *word, bool after_dashes)
{
	bool in_argv = in_list(argv_init + 1, word), in_envp = in_list(envp_init, word);
	char name[64];
	strlcpy(name, word, sizeof(name));
	char *eq = strchr(name, '=');
	if (eq)
		*eq = 0;
	if (after_dashes) {
		if (!in_argv || in_envp)
			ktest_fail(t, __FILE__, __LINE__, "'%s' after -- is not (only) in init's argv", word);
	} else if (registered(name) || strchr(name, '.')) {
		if (in_argv || in_envp)
			ktest_fail(t, __FILE__, __LINE__, "kernel parameter '%s' reached init", word);
	} else if (eq) {
		if (!in_envp || in_argv)
			ktest_fail(t, __FILE__, __LINE__, "'%s' is not (only) in init's environment", word);
	} else if (!in_argv || in_envp) {
		ktest_fail(t, __FILE__, __LINE__, "'%s' is not (only) in init's argv", word);
	}
}

KTEST(params, every_word_reaches_its_owner)
{
	static char copy[2048];
	char *s = copy, *w;
	bool after_dashes = false;
	int checked = 0;
	strlcpy(copy, boot_command_line, sizeof(copy));
	/* This check splits on spaces only and does not follow double quotes
	 * (the unit tests cover quoting); the harness's command lines have none. */
	KASSERT(t, !strchr(copy, '"'));
	while ((w = strsep(&s, " "))) {
		if (!*w)
			continue;
		if (!after_dashes && !strcmp(w, "--")) {
			after_dashes = true;
			continue;
		}
		check_word(t, w, after_dashes);
		checked++;
	}
	KEXPECT(t, checked > 0);	/* ktest= itself is always there */
	KEXPECT(t, !strcmp(argv_init[0], "init") || argv_init[0][0] == '/');
}

KTEST(params, kernel_parameters_never_reach_init)
{
	for (int i = 0; envp_init[i]; i++)
		KEXPECT(t, strncmp(envp_init[i], "ktest=", 6) && strncmp(envp_init[i], "console=", 8));
	for (int i = 1; argv_init[i]; i++)
		KEXPECT(t, strncmp(argv_init[i], "ktest", 5) && strcmp(argv_init[i], "quiet"));
	KEXPECT(t, registered("ktest") && registered("console"));
}
