# Redirections: >, >>, <, 2>, 2>&1, descriptors opened with exec, <>.
. /tests/lib
echo hello > f
expect write_then_read "hello" "$(cat f)"
echo more >> f
expect append_adds_a_line "2" "$(wc -l < f)"
expect stdin_from_file "hello" "$(head -n 1 < f)"
expect stderr_to_stdout "err" "$( (echo err >&2) 2>&1)"
expect stderr_alone_is_not_captured "" "$( (echo err >&2) 2>/dev/null)"
ls /no/such/file 2>/dev/null
expect failing_ls_status "1" "$?"
expect ls_error_text_on_stderr "yes" "$(ls /no/such/file 2>&1 | grep -q 'No such file' && echo yes)"
exec 3> g
echo via3 >&3
echo again >&3
exec 3>&-
expect exec_opened_descriptor "via3 again" "$(cat g | tr '\n' ' ' | sed 's/ $//')"
exec 4< g
read -r first <&4
read -r second <&4
exec 4<&-
expect read_two_lines_from_one_descriptor "via3/again" "$first/$second"
echo 1234567890 > rw
exec 5<> rw
printf 'ab' >&5
exec 5>&-
expect read_write_open_overwrites_in_place "ab34567890" "$(cat rw)"
: > f
expect truncate_with_colon "0" "$(wc -c < f)"
cat /etc/passwd > copy
check copy_equals_original cmp /etc/passwd copy
( echo x > /no/such/dir/file ) 2>/dev/null
expect redirect_into_missing_dir_fails "1" "$( [ $? -ne 0 ] && echo 1)"
{ echo a; echo b; } > grouped
expect group_redirect "2" "$(wc -l < grouped)"
expect devnull_reads_empty "0" "$(wc -c < /dev/null)"
exit 0
