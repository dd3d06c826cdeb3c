# FIFOs and poll from the shell: mkfifo, a reader and a writer meeting at
# open, a big write through a FIFO, `read -t` (poll with a timeout) timing
# out on an empty FIFO and then getting a line.
. /tests/lib
check mkfifo mkfifo f
expect ls_shows_a_fifo "p" "$(ls -l f | cut -c1)"
cat f > out &
echo hello > f
wait $!
expect reader_got_the_line "hello" "$(cat out)"
seq 1 2000 > f &
expect lines_through_a_fifo "2000" "$(wc -l < f)"
wait
exec 3<>f
read -t 1 x <&3
st=$?
expect read_t_times_out_on_empty_fifo "yes" "$([ $st -ne 0 ] && [ -z "$x" ] && echo yes)"
echo line >&3
read -t 1 y <&3
expect read_t_gets_a_line "line" "$y"
exec 3<&-
rm f out
exit 0
