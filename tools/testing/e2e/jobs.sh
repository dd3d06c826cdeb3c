# Background jobs: 50 at once and `wait`; the status of one job by pid.
. /tests/lib
mkdir out
for i in $(seq 1 50); do
	(sleep 1; echo $i > out/$i) &
done
wait
expect fifty_background_jobs_all_finished "50" "$(ls out | wc -l)"
expect fifty_jobs_wrote_their_numbers "1275" "$(cat out/* | awk '{s += $1} END {print s}')"
(exit 7) &
pid=$!
wait $pid
expect wait_for_pid_gives_its_status "7" "$?"
sleep 1 &
expect dollar_bang_is_a_pid "yes" "$( [ "$!" -gt 1 ] && echo yes)"
wait
expect wait_without_jobs_is_zero "0" "$?"
exit 0
