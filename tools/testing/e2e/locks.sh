# chroot, setting the clock and file locks through busybox: chroot,
# date -s, passwd (fcntl F_SETLK on /etc/passwd).
. /tests/lib
expect chroot_slash "ok" "$(chroot / /bin/sh -c 'echo ok' 2>&1)"
mkdir -p cr/bin
cp /bin/busybox cr/bin/busybox
ln -s busybox cr/bin/sh
ln -s busybox cr/bin/ls
expect chroot_dotdot_stays "bin" "$(chroot cr /bin/sh -c 'cd /../.. && ls' 2>&1)"
expect chroot_missing_dir "chroot: can't change root directory to 'nodir': No such file or directory" \
	"$(chroot nodir /bin/sh -c 'echo no' 2>&1)"

# date -s: the wall clock moves (and file times with it), then back.
old=$(date +%s)
date -s @2000000000 >/dev/null 2>&1
now=$(date +%s)
expect date_s_sets_clock "yes" "$(test "$now" -ge 2000000000 && test "$now" -lt 2000003600 && echo yes)"
touch stamp
expect date_s_file_mtime "yes" "$(test "$(stat -c %Y stamp)" -ge 2000000000 && echo yes)"
date -s "@$old" >/dev/null 2>&1
expect date_s_back "yes" "$(test "$(date +%s)" -lt 2000000000 && echo yes)"

# (Debian's busybox has no flock applet: flock(2) is covered by the user
# test fs_lock.)

# passwd locks /etc/passwd with fcntl(F_SETLK) before rewriting it.
cp /etc/passwd pw.bak
out=$(passwd -d daemon 2>&1)
expect passwd_locks_and_writes "" "$(echo "$out" | grep -i "lock")"
expect passwd_cleared "daemon::1:1:daemon:/usr/sbin:/bin/false" "$(grep '^daemon:' /etc/passwd)"
cat pw.bak > /etc/passwd
