import CReadline
import Synchronization
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one attempt to read an answer produced.
enum ReadResult: Equatable, Sendable {
    /// A line without its newline.
    case line(String)
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// Reading was cut short. The current readers never produce it (Ctrl-C at a readline prompt only clears
    /// the line, and outside readline it ends the process), but callers should treat it as "ask again".
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
/// `historyFile` is asked for only when readline is used.
func makeLineReader(historyFile: () -> String?) -> any LineReading {
    if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
        return ReadlineReader(historyFile: historyFile())
    }
    return PlainLineReader()
}

/// GNU readline: line editing, Tab completion of `completions`, and an optional private history file.
///
/// Ctrl-C at the prompt discards the line and shows a fresh prompt; Ctrl-D on an empty line is `.endOfInput`.
/// readline itself restores the terminal after each line and on SIGTERM, SIGQUIT, SIGTSTP and friends
/// (`rl_catch_signals`). Readline is process-wide, so create one of these per process.
final class ReadlineReader: LineReading {
    /// History entries kept in memory and in the file.
    static let historyLimit: Int32 = 500

    /// Words offered by Tab for the next `readLine`.
    var completions: [String] = []

    private let historyFile: String?

    /// Sets readline up; `historyFile` nil = no history. The file is created 0600 and loaded.
    init(historyFile: String?) {
        self.historyFile = historyFile
        so_rl_configure { text, _, _ in
            ReadlineCompletion.matchArray(for: text)
        }
        using_history()
        if let historyFile {
            stifle_history(Self.historyLimit)
            PrivateFiles.makePrivate(historyFile)
            _ = read_history(historyFile)
        }
    }

    /// Shows `prompt` (wrap colours with `TerminalStyle.prompt`) and reads one edited line.
    func readLine(prompt: String) -> ReadResult {
        ReadlineCompletion.shared.words = completions
        let previousHandler = InterruptHandling.installClearLineHandler()
        defer { InterruptHandling.restore(previousHandler) }

        guard let raw = readline(prompt) else {
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
        if let last = so_history_last(), String(cString: last) == line { return }
        add_history(line)
        PrivateFiles.makePrivate(historyFile)
        _ = append_history(1, historyFile)
        _ = history_truncate_file(historyFile, Self.historyLimit)
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
    /// Word-break characters are off (see shim.h), so `text` is the whole line up to the cursor and
    /// multi-word option labels complete as one.
    static func matchArray(for text: UnsafePointer<CChar>?) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        so_rl_completion_is_final()
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

/// SIGINT while `readline()` runs: clear the line instead of quitting.
///
/// With `rl_catch_signals` readline catches SIGINT itself, resets the terminal, and re-raises it synchronously
/// (`raise`, same thread) to the handler that was installed when `readline()` started, with
/// RL_STATE_SIGHANDLER set; calling readline's display functions there is therefore safe. Any other SIGINT
/// (e.g. in the instant before readline takes over) gets the default action: the process ends as usual.
private enum InterruptHandling {
    typealias Handler = @convention(c) (Int32) -> Void

    static func installClearLineHandler() -> Handler? {
        signal(SIGINT) { signalNumber in
            if so_rl_in_signal_handler() != 0 {
                so_rl_discard_line()
            } else {
                signal(signalNumber, SIG_DFL)
                raise(signalNumber)
            }
        }
    }

    static func restore(_ handler: Handler?) {
        signal(SIGINT, handler)
    }
}
