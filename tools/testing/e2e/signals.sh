# Signals and job control from the shell, as a person types them: kill
# -STOP/-CONT on a background job (its state in /proc goes T and back, and
# the sleep goes on afterwards), the status of a job killed by a signal
# (128 + signal), trap on a signal, and a sleep interrupted by a trapped
# signal.
. /tests/lib

state() { set -- $(cat /proc/$1/stat 2>/dev/null); echo "$3"; }
# until_state PID STATE: wait (at most 10 s) until the process is in STATE.
until_state() {
	i=0
	while [ "$(state $1)" != "$2" ] && [ $i -lt 1000 ]; do
		sleep 0.01
		i=$((i + 1))
	done
	state $1
}

sleep 2 &
pid=$!
check kill_stop_succeeds kill -STOP $pid
expect stopped_job_shows_state_T "T" "$(until_state $pid T)"
check kill_cont_succeeds kill -CONT $pid
expect continued_job_sleeps_again "S" "$(until_state $pid S)"
wait $pid
expect stopped_and_continued_sleep_finishes_normally "0" "$?"

sleep 30 &
pid=$!
kill -TERM $pid
wait $pid
expect job_killed_by_sigterm_status_143 "143" "$?"

sleep 30 &
pid=$!
kill -STOP $pid
until_state $pid T >/dev/null
kill -KILL $pid
wait $pid
expect stopped_job_killed_by_sigkill_status_137 "137" "$?"

got=
trap 'got=usr1' USR1
kill -USR1 $$
expect trap_runs_on_the_signal "usr1" "$got"
trap - USR1

expect kill_l_names_signal_19 "STOP" "$(kill -l 19)"
exit 0
