/* As PID 1: write through NULL. The kernel must terminate the process with
 * SIGSEGV (and, since it is init, panic with Linux's message) — not oops. */
#include <stdio.h>
int main(void)
{
	printf("segv: writing through NULL\n");
	fflush(stdout);
	*(volatile int *)0 = 1;
	printf("segv: survived (wrong)\n");
	return 0;
}
