/* poll(2) event bits and struct pollfd of the Linux x86-64 ABI, in our own
 * words; values from the Linux UAPI <asm-generic/poll.h> and <linux/poll.h>. */
#ifndef _UAPI_LINUX_POLL_H
#define _UAPI_LINUX_POLL_H
#define POLLIN     0x0001	/* data to read */
#define POLLPRI    0x0002	/* urgent data (select's exception set) */
#define POLLOUT    0x0004	/* room to write */
#define POLLERR    0x0008	/* error; for a pipe's writer: no readers left */
#define POLLHUP    0x0010	/* hang-up; for a pipe's reader: no writers left */
#define POLLNVAL   0x0020	/* the fd is not open */
#define POLLRDNORM 0x0040
#define POLLRDBAND 0x0080
#define POLLWRNORM 0x0100
#define POLLWRBAND 0x0200
#define POLLMSG    0x0400
#define POLLRDHUP  0x2000

struct pollfd {
	int fd;
	short events;
	short revents;
};
#endif
