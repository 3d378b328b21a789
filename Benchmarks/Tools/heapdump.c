/*
 * heapdump.so: at exit, writes /proc/self/status, /proc/self/smaps, mallinfo2() and malloc_stats() of the process
 * it is preloaded into to $HEAPDUMP_DIR/PID.txt, so a run's heap can be read arena by arena (docs/PERFORMANCE.md,
 * finding 5). Not built by SwiftPM:
 *
 *     cc -shared -fPIC -O2 -o /tmp/heapdump.so Benchmarks/Tools/heapdump.c
 *     HEAPDUMP_DIR=/tmp/dump LD_PRELOAD=/tmp/heapdump.so .build/release/ssechat --once hi > /dev/null
 *
 * The process must end through exit() (ssechat and the bare delegate do), not _exit() or a signal.
 */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void copy(const char *from, FILE *out) {
    FILE *in = fopen(from, "r");
    if (!in) return;
    char buffer[65536];
    size_t count;
    while ((count = fread(buffer, 1, sizeof buffer, in)) > 0) fwrite(buffer, 1, count, out);
    fclose(in);
}

__attribute__((destructor)) static void heapdump(void) {
    const char *directory = getenv("HEAPDUMP_DIR");
    if (!directory) return;
    char path[4096];
    snprintf(path, sizeof path, "%s/%d.txt", directory, (int)getpid());
    FILE *out = fopen(path, "w");
    if (!out) return;
    fprintf(out, "== status\n");
    copy("/proc/self/status", out);
    fprintf(out, "== smaps\n");
    copy("/proc/self/smaps", out);
    struct mallinfo2 info = mallinfo2();
    fprintf(out, "== mallinfo2 arena %zu ordblks %zu hblks %zu hblkhd %zu uordblks %zu fordblks %zu keepcost %zu\n",
            info.arena, info.ordblks, info.hblks, info.hblkhd, info.uordblks, info.fordblks, info.keepcost);
    fprintf(out, "== malloc_stats\n");
    fflush(out);
    /* malloc_stats() prints on stderr: point stderr at the file for the call. */
    int saved = dup(2);
    dup2(fileno(out), 2);
    malloc_stats();
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    fclose(out);
}
