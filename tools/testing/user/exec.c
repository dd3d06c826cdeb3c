/* execve against corrupt executables and #! scripts: every bad file fails
 * with an errno (the errno Linux gives), the kernel never crashes, and the
 * caller survives. Also the argument limits (many and long arguments, E2BIG
 * as Linux), permission and path errors, nested scripts, and what the new
 * program sees (argv, envp, AT_EXECFN). Runs as /init; the bad files are
 * under /bad/ (usr/gen_exec_initramfs.sh, gen_bad_elfs.py). */
#include <stdlib.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <sys/reboot.h>
#include <sys/mman.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include "utest.h"

/* Run a raw execve(path, argv, envp) in a child; return its errno, or
 * 1000 + the exit status if the program ran, or -1 if it died. */
static int exec_raw(const char *path, char *const argv[], char *const envp[])
{
	pid_t pid = fork();
	if (pid == 0) {
		syscall(SYS_execve, path, argv, envp);
		_exit(errno);
	}
	int st;
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st) == 42 ? 1042 : WEXITSTATUS(st);
}

/* The child side: argv[1] says what to check; 42 means all was right. */
static int child(int argc, char **argv)
{
	if (!strcmp(argv[1], "child_many")) {	/* child_many N arg0 .. argN-1 */
		int n = atoi(argv[2]);
		if (argc != n + 3)
			return 2;
		char want[32];
		for (int i = 0; i < n; i++) {
			snprintf(want, sizeof(want), "arg%d", i);
			if (strcmp(argv[i + 3], want))
				return 3;
		}
		return 42;
	}
	if (!strcmp(argv[1], "child_long")) {	/* child_long LEN <string of LEN 'x'> */
		size_t n = strtoul(argv[2], NULL, 10);
		if (argc != 4 || strlen(argv[3]) != n || strspn(argv[3], "x") != n)
			return 2;
		return 42;
	}
	if (!strcmp(argv[1], "child_env"))	/* environment and AT_EXECFN */
		return argc == 3 && getenv("LUCID_A") && !strcmp(getenv("LUCID_A"), "1") &&
		       getenv("LUCID_B") && !strcmp(getenv("LUCID_B"), "two=2") &&
		       !strcmp((char *)getauxval(AT_EXECFN), argv[2]) ? 42 : 2;
	if (!strcmp(argv[1], "child script_arg")) {
		/* Reached through /bad/script_ok ("#!/init child script_arg"): the
		 * rest of the #! line is one argument, then the script's path,
		 * then the caller's arguments after argv[0]. */
		if (argc == 4 && !strcmp(argv[2], "/bad/script_ok") && !strcmp(argv[3], "from_test"))
			return 42;
		/* Through execveat(fd of /bad/script_ok, "", AT_EMPTY_PATH): the
		 * interpreter gets /dev/fd/N as the script's path. */
		if (argc == 4 && !strncmp(argv[2], "/dev/fd/", 8) && !strcmp(argv[3], "from_test"))
			return 42;
		/* Through /bad/script_nested ("#!/bad/script_ok"). */
		if (argc == 5 && !strcmp(argv[2], "/bad/script_ok") &&
		    !strcmp(argv[3], "/bad/script_nested") && !strcmp(argv[4], "from_test"))
			return 42;
		return 1;
	}
	if (!strcmp(argv[1], "child_nonl"))	/* #! line without a newline */
		return argc == 4 && !strcmp(argv[2], "/bad/script_no_newline") &&
		       !strcmp(argv[3], "from_test") ? 42 : 1;
	return 1;
}

static void test_arguments(void)
{
	/* 20,000 arguments: far beyond any small fixed table. */
	int n = 20000;
	char **av = calloc(n + 4, sizeof(char *));
	char *store = malloc(n * 12);
	av[0] = "/init";
	av[1] = "child_many";
	char count[16];
	snprintf(count, sizeof(count), "%d", n);
	av[2] = count;
	for (int i = 0; i < n; i++) {
		av[i + 3] = store + i * 12;
		snprintf(av[i + 3], 12, "arg%d", i);
	}
	av[n + 3] = NULL;
	char *env[] = { "A=1", NULL };
	CHECK("exec_with_20000_arguments_passes_them_all", exec_raw("/init", av, env) == 1042);

	/* One string of MAX_ARG_STRLEN (131072) bytes with its NUL is the
	 * largest allowed; one byte more is E2BIG. */
	size_t max = 131072;
	char *big = malloc(max + 2);
	memset(big, 'x', max + 1);
	big[max - 1] = 0;
	char len[16];
	snprintf(len, sizeof(len), "%zu", max - 1);
	char *lv[] = { "/init", "child_long", len, big, NULL };
	CHECK("exec_string_of_max_arg_strlen_runs", exec_raw("/init", lv, env) == 1042);
	big[max - 1] = 'x';
	big[max] = 0;
	snprintf(len, sizeof(len), "%zu", max);
	CHECK("exec_string_above_max_arg_strlen_gives_e2big", exec_raw("/init", lv, env) == E2BIG);
	big[max - 1] = 0;
	/* 100 strings of 128 KiB: 12.8 MiB, above a quarter of any stack
	 * limit a Linux PID 1 has (8 MiB / 4). */
	char **hv = calloc(104, sizeof(char *));
	hv[0] = "/init";
	hv[1] = "child_none";
	for (int i = 2; i < 102; i++)
		hv[i] = big;
	CHECK("exec_with_12_mib_of_arguments_gives_e2big", exec_raw("/init", hv, env) == E2BIG);
	CHECK("exec_with_12_mib_of_environment_gives_e2big", exec_raw("/init", lv, hv) == E2BIG);
	/* 1.5 MiB in 12 strings fits. */
	for (int i = 3; i < 15; i++)
		hv[i] = big;
	hv[0] = "/init";
	hv[1] = "child_none";
	hv[2] = "1";
	hv[15] = NULL;
	CHECK("exec_with_1_5_mib_of_arguments_runs", exec_raw("/init", hv, env) == 1);
	/* The limit follows RLIMIT_STACK: with 1 MiB of stack, a quarter
	 * (256 KiB) is all the arguments may take. */
	pid_t pid = fork();
	if (pid == 0) {
		struct rlimit r = { 1 << 20, 1 << 20 };
		setrlimit(RLIMIT_STACK, &r);
		hv[6] = NULL;	/* 3 x 128 KiB */
		syscall(SYS_execve, "/init", hv, env);
		_exit(errno);
	}
	int st;
	waitpid(pid, &st, 0);
	CHECK("exec_limit_is_a_quarter_of_rlimit_stack", WIFEXITED(st) && WEXITSTATUS(st) == E2BIG);
	free(hv);
	free(big);
	free(av);
	free(store);

	char *ev[] = { "LUCID_A=1", "LUCID_B=two=2", NULL };
	char *cv[] = { "/init", "child_env", "/init", NULL };
	CHECK("exec_passes_environment_and_execfn", exec_raw("/init", cv, ev) == 1042);
	char *sv[] = { "/init", "child_env", "/bad/link_to_init", NULL };
	CHECK("exec_through_symlink_execfn_is_the_name_given", exec_raw("/bad/link_to_init", sv, ev) == 1042);
}

/* An invalid user address the compiler cannot see through. */
static char **bad_ptr(void)
{
	static volatile unsigned long one = 1;
	return (char **)one;
}

static void test_errors(void)
{
	char *argv[] = { "x", NULL };
	char *env[] = { NULL };
	CHECK("exec_missing_file_gives_enoent", exec_raw("/bad/no_such_file", argv, env) == ENOENT);
	CHECK("exec_through_a_file_gives_enotdir", exec_raw("/bad/exit42/x", argv, env) == ENOTDIR);
	CHECK("exec_directory_gives_eacces", exec_raw("/bad", argv, env) == EACCES);
	CHECK("exec_without_x_bits_gives_eacces", exec_raw("/bad/noexec", argv, env) == EACCES);
	CHECK("exec_empty_name_gives_enoent", exec_raw("", argv, env) == ENOENT);
	CHECK("exec_bad_name_pointer_gives_efault", exec_raw((char *)1, argv, env) == EFAULT);
	CHECK("exec_bad_argv_pointer_gives_efault", exec_raw("/bad/exit42", bad_ptr(), env) == EFAULT);
	CHECK("exec_bad_envp_pointer_gives_efault", exec_raw("/bad/exit42", argv, bad_ptr()) == EFAULT);
	char *badstr[] = { "x", (char *)16, NULL };
	CHECK("exec_bad_argv_string_gives_efault", exec_raw("/bad/exit42", badstr, env) == EFAULT);
	CHECK("exec_bad_envp_string_gives_efault", exec_raw("/bad/exit42", argv, badstr) == EFAULT);
	/* The arguments are copied before the file is opened (Linux 6.1's
	 * order): a missing file with a bad argv is EFAULT. */
	CHECK("exec_missing_file_with_bad_argv_gives_efault", exec_raw("/bad/no_such_file", bad_ptr(), env) == EFAULT);
	char *longname = malloc(5000);
	memset(longname, 'a', 4999);
	longname[0] = '/';
	longname[4999] = 0;
	CHECK("exec_name_of_4999_bytes_gives_enametoolong", exec_raw(longname, argv, env) == ENAMETOOLONG);
	free(longname);
	/* NULL argv and envp: Linux gives the program argv[0] = "" (5.18+). */
	CHECK("exec_with_null_argv_runs_with_empty_argv0", exec_raw("/init", NULL, NULL) == 1042);
	CHECK("exec_with_empty_argv_runs_with_empty_argv0", exec_raw("/init", env, env) == 1042);
}

/* execveat in a child; errno or 1000 + status as exec_raw. */
static int execveat_raw(int dfd, const char *path, char *const argv[], char *const envp[], int flags)
{
	pid_t pid = fork();
	if (pid == 0) {
		syscall(SYS_execveat, dfd, path, argv, envp, flags);
		_exit(errno);
	}
	int st;
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st) == 42 ? 1042 : WEXITSTATUS(st);
}

static void test_execveat(void)
{
	char *argv[] = { "x", NULL };
	char *env[] = { NULL };
	CHECK("execveat_cwd_absolute_runs", execveat_raw(AT_FDCWD, "/bad/exit42", argv, env, 0) == 1042);
	int dir = open("/bad", O_RDONLY | O_DIRECTORY);
	CHECK("execveat_relative_to_dirfd_runs", execveat_raw(dir, "exit42", argv, env, 0) == 1042);
	int file = open("/bad/exit42", O_RDONLY);
	CHECK("execveat_empty_path_runs_the_fd", execveat_raw(file, "", argv, env, AT_EMPTY_PATH) == 1042);
	int opath = open("/bad/exit42", O_PATH);
	CHECK("execveat_empty_path_on_o_path_fd_runs", execveat_raw(opath, "", argv, env, AT_EMPTY_PATH) == 1042);
	CHECK("execveat_empty_path_without_flag_gives_enoent", execveat_raw(file, "", argv, env, 0) == ENOENT);
	CHECK("execveat_unknown_flag_gives_einval", execveat_raw(AT_FDCWD, "/bad/exit42", argv, env, 0x8) == EINVAL);
	CHECK("execveat_nofollow_on_symlink_gives_eloop",
	      execveat_raw(AT_FDCWD, "/bad/link_to_init", argv, env, AT_SYMLINK_NOFOLLOW) == ELOOP);
	CHECK("execveat_bad_dirfd_gives_ebadf", execveat_raw(999, "exit42", argv, env, 0) == EBADF);
	CHECK("execveat_file_as_dirfd_gives_enotdir", execveat_raw(file, "exit42", argv, env, 0) == ENOTDIR);
	/* The new program knows itself as /dev/fd/N (AT_EXECFN). */
	char want[32];
	char *cv[] = { "/init", "child_env", want, NULL };
	char *ev[] = { "LUCID_A=1", "LUCID_B=two=2", NULL };
	int init = open("/init", O_PATH);
	snprintf(want, sizeof(want), "/dev/fd/%d", init);
	CHECK("execveat_execfn_is_dev_fd_n", execveat_raw(init, "", cv, ev, AT_EMPTY_PATH) == 1042);
	/* A script through an fd: the interpreter is given /dev/fd/N, which
	 * an O_CLOEXEC fd would no longer be: ENOENT, as Linux. */
	char *sv[] = { "/bad/script_ok", "from_test", NULL };
	int script = open("/bad/script_ok", O_RDONLY);
	CHECK("execveat_script_by_fd_runs_with_dev_fd_path", execveat_raw(script, "", sv, env, AT_EMPTY_PATH) == 1042);
	int cloexec = open("/bad/script_ok", O_RDONLY | O_CLOEXEC);
	CHECK("execveat_script_by_cloexec_fd_gives_enoent",
	      execveat_raw(cloexec, "", sv, env, AT_EMPTY_PATH) == ENOENT);
	close(dir);
	close(file);
	close(opath);
	close(init);
	close(script);
	close(cloexec);
}

static void test_scripts(void)
{
	char *argv[] = { "/bad/script_nested", "from_test", NULL };
	CHECK("exec_script_whose_interpreter_is_a_script", exec_raw("/bad/script_nested", argv, NULL) == 1042);
	CHECK("exec_script_interpreting_itself_gives_eloop", exec_raw("/bad/script_loop", argv, NULL) == ELOOP);
	CHECK("exec_script_without_newline_runs", exec_raw("/bad/script_no_newline", argv, NULL) == 1042);
	CHECK("exec_script_with_overlong_interpreter_gives_enoexec",
	      exec_raw("/bad/script_long_interpreter", argv, NULL) == ENOEXEC);
	CHECK("exec_script_with_blank_line_gives_enoexec", exec_raw("/bad/script_blank", argv, NULL) == ENOEXEC);
	CHECK("exec_plain_text_gives_enoexec", exec_raw("/bad/text", argv, NULL) == ENOEXEC);
}

/* Run execve in a child; return its errno (or 1000 + exit status if it ran). */
static int exec_errno(const char *path)
{
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { (char *)path, "from_test", NULL };
		execve(path, argv, NULL);
		_exit(errno);
	}
	int st;
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

static void expect(const char *name, const char *path, int err)
{
	int got = exec_errno(path);
	if (got == err) {
		utest_passes++;
		printf("PASS %s\n", name);
	} else {
		utest_failures++;
		printf("FAIL %s: exec %s: expected %s, got %d (%s)\n", name, path, strerror(err), got,
		       got >= 0 && got < 200 ? strerror(got) : "ran");
	}
}

int main(int argc, char **argv)
{
	if (argc >= 2 && !strncmp(argv[1], "child", 5))
		return child(argc, argv);
	if (getpid() != 1 && argc == 1 && !argv[0][0])
		return 42;	/* started with an empty argv */
	if (getpid() != 1)
		return 3;	/* never recurse into the whole test */
	setvbuf(stdout, NULL, _IONBF, 0);
	expect("exec_empty_file_gives_enoexec", "/bad/empty", ENOEXEC);
	expect("exec_truncated_header_gives_enoexec", "/bad/truncated_header", ENOEXEC);
	expect("exec_bad_magic_gives_enoexec", "/bad/bad_magic", ENOEXEC);
	expect("exec_wrong_machine_gives_enoexec", "/bad/wrong_machine", ENOEXEC);
	expect("exec_phoff_past_end_gives_enoexec", "/bad/phoff_past_end", ENOEXEC);
	expect("exec_wrong_phentsize_gives_enoexec", "/bad/phentsize_wrong", ENOEXEC);
	expect("exec_huge_phnum_gives_enoexec", "/bad/phnum_huge", ENOEXEC);
	expect("exec_script_without_interpreter_gives_enoent", "/bad/script_no_interpreter", ENOENT);
	int got = exec_errno("/bad/script_ok");
	CHECK("exec_script_runs_interpreter_with_its_argument_and_path", got == 42);
	CHECK("exec_of_a_good_program_runs_it", exec_errno("/bad/exit42") == 42);
	/* Where Linux commits first and then kills the new program (SIGSEGV,
	 * SIGBUS; -1 here) Lucid refuses the exec (ENOEXEC): both are fine,
	 * running the broken program is not. */
	int s1 = exec_errno("/bad/load_filesz_past_end");
	int s2 = exec_errno("/bad/load_filesz_above_memsz");
	int s3 = exec_errno("/bad/truncated_segments");
	CHECK("exec_bad_segment_sizes_never_run_the_program", (s1 == ENOEXEC || s1 == -1) &&
	      (s2 == ENOEXEC || s2 == -1) && (s3 == ENOEXEC || s3 == -1));
	int s4 = exec_errno("/bad/elf32_class");
	CHECK("exec_wrong_elf_class_does_not_crash", s4 == ENOEXEC || s4 == 1000 + 42 || s4 == 42);
	test_arguments();
	test_errors();
	test_scripts();
	test_execveat();
	CHECK("parent_survives_all_of_it", getpid() > 0);
	printf("exec: %d passed, %d failed\n", utest_passes, utest_failures);
	reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
