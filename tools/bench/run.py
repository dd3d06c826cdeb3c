#!/usr/bin/env python3
"""make bench: Lucid against Linux, side by side, in one run.

Boots Lucid (build/lucid) and Debian's kernel (/boot/vmlinuz-*) under the
same QEMU command line and the same initramfs (tools/bench/microbench.c as
/init), alternating them for ROUNDS rounds, and reports per benchmark the
median, min-max and the ratio Lucid/Linux (lower is better: all are times,
except memory, where higher free memory is better). Writes the table to
build/bench/results.md and a bar chart of the ratios to build/bench/ratios.png.

  run.py [--rounds N] [--scale S] [--smoke]
--smoke: tiny iteration counts, one round; prints PASS/FAIL lines per kernel
and benchmark (for make test) instead of the table."""
import argparse
import glob
import json
import os
import re
import select
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "build", "bench")
MEM = "512M"


def qemu(mem=MEM):
    """The one QEMU command line both kernels get (only -m varies, in the memory search)."""
    return ["qemu-system-x86_64", "-machine", "q35", "-cpu", "max", "-smp", "2", "-m", mem,
            "-display", "none", "-no-reboot", "-serial", "stdio", "-monitor", "none"]


# The busybox root filesystem of `make run` (make initramfs): the footprint rows
# boot it to the shell prompt.
INITRAMFS = os.path.join(ROOT, "build", "initramfs.cpio")
PROMPT = b"root@lucid:~# "
# Every row the table always shows; a kernel that cannot run one gets "n/a".
EXPECTED = ["getpid", "fork+exit+wait", "fork+exec+wait", "vfork+exec+wait", "anon-page-fault",
            "mmap+munmap-1MiB", "read-4KiB-/dev/zero", "write-4KiB-/dev/null", "open+close", "stat", "pipe-latency",
           "pipe-throughput-64KiB", "context-switch", "tmpfs-create-write-unlink",
           "tmpfs-16MiB-write", "tmpfs-16MiB-read", "sh-100-commands"]


def build_initramfs():
    os.makedirs(OUT, exist_ok=True)
    root = os.path.join(OUT, "root")
    subprocess.run(["rm", "-rf", root], check=True)
    os.makedirs(root)
    for src, dst in (("microbench.c", "init"), ("tiny.c", "tiny")):
        subprocess.run(["musl-gcc", "-static", "-O2", "-o", os.path.join(root, dst),
                        os.path.join(ROOT, "tools", "bench", src)], check=True)
    # Debian's busybox-static as /bin/sh, for the shell-loop benchmark.
    os.makedirs(os.path.join(root, "bin"))
    subprocess.run(["cp", "/bin/busybox", os.path.join(root, "bin", "sh")], check=True)
    cpio = os.path.join(OUT, "bench.cpio")
    files = subprocess.run(["find", "."], cwd=root, capture_output=True, text=True, check=True).stdout
    with open(cpio, "wb") as f:
        subprocess.run(["cpio", "-o", "-H", "newc", "--quiet"], cwd=root, input="\n".join(sorted(files.split())).encode(),
                       stdout=f, check=True)
    return cpio


def boot(kernel, cpio, scale, timeout=600):
    """One boot: returns ({bench: value}, units, seconds to the first /init line, ok)."""
    cmd = qemu() + ["-kernel", kernel, "-initrd", cpio, "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
                  "-append", f"console=ttyS0 rdinit=/init quiet benchscale={scale}"]
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    results, units, first_line, done = {}, {}, None, False
    deadline = start + timeout
    for raw in p.stdout:
        line = raw.decode(errors="replace").strip()
        if "bench: init started" in line and first_line is None:
            first_line = time.monotonic() - start
        m = re.match(r"BENCH (\S+) (\S+) (\S+)", line)
        if m and m.group(2) != "n/a":
            results[m.group(1)] = float(m.group(2))
            units[m.group(1)] = m.group(3)
        if "bench: done" in line:
            done = True
        if time.monotonic() > deadline:
            break
    try:
        p.wait(timeout=30)
    except subprocess.TimeoutExpired:
        p.kill()
    return results, units, first_line, done


def shell_boot(kernel, mem, timeout=120, free=False):
    """Boots the busybox root filesystem with -m mem to its shell prompt.
    Returns (prompt reached, free memory in KiB from busybox `free` or None).
    panic=-1 makes Linux reboot (so, with -no-reboot, exit) on a panic, such as
    running out of memory while unpacking the initramfs; a Lucid panic is seen
    in the log. Either way the answer is "no prompt"."""
    cmd = qemu(f"{mem}M") + ["-kernel", kernel, "-initrd", INITRAMFS,
                             "-append", "console=ttyS0 quiet panic=-1"]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.PIPE)
    out, deadline, prompt, kib, sent = b"", time.monotonic() + timeout, False, None, 0
    os.set_blocking(p.stdout.fileno(), False)
    try:
        while time.monotonic() < deadline and p.poll() is None:
            r, _, _ = select.select([p.stdout], [], [], 1.0)
            if r:
                chunk = p.stdout.read()
                if chunk:
                    out += chunk
            if b"Kernel panic" in out:
                break
            if not prompt and PROMPT in out:
                prompt = True
                if not free:
                    break
                p.stdin.write(b"\rfree\r")
                p.stdin.flush()
                sent = len(out)
            if prompt:
                m = re.search(rb"Mem:[ \t]+(\d+)[ \t]+(\d+)[ \t]+(\d+)[ \t\r\n]", out[sent:])
                if m:
                    kib = int(m.group(3))
                    break
    finally:
        try:
            p.stdin.write(b"\rpoweroff -f\r")
            p.stdin.flush()
            p.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            p.kill()
            p.wait()
    return prompt, kib


def min_memory(kernel, lo=4, hi=512):
    """The smallest -m (MiB) at which the shell prompt still comes up: a
    bisection between lo (assumed too small) and hi (must work), to 1 MiB."""
    if not shell_boot(kernel, hi)[0]:
        return None
    while hi - lo > 1:
        mid = (lo + hi) // 2
        ok = shell_boot(kernel, mid)[0]
        print(f"  -m {mid}M: {'prompt' if ok else 'no prompt'}", file=sys.stderr)
        if ok:
            hi = mid
        else:
            lo = mid
    return hi


def linux_kernel():
    ks = sorted(glob.glob("/boot/vmlinuz-*"))
    return ks[-1] if ks else None


def smoke(cpio):
    ok = True
    for name, k in (("lucid", os.path.join(ROOT, "build", "lucid")), ("linux", linux_kernel())):
        if not k:
            print(f"FAIL bench:{name}:kernel-missing")
            ok = False
            continue
        res, _, _, done = boot(k, cpio, 1, timeout=300)
        for b in EXPECTED + ["free-memory-at-init"]:
            good = b in res
            ok &= good
            print(f"{'PASS' if good else 'FAIL'} bench:{name}:{b}")
        print(f"{'PASS' if done else 'FAIL'} bench:{name}:runs-to-completion")
        ok &= done
        # The footprint rows: the busybox shell's prompt and `free` there.
        prompt, kib = shell_boot(k, 512, timeout=300, free=True)
        print(f"{'PASS' if prompt and kib else 'FAIL'} bench:{name}:free-memory-at-prompt")
        ok &= bool(prompt and kib)
    return ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--scale", type=int, default=100)
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--no-footprint", action="store_true", help="skip the shell boots (free at prompt, -m search)")
    args = ap.parse_args()
    cpio = build_initramfs()
    if not os.path.exists(INITRAMFS):	# make bench builds it; run-tests.sh's bench step may not have
        subprocess.run(["make", "-s", "initramfs"], cwd=ROOT, check=True)
    if args.smoke:
        sys.exit(0 if smoke(cpio) else 1)
    kernels = {"Lucid": os.path.join(ROOT, "build", "lucid"), "Linux": linux_kernel()}
    if not kernels["Linux"]:
        sys.exit("bench: no Debian kernel in /boot (scripts/deps.sh installs linux-image-amd64)")
    data = {k: {} for k in kernels}
    units = {}
    for r in range(args.rounds):
        for k in ("Lucid", "Linux"):	# alternate, so drift on the host hits both
            res, u, first, done = boot(kernels[k], cpio, args.scale)
            print(f"round {r + 1} {k}: {'ok' if done else 'INCOMPLETE'}, {len(res)} results", file=sys.stderr)
            units.update(u)
            for b, v in res.items():
                data[k].setdefault(b, []).append(v)
            if first is not None:
                data[k].setdefault("boot-to-init", []).append(first * 1000)
                units["boot-to-init"] = "ms"
            if not args.no_footprint:
                prompt, kib = shell_boot(kernels[k], 512, free=True)
                print(f"round {r + 1} {k}: shell prompt {'reached' if prompt else 'NOT reached'}, free {kib} KiB",
                      file=sys.stderr)
                if kib:
                    data[k].setdefault("free-memory-at-prompt", []).append(kib)
                    units["free-memory-at-prompt"] = "KiB"
        with open(os.path.join(OUT, "raw.json"), "w") as f:	# every sample so far
            json.dump({"data": data, "units": units}, f)
    minmem = {}
    if not args.no_footprint:
        for k in ("Lucid", "Linux"):
            print(f"{k}: searching the smallest -m with a shell prompt", file=sys.stderr)
            minmem[k] = min_memory(kernels[k])
    with open(os.path.join(OUT, "raw.json"), "w") as f:
        json.dump({"data": data, "units": units, "minmem": minmem}, f)
    write_report(kernels, data, units, minmem, args.rounds)


def write_report(kernels, data, units, minmem, rounds):
    """The table (stdout and build/bench/results.md) and the chart (ratios.png)
    from every sample: data[kernel][benchmark] = [values]."""
    image = {"Lucid": os.path.getsize(kernels["Lucid"]), "Linux": os.path.getsize(kernels["Linux"])}
    rows = []
    names = ["boot-to-init", "free-memory-at-init", "free-memory-at-prompt"] + EXPECTED
    names += [b for b in list(data["Lucid"]) + list(data["Linux"]) if b not in names]
    for b in names:
        lu, li = data["Lucid"].get(b), data["Linux"].get(b)
        def cell(v):
            if not v:
                return "n/a", None
            return f"{statistics.median(v):.1f} ({min(v):.1f}–{max(v):.1f})", statistics.median(v)
        lc, lm = cell(lu)
        xc, xm = cell(li)
        ratio = f"{lm / xm:.2f}" if lm and xm else "n/a"
        rows.append((b, units.get(b, ""), lc, xc, ratio))
    if minmem.get("Lucid") and minmem.get("Linux"):
        rows.append(("min-memory-for-shell", "MiB", str(minmem["Lucid"]), str(minmem["Linux"]),
                     f"{minmem['Lucid'] / minmem['Linux']:.2f}"))
    rows.append(("kernel-image", "KiB", f"{image['Lucid'] // 1024}", f"{image['Linux'] // 1024}",
                 f"{image['Lucid'] / image['Linux']:.2f}"))
    qemu_version = subprocess.run(["qemu-system-x86_64", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    md = [f"Measured {time.strftime('%Y-%m-%d')}: {qemu_version}; Linux {os.path.basename(kernels['Linux'])}; "
          f"TCG, -smp 2 -m 512M -cpu max -machine q35; {rounds} alternating rounds; median (min–max).", "",
          "| benchmark | unit | Lucid | Linux | Lucid/Linux |", "|---|---|---|---|---|"]
    md += [f"| {b} | {u} | {lc} | {xc} | {r} |" for b, u, lc, xc, r in rows]
    text = "\n".join(md) + "\n"
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "results.md"), "w") as f:
        f.write(text)
    print(text)
    with open(os.path.join(OUT, "ratios.dat"), "w") as f:
        for b, u, lc, xc, r in rows:
            if r != "n/a":
                f.write(f'"{b}" {r}\n')
    gp = f"""set terminal png size 1200,650
set bmargin 11
set rmargin 10
set output '{OUT}/ratios.png'
set title 'Lucid / Linux (lower is better; memory and image size: see table)'
set style data histograms
set style fill solid 0.6
set boxwidth 0.8
set xtics rotate by -35
set yrange [0:*]
set grid y
plot '{OUT}/ratios.dat' using 2:xtic(1) title 'ratio', 1 with lines lw 2 title 'Linux = 1'
"""
    subprocess.run(["gnuplot"], input=gp.encode(), check=False)
    print(f"wrote {OUT}/results.md and {OUT}/ratios.png")


if __name__ == "__main__":
    main()
