// Counting malloc interposer for glibc. Every entry point forwards to glibc's exported __libc_* allocator, so the
// memory is glibc's own and `free`, `malloc_usable_size` and friends keep working on it.
#include "CMallocCounter.h"

#include <errno.h>
#include <malloc.h>
#include <stddef.h>
#include <stdlib.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void *__libc_valloc(size_t size);
extern void *__libc_pvalloc(size_t size);
extern void __libc_free(void *pointer);

static uint64_t allocationCount;
static uint64_t allocatedBytes;

static inline void count(size_t size) {
    __atomic_fetch_add(&allocationCount, 1, __ATOMIC_RELAXED);
    __atomic_fetch_add(&allocatedBytes, (uint64_t)size, __ATOMIC_RELAXED);
}

uint64_t mallocc_allocation_count(void) { return __atomic_load_n(&allocationCount, __ATOMIC_RELAXED); }

uint64_t mallocc_allocated_bytes(void) { return __atomic_load_n(&allocatedBytes, __ATOMIC_RELAXED); }

int mallocc_is_active(void) {
    uint64_t before = mallocc_allocation_count();
    void *volatile probe = malloc(24);
    free(probe);
    return mallocc_allocation_count() != before;
}

void *malloc(size_t size) {
    count(size);
    return __libc_malloc(size);
}

void *calloc(size_t count_, size_t size) {
    count(count_ * size);
    return __libc_calloc(count_, size);
}

void *realloc(void *pointer, size_t size) {
    count(size);
    return __libc_realloc(pointer, size);
}

void free(void *pointer) { __libc_free(pointer); }

void *memalign(size_t alignment, size_t size) {
    count(size);
    return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
    count(size);
    return __libc_memalign(alignment, size);
}

int posix_memalign(void **result, size_t alignment, size_t size) {
    if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0) {
        return EINVAL;
    }
    count(size);
    void *pointer = __libc_memalign(alignment, size);
    if (pointer == NULL && size != 0) {
        return ENOMEM;
    }
    *result = pointer;
    return 0;
}

void *valloc(size_t size) {
    count(size);
    return __libc_valloc(size);
}

void *pvalloc(size_t size) {
    count(size);
    return __libc_pvalloc(size);
}
