/* The kernel command line (seed concept: kernel command line).
 *
 * Each subsystem declares its parameters beside its code with early_param()
 * or __setup() (include/linux/init.h); the linker gathers them into one
 * table. Words no one claims go to init, as on Linux: "name=value" into its
 * environment, plain words into its argv. Everything after "--" is init's. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/init.h>

char boot_command_line[2048];
static char parse_copy[2048];

const char *argv_init[MAX_INIT_ARGS + 2] = { "init", NULL };
const char *envp_init[MAX_INIT_ARGS + 2] = { "HOME=/", "TERM=linux", NULL };
static int nr_argv = 1, nr_envp = 2;

extern const struct kernel_param_setup __setup_start[], __setup_end[];

/* Split off the next word; double quotes group, as Linux's next_arg() does. */
static char *next_word(char **s, char **val)
{
	char *p = skip_spaces(*s), *start;
	bool quoted = false;
	*val = NULL;
	if (!*p) {
		*s = p;
		return NULL;
	}
	start = p;
	for (; *p; p++) {
		if (*p == '"') {
			quoted = !quoted;
			memmove(p, p + 1, strlen(p));
			p--;
			continue;
		}
		if (!quoted && (*p == ' ' || *p == '\t'))
			break;
		if (*p == '=' && !*val)
			*val = p + 1;
	}
	if (*p)
		*p++ = 0;
	*s = p;
	if (*val)
		(*val)[-1] = 0;
	return start;
}

static const struct kernel_param_setup *find_param(const char *name)
{
	for (const struct kernel_param_setup *p = __setup_start; p < __setup_end; p++)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}

static void for_each_word(void (*fn)(char *name, char *val), bool late)
{
	char *s = parse_copy, *name, *val;
	strlcpy(parse_copy, boot_command_line, sizeof(parse_copy));
	while ((name = next_word(&s, &val))) {
		if (!strcmp(name, "--")) {
			if (!late)
				return;	/* init's words: taken once, by the late pass */
			while ((name = next_word(&s, &val)) && nr_argv < MAX_INIT_ARGS) {
				if (val)
					val[-1] = '=';
				argv_init[nr_argv++] = name;
			}
			argv_init[nr_argv] = NULL;
			return;
		}
		fn(name, val);
	}
}

static void do_early(char *name, char *val)
{
	const struct kernel_param_setup *p = find_param(name);
	if (p && p->early && p->fn(val))
		pr_warn("Malformed early option '%s'\n", name);
}

void parse_early_param(void)
{
	for_each_word(do_early, false);
}

static void do_late(char *name, char *val)
{
	const struct kernel_param_setup *p = find_param(name);
	if (p) {
		if (!p->early && p->fn(val))
			pr_warn("Malformed option '%s'\n", name);
		return;
	}
	if (strchr(name, '.'))	/* module.param: not for init */
		return;
	if (val) {
		if (nr_envp < MAX_INIT_ARGS) {
			val[-1] = '=';
			envp_init[nr_envp++] = name;
			envp_init[nr_envp] = NULL;
		}
	} else if (nr_argv < MAX_INIT_ARGS) {
		argv_init[nr_argv++] = name;
		argv_init[nr_argv] = NULL;
	}
}

/* Runs after early params; the parse copy stays alive for argv/envp_init. */
void parse_args(void)
{
	for_each_word(do_late, true);
}
