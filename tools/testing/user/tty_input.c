/* Line input through the console tty, typed on the serial port by the test
 * runner (scripts/run-tests.sh, run_user_tests: "tty_input"): canonical
 * mode with erase (DEL), kill (^U), word erase (^W), CR -> NL and ^D;
 * then raw mode. The same binary and the same keystrokes on Lucid and on
 * Linux. Typed: "ab<DEL>c^Uxyz^Wuv<CR>one^Dq<CR>". */
#include <sys/reboot.h>
#include <termios.h>
#include "utest.h"

static void show(const char *what, const char *buf, int n)
{
	printf("tty_input: %s %d '", what, n);
	for (int i = 0; i < n; i++)
		printf(buf[i] == '\n' ? "\\n" : "%c", buf[i]);
	printf("'\n");
}

int main(void)
{
	char buf[64];
	struct termios t;
	setvbuf(stdout, NULL, _IONBF, 0);
	printf("tty_input: type now\n");
	int n = read(0, buf, sizeof(buf));
	show("line1", buf, n);
	CHECK("erase_kill_werase_and_cr_give_one_line", n == 3 && !memcmp(buf, "uv\n", 3));
	n = read(0, buf, sizeof(buf));
	show("line2", buf, n);
	CHECK("eof_char_ends_a_line_without_newline", n == 3 && !memcmp(buf, "one", 3));
	CHECK("tcgetattr", tcgetattr(0, &t) == 0 && (t.c_lflag & ICANON) && (t.c_lflag & ECHO));
	t.c_lflag &= ~(ICANON | ECHO);
	/* VMIN=2: the read waits for both bytes however slowly they are typed
	 * (with VMIN=1 it may return the 'q' alone, then VTIME below sees '\n'). */
	t.c_cc[VMIN] = 2;
	t.c_cc[VTIME] = 0;
	CHECK("tcsetattr_raw", tcsetattr(0, TCSANOW, &t) == 0);
	n = read(0, buf, sizeof(buf));
	show("raw", buf, n);
	CHECK("raw_read_waits_for_vmin_bytes", n == 2 && !memcmp(buf, "q\n", 2));
	t.c_cc[VMIN] = 0;
	t.c_cc[VTIME] = 1;
	CHECK("vmin0_vtime1_times_out_with_0", tcsetattr(0, TCSANOW, &t) == 0 && read(0, buf, sizeof(buf)) == 0);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	t.c_lflag |= ICANON | ECHO;
	CHECK("tcsetattr_back", tcsetattr(0, TCSANOW, &t) == 0);
	printf("tty_input: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
