# Everyday commands, one check each: files (cp, mv, rm, ln, chmod, touch,
# stat, du), text (grep, sed, awk, cut, sort, uniq, tr, tee, head, tail, wc,
# diff, od, base64), the system (id, uname, hostname, date, env, kill, ps,
# mkfifo), as a user at the prompt would type them.
. /tests/lib
mkdir -p src/sub
printf 'alpha\nbeta\ngamma\n' > src/a.txt
echo nested > src/sub/n.txt
check cp_recursive cp -r src dst
check cp_tree_same sh -c 'diff -r src dst'
check mv_rename mv dst/a.txt dst/b.txt
expect mv_moved "no yes" "$( [ -e dst/a.txt ] && echo yes || echo no) $( [ -e dst/b.txt ] && echo yes)"
check rm_recursive rm -r dst
expect rm_removed "gone" "$( [ -e dst ] || echo gone)"
check ln_symbolic ln -s src/a.txt link
expect readlink_f "$PWD/src/a.txt" "$(readlink -f link)"
expect cat_through_symlink "beta" "$(sed -n 2p link)"
ln src/a.txt hard
expect hard_link_count "2" "$(stat -c %h src/a.txt)"
chmod 750 src/a.txt
expect chmod_octal "750" "$(stat -c %a src/a.txt)"
chmod u-w,o+r src/a.txt
expect chmod_symbolic "554" "$(stat -c %a src/a.txt)"
touch -d '2020-01-02 03:04:05' src/a.txt
expect touch_date "2020-01-02" "$(date -r src/a.txt +%Y-%m-%d)"
expect ls_long_type "-r-xr-xr--" "$(ls -l src/a.txt | cut -c1-10)"
expect ls_sorted "a.txt sub" "$(ls src | tr '\n' ' ' | sed 's/ $//')"
dd if=/dev/zero of=big bs=1024 count=100 2>/dev/null
expect du_k "100" "$(du -k big | cut -f1)"
expect stat_size "102400" "$(stat -c %s big)"
expect grep_count "3" "$(grep -c a src/a.txt)"
expect grep_recursive "src/sub/n.txt:nested" "$(grep -r nest src)"
expect grep_inverted "beta" "$(grep -v -e alpha -e gamma src/a.txt)"
cp src/a.txt e.txt
chmod 644 e.txt
check sed_in_place sed -i 's/beta/BETA/' e.txt
expect sed_changed "BETA" "$(sed -n 2p e.txt)"
expect awk_fields "b c" "$(echo 'a b c' | awk '{print $2, $3}')"
expect awk_sum "15" "$(seq 1 5 | awk '{s += $1} END {print s}')"
expect cut_delim "2" "$(echo 1:2:3 | cut -d: -f2)"
expect sort_unique "a b c" "$(printf 'c\na\nb\na\n' | sort -u | tr '\n' ' ' | sed 's/ $//')"
expect uniq_d "a" "$(printf 'a\na\nb\n' | uniq -d)"
expect tr_upper "HELLO" "$(echo hello | tr a-z A-Z)"
expect tee_both "x x" "$(echo x | tee t1) $(cat t1)"
expect head_tail "3 8" "$(seq 1 10 | head -3 | tail -1) $(seq 1 10 | tail -n 3 | head -1)"
expect wc_words "3 3 17" "$(wc src/a.txt | awk '{print $1, $2, $3}')"
printf 'one\ntwo\n' > d1
printf 'one\nthree\n' > d2
expect diff_status "1" "$(diff d1 d2 > /dev/null; echo $?)"
expect diff_lines "-two +three" "$(diff -u d1 d2 | grep '^[-+][a-z]' | tr '\n' ' ' | sed 's/ $//')"
expect od_hex "6869" "$(printf hi | od -An -tx1 | tr -d ' \n')"
expect base64_round_trip "hello world" "$(echo 'hello world' | base64 | base64 -d)"
expect sha256 "ba7816bf8f01cfea" "$(printf abc | sha256sum | cut -c1-16)"
expect md5 "900150983cd24fb0d6963f7d28e17f72" "$(printf abc | md5sum | cut -d' ' -f1)"
expect id_root "uid=0(root) gid=0(root)" "$(id | cut -d' ' -f1-2)"
expect whoami "root" "$(whoami)"
expect uname_s "Linux" "$(uname -s)"
expect uname_m "x86_64" "$(uname -m)"
expect hostname "lucid" "$(hostname)"
expect date_epoch_plausible "yes" "$( [ $(date +%s) -gt 1600000000 ] && echo yes)"
expect env_passes "v" "$(FOO=v env | grep '^FOO=' | cut -d= -f2)"
sleep 100 &
pid=$!
kill $pid
wait $pid
expect kill_term_status "143" "$?"
expect ps_lists_itself "yes" "$(ps | grep -q '[p]s' && echo yes)"
check mkfifo mkfifo ff
(echo through-fifo > ff) &
expect fifo_carries "through-fifo" "$(cat ff)"
wait
expect basename_dirname "c /a/b" "$(basename /a/b/c) $(dirname /a/b/c)"
t=$(mktemp)
expect mktemp_in_tmp "yes" "$(case $t in /tmp/*) [ -f "$t" ] && echo yes ;; esac)"
rm -f "$t"
expect printf_format "007 x" "$(printf '%03d %s' 7 x)"
expect test_numeric "yes" "$( [ 10 -gt 9 ] && echo yes)"
expect expr_match "3" "$(expr length abc)"
check which_finds_applets sh -c '[ "$(which ls)" = /bin/ls ]'
exit 0
