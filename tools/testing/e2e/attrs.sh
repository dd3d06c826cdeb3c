# File attributes and renames through busybox: chmod, chown, chgrp, touch,
# stat, truncate (sparse: du), mkfifo, mknod, cp -p, mv within and across
# directories, and mv's refusals.
. /tests/lib
umask 022
echo hello > f
expect new_file_mode_after_umask "644" "$(stat -c %a f)"
chmod 640 f
expect chmod_octal "640" "$(stat -c %a f)"
chmod u+x,g-r f
expect chmod_symbolic "700" "$(stat -c %a f)"
chown 1000:100 f
expect chown "1000:100" "$(stat -c %u:%g f)"
chgrp 0 f
expect chgrp "1000:0" "$(stat -c %u:%g f)"
chmod 4755 f && chown 0 f
expect chown_drops_setuid "755" "$(stat -c %a f)"
touch -t 200102030405.06 f
expect touch_t_sets_mtime "981173106" "$(stat -c %Y f)"
touch -c -t 200001010000 nonexistent
expect touch_c_creates_nothing "no" "$(test -e nonexistent && echo yes || echo no)"
cp -p f g
expect cp_p_keeps_mtime "981173106" "$(stat -c %Y g)"
expect cp_p_keeps_mode "755" "$(stat -c %a g)"
touch g
expect touch_sets_now "yes" "$(test "$(stat -c %Y g)" -gt 981173106 && echo yes)"
truncate -s 3 g
expect truncate_shrinks "hel" "$(cat g)"
truncate -s 5000 g
expect truncate_grows "5000" "$(stat -c %s g)"
expect truncate_zero_fills "68656c0000000000" "$(od -An -tx1 -N8 g | tr -d ' \n')"
truncate -s 10M sparse
expect sparse_file_size "10485760" "$(stat -c %s sparse)"
expect sparse_file_takes_no_space "0" "$(du -k sparse | cut -f1)"
mkfifo p
expect mkfifo "fifo" "$(stat -c %F p)"
mknod n c 1 3
expect mknod_char_device "character special file 1 3" "$(stat -c '%F %t %T' n)"
echo null > n
expect mknod_node_is_dev_null "" "$(cat n)"
mkdir -p d1/sub
mv f d1/sub/f2
expect mv_into_subdirectory "hello" "$(cat d1/sub/f2)"
mv d1 d2
expect mv_directory "hello" "$(cat d2/sub/f2)"
expect mv_old_name_gone "no" "$(test -e d1 && echo yes || echo no)"
mv d2 d2/sub 2>/dev/null
expect mv_into_itself_fails "1" "$?"
echo a > a
echo b > b
mv -f a b
expect mv_replaces "a" "$(cat b)"
mkdir e1 e2
touch e2/x
mv e1 e2 2>/dev/null
expect mv_dir_into_existing_dir "yes" "$(test -d e2/e1 && echo yes)"
mv -T e2/e1 e2/x 2>/dev/null
expect mv_dir_onto_file_fails "1" "$?"
expect links_after_moves "3" "$(stat -c %h e2)"
ln b c
mv b c 2>/dev/null
expect mv_onto_own_hard_link_keeps_data "a" "$(cat c)"
test -w c
expect root_may_write "0" "$?"
sync
expect sync "0" "$?"
exit 0
