#ifndef SSECHAT_BENCH_CBASELINE_H
#define SSECHAT_BENCH_CBASELINE_H

#include <stddef.h>

/// Counts the LF bytes in `length` bytes at `bytes` with a `memchr` loop: the memory-scan speed a line-based
/// parser is compared against.
size_t cbaseline_count_lines(const void *bytes, size_t length);

#endif
