#ifndef CLIBEDIT_SHIM_H
#define CLIBEDIT_SHIM_H
// Non-variadic wrappers around libedit's variadic el_set/el_get/history calls, which Swift cannot call directly.
#include <stdio.h>
#include <histedit.h>
#endif
