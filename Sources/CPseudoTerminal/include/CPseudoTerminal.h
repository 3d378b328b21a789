#ifndef CPSEUDOTERMINAL_H
#define CPSEUDOTERMINAL_H
#include <sys/types.h>

/// Starts `path` with `argv`/`envp` in a new session whose controlling terminal is a fresh pseudo-terminal of
/// `rows` x `cols`. On success returns 0, stores the child's pid and the master side's fd. Returns -1 (errno set).
int cpty_spawn(const char *path, char *const argv[], char *const envp[], unsigned short rows, unsigned short cols,
               pid_t *pid_out, int *master_fd_out);

/// Changes the window size of the pseudo-terminal behind `master_fd` (the child gets SIGWINCH).
int cpty_resize(int master_fd, unsigned short rows, unsigned short cols);
#endif
