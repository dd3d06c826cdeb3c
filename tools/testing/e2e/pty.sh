# Pseudo-terminals as the shell sees them: /dev/ptmx is the character
# device 5,2; devpts is on /dev/pts (Lucid mounts it at boot, rcS does on
# Linux) and mounts again elsewhere with its ptmx node; the console is
# this shell's terminal (tty). The pty data paths: user test tty_pty.
. /tests/lib
expect ptmx_is_char yes "$([ -c /dev/ptmx ] && echo yes)"
expect ptmx_numbers "5 2" "$(stat -c '%t %T' /dev/ptmx)"
expect devpts_on_dev_pts yes "$(grep -q '^devpts /dev/pts devpts ' /proc/mounts && echo yes)"
expect dev_pts_has_ptmx yes "$([ -c /dev/pts/ptmx ] && echo yes)"
mkdir -p /e2e-pts
check mount_devpts_again mount -t devpts devpts /e2e-pts
expect second_mount_has_ptmx yes "$([ -c /e2e-pts/ptmx ] && echo yes)"
expect second_mount_is_devpts yes "$(grep -q '^devpts /e2e-pts devpts ' /proc/mounts && echo yes)"
check umount_devpts umount /e2e-pts
rmdir /e2e-pts
exit 0
