# Pipelines: data through pipes between processes, exit statuses, a writer
# whose reader goes away (SIGPIPE/EPIPE must end it, not hang it).
. /tests/lib
expect seq_sort_rn_head "10000" "$(seq 1 10000 | sort -rn | head -1)"
expect seq_wc_l "10000" "$(seq 1 10000 | wc -l)"
expect five_stage_pipeline "1093" "$(seq 1 1000 | grep 7 | sed 's/7/XY/g' | tr Y Z | awk '{s += length($0)} END {print s}')"
expect one_mib_through_a_pipe "1048576" "$(dd if=/dev/zero bs=1024 count=1024 2>/dev/null | cat | wc -c)"
expect yes_stops_when_head_is_done "1000" "$(yes | head -n 1000 | wc -l)"
false | true
expect status_is_the_last_commands "0" "$?"
true | false
expect status_of_failing_last "1" "$?"
expect pipe_into_while_read "55" "$(seq 1 10 | { s=0; while read n; do s=$((s + n)); done; echo $s; })"
expect sort_uniq_count "3 a" "$(printf 'a\nb\na\na\nc\n' | sort | uniq -c | sort -rn | head -1 | sed 's/^ *//')"
expect md5_of_a_pipe "$(seq 1 5000 > f; md5sum < f | cut -d' ' -f1)" "$(seq 1 5000 | md5sum | cut -d' ' -f1)"
exit 0
