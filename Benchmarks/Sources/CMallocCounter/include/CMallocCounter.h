#ifndef SSECHAT_BENCH_CMALLOCCOUNTER_H
#define SSECHAT_BENCH_CMALLOCCOUNTER_H

#include <stdint.h>

/// Heap allocations made by the whole process so far: malloc, calloc, realloc and the aligned variants.
///
/// Linking this target into an executable interposes those functions (the executable's definitions win over libc's
/// for every shared library, the Swift runtime included); each one counts and then calls glibc's `__libc_*`
/// implementation. No `LD_PRELOAD` is needed. The counters are relaxed atomics, so reading them costs nothing and the
/// counting adds a few nanoseconds per allocation.
uint64_t mallocc_allocation_count(void);

/// Bytes requested by the allocations counted by `mallocc_allocation_count`.
uint64_t mallocc_allocated_bytes(void);

/// Whether the interposition is in effect: allocates and frees once and checks that the count moved.
int mallocc_is_active(void);

#endif
