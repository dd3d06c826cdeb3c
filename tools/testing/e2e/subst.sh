# Command substitution and expansions: $(), ``, nesting, arithmetic,
# parameter expansion, exit status through substitution.
. /tests/lib
expect nested "inner" "$(echo $(echo inner))"
expect backquotes "back" "`echo back`"
expect arithmetic "42" "$((6 * 7))"
expect trailing_newlines_stripped "x" "$(printf 'x\n\n\n')"
expect words "1 2 3" "$(echo $(seq 1 3))"
x=$(false)
expect status_of_substitution "1" "$?"
p=/usr/lib/file.tar.gz
expect strip_suffix "/usr/lib/file.tar" "${p%.*}"
expect strip_longest_suffix "/usr/lib/file" "${p%%.*}"
expect strip_prefix "file.tar.gz" "${p##*/}"
expect length "20" "${#p}"
expect default_value "dflt" "${unset_var:-dflt}"
expect large_substitution "50000" "$(seq 1 50000 | wc -l)"
expect external_in_substitution "$(uname -s)" "$(echo $(uname -s))"
expect expr_runs "7" "$(expr 3 + 4)"
exit 0
