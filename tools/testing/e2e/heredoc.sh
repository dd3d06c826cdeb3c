# Here-documents: expansion, quoting, <<- tab stripping, large bodies.
. /tests/lib
name=world
expect expands_variables "hello world" "$(cat <<EOF
hello $name
EOF
)"
expect quoted_delimiter_does_not_expand 'hello $name' "$(cat <<'EOF'
hello $name
EOF
)"
expect dash_strips_leading_tabs "indented" "$(cat <<-EOF
	indented
	EOF
)"
expect feeds_a_loop "6" "$(while read a b; do echo $((a + b)); done <<EOF | tail -1
1 2
3 3
EOF
)"
expect command_substitution_inside "3" "$(cat <<EOF | wc -l
$(seq 1 3)
EOF
)"
# 20,000 lines (about 109 KiB): more than a pipe holds at once.
expect large_body "20000" "$(cat <<EOF | wc -l
$(seq 1 20000)
EOF
)"
cat > script <<'EOF'
echo from script $1
EOF
expect here_doc_written_script_runs "from script arg" "$(sh script arg)"
exit 0
