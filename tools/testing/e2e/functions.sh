# Shell functions: arguments, return status, local variables, recursion,
# functions in pipelines and subshells.
. /tests/lib
join() { echo "$1-$2"; }
expect arguments "a-b" "$(join a b)"
three() { return 3; }
three
expect return_status "3" "$?"
fact() {
	if [ "$1" -le 1 ]; then echo 1; return; fi
	local r
	r=$(fact $(($1 - 1)))
	echo $(($1 * r))
}
expect recursion_through_subshells "3628800" "$(fact 10)"
v=outer
setv() { local v=inner; echo $v; }
expect local_inside "inner" "$(setv)"
setv > /dev/null
expect local_does_not_leak "outer" "$v"
count() { wc -l; }
expect function_in_pipeline "5" "$(seq 1 5 | count)"
g() { echo "$#"; }
expect argument_count "4" "$(g 1 "2 3" 4 '')"
h() { shift; echo "$@"; }
expect shift_in_function "b c" "$(h a b c)"
exit 0
