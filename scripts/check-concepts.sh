#!/usr/bin/env bash
# Every `path:function` or `path` cited in Documentation/concepts.md must
# exist (the file, and the function name in it). One PASS/FAIL line per file.
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
	if [ -n "$fn" ] && ! grep -qw -- "$fn" "$file"; then
		echo "  $doc cites $fn, not found in $file" >&2; bad=1
	fi
done < <(grep -o '`[A-Za-z0-9_./-]*\(:[A-Za-z0-9_]*\)\?`' "$doc" | tr -d '`' | grep '/' | sort -u)
if [ $bad = 0 ]; then echo "PASS docs:concepts-citations-exist"; else echo "FAIL docs:concepts-citations-exist"; fi
