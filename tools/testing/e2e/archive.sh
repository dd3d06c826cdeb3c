# tar and gzip round trips, checked with md5sum.
. /tests/lib
mkdir -p d/sub/deeper
seq 1 5000 > d/numbers
dd if=/dev/urandom of=d/sub/random bs=1024 count=200 2>/dev/null
echo small > d/sub/deeper/small
ln -s numbers d/link
(cd d && md5sum numbers sub/random sub/deeper/small) > sums
check tar_create tar cf t.tar d
expect tar_lists_entries "4" "$(tar tf t.tar | grep -v '/$' | wc -l)"
mkdir x
check tar_extract tar xf t.tar -C x
check tar_round_trip_md5 sh -c 'cd x/d && md5sum -c ../../sums >/dev/null'
expect tar_keeps_symlink "numbers" "$(readlink x/d/link)"
check gzip_file gzip -k t.tar
expect gunzip_matches_md5 "$(md5sum < t.tar)" "$(gunzip -c t.tar.gz | md5sum)"
check tar_czf tar czf t.tgz d
mkdir y
check tar_xzf tar xzf t.tgz -C y
check tgz_round_trip_md5 sh -c 'cd y/d && md5sum -c ../../sums >/dev/null'
seq 1 100000 > big
check gzip_9 gzip -9 -k big
gunzip -c big.gz > big2
check gzip_round_trip_cmp cmp big big2
expect gzip_compresses "yes" "$( [ $(wc -c < big.gz) -lt $(wc -c < big) ] && echo yes)"
check bzip2_round_trip sh -c 'bzip2 -c big | bunzip2 -c | cmp - big'
check cpio_round_trip sh -c 'find d | cpio -o -H newc 2>/dev/null > c.cpio && mkdir z && cd z && cpio -id < ../c.cpio 2>/dev/null && cd d && md5sum -c ../../sums >/dev/null'
exit 0
