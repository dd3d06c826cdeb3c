#!/usr/bin/env python3
"""Layer 4, typed as a person would: boot a kernel with the busybox root
filesystem (`make initramfs`), wait for the shell of `make run` on the serial
console, and type keystrokes one by one -- Ctrl-C, Ctrl-Z, fg, bg, kill %1,
trap, ps, top, line editing -- checking what comes back on the screen.

    run.py PREFIX KERNEL [EXTRA_APPEND]

Prints one "PASS PREFIX-interactive:<scenario>" or "FAIL ..." line per
scenario; a failure also shows the end of the transcript on stderr. The whole
session runs under one hard timeout; the transcript is kept in
build/test-results/PREFIX-interactive.serial. The same scenarios pass on
Debian's kernel (PREFIX linux): that is how we know the screen is Linux's.
"""
import os
import re
import select
import subprocess
import sys
import time

PROMPT = re.compile(rb"root@lucid:[^#\n]*# ")
TOTAL_LIMIT = 600		# seconds for the whole session, boot included


class Console:
    """A QEMU whose serial port is our stdin/stdout pipe pair."""

    def __init__(self, kernel, initrd, append, log):
        args = ["qemu-system-x86_64", "-machine", "q35", "-cpu", "max", "-smp", "2",
                "-m", "512M", "-display", "none", "-monitor", "none", "-no-reboot",
                "-serial", "stdio", "-kernel", kernel, "-initrd", initrd,
                "-append", "console=ttyS0 rdinit=/init " + append]
        self.qemu = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.out = b""
        self.log = open(log, "wb")
        self.deadline = time.time() + TOTAL_LIMIT

    def pump(self, seconds):
        """Collect output for up to `seconds`, returning early when QEMU is gone."""
        end = min(time.time() + seconds, self.deadline)
        while time.time() < end:
            ready, _, _ = select.select([self.qemu.stdout], [], [], 0.1)
            if ready:
                data = os.read(self.qemu.stdout.fileno(), 65536)
                if not data:
                    return
                self.out += data
                self.log.write(data)
                self.log.flush()

    def expect(self, pattern, since, seconds):
        """Wait until `pattern` (bytes regex) appears in the output after
        offset `since`; return the match end offset or None."""
        rx = re.compile(pattern) if isinstance(pattern, bytes) else pattern
        end = min(time.time() + seconds, self.deadline)
        while True:
            m = rx.search(self.out, since)
            if m:
                return m.end()
            if time.time() >= end or self.qemu.poll() is not None:
                return None
            self.pump(0.2)

    def type(self, keys):
        """Type like a person: one byte at a time, a little apart, so that a
        UART without a FIFO in the way loses nothing."""
        for b in keys:
            self.qemu.stdin.write(bytes([b]))
            self.qemu.stdin.flush()
            time.sleep(0.01)

    def close(self):
        self.qemu.kill()
        self.qemu.wait()
        self.log.close()


class Scenario:
    def __init__(self, con):
        self.con = con
        self.ok = True
        self.why = ""

    def fail(self, why):
        if self.ok:
            self.ok = False
            self.why = why

    def line(self, text, expect=None, seconds=60, prompt=True):
        """Type `text` and Enter; wait for `expect` (regex) and, unless told
        otherwise, for the next prompt after it."""
        if not self.ok:
            return
        since = len(self.con.out)
        self.con.type(text.encode() + b"\r")
        if expect is not None:
            at = self.con.expect(expect.encode(), since, seconds)
            if at is None:
                return self.fail("no /%s/ after typing %r" % (expect, text))
            since = at
        if prompt and self.con.expect(PROMPT, since, seconds) is None:
            self.fail("no prompt after typing %r" % text)

    def key(self, keys, expect=None, seconds=60, prompt=True):
        """Type raw keys (no Enter), then as line()."""
        if not self.ok:
            return
        since = len(self.con.out)
        self.con.type(keys)
        if expect is not None:
            at = self.con.expect(expect.encode(), since, seconds)
            if at is None:
                return self.fail("no /%s/ after keys %r" % (expect, keys))
            since = at
        if prompt and self.con.expect(PROMPT, since, seconds) is None:
            self.fail("no prompt after keys %r" % keys)

    def started(self, name):
        """Give the job `name` time to start: a key typed before the job
        runs goes to the shell instead. Nothing on the screen tells when it
        has started, so this waits; a key that still came too early makes
        the scenario fail, never pass wrongly."""
        if self.ok:
            self.con.pump(3)


def ctrl_c_interrupts_sleep(s):
    s.line("sleep 100", prompt=False)
    s.started("sleep")
    s.key(b"\x03", expect=r"\^C")
    s.line("echo status=$?", expect=r"\nstatus=130")


def ctrl_z_then_jobs_then_fg(s):
    s.line("sleep 100", prompt=False)
    s.started("sleep")
    s.key(b"\x1a", expect=r"\[1\]\+ +Stopped +sleep 100")
    s.line("jobs", expect=r"\[1\]\+ +Stopped +sleep 100")
    s.line("fg", expect=r"\nsleep 100", prompt=False)
    s.started("sleep")
    s.key(b"\x03", expect=r"\^C")
    s.line("echo status=$?", expect=r"\nstatus=130")


def bg_and_kill_percent(s):
    s.line("sleep 100", prompt=False)
    s.started("sleep")
    s.key(b"\x1a", expect=r"Stopped")
    s.line("bg", expect=r"\[1\]\+? sleep 100")
    s.line("jobs", expect=r"\[1\]\+ +Running +sleep 100")
    s.line("kill %1")
    s.line("wait; jobs; echo jobs-gone", expect=r"\njobs-gone")


def trap_handlers_run(s):
    s.line("trap 'echo got-usr1' USR1; kill -USR1 $$", expect=r"\ngot-usr1")
    s.line("trap - USR1; sh -c 'trap \"echo caught-term; exit 3\" TERM; kill -TERM $$; sleep 5'; "
           "echo status=$?", expect=r"\ncaught-term\r?\nstatus=3")


def ps_lists_own_processes(s):
    s.line("sleep 77 & ps; kill $!", expect=r"sleep 77")


def top_batch_once(s):
    s.line("top -b -n 1 | head -4", expect=r"Load average: [0-9.]+ [0-9.]+ [0-9.]+ [0-9]+/[0-9]+")


def line_editing(s):
    # DEL erases the X; ^U kills a whole line, ^W a word.
    s.key(b"echo abX\x7fc\r", expect=r"\nabc\r?\n")
    s.key(b"garbage words\x15echo killed-ok\r", expect=r"\nkilled-ok")
    s.key(b"echo keep drop\x17\r", expect=r"\nkeep\r?\n")


def cat_reads_lines_until_ctrl_d(s):
    # cat reads the tty in canonical mode: each line comes back once echoed
    # and once printed; ^D at the start of a line is end of file.
    s.line("cat", prompt=False)
    s.started("cat")
    s.key(b"hello-tty\r", expect=r"hello-tty\r?\nhello-tty", prompt=False)
    s.key(b"\x04")
    s.line("echo cat-done", expect=r"\ncat-done")


SCENARIOS = [
    ctrl_c_interrupts_sleep,
    ctrl_z_then_jobs_then_fg,
    bg_and_kill_percent,
    trap_handlers_run,
    ps_lists_own_processes,
    top_batch_once,
    line_editing,
    cat_reads_lines_until_ctrl_d,
]


def main():
    prefix, kernel = sys.argv[1], sys.argv[2]
    append = sys.argv[3] if len(sys.argv) > 3 else ""
    os.makedirs("build/test-results", exist_ok=True)
    log = "build/test-results/%s-interactive.serial" % prefix
    con = Console(kernel, "build/initramfs.cpio", append, log)
    try:
        if con.expect(PROMPT, 0, 300) is None:
            print("FAIL %s-interactive:shell-prompt" % prefix)
            sys.stderr.write(con.out[-3000:].decode("utf-8", "replace") + "\n")
            return
        print("PASS %s-interactive:shell-prompt" % prefix)
        for scenario in SCENARIOS:
            s = Scenario(con)
            start = len(con.out)
            scenario(s)
            name = scenario.__name__
            if s.ok:
                print("PASS %s-interactive:%s" % (prefix, name))
            else:
                print("FAIL %s-interactive:%s: %s" % (prefix, name, s.why))
                sys.stderr.write("---- %s-interactive:%s, the screen:\n%s\n----\n" % (
                    prefix, name, con.out[start:][-2000:].decode("utf-8", "replace")))
                # Leave the scenario's leftovers behind: ^C, then a fresh line.
                con.type(b"\x03\r")
                con.expect(PROMPT, len(con.out), 30)
            sys.stdout.flush()
    finally:
        con.close()


if __name__ == "__main__":
    main()
