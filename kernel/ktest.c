/* The in-kernel test runner (see <linux/ktest.h>). Selected by ktest=; each
 * case runs in its own kernel thread so a case may sleep, and the runner
 * waits for it. The suite "fault" (deliberate crashes) runs only by name. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/ktest.h>
#include <linux/kthread.h>
#include <linux/reboot.h>

extern const struct ktest_case __ktest_start[], __ktest_end[];
static char ktest_sel[256];
static bool ktest_given;

static int __init ktest_setup(char *val)
{
	ktest_given = true;
	strlcpy(ktest_sel, val ? val : "all", sizeof(ktest_sel));
	return 0;
}
__setup("ktest", ktest_setup);

bool ktest_requested(void)
{
	return ktest_given;
}

void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt, ...)
{
	char msg[200];
	va_list ap;
	va_start(ap, fmt);
	vscnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk(KERN_ERR "ktest: FAIL %s.%s: %s (%s:%d)\n", t->suite, t->name, msg, file, line);
	t->failures++;
}

/* Does one comma-separated word of ktest= select this case? */
static bool selected(const struct ktest_case *c)
{
	char buf[256], *s = buf, *w;
	strlcpy(buf, ktest_sel, sizeof(buf));
	while ((w = strsep(&s, ","))) {
		char *dot = strchr(w, '.');
		/* "fault" and "power" end the machine, "serial" needs typed input: only when named. */
		if (!strcmp(w, "all") && strcmp(c->suite, "fault") && strcmp(c->suite, "power") &&
		    strcmp(c->suite, "serial"))
			return true;
		if (dot) {
			*dot = 0;
			if (!strcmp(w, c->suite) && !strcmp(dot + 1, c->name))
				return true;
		} else if (!strcmp(w, c->suite)) {
			return true;
		}
	}
	return false;
}

static int run_case(void *data)
{
	struct ktest *t = data;
	const struct ktest_case *c = t->priv;
	c->fn(t);
	return 0;
}

void ktest_run_selected(void)
{
	int passed = 0, failed = 0;
	pr_info("ktest: running '%s'\n", ktest_sel);
	for (const struct ktest_case *c = __ktest_start; c < __ktest_end; c++) {
		if (!selected(c))
			continue;
		struct ktest t = { .suite = c->suite, .name = c->name, .priv = c };
		struct task_struct *k = kthread_create(run_case, &t, "ktest");
		if (!k) {
			ktest_fail(&t, __FILE__, __LINE__, "cannot create the test thread");
		} else {
			get_task_struct(k);
			wake_up_new_task(k);
			wait_for_completion(&k->kthread_exited);
			put_task_struct(k);
		}
		if (t.failures) {
			failed++;
		} else {
			passed++;
			printk(KERN_INFO "ktest: ok %s.%s\n", c->suite, c->name);
		}
	}
	printk(KERN_INFO "ktest: summary: %d passed, %d failed\n", passed, failed);
	qemu_debug_exit(failed || !(passed + failed) ? QEMU_EXIT_FAILURE : QEMU_EXIT_SUCCESS);
	machine_power_off();
}
