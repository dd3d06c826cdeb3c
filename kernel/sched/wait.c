/* Wait queues (seed concept: sleeping and waking). A sleeper puts an entry on
 * the queue, sets its state, re-checks its condition and calls schedule(); a
 * waker walks the queue and wakes entries (all non-exclusive ones and up to
 * nr exclusive ones). wq->lock is taken irqsave: interrupts wake sleepers. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/wait.h>

void init_waitqueue_head(wait_queue_head_t *wq)
{
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->head);
}

int default_wake_function(wait_queue_entry_t *w, unsigned int mode, void *key)
{
	return wake_up_state(w->private, mode);
}

/* Used by the wait_event macros: removes itself from the queue when woken. */
static int autoremove_wake_function(wait_queue_entry_t *w, unsigned int mode, void *key)
{
	int ret = default_wake_function(w, mode, key);
	if (ret)
		list_del_init(&w->entry);
	return ret;
}

void init_wait_entry(wait_queue_entry_t *w, int flags)
{
	w->flags = flags;
	w->private = current;
	w->func = autoremove_wake_function;
	INIT_LIST_HEAD(&w->entry);
}

void add_wait_queue(wait_queue_head_t *wq, wait_queue_entry_t *w)
{
	unsigned long flags;
	spin_lock_irqsave(&wq->lock, flags);
	list_add(&w->entry, &wq->head);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void remove_wait_queue(wait_queue_head_t *wq, wait_queue_entry_t *w)
{
	unsigned long flags;
	spin_lock_irqsave(&wq->lock, flags);
	list_del_init(&w->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

static void __prepare_to_wait(wait_queue_head_t *wq, wait_queue_entry_t *w, int state, bool excl)
{
	unsigned long flags;
	spin_lock_irqsave(&wq->lock, flags);
	if (list_empty(&w->entry)) {
		if (excl) {
			w->flags |= WQ_FLAG_EXCLUSIVE;
			list_add_tail(&w->entry, &wq->head);
		} else {
			list_add(&w->entry, &wq->head);
		}
	}
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void prepare_to_wait(wait_queue_head_t *wq, wait_queue_entry_t *w, int state)
{
	__prepare_to_wait(wq, w, state, w->flags & WQ_FLAG_EXCLUSIVE);
}

void prepare_to_wait_exclusive(wait_queue_head_t *wq, wait_queue_entry_t *w, int state)
{
	__prepare_to_wait(wq, w, state, true);
}

void finish_wait(wait_queue_head_t *wq, wait_queue_entry_t *w)
{
	unsigned long flags;
	__set_current_state(TASK_RUNNING);
	if (!list_empty(&w->entry)) {
		spin_lock_irqsave(&wq->lock, flags);
		list_del_init(&w->entry);
		spin_unlock_irqrestore(&wq->lock, flags);
	}
}

void __wake_up(wait_queue_head_t *wq, unsigned int mode, int nr_exclusive, void *key)
{
	wait_queue_entry_t *w, *n;
	unsigned long flags;
	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry_safe(w, n, &wq->head, entry) {
		unsigned int wflags = w->flags;
		int ret = w->func(w, mode, key);
		if (ret < 0)
			break;
		if (ret && (wflags & WQ_FLAG_EXCLUSIVE) && !--nr_exclusive)
			break;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
}
