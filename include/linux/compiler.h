/* Compiler attributes and helpers used everywhere in the kernel. */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#undef __always_inline
#define __always_inline inline __attribute__((always_inline))
#define noinline __attribute__((noinline))
#define __noreturn __attribute__((noreturn))
#define __packed __attribute__((packed))
#define __aligned(x) __attribute__((aligned(x)))
#define __section(s) __attribute__((section(s)))
#define __used __attribute__((used))
#define __unused __attribute__((unused))
#define __maybe_unused __attribute__((unused))
#define __weak __attribute__((weak))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __cold __attribute__((cold))
#define __must_check __attribute__((warn_unused_result))
#define __user		/* marks a pointer into user space: use copy_*_user */
#define __iomem
#define __init
#define __initdata
#define __cacheline_aligned __aligned(64)
#define __page_aligned_bss __section(".bss..page_aligned") __aligned(4096)
#define __page_aligned_data __section(".data..page_aligned") __aligned(4096)

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define barrier() __asm__ __volatile__("" ::: "memory")
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#ifndef offsetof
#define offsetof(t, m) __builtin_offsetof(t, m)
#endif
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define BUILD_BUG_ON(c) _Static_assert(!(c), #c)
#define __stringify_1(x) #x
#define __stringify(x) __stringify_1(x)
#define __PASTE(a, b) a##b
#define __UNIQUE(p, l) __PASTE(p, l)
#define __UNIQUE_ID(p) __UNIQUE(__PASTE(p, _), __COUNTER__)

#endif
