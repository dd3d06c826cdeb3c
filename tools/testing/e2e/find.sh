# find over a tree: -type, -name, -maxdepth, -exec (; and +), xargs with
# many arguments, -delete.
. /tests/lib
mkdir -p t/a/b/c t/d
touch t/one.txt t/a/two.txt t/a/b/three.log t/a/b/c/four.txt t/d/five
expect files_sorted "t/a/b/c/four.txt t/a/b/three.log t/a/two.txt t/d/five t/one.txt" "$(find t -type f | sort | tr '\n' ' ' | sed 's/ $//')"
expect dirs_counted "5" "$(find t -type d | wc -l)"
expect by_name "3" "$(find t -name '*.txt' | wc -l)"
expect maxdepth "t/d t/one.txt" "$(find t -maxdepth 1 -mindepth 1 ! -name a | sort | tr '\n' ' ' | sed 's/ $//')"
echo hi > t/a/b/c/four.txt
expect exec_semicolon "hi" "$(find t -name four.txt -exec cat {} \;)"
expect exec_plus "3" "$(find t -name '*.txt' -exec ls {} + | wc -l)"
expect xargs_many_arguments "20000" "$(seq 1 20000 | xargs echo | wc -w)"
expect xargs_n "10" "$(seq 1 20 | xargs -n 2 echo | wc -l)"
expect find_size "t/a/b/c/four.txt" "$(find t -type f -size +0)"
find t -name '*.log' -exec rm {} \;
expect exec_rm "0" "$(find t -name '*.log' | wc -l)"
expect path_from_root "/etc/passwd" "$(find /etc -maxdepth 1 -name passwd)"
exit 0
