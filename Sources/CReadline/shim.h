// GNU readline's headers for Swift: types (HIST_ENTRY), constants (RL_STATE_SIGHANDLER) and function
// pointer typedefs (rl_completion_func_t). The library itself is not linked (module.modulemap has no
// `link`): LineReader.swift opens it with dlopen only at a terminal and finds every function and global
// it uses with dlsym, so a piped run never loads libreadline or libtinfo. Nothing here may use a readline
// symbol, as that would need the library linked; __typeof__ below only reads a declaration's type.
// readline.h uses FILE without including <stdio.h>, so include it first.
#ifndef SECOND_OPINION_CREADLINE_SHIM_H
#define SECOND_OPINION_CREADLINE_SHIM_H

#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

/// Pointers to the functions LineReader.swift calls through dlsym, typed from their declarations so a
/// signature cannot drift from the header's. Swift sees each as a `@convention(c)` function type (one
/// pointer wide; a typedef of the function type itself would come in as a two-word Swift closure type).
typedef __typeof__(readline) *so_readline_t;
typedef __typeof__(rl_variable_bind) *so_rl_variable_bind_t;
typedef __typeof__(rl_replace_line) *so_rl_replace_line_t;
typedef __typeof__(rl_crlf) *so_rl_crlf_t;
typedef __typeof__(rl_on_new_line) *so_rl_on_new_line_t;
typedef __typeof__(rl_redisplay) *so_rl_redisplay_t;
typedef __typeof__(using_history) *so_using_history_t;
typedef __typeof__(stifle_history) *so_stifle_history_t;
typedef __typeof__(read_history) *so_read_history_t;
typedef __typeof__(add_history) *so_add_history_t;
typedef __typeof__(append_history) *so_append_history_t;
typedef __typeof__(history_truncate_file) *so_history_truncate_file_t;
typedef __typeof__(history_get) *so_history_get_t;

/// The types of the globals LineReader.swift reads and sets through dlsym pointers, likewise.
typedef __typeof__(rl_readline_name) so_rl_readline_name_t;
typedef __typeof__(rl_attempted_completion_function) so_rl_attempted_completion_function_t;
typedef __typeof__(rl_completer_word_break_characters) so_rl_completer_word_break_characters_t;
typedef __typeof__(rl_completer_quote_characters) so_rl_completer_quote_characters_t;
typedef __typeof__(rl_sort_completion_matches) so_rl_sort_completion_matches_t;
typedef __typeof__(rl_catch_signals) so_rl_catch_signals_t;
typedef __typeof__(rl_catch_sigwinch) so_rl_catch_sigwinch_t;
typedef __typeof__(rl_attempted_completion_over) so_rl_attempted_completion_over_t;
typedef __typeof__(rl_completion_suppress_append) so_rl_completion_suppress_append_t;
typedef __typeof__(rl_readline_state) so_rl_readline_state_t;
typedef __typeof__(history_base) so_history_base_t;
typedef __typeof__(history_length) so_history_length_t;

#endif
