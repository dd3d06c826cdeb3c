/* A helper for the end-to-end scenarios (/tests/bin/probe), for what a
 * shell cannot see by itself:
 *   probe exec PATH [ARG...]  execve PATH; print the errno's name if it fails
 *   probe wait PATH [ARG...]  fork, execve, wait: print "exited N",
 *                             "killed by signal N" or "exec failed: ENAME"
 *   probe segv                write through NULL
 *   probe segv-kernel         write to a kernel address
 *   probe jump-null           call address 0
 * Prints one line; exits 0 unless the probe itself could not work. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static const char *errname(int e)
{
	static const struct { int e; const char *n; } t[] = {
		{ ENOEXEC, "ENOEXEC" }, { EACCES, "EACCES" }, { ENOENT, "ENOENT" },
		{ E2BIG, "E2BIG" }, { EFAULT, "EFAULT" }, { ENOTDIR, "ENOTDIR" },
		{ ELOOP, "ELOOP" }, { ENAMETOOLONG, "ENAMETOOLONG" }, { EINVAL, "EINVAL" },
		{ ENOMEM, "ENOMEM" }, { EIO, "EIO" }, { EISDIR, "EISDIR" }, { EPERM, "EPERM" },
		{ ETXTBSY, "ETXTBSY" }, { ENOSYS, "ENOSYS" },
	};
	for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (t[i].e == e)
			return t[i].n;
	return "E?";
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	if (argc >= 3 && !strcmp(argv[1], "exec")) {
		execv(argv[2], argv + 2);
		printf("%s\n", errname(errno));
		return 0;
	}
	if (argc >= 3 && !strcmp(argv[1], "wait")) {
		int p[2];
		if (pipe(p))
			return 1;
		pid_t pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0) {
			close(p[0]);
			execv(argv[2], argv + 2);
			int e = errno;
			if (write(p[1], &e, sizeof(e)) != sizeof(e))
				_exit(126);
			_exit(127);
		}
		close(p[1]);
		int e = 0, st;
		ssize_t n = read(p[0], &e, sizeof(e));
		if (waitpid(pid, &st, 0) != pid)
			return 1;
		if (n == sizeof(e))
			printf("exec failed: %s\n", errname(e));
		else if (WIFEXITED(st))
			printf("exited %d\n", WEXITSTATUS(st));
		else if (WIFSIGNALED(st))
			printf("killed by signal %d\n", WTERMSIG(st));
		else
			printf("status %#x\n", st);
		return 0;
	}
	if (argc == 2 && !strcmp(argv[1], "segv")) {
		*(volatile int *)0 = 1;
		return 0;
	}
	if (argc == 2 && !strcmp(argv[1], "segv-kernel")) {
		*(volatile int *)0xffffffff81000000UL = 1;
		return 0;
	}
	if (argc == 2 && !strcmp(argv[1], "jump-null")) {
		void (*volatile f)(void) = 0;
		f();
		return 0;
	}
	fprintf(stderr, "usage: probe exec|wait PATH [ARG...] | segv | segv-kernel | jump-null\n");
	return 2;
}
