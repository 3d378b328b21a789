#ifndef CLIBEDIT_SHIM_H
#define CLIBEDIT_SHIM_H
// Non-variadic wrappers around libedit's variadic el_set/el_get/history calls, which Swift cannot call directly,
// and accessors for the C standard streams, which Swift 6 rejects as global mutable state.
#include <stdio.h>
#include <histedit.h>

/// Signature of a prompt function (EL_PROMPT / EL_PROMPT_ESC).
typedef char *(*clibedit_prompt_fn)(EditLine *);
/// Signature of a user editor function added with EL_ADDFN; returns one of the CC_* codes.
typedef unsigned char (*clibedit_editor_fn)(EditLine *, int);

static inline FILE *clibedit_stdin(void) { return stdin; }
static inline FILE *clibedit_stdout(void) { return stdout; }
static inline FILE *clibedit_stderr(void) { return stderr; }

/// Selects the key binding set: "emacs" or "vi".
static inline int clibedit_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }

/// Turns libedit's own signal handling (EL_SIGNAL) on or off.
static inline int clibedit_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }

/// Sets the prompt function; characters between two `ignore` characters are sent to the terminal but take no width.
static inline int clibedit_set_prompt(EditLine *el, clibedit_prompt_fn fn, char ignore) {
    return el_set(el, EL_PROMPT_ESC, fn, ignore);
}

/// Stores an opaque pointer that editor and prompt functions can fetch with `clibedit_get_clientdata`.
static inline int clibedit_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }

/// Returns the pointer stored with `clibedit_set_clientdata`, or NULL.
static inline void *clibedit_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

/// Attaches a history to the editor so the history keys (Up, Down, Ctrl-R …) use it.
static inline int clibedit_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }

/// Registers a named editor function.
static inline int clibedit_add_function(EditLine *el, const char *name, const char *help, clibedit_editor_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

/// Binds a key sequence (e.g. "^I" or "\033[200~") to a named editor function.
static inline int clibedit_bind(EditLine *el, const char *keys, const char *function) {
    return el_set(el, EL_BIND, keys, function, NULL);
}

/// Runs libedit's `setty` builtin with one argument for the given mode ("-d" edit mode, "-x" normal mode),
/// e.g. ("-d", "-isig") so that Ctrl-C reaches the editor as a key instead of raising SIGINT.
static inline int clibedit_setty(EditLine *el, const char *mode, const char *setting) {
    return el_set(el, EL_SETTY, mode, setting, NULL);
}

/// Returns the output FILE libedit writes to (fd 1 of EL_GETFP), or NULL.
static inline FILE *clibedit_output_file(EditLine *el) {
    FILE *file = NULL;
    if (el_get(el, EL_GETFP, 1, &file) != 0) return NULL;
    return file;
}

/// Sets the maximum number of history entries kept in memory.
static inline int clibedit_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

/// Makes the history refuse an entry equal to the previous one.
static inline int clibedit_history_set_unique(History *h, int unique) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, unique);
}

/// Appends an entry to the history.
static inline int clibedit_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

/// Removes every entry from the history.
static inline int clibedit_history_clear(History *h) {
    HistEvent event;
    return history(h, &event, H_CLEAR);
}

/// Returns the number of entries in the history.
static inline int clibedit_history_length(History *h) {
    HistEvent event;
    if (history(h, &event, H_GETSIZE) != 0) return 0;
    return event.num;
}
#endif
