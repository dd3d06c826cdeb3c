/* Mutexes and semaphores (seed concept: locking). A mutex is free when it has
 * no owner; a task that finds it taken sleeps on the wait queue and retries
 * when woken. The queue's spinlock guards the owner field. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>

void mutex_init(struct mutex *m)
{
	m->owner = NULL;
	init_waitqueue_head(&m->wait);
}

bool mutex_trylock(struct mutex *m)
{
	unsigned long flags;
	bool ok = false;
	spin_lock_irqsave(&m->wait.lock, flags);
	if (!m->owner) {
		m->owner = current;
		ok = true;
	}
	spin_unlock_irqrestore(&m->wait.lock, flags);
	return ok;
}

void mutex_lock(struct mutex *m)
{
	might_sleep();
	if (!mutex_trylock(m))
		(void)___wait_event(m->wait, mutex_trylock(m), TASK_UNINTERRUPTIBLE, 1, 0, schedule());
}

int mutex_lock_interruptible(struct mutex *m)
{
	might_sleep();
	if (mutex_trylock(m))
		return 0;
	return ___wait_event(m->wait, mutex_trylock(m), TASK_INTERRUPTIBLE, 1, 0, schedule()) ? -EINTR : 0;
}

void mutex_unlock(struct mutex *m)
{
	unsigned long flags;
	spin_lock_irqsave(&m->wait.lock, flags);
	WARN_ON_ONCE(m->owner != current);
	m->owner = NULL;
	spin_unlock_irqrestore(&m->wait.lock, flags);
	wake_up(&m->wait);
}

void sema_init(struct semaphore *s, int val)
{
	s->count = val;
	init_waitqueue_head(&s->wait);
}

bool down_trylock_ok(struct semaphore *s)
{
	unsigned long flags;
	bool ok = false;
	spin_lock_irqsave(&s->wait.lock, flags);
	if (s->count) {
		s->count--;
		ok = true;
	}
	spin_unlock_irqrestore(&s->wait.lock, flags);
	return ok;
}

void down(struct semaphore *s)
{
	might_sleep();
	(void)___wait_event(s->wait, down_trylock_ok(s), TASK_UNINTERRUPTIBLE, 1, 0, schedule());
}

int down_interruptible(struct semaphore *s)
{
	might_sleep();
	return ___wait_event(s->wait, down_trylock_ok(s), TASK_INTERRUPTIBLE, 1, 0, schedule()) ? -EINTR : 0;
}

void up(struct semaphore *s)
{
	unsigned long flags;
	spin_lock_irqsave(&s->wait.lock, flags);
	s->count++;
	spin_unlock_irqrestore(&s->wait.lock, flags);
	wake_up(&s->wait);
}

void init_rwsem(struct rw_semaphore *s)
{
	s->count = 0;
	init_waitqueue_head(&s->wait);
}

static bool try_read(struct rw_semaphore *s)
{
	unsigned long flags;
	bool ok = false;
	spin_lock_irqsave(&s->wait.lock, flags);
	if (s->count >= 0) {
		s->count++;
		ok = true;
	}
	spin_unlock_irqrestore(&s->wait.lock, flags);
	return ok;
}

static bool try_write(struct rw_semaphore *s)
{
	unsigned long flags;
	bool ok = false;
	spin_lock_irqsave(&s->wait.lock, flags);
	if (s->count == 0) {
		s->count = -1;
		ok = true;
	}
	spin_unlock_irqrestore(&s->wait.lock, flags);
	return ok;
}

void down_read(struct rw_semaphore *s)
{
	might_sleep();
	wait_event(s->wait, try_read(s));
}

void down_write(struct rw_semaphore *s)
{
	might_sleep();
	wait_event(s->wait, try_write(s));
}

void up_read(struct rw_semaphore *s)
{
	unsigned long flags;
	spin_lock_irqsave(&s->wait.lock, flags);
	s->count--;
	spin_unlock_irqrestore(&s->wait.lock, flags);
	wake_up_all(&s->wait);
}

void up_write(struct rw_semaphore *s)
{
	unsigned long flags;
	spin_lock_irqsave(&s->wait.lock, flags);
	s->count = 0;
	spin_unlock_irqrestore(&s->wait.lock, flags);
	wake_up_all(&s->wait);
}
