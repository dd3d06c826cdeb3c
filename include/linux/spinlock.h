/* Spinlocks: ticket locks, fair between CPUs (seed concept: locking).
 *
 * spin_lock() disables preemption; the _irq/_irqsave variants also disable
 * local interrupts and must be used for any lock an interrupt handler takes.
 * Lock order is written down in Documentation/locking.md. */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/preempt.h>
#include <asm/irqflags.h>
#include <asm/processor.h>

typedef struct {
	u16 head;	/* ticket being served */
	u16 tail;	/* next ticket to hand out */
	int owner_cpu;	/* for debugging and spin_is_locked_by_me() */
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(n) { 0, 0, -1 }
#define DEFINE_SPINLOCK(n) spinlock_t n = __SPIN_LOCK_UNLOCKED(n)

static inline void spin_lock_init(spinlock_t *l)
{
	l->head = 0;
	l->tail = 0;
	l->owner_cpu = -1;
}

static inline void arch_spin_lock(spinlock_t *l)
{
	u16 me = __atomic_fetch_add(&l->tail, 1, __ATOMIC_RELAXED);
	while (__atomic_load_n(&l->head, __ATOMIC_ACQUIRE) != me)
		cpu_relax();
	l->owner_cpu = raw_smp_processor_id();
}

static inline bool arch_spin_trylock(spinlock_t *l)
{
	u16 head = __atomic_load_n(&l->head, __ATOMIC_RELAXED);
	u32 old = ((u32)head << 16) | head;	/* free: head == tail */
	u32 new = ((u32)(u16)(head + 1) << 16) | head;
	/* head and tail are adjacent u16s: compare both at once. */
	if (!__atomic_compare_exchange_n((u32 *)l, &old, new, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return false;
	l->owner_cpu = raw_smp_processor_id();
	return true;
}

static inline void arch_spin_unlock(spinlock_t *l)
{
	l->owner_cpu = -1;
	__atomic_store_n(&l->head, (u16)(l->head + 1), __ATOMIC_RELEASE);
}

static inline bool spin_is_locked(spinlock_t *l)
{
	return __atomic_load_n(&l->head, __ATOMIC_RELAXED) != __atomic_load_n(&l->tail, __ATOMIC_RELAXED);
}

static inline void spin_lock(spinlock_t *l) { preempt_disable(); arch_spin_lock(l); }
static inline void spin_unlock(spinlock_t *l) { arch_spin_unlock(l); preempt_enable(); }
static inline bool spin_trylock(spinlock_t *l)
{
	preempt_disable();
	if (arch_spin_trylock(l))
		return true;
	preempt_enable();
	return false;
}
static inline void spin_lock_irq(spinlock_t *l) { local_irq_disable(); spin_lock(l); }
static inline void spin_unlock_irq(spinlock_t *l) { spin_unlock(l); local_irq_enable(); }
#define spin_lock_irqsave(l, flags) do { local_irq_save(flags); spin_lock(l); } while (0)
static inline void spin_unlock_irqrestore(spinlock_t *l, unsigned long flags)
{
	arch_spin_unlock(l);
	local_irq_restore(flags);
	preempt_enable();
}

/* Reader-writer spinlock built on a spinlock: few users, kept simple. */
typedef struct {
	spinlock_t lock;
} rwlock_t;
#define DEFINE_RWLOCK(n) rwlock_t n = { __SPIN_LOCK_UNLOCKED(n) }
#define rwlock_init(rw) spin_lock_init(&(rw)->lock)
#define read_lock(rw) spin_lock(&(rw)->lock)
#define read_unlock(rw) spin_unlock(&(rw)->lock)
#define write_lock(rw) spin_lock(&(rw)->lock)
#define write_unlock(rw) spin_unlock(&(rw)->lock)
#define read_lock_irqsave(rw, f) spin_lock_irqsave(&(rw)->lock, f)
#define read_unlock_irqrestore(rw, f) spin_unlock_irqrestore(&(rw)->lock, f)
#define write_lock_irqsave(rw, f) spin_lock_irqsave(&(rw)->lock, f)
#define write_unlock_irqrestore(rw, f) spin_unlock_irqrestore(&(rw)->lock, f)
#endif
