/* Boot-time hooks: initcall levels and command-line parameters.
 *
 * initcalls run in start_kernel's staged bring-up, level by level, each level a
 * line in the boot log. Parameters are declared beside the code they configure:
 * early_param() runs before memory is set up; __setup() runs after.
 * A handler gets the text after '=' (NULL if the word had no '='). */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H
#include <linux/compiler.h>
#include <linux/types.h>

typedef int (*initcall_t)(void);

#define __define_initcall(fn, lvl) \
	static const initcall_t __initcall_##fn##lvl __used __section(".initcall" #lvl ".init") = fn
#define pure_initcall(fn) __define_initcall(fn, 0)
#define core_initcall(fn) __define_initcall(fn, 1)
#define postcore_initcall(fn) __define_initcall(fn, 2)
#define arch_initcall(fn) __define_initcall(fn, 3)
#define subsys_initcall(fn) __define_initcall(fn, 4)
#define fs_initcall(fn) __define_initcall(fn, 5)
#define device_initcall(fn) __define_initcall(fn, 6)
#define late_initcall(fn) __define_initcall(fn, 7)
#define module_init(fn) device_initcall(fn)

struct kernel_param_setup {
	const char *name;	/* "mem" matches "mem" and "mem=..." */
	int (*fn)(char *val);
	bool early;
};

#define __setup_param(str, fn, early) \
	static const struct kernel_param_setup __UNIQUE_ID(__setup) __used \
	__section(".init.setup") __aligned(8) = { str, fn, early }
#define early_param(str, fn) __setup_param(str, fn, true)
#define __setup(str, fn) __setup_param(str, fn, false)

/* kernel/params.c */
extern char boot_command_line[2048];
void parse_early_param(void);
void parse_args(void);
extern const char *ramdisk_execute_command, *execute_command;
#define MAX_INIT_ARGS 32
extern const char *argv_init[MAX_INIT_ARGS + 2];
extern const char *envp_init[MAX_INIT_ARGS + 2];
#endif
