# The OOM killer: `tail /dev/zero` keeps every byte while it looks for a
# newline that never comes, until it holds all the memory there is. The
# biggest process is killed (SIGKILL: the shell sees status 137), dmesg
# says who and why, and the shell goes on as before.
. /tests/lib
tail /dev/zero >/dev/null
expect hog_is_sigkilled 137 "$?"
expect dmesg_names_the_victim yes "$(dmesg | grep -q 'Out of memory: Killed process [0-9]* (tail)' && echo yes)"
expect shell_goes_on 42 "$((40 + 2))"
check fork_exec_after_oom true
exit 0
