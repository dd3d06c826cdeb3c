#!/bin/sh
# Emit the kernel's text symbol table as assembly: sorted addresses and names,
# used by the backtrace printer (kernel/kallsyms.c) to say function+offset.
NM=$1; ELF=$2
$NM -n "$ELF" | awk '
BEGIN { n = 0 }
NF == 3 && $2 ~ /^[tTwW]$/ { addr[n] = $1; name[n] = $3; n++ }
END {
  print ".section .kallsyms,\"a\""
  print ".balign 8"
  print ".globl kallsyms_num"
  print "kallsyms_num: .quad " n
  print ".globl kallsyms_addr"
  print "kallsyms_addr:"
  for (i = 0; i < n; i++) print ".quad 0x" addr[i]
  print ".globl kallsyms_name"
  print "kallsyms_name:"
  for (i = 0; i < n; i++) print ".quad .Ln" i
  for (i = 0; i < n; i++) print ".Ln" i ": .asciz \"" name[i] "\""
}'
