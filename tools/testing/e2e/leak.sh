# Leak check: free memory after 1,000 fork+exec+exit cycles (the shell
# starting /bin/true) comes back to within a few pages of where it was.
# Strict only where the harness asks (LUCID_STRICT_LEAK, on Lucid): Linux's
# caches move its free count by more than that. One page per cycle would
# be 1,000 pages.
. /tests/lib
freekb() { free | awk '/^Mem:/ {print $4}'; }
for i in $(seq 1 50); do /bin/true; done
before=$(freekb)
ok=0
i=0
while [ $i -lt 1000 ]; do
	/bin/true && ok=$((ok + 1))
	i=$((i + 1))
done
after=$(freekb)
expect thousand_fork_exec_exit_cycles "1000" "$ok"
lost=$(((before - after) / 4))
echo "leak: free before $before KiB, after $after KiB: $lost pages lost"
if [ -n "$LUCID_STRICT_LEAK" ]; then
	expect free_pages_come_back_within_64 "yes" "$( [ $lost -le 64 ] && echo yes)"
fi
exit 0
