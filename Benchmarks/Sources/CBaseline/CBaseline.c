#include "CBaseline.h"

#include <string.h>

size_t cbaseline_count_lines(const void *bytes, size_t length) {
    const char *cursor = bytes;
    const char *end = cursor + length;
    size_t lines = 0;
    while (cursor < end) {
        const char *hit = memchr(cursor, '\n', (size_t)(end - cursor));
        if (hit == NULL) {
            break;
        }
        lines += 1;
        cursor = hit + 1;
    }
    return lines;
}
