/* Memory probes that may fault: each access has an exception-table entry, so
 * a fault resumes at the fixup, which returns -EFAULT instead of an oops.
 * The same mechanism makes copy_from_user safe against bad pointers.
 *   long probe_read_byte(const void *addr, u8 *val)
 *   long probe_write_byte(void *addr, u8 val)        (0 or -EFAULT) */
#include <asm/extable.h>

	.text
	.globl probe_read_byte
probe_read_byte:
1:	movb (%rdi), %al
	movb %al, (%rsi)
	xorl %eax, %eax
	ret
2:	movq $-14, %rax
	ret

	.globl probe_write_byte
probe_write_byte:
3:	movb %sil, (%rdi)
	xorl %eax, %eax
	ret
4:	movq $-14, %rax
	ret

	_ASM_EXTABLE(1b, 2b)
	_ASM_EXTABLE(3b, 4b)
