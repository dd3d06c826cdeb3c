/* The system calls Lucid implements (see arch/x86/entry/syscalls/syscall_64.tbl). */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H
#include <linux/types.h>
#include <linux/compiler.h>

struct iovec;
long sys_ni_syscall(void);
long sys_read(unsigned int fd, char __user *buf, size_t count);
long sys_write(unsigned int fd, const char __user *buf, size_t count);
long sys_readv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen);
long sys_writev(unsigned long fd, const struct iovec __user *vec, unsigned long vlen);
long sys_pread64(unsigned int fd, char __user *buf, size_t count, loff_t pos);
long sys_pwrite64(unsigned int fd, const char __user *buf, size_t count, loff_t pos);
long sys_preadv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		unsigned long pos_l, unsigned long pos_h);
long sys_pwritev(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		 unsigned long pos_l, unsigned long pos_h);
long sys_lseek(unsigned int fd, long offset, unsigned int whence);
long sys_sendfile64(int out_fd, int in_fd, loff_t __user *offset, size_t count);
long sys_preadv2(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		 unsigned long pos_l, unsigned long pos_h, int flags);
long sys_pwritev2(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		  unsigned long pos_l, unsigned long pos_h, int flags);
long sys_close_range(unsigned int fd, unsigned int max_fd, unsigned int flags);
long sys_open(const char __user *filename, int flags, unsigned short mode);
long sys_openat(int dfd, const char __user *filename, int flags, unsigned short mode);
long sys_creat(const char __user *pathname, unsigned short mode);
long sys_close(unsigned int fd);
long do_sys_open(int dfd, const char __user *filename, int flags, unsigned short mode);
long sys_exit(int code);
long sys_exit_group(int code);
long sys_getpid(void);
long sys_gettid(void);
long sys_getppid(void);
long sys_getuid(void);
long sys_geteuid(void);
long sys_getgid(void);
long sys_getegid(void);
long sys_sched_yield(void);
long sys_brk(unsigned long brk);
long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags,
	      unsigned long fd, unsigned long off);
long sys_munmap(unsigned long addr, unsigned long len);
long sys_arch_prctl(int code, unsigned long addr);
long sys_set_tid_address(int __user *tidptr);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg);
long sys_fork(void);
long sys_vfork(void);
long sys_clone(unsigned long flags, unsigned long newsp, int __user *parent_tid, int __user *child_tid,
	       unsigned long tls);
long sys_execve(const char __user *filename, const char __user *const __user *argv,
		const char __user *const __user *envp);
long sys_execveat(int dfd, const char __user *filename, const char __user *const __user *argv,
		  const char __user *const __user *envp, int flags);
struct rusage;
long sys_wait4(pid_t pid, int __user *status, int options, struct rusage __user *ru);
long sys_waitid(int which, pid_t pid, void __user *infop, int options, struct rusage __user *ru);
struct sysinfo;
long sys_sysinfo(struct sysinfo __user *info);
struct __kernel_timespec;
struct __kernel_timeval;
struct tms;
struct new_utsname;
struct rlimit64;
long sys_clock_gettime(int which, struct __kernel_timespec __user *tp);
long sys_clock_getres(int which, struct __kernel_timespec __user *tp);
long sys_gettimeofday(struct __kernel_timeval __user *tv, void __user *tz);
long sys_time(long __user *tloc);
long sys_clock_settime(int which, const struct __kernel_timespec __user *tp);
long sys_settimeofday(const struct __kernel_timeval __user *tv, const void __user *tz);
long sys_chroot(const char __user *filename);
long sys_flock(unsigned int fd, unsigned int cmd);
long sys_nanosleep(const struct __kernel_timespec __user *rqtp, struct __kernel_timespec __user *rmtp);
long sys_clock_nanosleep(int which, int flags, const struct __kernel_timespec __user *rqtp,
			 struct __kernel_timespec __user *rmtp);
long sys_times(struct tms __user *buf);
long sys_uname(struct new_utsname __user *name);
long sys_syslog(int type, char __user *buf, int len);
long sys_sethostname(const char __user *name, int len);
long sys_setdomainname(const char __user *name, int len);
long sys_getrandom(char __user *buf, size_t count, unsigned int flags);
long sys_prlimit64(pid_t pid, unsigned int resource, const struct rlimit64 __user *new_rlim,
		   struct rlimit64 __user *old_rlim);
long sys_getrlimit(unsigned int resource, struct rlimit64 __user *rlim);
long sys_setrlimit(unsigned int resource, const struct rlimit64 __user *rlim);
long sys_mprotect(unsigned long start, size_t len, unsigned long prot);
long sys_madvise(unsigned long start, size_t len, int advice);
long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len, unsigned long flags,
		unsigned long new_addr);
long sys_setuid(uid_t uid);
long sys_setgid(gid_t gid);
long sys_setreuid(uid_t ruid, uid_t euid);
long sys_setregid(gid_t rgid, gid_t egid);
long sys_setresuid(uid_t ruid, uid_t euid, uid_t suid);
long sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid);
long sys_getresuid(uid_t __user *r, uid_t __user *e, uid_t __user *s);
long sys_getresgid(gid_t __user *r, gid_t __user *e, gid_t __user *s);
long sys_getgroups(int size, gid_t __user *list);
long sys_setgroups(int size, const gid_t __user *list);
long sys_setpgid(pid_t pid, pid_t pgid);
long sys_getpgid(pid_t pid);
long sys_getpgrp(void);
long sys_getsid(pid_t pid);
long sys_setsid(void);
struct k_sigaction;
long sys_rt_sigaction(int sig, const struct k_sigaction __user *act, struct k_sigaction __user *oact,
		      size_t sigsetsize);
long sys_rt_sigprocmask(int how, const u64 __user *set, u64 __user *oset, size_t sigsetsize);
long sys_rt_sigpending(u64 __user *set, size_t sigsetsize);
long sys_rt_sigreturn(void);
long sys_rt_sigsuspend(const u64 __user *mask, size_t sigsetsize);
long sys_pause(void);
struct sigwait_timespec;
struct siginfo;
long sys_rt_sigtimedwait(const u64 __user *these, struct siginfo __user *info,
			 const struct sigwait_timespec __user *ts, size_t sigsetsize);
struct sigaltstack;
long sys_sigaltstack(const struct sigaltstack __user *ss, struct sigaltstack __user *oss);
long sys_kill(pid_t pid, int sig);
long sys_tkill(pid_t tid, int sig);
long sys_tgkill(pid_t tgid, pid_t tid, int sig);
long sys_rt_sigqueueinfo(pid_t pid, int sig, const struct siginfo __user *uinfo);
long sys_rt_tgsigqueueinfo(pid_t tgid, pid_t tid, int sig, const struct siginfo __user *uinfo);
long sys_restart_syscall(void);
long sys_getrusage(int who, struct rusage __user *ru);
struct __kernel_old_itimerval;
long sys_getitimer(int which, struct __kernel_old_itimerval __user *value);
long sys_setitimer(int which, const struct __kernel_old_itimerval __user *value,
		   struct __kernel_old_itimerval __user *ovalue);
long sys_alarm(unsigned int seconds);
struct sched_param;
long sys_sched_getscheduler(pid_t pid);
long sys_sched_getparam(pid_t pid, struct sched_param __user *param);
long sys_sched_get_priority_max(int policy);
long sys_sched_setscheduler(pid_t pid, int policy, const struct sched_param __user *param);
long sys_sched_setparam(pid_t pid, const struct sched_param __user *param);
struct __kernel_timespec_rr;
long sys_sched_rr_get_interval(pid_t pid, struct __kernel_timespec_rr __user *interval);
long sys_sched_get_priority_min(int policy);
long sys_getpriority(int which, int who);
long sys_setpriority(int which, int who, int niceval);
long sys_sched_getaffinity(pid_t pid, unsigned int len, unsigned long __user *user_mask);
long sys_sched_setaffinity(pid_t pid, unsigned int len, const unsigned long __user *user_mask);
struct getcpu_cache;
long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5);
long sys_getcpu(unsigned __user *cpup, unsigned __user *nodep, struct getcpu_cache __user *unused);
/* fs/namei_syscalls.c */
long sys_mkdir(const char __user *pathname, unsigned short mode);
long sys_mkdirat(int dfd, const char __user *pathname, unsigned short mode);
long sys_rmdir(const char __user *pathname);
long sys_unlink(const char __user *pathname);
long sys_unlinkat(int dfd, const char __user *pathname, int flag);
long sys_symlink(const char __user *target, const char __user *linkpath);
long sys_symlinkat(const char __user *target, int dfd, const char __user *linkpath);
long sys_link(const char __user *oldname, const char __user *newname);
long sys_linkat(int olddfd, const char __user *oldname, int newdfd, const char __user *newname, int flags);
long sys_readlink(const char __user *pathname, char __user *buf, int bufsiz);
long sys_readlinkat(int dfd, const char __user *pathname, char __user *buf, int bufsiz);
/* fs/stat.c */
struct stat;
long sys_newstat(const char __user *filename, struct stat __user *statbuf);
long sys_newlstat(const char __user *filename, struct stat __user *statbuf);
long sys_newfstatat(int dfd, const char __user *filename, struct stat __user *statbuf, int flag);
long sys_newfstat(unsigned int fd, struct stat __user *statbuf);
long sys_mount(char __user *dev_name, char __user *dir_name, char __user *type,
	       unsigned long flags, void __user *data);
long sys_umount(char __user *name, int flags);
/* fs/pipe.c */
long sys_pipe(int __user *fildes);
long sys_pipe2(int __user *fildes, int flags);
/* fs/select.c */
struct pollfd;
struct __kernel_old_timeval;
long sys_poll(struct pollfd __user *ufds, unsigned int nfds, int timeout_msecs);
long sys_ppoll(struct pollfd __user *ufds, unsigned int nfds, struct __kernel_timespec __user *tsp,
	       const u64 __user *sigmask, size_t sigsetsize);
long sys_select(int n, unsigned long __user *inp, unsigned long __user *outp,
		unsigned long __user *exp, struct __kernel_old_timeval __user *tvp);
long sys_pselect6(int n, unsigned long __user *inp, unsigned long __user *outp,
		  unsigned long __user *exp, struct __kernel_timespec __user *tsp, void __user *sig);
/* fs/attr.c, fs/rename.c, fs/sync.c, fs/stat.c, fs/namei_syscalls.c: attributes */
struct statx;
long sys_chmod(const char __user *filename, unsigned short mode);
long sys_fchmodat(int dfd, const char __user *filename, unsigned short mode);
long sys_chown(const char __user *filename, uid_t user, gid_t group);
long sys_lchown(const char __user *filename, uid_t user, gid_t group);
long sys_fchownat(int dfd, const char __user *filename, uid_t user, gid_t group, int flag);
long sys_access(const char __user *filename, int mode);
long sys_faccessat(int dfd, const char __user *filename, int mode);
long sys_faccessat2(int dfd, const char __user *filename, int mode, int flags);
long sys_truncate(const char __user *filename, long length);
long sys_utimensat(int dfd, const char __user *filename, const struct __kernel_timespec __user *utimes,
		   int flags);
long sys_rename(const char __user *oldname, const char __user *newname);
long sys_renameat(int olddfd, const char __user *oldname, int newdfd, const char __user *newname);
long sys_renameat2(int olddfd, const char __user *oldname, int newdfd, const char __user *newname,
		   unsigned int flags);
long sys_mknod(const char __user *filename, unsigned short mode, unsigned int dev);
long sys_mknodat(int dfd, const char __user *filename, unsigned short mode, unsigned int dev);
long sys_statx(int dfd, const char __user *filename, unsigned int flags, unsigned int mask,
	       struct statx __user *buffer);
long sys_sync(void);
long sys_syncfs(int fd);
long sys_fsync(unsigned int fd);
long sys_fdatasync(unsigned int fd);
long sys_sync_file_range(int fd, long offset, long nbytes, unsigned int flags);
long sys_fchmod(unsigned int fd, unsigned short mode);
long sys_fchown(unsigned int fd, uid_t user, gid_t group);
long sys_ftruncate(unsigned int fd, long length);
long sys_umask(int mask);
long sys_fallocate(int fd, int mode, long offset, long len);
struct utimbuf;
struct __kernel_old_timeval;
long sys_utime(const char __user *filename, const struct utimbuf __user *times);
long sys_utimes(const char __user *filename, const struct __kernel_old_timeval __user *utimes);
long sys_futimesat(int dfd, const char __user *filename, const struct __kernel_old_timeval __user *utimes);
/* fs/statfs.c */
struct statfs;
long sys_statfs(const char __user *pathname, struct statfs __user *buf);
long sys_fstatfs(unsigned int fd, struct statfs __user *buf);
#endif
