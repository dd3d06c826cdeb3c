#!/usr/bin/env bash
# Every `path:function` or `path` cited in Documentation/concepts.md must
# exist (the file, and the function defined or declared in it). One PASS/FAIL line per file.
set -uo pipefail
cd "$(dirname "$0")/.."
doc=Documentation/concepts.md
bad=0
while read -r ref; do
	file=${ref%%:*}
	fn=""
	[[ "$ref" == *:* ]] && fn=${ref#*:}
	if [ ! -e "$file" ]; then
		echo "  $doc cites missing file $file" >&2; bad=1; continue
	fi
	[ -n "$fn" ] || continue
	# The name must be defined or declared there, not just mentioned in a
	# comment: an assembly label "fn:", or in C a line that starts in
	# column 0 (a definition, a declaration, a macro or a struct).
	case $file in
	*.S) def="^$fn:" ;;
	*) def="^[A-Za-z_#].*\\b$fn\\b" ;;
	esac
	if ! grep -Eq -- "$def" "$file"; then
		echo "  $doc cites $fn, not defined in $file" >&2; bad=1
	fi
done < <(grep -o '`[A-Za-z0-9_./-]*\(:[A-Za-z0-9_]*\)\?`' "$doc" | tr -d '`' | grep '/' | sort -u)
if [ $bad = 0 ]; then echo "PASS docs:concepts-citations-exist"; else echo "FAIL docs:concepts-citations-exist"; fi

# Documentation/syscalls.md must be what the syscall table generates.
tmp=$(mktemp -d)
python3 scripts/syscalltbl.py arch/x86/entry/syscalls/syscall_64.tbl "$tmp" "$tmp/syscalls.md"
if cmp -s "$tmp/syscalls.md" Documentation/syscalls.md; then
	echo "PASS docs:syscalls-md-matches-the-table"
else
	echo "FAIL docs:syscalls-md-matches-the-table"
	echo "  run: make kernel (it regenerates Documentation/syscalls.md) and commit it" >&2
fi
rm -rf "$tmp"
