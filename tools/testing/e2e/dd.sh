# dd of 16 MiB: from /dev/zero and /dev/urandom, block sizes, skip/seek,
# conv=notrunc; sizes and md5sums checked.
. /tests/lib
check dd_16_mib_of_zeros dd if=/dev/zero of=z bs=1M count=16 2>/dev/null
expect zero_file_size "16777216" "$(wc -c < z)"
expect zero_file_md5 "2c7ab85a893283e98c931e9511add182" "$(md5sum < z | cut -d' ' -f1)"
check dd_16_mib_random dd if=/dev/urandom of=r bs=1M count=16 2>/dev/null
expect random_file_size "16777216" "$(wc -c < r)"
check copy_with_4k_blocks dd if=r of=r2 bs=4096 2>/dev/null
check copy_is_identical cmp r r2
expect copy_md5 "$(md5sum < r)" "$(md5sum < r2)"
check skip_count dd if=r of=part bs=1M skip=8 count=2 2>/dev/null
expect skip_count_md5 "$(tail -c 8388608 r | head -c 2097152 | md5sum)" "$(md5sum < part)"
check seek_notrunc dd if=/dev/zero of=r2 bs=1M seek=1 count=1 conv=notrunc 2>/dev/null
expect seek_notrunc_keeps_size "16777216" "$(wc -c < r2)"
expect seek_notrunc_zeroed_one_mib "$(head -c 1048576 /dev/zero | md5sum)" "$(dd if=r2 bs=1M skip=1 count=1 2>/dev/null | md5sum)"
check odd_block_size dd if=r of=r3 bs=12345 2>/dev/null
check odd_block_copy_is_identical cmp r r3
rm -f z r r2 r3 part
exit 0
