/* execve against corrupt executables and #! scripts: every bad file fails
 * with an errno (the errno Linux gives), the kernel never crashes, and the
 * caller survives. Runs as /init; the bad files are under /bad/. */
#include <stdlib.h>
#include <sys/wait.h>
#include <sys/reboot.h>
#include "utest.h"

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
	if (argc >= 2 && !strncmp(argv[1], "child", 5)) {
		/* Reached through /bad/script_ok ("#!/init child script_arg"): the
		 * rest of the #! line is one argument, then the script's path,
		 * then the caller's arguments after argv[0]. */
		return argc == 4 && !strcmp(argv[1], "child script_arg") && !strcmp(argv[2], "/bad/script_ok") &&
		       !strcmp(argv[3], "from_test") ? 42 : 1;
	}
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
	CHECK("parent_survives_all_of_it", getpid() > 0);
	printf("exec: %d passed, %d failed\n", utest_passes, utest_failures);
	reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
