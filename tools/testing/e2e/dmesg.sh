# busybox dmesg over syslog(2) and /dev/kmsg: the boot log is there,
# a line written to /dev/kmsg shows up (dmesg strips "<prio>", dmesg -r
# keeps it: <14> is LOG_USER|LOG_INFO), dmesg -c prints then clears,
# dmesg -n sets the console level (/proc/sys/kernel/printk's first field).
. /tests/lib
saved=$(cut -f1 /proc/sys/kernel/printk)
check dmesg_runs dmesg
expect dmesg_has_boot_log yes "$(dmesg | grep -q '^\[ *[0-9]*\.[0-9]\{6\}\] ' && echo yes)"
check dmesg_n_1 dmesg -n 1
expect console_level_1 1 "$(cut -f1 /proc/sys/kernel/printk)"
echo "<6>e2e-dmesg hello" > /dev/kmsg
expect dmesg_shows_kmsg_write yes "$(dmesg | grep -q '^\[ *[0-9.]*\] e2e-dmesg hello$' && echo yes)"
expect dmesg_r_keeps_prio yes "$(dmesg -r | grep -q '^<14>\[ *[0-9.]*\] e2e-dmesg hello$' && echo yes)"
expect dmesg_c_prints yes "$(dmesg -c | grep -q 'e2e-dmesg hello' && echo yes)"
expect dmesg_c_cleared "" "$(dmesg | grep 'e2e-dmesg hello')"
echo "<6>e2e-dmesg after clear" > /dev/kmsg
expect dmesg_after_clear yes "$(dmesg | grep -q '^\[ *[0-9.]*\] e2e-dmesg after clear$' && echo yes)"
check dmesg_n_restore dmesg -n "$saved"
expect console_level_restored "$saved" "$(cut -f1 /proc/sys/kernel/printk)"
exit 0
