/* Completions: one side waits until the other says "done". */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/completion.h>

void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

void complete(struct completion *x)
{
	unsigned long flags;
	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != UINT_MAX)
		x->done++;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	wake_up(&x->wait);
}

void complete_all(struct completion *x)
{
	unsigned long flags;
	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = UINT_MAX;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	wake_up_all(&x->wait);
}

/* Consume one "done" if there is one. */
static bool try_consume(struct completion *x)
{
	unsigned long flags;
	bool ok = false;
	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done) {
		if (x->done != UINT_MAX)
			x->done--;
		ok = true;
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ok;
}

void wait_for_completion(struct completion *x)
{
	wait_event(x->wait, try_consume(x));
}

long wait_for_completion_timeout(struct completion *x, long timeout)
{
	return wait_event_timeout(x->wait, try_consume(x), timeout);
}

bool completion_done(struct completion *x)
{
	return READ_ONCE(x->done) != 0;
}
