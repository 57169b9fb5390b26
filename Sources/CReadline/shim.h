// GNU readline for Swift. readline.h uses FILE without including <stdio.h>, so include it first.
// Swift 6 strict concurrency rejects readline's mutable C globals, so every global is touched
// through the small `so_rl_*` functions below; LineReader.swift is their only caller.
#ifndef SECOND_OPINION_CREADLINE_SHIM_H
#define SECOND_OPINION_CREADLINE_SHIM_H

#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

/// One-time setup, before the first readline() call: program name for ~/.inputrc conditionals, our
/// completion function, completion over the whole line (no word-break characters, so multi-word labels
/// complete), matches listed in the order given and on the first Tab (the user's ~/.inputrc, read on
/// the first readline() call, can still turn that off), and readline's own signal handling (terminal
/// restored on SIGINT/SIGTERM/…).
static inline void so_rl_configure(rl_completion_func_t *completion) {
    rl_readline_name = "second-opinion";
    rl_attempted_completion_function = completion;
    rl_completer_word_break_characters = "";
    rl_completer_quote_characters = NULL;
    rl_sort_completion_matches = 0;
    rl_catch_signals = 1;
    rl_catch_sigwinch = 1;
    rl_variable_bind("show-all-if-ambiguous", "on");
}

/// Called from the completion function: no filename fallback, no space appended after a match.
static inline void so_rl_completion_is_final(void) {
    rl_attempted_completion_over = 1;
    rl_completion_suppress_append = 1;
}

/// True while readline re-raises a caught signal to the application's handler (RL_STATE_SIGHANDLER).
static inline int so_rl_in_signal_handler(void) {
    return (rl_readline_state & RL_STATE_SIGHANDLER) != 0;
}

/// After Ctrl-C inside readline (which has already echoed "^C"): empty the line, start a new one.
static inline void so_rl_discard_line(void) {
    rl_replace_line("", 0);
    rl_crlf();
    rl_on_new_line();
    rl_redisplay();
}

/// The newest history entry, or NULL when history is empty. Owned by readline: copy it, do not free it.
static inline const char *so_history_last(void) {
    HIST_ENTRY *entry = history_get(history_base + history_length - 1);
    return entry ? entry->line : NULL;
}

#endif
