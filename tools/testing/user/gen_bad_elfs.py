#!/usr/bin/env python3
"""Write corrupt executables for the exec test, derived from a good static
ELF: gen_bad_elfs.py GOOD_ELF OUTDIR. Each file name says what is wrong."""
import os
import struct
import sys

good = open(sys.argv[1], "rb").read()
out = sys.argv[2]
os.makedirs(out, exist_ok=True)

def put(name, data):
    path = os.path.join(out, name)
    with open(path, "wb") as f:
        f.write(data)
    os.chmod(path, 0o755)

phoff = struct.unpack_from("<Q", good, 32)[0]
phnum = struct.unpack_from("<H", good, 56)[0]

def patched(offset, fmt, value):
    b = bytearray(good)
    struct.pack_into(fmt, b, offset, value)
    return bytes(b)

put("empty", b"")
put("truncated_header", good[:40])
put("bad_magic", b"\x7fELG" + good[4:])
put("elf32_class", good[:4] + b"\x01" + good[5:])
put("wrong_machine", patched(18, "<H", 3))            # EM_386
put("phoff_past_end", patched(32, "<Q", len(good) + 4096))
put("phentsize_wrong", patched(54, "<H", 32))
put("phnum_huge", patched(56, "<H", 0xffff))
# First PT_LOAD with p_filesz beyond the end of the file.
for i in range(phnum):
    off = phoff + i * 56
    if struct.unpack_from("<I", good, off)[0] == 1:
        put("load_filesz_past_end", patched(off + 32, "<Q", len(good) * 4))
        put("load_filesz_above_memsz", patched(off + 40, "<Q", 0))  # p_memsz = 0 < p_filesz
        break
put("truncated_segments", good[:phoff + phnum * 56 + 16])
put("script_no_interpreter", b"#!/no/such/interpreter\n")
put("script_ok", b"#!/init child script_arg  \n")
put("exit42", good)
put("script_nested", b"#!/bad/script_ok\n")
put("script_loop", b"#!/bad/script_loop\n")
put("script_no_newline", b"#!/init child_nonl")
put("script_long_interpreter", b"#!/" + b"a" * 300 + b"\n")
put("script_blank", b"#!   \n")
put("text", b"just some text\n")
put("noexec", good)
os.chmod(os.path.join(out, "noexec"), 0o644)
os.symlink("/init", os.path.join(out, "link_to_init"))
