# /proc as the busybox tools read it: ps, top, free, uptime, mount, df,
# pidof, killall, sysctl, and cat of /proc files, checked against what the
# scenario knows (the pids it started, /proc/meminfo). (Debian's
# busybox-static has no pgrep/pkill.)
. /tests/lib
sleep 300 &
s1=$!
sleep 301 &
s2=$!
# Until a child has exec'd sleep, its cmdline is still the shell's: wait
# for both (normally no wait at all).
for i in $(seq 1 30); do
	[ "$(tr '\0' ' ' < /proc/$s1/cmdline)$(tr '\0' ' ' < /proc/$s2/cmdline)" = "sleep 300 sleep 301 " ] && break
	sleep 1
done
expect ps_lists_our_sleep "sleep 300" "$(ps | awk -v p=$s1 '$1 == p { print $(NF-1), $NF }')"
expect ps_user_is_root "root" "$(ps | awk -v p=$s1 '$1 == p { print $2 }')"
expect ps_o_pid_ppid "$s1 $$" "$(ps -o pid,ppid | awk -v p=$s1 '$1 == p { print $1, $2 }')"
expect pidof_finds_both "yes" "$(pidof sleep | tr ' ' '\n' | grep -c -e "^$s1\$" -e "^$s2\$" | grep -q 2 && echo yes)"
expect stat_state_sleeping "S" "$(cut -d' ' -f3 /proc/$s1/stat)"
expect stat_ppid_is_shell "$$" "$(cut -d' ' -f4 /proc/$s1/stat)"
expect status_name "Name:	sleep" "$(grep '^Name:' /proc/$s1/status)"
expect cmdline_nul_separated "sleep 300 " "$(tr '\0' ' ' < /proc/$s1/cmdline)"
expect exe_is_busybox "/bin/busybox" "$(readlink /proc/$s1/exe)"
expect self_fd_lists_stdio "0 1 2" "$(ls /proc/self/fd | sort -n | head -n 3 | tr '\n' ' ' | sed 's/ $//')"
expect maps_has_stack "1" "$(grep -c '\[stack\]' /proc/self/maps)"
check kill_one kill $s2
wait $s2
expect kill_sent_sigterm "143" "$?"
expect pidof_after_kill "$s1" "$(pidof sleep)"
expect proc_dir_gone_after_reap "no" "$( [ -d /proc/$s2 ] && echo yes || echo no)"
check killall_sleep killall sleep
wait $s1
expect killall_sent_sigterm "143" "$?"

top -b -n 1 > top.out
expect top_has_mem_line "1" "$(grep -c '^Mem:' top.out)"
expect top_has_cpu_line "1" "$(grep -c '^CPU:' top.out)"
expect top_has_load_average "1" "$(grep -c 'Load average:' top.out)"
expect top_lists_itself "yes" "$(grep -q 'top -b -n 1' top.out && echo yes)"
total=$(awk '$1 == "MemTotal:" { print $2 }' /proc/meminfo)
expect free_total_is_memtotal "$total" "$(free | awk '$1 == "Mem:" { print $2 }')"
expect free_used_plus_free_le_total "yes" "$(free | awk '$1 == "Mem:" { print ($3 + $4 <= $2) ? "yes" : "no" }')"
expect uptime_has_load_average "yes" "$(uptime | grep -q 'load average:' && echo yes)"
expect proc_uptime_two_numbers "yes" "$(grep -qE '^[0-9]+\.[0-9]{2} [0-9]+\.[0-9]{2}$' /proc/uptime && echo yes)"
expect loadavg_format "yes" "$(grep -qE '^[0-9]+\.[0-9]{2} [0-9]+\.[0-9]{2} [0-9]+\.[0-9]{2} [0-9]+/[0-9]+ [0-9]+$' /proc/loadavg && echo yes)"
expect mount_shows_proc "1" "$(mount | grep -c '^proc on /proc type proc ')"
mkdir t
mount -t tmpfs -o size=8m none t
expect df_shows_a_tmpfs "8192 $PWD/t" "$(df -k t | awk 'NR == 2 { print $2, $6 }')"
umount t
expect sysctl_reads_ostype "kernel.ostype = Linux" "$(sysctl kernel.ostype)"
old=$(hostname)
check sysctl_writes_hostname sysctl -w kernel.hostname=e2ehost
expect hostname_follows_sysctl "e2ehost" "$(hostname)"
hostname "$old"
expect sysctl_a_lists_osrelease "1" "$(sysctl -a 2>/dev/null | grep -c '^kernel.osrelease = ')"
expect cpuinfo_one_per_cpu "$(nproc)" "$(grep -c '^processor' /proc/cpuinfo)"
expect version_is_linux "Linux" "$(cut -d' ' -f1 /proc/version)"
expect filesystems_has_proc "1" "$(grep -c '	proc$' /proc/filesystems)"
expect stat_counts_cpu_time "yes" "$(awk '$1 == "cpu" { print ($2 + $3 + $4 + $5 > 0) ? "yes" : "no" }' /proc/stat)"
exit 0
