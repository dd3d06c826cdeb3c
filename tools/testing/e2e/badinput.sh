# Bad input from user space: truncated and corrupt executables fail execve
# with an errno (or, where Linux commits to the exec first, die of a
# signal: never run); programs that touch NULL or the kernel die of SIGSEGV
# and their parent sees that status. The kernel stays up throughout.
. /tests/lib
probe=/tests/bin/probe
: > empty
head -c 100 /bin/busybox > truncated
cp /bin/busybox wrong_machine
printf '\003\000' | dd of=wrong_machine bs=1 seek=18 conv=notrunc 2>/dev/null
cp /bin/busybox bad_magic
printf 'XELF' | dd of=bad_magic bs=1 conv=notrunc 2>/dev/null
head -c 500000 /bin/busybox > cut_segments
printf '#!/no/such/interpreter\n' > no_interp
cp /bin/busybox not_executable
chmod 755 empty truncated wrong_machine bad_magic cut_segments no_interp
chmod 644 not_executable
expect empty_file "ENOEXEC" "$($probe exec ./empty)"
expect truncated_header "ENOEXEC" "$($probe exec ./truncated)"
expect wrong_machine "ENOEXEC" "$($probe exec ./wrong_machine)"
expect bad_magic "ENOEXEC" "$($probe exec ./bad_magic)"
expect missing_interpreter "ENOENT" "$($probe exec ./no_interp)"
expect no_x_bit "EACCES" "$($probe exec ./not_executable)"
expect directory "EACCES" "$($probe exec /tmp)"
expect missing_file "ENOENT" "$($probe exec ./nothing_here)"
# Segments past the end of the file: Linux maps them and the program dies
# of SIGBUS or SIGSEGV; Lucid refuses the exec. Either way it never runs.
r=$($probe wait ./cut_segments --help)
case $r in
"exec failed: ENOEXEC"|"killed by signal 7"|"killed by signal 11") pass cut_segments_never_run ;;
*) fail cut_segments_never_run "got '$r'" ;;
esac
expect good_copy_still_runs "exited 0" "$($probe wait /bin/busybox true)"
expect null_write_is_sigsegv "killed by signal 11" "$($probe wait $probe segv)"
expect kernel_write_is_sigsegv "killed by signal 11" "$($probe wait $probe segv-kernel)"
expect null_call_is_sigsegv "killed by signal 11" "$($probe wait $probe jump-null)"
$probe segv 2>/dev/null
expect shell_sees_128_plus_sigsegv "139" "$?"
expect still_alive "alive" "$(echo alive)"
exit 0
