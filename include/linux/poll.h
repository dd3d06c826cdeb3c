/* The poll table: how poll(), select() and their friends learn which wait
 * queues to sleep on. Seed concept: "sleeping and waking" (one task waiting
 * on many queues at once).
 *
 * A file's ->poll(f, pt) returns its readiness mask now and, when pt is not
 * NULL, calls poll_wait(f, wq, pt) for each wait queue whose wakeup may
 * change that mask. fs/select.c's poll_wait callback hangs one entry per
 * queue; a wakeup on any of them wakes the polling task, which then asks
 * every file again. A driver whose readiness changes must wake its queue
 * (wake_up_interruptible_poll(wq, mask) lets pollers skip wakeups for
 * events they do not wait for). */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H
#include <linux/types.h>
#include <linux/wait.h>
#include <uapi/linux/poll.h>

struct file;
struct poll_table_struct;

typedef void (*poll_queue_proc)(struct file *f, wait_queue_head_t *wq, struct poll_table_struct *pt);

/* _qproc NULL: the caller only wants the mask (second and later passes of
 * the poll loop, or a caller that never sleeps). _key: the events the
 * caller waits for, so a wakeup with an unrelated key can be ignored. */
typedef struct poll_table_struct {
	poll_queue_proc _qproc;
	unsigned int _key;
} poll_table;

/* Register wq with the poller. Must not sleep; may be called with the
 * file's own locks held. */
static inline void poll_wait(struct file *f, wait_queue_head_t *wq, poll_table *pt)
{
	if (pt && pt->_qproc && wq)
		pt->_qproc(f, wq, pt);
}

static inline unsigned int poll_requested_events(const poll_table *pt)
{
	return pt ? pt->_key : ~0u;
}

/* What a file without ->poll is: always readable and writable (regular
 * files, as Linux's DEFAULT_POLLMASK). */
#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

/* The events select() maps onto its three sets. */
#define POLLIN_SET  (POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET (POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET  (POLLPRI)

/* fs/select.c: the readiness mask of one open file (DEFAULT_POLLMASK when
 * it has no ->poll). pt may be NULL. */
unsigned int vfs_poll(struct file *f, poll_table *pt);
#endif
