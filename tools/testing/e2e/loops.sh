# Loops that start many processes: 200 external commands in a for loop,
# while and until loops, break and continue.
. /tests/lib
n=0
for i in $(seq 1 200); do
	n=$(expr $n + 1)
done
expect for_loop_of_200_processes "200" "$n"
ok=0
for i in $(seq 1 200); do
	/bin/true && ok=$((ok + 1))
done
expect two_hundred_true_runs "200" "$ok"
i=0
while [ $i -lt 100 ]; do i=$((i + 1)); done
expect while_loop "100" "$i"
until [ $i -le 0 ]; do i=$((i - 1)); done
expect until_loop "0" "$i"
s=
for w in a b c d e; do
	[ $w = b ] && continue
	[ $w = e ] && break
	s=$s$w
done
expect break_and_continue "acd" "$s"
seq 1 50 > lines
c=0
while read -r l; do c=$((c + l)); done < lines
expect while_read_from_file "1275" "$c"
exit 0
