/* Kernel random numbers (for AT_RANDOM, and later /dev/urandom and
 * getrandom). [LINUX-DIFF] Not a vetted CSPRNG yet: RDRAND when the CPU has
 * it, otherwise a xorshift generator stirred with the TSC. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/spinlock.h>
#include <asm/processor.h>

static u64 pool = 0x9e3779b97f4a7c15ULL;
static DEFINE_SPINLOCK(pool_lock);

static bool rdrand64(u64 *v)
{
	if (!(boot_cpu_data.cpuid_1_ecx & (1u << 30)))
		return false;
	for (int i = 0; i < 10; i++) {
		unsigned char ok;
		__asm__ volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
		if (ok)
			return true;
	}
	return false;
}

static u64 next_u64(void)
{
	u64 r;
	unsigned long flags;
	spin_lock_irqsave(&pool_lock, flags);
	pool ^= rdtsc();
	pool ^= pool << 13;
	pool ^= pool >> 7;
	pool ^= pool << 17;
	r = pool;
	spin_unlock_irqrestore(&pool_lock, flags);
	u64 hw;
	if (rdrand64(&hw))
		r ^= hw;
	return r;
}

void get_random_bytes(void *buf, size_t n)
{
	u8 *p = buf;
	while (n) {
		u64 r = next_u64();
		size_t k = min(n, sizeof(r));
		memcpy(p, &r, k);
		p += k;
		n -= k;
	}
}
