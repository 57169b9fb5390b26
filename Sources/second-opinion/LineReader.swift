import CReadline
import Synchronization

/// What one attempt to read an answer produced.
enum ReadResult: Equatable, Sendable {
    /// A line without its newline.
    case line(String)
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// Reading was cut short. The current readers never produce it (Ctrl-C at a readline prompt only clears
    /// the line, and is ignored while an answer is processed), but callers should treat it as "ask again".
    case interrupted
}

/// A source of answer lines: readline on a terminal, plain `read(2)` otherwise.
protocol LineReading: AnyObject {
    /// Reads one line. `prompt` is shown only by the interactive reader.
    func readLine(prompt: String) -> ReadResult
    /// Words offered by Tab completion for the current question (option labels, command words). Set before each read.
    var completions: [String] { get set }
    /// Adds an answer to history (no-op when history is off or the reader is plain).
    func remember(_ line: String)
}

/// The right reader: readline only when stdin AND stdout are terminals (isatty), else plain.
///
/// Only then is GNU readline loaded (see `ReadlineLibrary`); if it cannot be, one notice goes to stderr and
/// the chat goes on with plain input. `historyFile` is asked for only when readline is used.
func makeLineReader(historyFile: () -> String?) -> any LineReading {
    guard isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 else { return PlainLineReader() }
    do {
        return try ReadlineReader(historyFile: historyFile)
    } catch {
        StandardStream.error.write(error.notice + "\n")
        return PlainLineReader()
    }
}

/// GNU readline: line editing, Tab completion of `completions`, and an optional private history file.
///
/// Ctrl-C at the prompt discards the line and shows a fresh prompt, and while an answer is processed it is
/// ignored (`InterruptHandling`); Ctrl-D on an empty line is `.endOfInput`.
/// readline itself restores the terminal after each line and on SIGTERM, SIGQUIT, SIGTSTP and friends
/// (`rl_catch_signals`). Readline is process-wide, so create one of these per process.
final class ReadlineReader: LineReading {
    /// History entries kept in memory and in the file.
    static let historyLimit: Int32 = 500

    /// Words offered by Tab for the next `readLine`.
    var completions: [String] = []

    private let library: ReadlineLibrary
    private let historyFile: String?

    /// Loads readline (on the first call in the process) and sets it up; throws when it cannot be loaded.
    /// `historyFile` is then asked for once: nil = no history, else the file is created 0600 and loaded.
    init(historyFile: () -> String?) throws(ReadlineUnavailable) {
        library = try ReadlineLibrary.shared.get()
        // Only a regular file (or none yet): readline would block forever reading a FIFO put there.
        self.historyFile = historyFile().flatMap { path in
            var info = stat()
            return lstat(path, &info) != 0 || info.st_mode & S_IFMT == S_IFREG ? path : nil
        }
        library.configure()
        InterruptHandling.install()
        library.usingHistory.call()
        if let historyFile = self.historyFile {
            library.stifleHistory.call(Self.historyLimit)
            PrivateFiles.makePrivate(historyFile)
            _ = library.readHistory.call(historyFile)
        }
    }

    /// Shows `prompt` (wrap colours with `TerminalStyle.prompt`) and reads one edited line.
    func readLine(prompt: String) -> ReadResult {
        ReadlineCompletion.shared.words = completions

        guard let raw = library.readline.call(prompt) else {
            print()  // Ctrl-D leaves the cursor after the prompt; end that line for whatever prints next
            return .endOfInput
        }
        defer { free(raw) }
        // Same longest line as the plain reader, so the caller refuses over-long pastes the same way.
        let length = min(strlen(raw), PlainLineReader.minimumHardCapBytes)
        let bytes = UnsafeRawBufferPointer(start: raw, count: length)
        return .line(String(decoding: bytes, as: UTF8.self))
    }

    /// Adds a non-blank answer to history unless it repeats the previous one, then appends it to the file
    /// (kept at `historyLimit` entries and mode 0600). File errors are ignored: history is a convenience.
    func remember(_ line: String) {
        guard let historyFile, !line.allSatisfy(\.isWhitespace) else { return }
        if library.lastHistoryLine() == line { return }
        library.addHistory.call(line)
        PrivateFiles.makePrivate(historyFile)
        _ = library.appendHistory.call(1, historyFile)
        _ = library.historyTruncateFile.call(historyFile, Self.historyLimit)
        PrivateFiles.makePrivate(historyFile)
    }
}

/// Tab-completion words for readline's C callback.
///
/// The callback is a C function pointer and cannot capture the reader, so the words live in this one
/// shared object; readline's own state is process-wide anyway. `ReadlineReader` copies its `completions`
/// here before each read. The lock makes the type honestly `Sendable`; in practice only the thread
/// calling `readline()` touches it.
final class ReadlineCompletion: Sendable {
    /// The only instance, read by the completion callback.
    static let shared = ReadlineCompletion()

    private let storedWords = Mutex<[String]>([])

    /// Words offered for the current read.
    var words: [String] {
        get { storedWords.withLock { $0 } }
        set { storedWords.withLock { $0 = newValue } }
    }

    /// Words starting with `typed`, ignoring case, in their given order, without duplicates.
    static func matches(for typed: String, among words: [String]) -> [String] {
        let key = typed.lowercased()
        var seen = Set<String>()
        return words.filter { word in
            word.lowercased().hasPrefix(key) && seen.insert(word).inserted
        }
    }

    /// The longest case-insensitive common prefix of `words`, spelled as in the first word.
    static func commonPrefix(of words: [String]) -> String {
        guard let first = words.first else { return "" }
        var prefix = Substring(first)
        for word in words.dropFirst() {
            let shared = zip(prefix, word).prefix { $0.lowercased() == $1.lowercased() }.count
            prefix = prefix.prefix(shared)
        }
        return String(prefix)
    }

    /// What readline expects from `rl_attempted_completion_function`: nil for no match, else a malloc'd,
    /// NULL-terminated array of strdup'd strings whose first entry replaces the text (readline frees it all).
    ///
    /// Word-break characters are off (see `ReadlineLibrary.configure`), so `text` is the whole line up to
    /// the cursor and multi-word option labels complete as one.
    static func matchArray(for text: UnsafePointer<CChar>?) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        let typed = text.map { String(cString: $0) } ?? ""
        let found = matches(for: typed, among: shared.words)
        guard !found.isEmpty else { return nil }
        let entries = found.count == 1 ? found : [commonPrefix(of: found)] + found

        let slot = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride
        guard let memory = malloc((entries.count + 1) * slot) else { return nil }
        let array = memory.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
        for (index, entry) in entries.enumerated() {
            array[index] = strdup(entry)
        }
        array[entries.count] = nil
        return array
    }
}

/// Ctrl-C (SIGINT) in an interactive chat: at the prompt it clears the line; while an answer is being
/// processed (and saved) it is ignored, so the answer is finished and the next prompt comes as usual.
/// Either way the chat goes on, as it does at the prompt; Ctrl-D or `quit` ends it.
///
/// With `rl_catch_signals` readline catches SIGINT itself while `readline()` runs, resets the terminal,
/// and re-raises it synchronously (`raise`, same thread) to this handler with RL_STATE_SIGHANDLER set;
/// calling readline's display functions there is therefore safe. Outside `readline()` the handler does
/// nothing (it must not end the process halfway through saving an answer). The handler is a C function
/// and cannot capture the reader, so it finds readline through `ReadlineLibrary.loaded`. Installed once,
/// when the readline reader is made: piped runs keep the default (Ctrl-C ends them).
private enum InterruptHandling {
    static func install() {
        signal(SIGINT) { _ in
            if let library = ReadlineLibrary.loaded, library.isHandlingSignal { library.discardLine() }
        }
    }
}

/// GNU readline, loaded with `dlopen` when a terminal needs it: every function and global the reader uses,
/// found with `dlsym`.
///
/// readline is not linked (Sources/CReadline gives only its headers), so a piped run (tests, scripts,
/// `| tee`) never maps libreadline and libtinfo nor resolves their symbols, about 0.2 ms of each start; as in
/// CPython, whose readline module is imported only in interactive sessions. The C callbacks (completion,
/// SIGINT) cannot capture context, so the one loaded instance is `shared`. It is immutable: each symbol's
/// address, typed with the header's own types (the `so_*_t` typedefs of shim.h). The library stays loaded
/// for the life of the process.
final class ReadlineLibrary: Sendable {
    /// Names tried in order: the runtime library's soname, then the development symlink.
    static let candidateNames = ["libreadline.so.8", "libreadline.so"]

    /// The library, loaded on first use (one `dlopen` per process), or why it could not be.
    static let shared: Result<ReadlineLibrary, ReadlineUnavailable> = load(candidates: candidateNames)

    /// The loaded library for the C callbacks, nil when it could not be loaded (then none is installed).
    static var loaded: ReadlineLibrary? { try? shared.get() }

    // Each property is the C symbol named in `init`.
    let readline: ReadlineFunction<so_readline_t>
    let variableBind: ReadlineFunction<so_rl_variable_bind_t>
    let replaceLine: ReadlineFunction<so_rl_replace_line_t>
    let crlf: ReadlineFunction<so_rl_crlf_t>
    let onNewLine: ReadlineFunction<so_rl_on_new_line_t>
    let redisplay: ReadlineFunction<so_rl_redisplay_t>
    let usingHistory: ReadlineFunction<so_using_history_t>
    let stifleHistory: ReadlineFunction<so_stifle_history_t>
    let readHistory: ReadlineFunction<so_read_history_t>
    let addHistory: ReadlineFunction<so_add_history_t>
    let appendHistory: ReadlineFunction<so_append_history_t>
    let historyTruncateFile: ReadlineFunction<so_history_truncate_file_t>
    let historyGet: ReadlineFunction<so_history_get_t>

    // Pointer-valued globals are NULL-able in C, hence `?` around the (non-optional) imported typedefs.
    let readlineName: ReadlineVariable<so_rl_readline_name_t?>
    let attemptedCompletionFunction: ReadlineVariable<so_rl_attempted_completion_function_t?>
    let completerWordBreakCharacters: ReadlineVariable<so_rl_completer_word_break_characters_t?>
    let completerQuoteCharacters: ReadlineVariable<so_rl_completer_quote_characters_t?>
    let sortCompletionMatches: ReadlineVariable<so_rl_sort_completion_matches_t>
    let catchSignals: ReadlineVariable<so_rl_catch_signals_t>
    let catchSigwinch: ReadlineVariable<so_rl_catch_sigwinch_t>
    let attemptedCompletionOver: ReadlineVariable<so_rl_attempted_completion_over_t>
    let completionSuppressAppend: ReadlineVariable<so_rl_completion_suppress_append_t>
    let readlineState: ReadlineVariable<so_rl_readline_state_t>
    let historyBase: ReadlineVariable<so_history_base_t>
    let historyLength: ReadlineVariable<so_history_length_t>

    /// Opens the first of `candidates` that loads (RTLD_NOW | RTLD_LOCAL) and has every symbol; else the
    /// first failure. A library that lacks a symbol is closed again. Does not touch `shared`.
    static func load(candidates: [String]) -> Result<ReadlineLibrary, ReadlineUnavailable> {
        var firstFailure: ReadlineUnavailable?
        for name in candidates {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
                let reason = DynamicLinker.lastError() ?? "cannot open \(name)"
                firstFailure = firstFailure ?? ReadlineUnavailable(reason: reason)
                continue
            }
            do {
                return .success(try ReadlineLibrary(symbols: SymbolLookup(handle: handle, libraryName: name)))
            } catch {
                dlclose(handle)
                firstFailure = firstFailure ?? error
            }
        }
        return .failure(firstFailure ?? ReadlineUnavailable(reason: "no library name to try"))
    }

    private init(symbols: SymbolLookup) throws(ReadlineUnavailable) {
        readline = try symbols.function("readline")
        variableBind = try symbols.function("rl_variable_bind")
        replaceLine = try symbols.function("rl_replace_line")
        crlf = try symbols.function("rl_crlf")
        onNewLine = try symbols.function("rl_on_new_line")
        redisplay = try symbols.function("rl_redisplay")
        usingHistory = try symbols.function("using_history")
        stifleHistory = try symbols.function("stifle_history")
        readHistory = try symbols.function("read_history")
        addHistory = try symbols.function("add_history")
        appendHistory = try symbols.function("append_history")
        historyTruncateFile = try symbols.function("history_truncate_file")
        historyGet = try symbols.function("history_get")
        readlineName = try symbols.variable("rl_readline_name")
        attemptedCompletionFunction = try symbols.variable("rl_attempted_completion_function")
        completerWordBreakCharacters = try symbols.variable("rl_completer_word_break_characters")
        completerQuoteCharacters = try symbols.variable("rl_completer_quote_characters")
        sortCompletionMatches = try symbols.variable("rl_sort_completion_matches")
        catchSignals = try symbols.variable("rl_catch_signals")
        catchSigwinch = try symbols.variable("rl_catch_sigwinch")
        attemptedCompletionOver = try symbols.variable("rl_attempted_completion_over")
        completionSuppressAppend = try symbols.variable("rl_completion_suppress_append")
        readlineState = try symbols.variable("rl_readline_state")
        historyBase = try symbols.variable("history_base")
        historyLength = try symbols.variable("history_length")
    }

    /// One-time setup, before the first readline() call: program name for ~/.inputrc conditionals, our
    /// completion function, completion over the whole line (no word-break characters, so multi-word labels
    /// complete), matches listed in the order given and on the first Tab (the user's ~/.inputrc, read on
    /// the first readline() call, can still turn that off), and readline's own signal handling (terminal
    /// restored on SIGINT/SIGTERM/…). The strings are literals: readline keeps pointing at them.
    func configure() {
        readlineName.value = Self.staticCString("second-opinion")
        attemptedCompletionFunction.value = { text, _, _ in
            ReadlineLibrary.loaded?.markCompletionFinal()
            return ReadlineCompletion.matchArray(for: text)
        }
        completerWordBreakCharacters.value = Self.staticCString("")
        completerQuoteCharacters.value = nil
        sortCompletionMatches.value = 0
        catchSignals.value = 1
        catchSigwinch.value = 1
        _ = variableBind.call("show-all-if-ambiguous", "on")
    }

    /// Called from the completion function: no filename fallback, no space appended after a match.
    func markCompletionFinal() {
        attemptedCompletionOver.value = 1
        completionSuppressAppend.value = 1
    }

    /// True while readline re-raises a caught signal to the application's handler (RL_STATE_SIGHANDLER).
    var isHandlingSignal: Bool {
        readlineState.value & so_rl_readline_state_t(RL_STATE_SIGHANDLER) != 0
    }

    /// After Ctrl-C inside readline (which has already echoed "^C"): empty the line, start a new one.
    func discardLine() {
        replaceLine.call("", 0)
        _ = crlf.call()
        _ = onNewLine.call()
        redisplay.call()
    }

    /// The newest history entry, or nil when history is empty.
    func lastHistoryLine() -> String? {
        guard let entry = historyGet.call(historyBase.value + historyLength.value - 1),
            let line = entry.pointee.line
        else { return nil }
        return String(cString: line)
    }

    /// A string literal's bytes (static storage, NUL-terminated) as a C string that never goes away.
    private static func staticCString(_ literal: StaticString) -> UnsafePointer<CChar> {
        UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)
    }
}

/// Why readline could not be loaded: dlopen's or dlsym's message.
struct ReadlineUnavailable: Error, Equatable, Sendable {
    /// What the dynamic linker said, e.g. "libreadline.so.8: cannot open shared object file: …".
    let reason: String

    /// The one line shown on stderr before the chat goes on without line editing.
    var notice: String { "readline is not available (\(reason)); line editing is off" }
}

/// A function of the loaded library: its address, called with the header's type `Signature`.
///
/// The address is kept as a bit pattern, so this is plainly `Sendable`; the library is never unloaded.
struct ReadlineFunction<Signature>: Sendable {
    private let address: UInt

    init(address: UnsafeMutableRawPointer) {
        self.address = UInt(bitPattern: address)
    }

    /// The function, to call like the C one.
    var call: Signature { unsafeBitCast(address, to: Signature.self) }
}

/// A global variable of the loaded library, of the header's type `Value`.
///
/// The variable is readline's own mutable state: read and set it only on the thread that calls `readline()`
/// (or in the handlers readline calls synchronously on that thread), as with any C global.
struct ReadlineVariable<Value>: Sendable {
    /// `nonisolated(unsafe)` because raw pointers are not `Sendable`. The pointer itself never changes (the
    /// library is never unloaded); what it points at is shared only as the type's notes say.
    nonisolated(unsafe) private let pointer: UnsafeMutablePointer<Value>

    init(address: UnsafeMutableRawPointer) {
        pointer = address.assumingMemoryBound(to: Value.self)
    }

    /// The variable's current value.
    var value: Value {
        get { pointer.pointee }
        nonmutating set { pointer.pointee = newValue }
    }
}

/// Finds symbols in one `dlopen` handle, with dlerror's message when one is missing.
private struct SymbolLookup {
    let handle: UnsafeMutableRawPointer
    let libraryName: String

    /// `Signature` must be a C function pointer type (one word, like shim.h's `so_*_t`): a Swift closure type
    /// is two words and calling it would crash, so it is refused here instead.
    func function<Signature>(_ name: String) throws(ReadlineUnavailable) -> ReadlineFunction<Signature> {
        guard MemoryLayout<Signature>.size == MemoryLayout<UInt>.size else {
            throw ReadlineUnavailable(reason: "\(name): \(Signature.self) is not a C function pointer type")
        }
        return ReadlineFunction(address: try address(of: name))
    }

    func variable<Value>(_ name: String) throws(ReadlineUnavailable) -> ReadlineVariable<Value> {
        ReadlineVariable(address: try address(of: name))
    }

    private func address(of name: String) throws(ReadlineUnavailable) -> UnsafeMutableRawPointer {
        _ = dlerror()  // clear any earlier message
        guard let address = dlsym(handle, name) else {
            throw ReadlineUnavailable(reason: DynamicLinker.lastError() ?? "\(libraryName): no symbol \(name)")
        }
        return address
    }
}

/// The dynamic linker's last message.
private enum DynamicLinker {
    /// dlerror's text (which also clears it), nil when there is none.
    static func lastError() -> String? {
        dlerror().map { String(cString: $0) }
    }
}
