# The root filesystem as the kernel unpacked it from the initramfs: modes,
# owners and mtimes from the archive (directories too: creating their
# entries must not move their mtime), busybox's applet links, /etc.
. /tests/lib
# usr/gen_init_cpio.py stamps every entry with SOURCE_DATE_EPOCH (default
# 1700000000).
expect dir_mtime_from_archive "1700000000" "$(stat -c %Y /etc/init.d)"
expect populated_dir_mtime_from_archive "1700000000" "$(stat -c %Y /usr/bin)"
expect file_mtime_from_archive "1700000000" "$(stat -c %Y /etc/motd)"
expect tmp_is_sticky_and_open "1777" "$(stat -c %a /tmp)"
expect root_home_is_private "700" "$(stat -c %a /root)"
expect init_is_executable "755" "$(stat -c %a /init)"
expect owned_by_root "0 0" "$(stat -c '%u %g' /bin/busybox)"
expect sh_is_busybox "/bin/busybox" "$(readlink /bin/sh)"
expect every_applet_linked "$(busybox --list-full | grep -vc -e '^linuxrc$' -e '^bin/busybox$')" "$(find /bin /sbin /usr/bin /usr/sbin -type l | wc -l)"
expect applet_runs_through_link "3" "$(/usr/bin/seq 3 | /usr/bin/wc -l)"
expect passwd_has_root "root:x:0:0:root:/root:/bin/sh" "$(grep '^root:' /etc/passwd)"
expect hostname_from_etc "lucid" "$(cat /etc/hostname)"
expect profile_sets_ps1 "yes" "$(grep -q '^export PS1=' /etc/profile && echo yes)"
expect console_is_char_5_1 "character special file 5 1" "$(stat -c '%F %t %T' /dev/console)"
exit 0
