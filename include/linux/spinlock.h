/* Spinlocks: ticket locks, fair between CPUs (seed concept: locking);
 * test-and-set under a hypervisor (see virt_spin_lock_enabled).
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

/* Fair: CPUs get the lock in the order they asked for it. */
static inline void ticket_spin_lock(spinlock_t *l)
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

static inline bool spin_is_locked(spinlock_t *l)
{
	return __atomic_load_n(&l->head, __ATOMIC_RELAXED) != __atomic_load_n(&l->tail, __ATOMIC_RELAXED);
}

/* Unfair: whichever CPU finds the lock free first takes it. */
static inline void test_and_set_spin_lock(spinlock_t *l)
{
	while (!arch_spin_trylock(l))
		while (spin_is_locked(l))
			cpu_relax();
}

/* A fair lock hands itself to the next waiter even if that waiter is not
 * running. On real hardware it always is (interrupts are off while a CPU
 * spins), but a virtual CPU is a host thread the host may deschedule: then
 * every CPU queued behind it waits for the host to run it again. With 8
 * vCPUs on 2 host cores that was ~100 lock handoffs a second, and a buddy
 * stress test took minutes. So, as Linux's virt_spin_lock() does, under a
 * hypervisor (CPUID says so) locks are taken test-and-set: a running CPU
 * takes a free lock at once. Both ways share head/tail and the unlock, so a
 * lock taken one way is released and retaken the other way safely.
 * Set once at boot by cpu_detect(), read-only after. */
extern bool virt_spin_lock_enabled;

static inline void arch_spin_lock(spinlock_t *l)
{
	if (__atomic_load_n(&virt_spin_lock_enabled, __ATOMIC_RELAXED))
		test_and_set_spin_lock(l);
	else
		ticket_spin_lock(l);
}

static inline void arch_spin_unlock(spinlock_t *l)
{
	l->owner_cpu = -1;
	__atomic_store_n(&l->head, (u16)(l->head + 1), __ATOMIC_RELEASE);
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
