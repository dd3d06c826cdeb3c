/* Structure offsets the assembly needs; checked by BUILD_BUG_ON in process_64.c. */
#ifndef _ASM_X86_ASM_OFFSETS_H
#define _ASM_X86_ASM_OFFSETS_H
#define TASK_THREAD_SP 0
#endif
