/* Copying to and from user memory (seed concept: the user/kernel boundary).
 * Every instruction that touches user memory has an exception-table entry:
 * a bad pointer ends the copy early instead of crashing the kernel. With
 * SMAP the kernel cannot touch user pages at all, except between stac and
 * clac (SDM 3A §4.6).
 *   unsigned long __copy_user(void *to, const void *from, unsigned long n)
 *       returns the number of bytes NOT copied (0 on success)
 *   the string helpers below return what <linux/uaccess.h> documents. */
#include <asm/extable.h>

	.text
.macro USER_ACCESS_BEGIN
	testb $1, smap_enabled(%rip)
	jz 91f
	stac
91:
.endm
.macro USER_ACCESS_END
	testb $1, smap_enabled(%rip)
	jz 92f
	clac
92:
.endm

/* Eight bytes per step, then the tail: TCG runs `rep movsb` a byte per
 * iteration (a page took ~100 times longer). A fault in the quadword loop
 * goes on byte by byte from where it stopped, so the count of bytes not
 * copied is exact, as with a byte copy. */
	.globl __copy_user
__copy_user:
	USER_ACCESS_BEGIN
	movq %rdx, %rcx
	shrq $3, %rcx
	andl $7, %edx
1:	rep movsq
	movl %edx, %ecx
20:	rep movsb
	USER_ACCESS_END
	movq %rcx, %rax		/* 0: all copied */
	ret
21:	leaq (%rdx,%rcx,8), %rcx	/* quadwords and tail still to go */
22:	rep movsb
	USER_ACCESS_END
	xorl %eax, %eax
	ret
2:	USER_ACCESS_END
	movq %rcx, %rax		/* a fault: what is left */
	ret

	.globl __clear_user
__clear_user:			/* (void *to, unsigned long n) -> bytes not cleared */
	USER_ACCESS_BEGIN
	movq %rsi, %rcx
	shrq $3, %rcx
	andl $7, %esi
	xorl %eax, %eax
3:	rep stosq
	movl %esi, %ecx
23:	rep stosb
	USER_ACCESS_END
	movq %rcx, %rax
	ret
24:	leaq (%rsi,%rcx,8), %rcx
25:	rep stosb
	USER_ACCESS_END
	xorl %eax, %eax
	ret
4:	USER_ACCESS_END
	movq %rcx, %rax
	ret

/* Copy a NUL-terminated string of at most n bytes (n >= 1).
 *   long __strncpy_from_user(char *to, const char *from, long n)
 * returns its length (n if no NUL within n bytes) or -EFAULT. */
	.globl __strncpy_from_user
__strncpy_from_user:
	USER_ACCESS_BEGIN
	xorl %eax, %eax
5:	cmpq %rdx, %rax
	je 7f
6:	movb (%rsi,%rax), %cl
	movb %cl, (%rdi,%rax)
	testb %cl, %cl
	jz 7f
	incq %rax
	jmp 5b
7:	USER_ACCESS_END
	ret
8:	USER_ACCESS_END
	movq $-14, %rax
	ret

/* Length of a user string including its NUL, looking at most n bytes.
 *   long __strnlen_user(const char *s, long n)     (n >= 1)
 * returns 1..n, n + 1 if there is no NUL within n bytes, 0 on a fault. */
	.globl __strnlen_user
__strnlen_user:
	USER_ACCESS_BEGIN
	xorl %eax, %eax
9:	cmpq %rsi, %rax
	je 11f
10:	movb (%rdi,%rax), %cl
	incq %rax
	testb %cl, %cl
	jnz 9b
	USER_ACCESS_END
	ret
11:	USER_ACCESS_END
	incq %rax		/* n + 1: too long */
	ret
12:	USER_ACCESS_END
	xorl %eax, %eax
	ret

	_ASM_EXTABLE(1b, 21b)
	_ASM_EXTABLE(20b, 2b)
	_ASM_EXTABLE(22b, 2b)
	_ASM_EXTABLE(3b, 24b)
	_ASM_EXTABLE(23b, 4b)
	_ASM_EXTABLE(25b, 4b)
	_ASM_EXTABLE(6b, 8b)
	_ASM_EXTABLE(10b, 12b)
