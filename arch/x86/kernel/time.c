/* Time at boot (seed concept: timers and clocksources). The TSC is the
 * clocksource (calibrated against the PIT); the local APIC timer, calibrated
 * against the TSC, is every CPU's periodic tick at HZ; the CMOS RTC gives the
 * wall-clock time once at boot. */
#include <linux/kernel.h>
#include <asm/ptrace.h>
#include <linux/init.h>
#include <linux/smp.h>
#include <linux/ktime.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/timer.h>
#include <linux/kernel_stat.h>
#include <linux/interrupt.h>
#include <linux/start_kernel.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/processor.h>

unsigned long tsc_khz;
static u64 tsc_mult;		/* ns = (tsc * tsc_mult) >> 32 */
static u64 tsc_at_boot;
static u32 apic_ticks_per_jiffy;
static u64 real_at_boot_ns;	/* wall clock when ktime_get_ns() was 0 */

static inline u64 tsc_to_ns(u64 delta)
{
	return (u64)(((unsigned __int128)delta * tsc_mult) >> 32);
}

u64 ktime_get_ns(void)
{
	if (!tsc_mult)
		return 0;
	return tsc_to_ns(rdtsc() - tsc_at_boot);
}

u64 local_clock(void)
{
	return ktime_get_ns();
}

u64 ktime_get_real_ns(void)
{
	return READ_ONCE(real_at_boot_ns) + ktime_get_ns();
}

void timekeeping_set_real(u64 real_ns)
{
	WRITE_ONCE(real_at_boot_ns, real_ns - ktime_get_ns());
}

void ktime_get_ts64(struct timespec64 *ts)
{
	u64 ns = ktime_get_ns();
	ts->tv_sec = ns / NSEC_PER_SEC;
	ts->tv_nsec = ns % NSEC_PER_SEC;
}

void ktime_get_real_ts64(struct timespec64 *ts)
{
	u64 ns = ktime_get_real_ns();
	ts->tv_sec = ns / NSEC_PER_SEC;
	ts->tv_nsec = ns % NSEC_PER_SEC;
}

void ndelay(unsigned long ns)
{
	if (!tsc_khz) {
		for (unsigned long i = 0; i < ns / 1000 + 1; i++)
			io_delay();	/* ~1 us each on a PC */
		return;
	}
	u64 end = rdtsc() + (u64)ns * tsc_khz / 1000000 + 1;
	while ((s64)(rdtsc() - end) < 0)
		cpu_relax();
}

void udelay(unsigned long us) { ndelay(us * 1000); }
void mdelay(unsigned long ms) { while (ms--) udelay(1000); }
void mdelay_early(unsigned long ms) { mdelay(ms); }

/* PIT channel 2, gated by port 0x61, counting down @ms milliseconds. */
static u64 pit_measure_tsc(unsigned int ms)
{
	u32 count = 1193182 * ms / 1000;
	outb((inb(0x61) & ~0x02) | 0x01, 0x61);		/* gate on, speaker off */
	outb(0xb0, 0x43);				/* channel 2, lo/hi, mode 0 */
	outb(count & 0xff, 0x42);
	outb(count >> 8, 0x42);
	u64 t0 = rdtsc();
	while (!(inb(0x61) & 0x20))			/* OUT2 goes high at terminal count */
		;
	return rdtsc() - t0;
}

static void tsc_calibrate(void)
{
	u64 best = ~0ULL;
	for (int i = 0; i < 3; i++) {
		u64 d = pit_measure_tsc(10);
		if (d < best)
			best = d;
	}
	tsc_khz = best / 10;
	tsc_mult = ((u64)1000000 << 32) / tsc_khz;
	tsc_at_boot = rdtsc();
	pr_info("tsc: Detected %lu.%03lu MHz processor\n", tsc_khz / 1000, tsc_khz % 1000);
}

void calibrate_apic_timer(void)
{
	apic_write(APIC_TDCR, 0x3);		/* divide by 16 */
	apic_write(APIC_LVTT, APIC_LVT_MASKED);
	apic_write(APIC_TMICT, 0xffffffff);
	udelay(10000);
	u32 elapsed = 0xffffffff - apic_read(APIC_TMCCT);
	apic_write(APIC_TMICT, 0);
	apic_ticks_per_jiffy = elapsed * (1000 / HZ) / 10;
	pr_info("APIC timer: %u ticks per jiffy (bus %u.%03u MHz)\n", apic_ticks_per_jiffy,
		elapsed * 16 / 10000, (elapsed * 16 % 10000) / 10);
}

void setup_apic_timer(void)
{
	apic_write(APIC_TDCR, 0x3);
	apic_write(APIC_LVTT, LOCAL_TIMER_VECTOR | APIC_LVT_TIMER_PERIODIC);
	apic_write(APIC_TMICT, apic_ticks_per_jiffy);
}

/* CMOS RTC (MC146818): wait out an update, read, convert BCD. */
static u8 cmos_read(u8 reg)
{
	outb(reg, 0x70);
	return inb(0x71);
}

static u64 days_from_civil(long y, unsigned m, unsigned d)
{
	/* Days since 1970-01-01 for a Gregorian date. */
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (u64)(era * 146097 + (long)doe - 719468);
}

static u64 read_rtc_seconds(void)
{
	while (cmos_read(0x0a) & 0x80)
		cpu_relax();
	unsigned sec = cmos_read(0), min = cmos_read(2), hour = cmos_read(4);
	unsigned day = cmos_read(7), mon = cmos_read(8), year = cmos_read(9), century = cmos_read(0x32);
	if (!(cmos_read(0x0b) & 0x04)) {	/* BCD */
#define BCD(x) (((x) & 0xf) + ((x) >> 4) * 10)
		sec = BCD(sec); min = BCD(min); hour = BCD(hour & 0x7f);
		day = BCD(day); mon = BCD(mon); year = BCD(year); century = BCD(century);
#undef BCD
	}
	unsigned full_year = (century >= 19 && century <= 21 ? century : 20) * 100 + year;
	return days_from_civil(full_year, mon, day) * 86400 + hour * 3600 + min * 60 + sec;
}

volatile unsigned long jiffies;
struct pt_regs *get_irq_regs(void);	/* arch/x86/kernel/irq.c */

/* Every CPU's tick (seed concept: timer interrupt drives the scheduler). */
static void local_timer_interrupt(void)
{
	struct pt_regs *regs = get_irq_regs();
	if (smp_processor_id() == 0) {
		jiffies++;
		calc_global_load();
	}
	bool user = regs && user_mode(regs);
	account_process_tick(current, user);
	account_cpustat_tick(current, user);	/* /proc/stat */
	scheduler_tick();
	run_local_timers();
	printk_tick();	/* wake log readers for messages stored with irqs off */
}

void time_init(void)
{
	tsc_calibrate();
	u64 rtc = read_rtc_seconds();
	timekeeping_set_real(rtc * NSEC_PER_SEC);
	pr_info("rtc: wall clock %llu seconds since the epoch\n", (unsigned long long)rtc);
	init_timers();
	set_system_vector(LOCAL_TIMER_VECTOR, local_timer_interrupt, "Local timer interrupts");
	calibrate_apic_timer();
	setup_apic_timer();
}
