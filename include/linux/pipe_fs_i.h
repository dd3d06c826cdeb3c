/* A pipe's buffer: a ring of pages shared by the two ends of pipe(2), or by
 * every opener of a FIFO (fs/pipe.c). Seed concept: "pipes". */
#ifndef _LINUX_PIPE_FS_I_H
#define _LINUX_PIPE_FS_I_H
#include <linux/types.h>
#include <linux/mutex.h>
#include <linux/wait.h>

#define PIPE_DEF_BUFFERS 16	/* slots of one page: 65536 bytes, Linux's default */
#define PIPE_BUF 4096		/* writes up to this size are atomic (POSIX) */

/* One slot of the ring: bytes [offset, offset + len) of page are unread. */
struct pipe_buffer {
	void *page;		/* direct-map address of the page */
	unsigned int offset;
	unsigned int len;
	unsigned int flags;	/* PIPE_BUF_FLAG_* */
};
/* Written through an O_DIRECT end: one write, one packet; never merged
 * into, and a read takes it whole or drops what does not fit. */
#define PIPE_BUF_FLAG_PACKET 0x1

/* Lock legend: [m] pipe->mutex; [i] inode->i_lock of the inode whose
 * i_pipe points here. Readers of the ring sleep on rd_wait, writers (and
 * anyone waiting for room) on wr_wait; FIFO openers waiting for their
 * partner sleep on rd_wait too. Each queue is woken after the state it
 * waits for changed, with the mutex released. */
struct pipe_inode_info {
	struct mutex mutex;
	wait_queue_head_t rd_wait;
	wait_queue_head_t wr_wait;
	unsigned int head;		/* [m] next slot to fill (free-running) */
	unsigned int tail;		/* [m] oldest slot with data; head == tail: empty */
	unsigned int ring_size;		/* [m] slots in bufs, a power of two */
	unsigned int readers;		/* [m] open files with FMODE_READ */
	unsigned int writers;		/* [m] open files with FMODE_WRITE */
	unsigned int r_counter;		/* [m] opens for reading ever (FIFO partner waits) */
	unsigned int w_counter;		/* [m] opens for writing ever */
	unsigned int files;		/* [i] open files using this pipe */
	void *tmp_page;			/* [m] one spare page, saves an allocation */
	struct pipe_buffer *bufs;	/* [m] ring_size slots */
};

struct file;
/* fcntl's F_GETPIPE_SZ and F_SETPIPE_SZ: the capacity in bytes; -EBADF
 * if f is not a pipe or FIFO, -EINVAL for any other cmd. */
long pipe_fcntl(struct file *f, unsigned int cmd, unsigned long arg);
#endif
