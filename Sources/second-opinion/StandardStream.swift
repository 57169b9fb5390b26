import Synchronization

/// Standard input, output or error as a raw descriptor, written with `write(2)`.
///
/// This replaces Foundation's `FileHandle`: the chat binary links only `FoundationEssentials` (which
/// swift-argument-parser loads anyway), never `Foundation` and its ICU data, which would slow every
/// start (see README, Performance).
enum StandardStream: Sendable {
    case input, output, error

    var descriptor: Int32 {
        switch self {
        case .input: STDIN_FILENO
        case .output: STDOUT_FILENO
        case .error: STDERR_FILENO
        }
    }

    /// The first error writing standard output (`errno`), 0 when none: a chat whose output went nowhere
    /// (a full disk, `/dev/full`) says so on stderr and exits non-zero.
    static let outputError = Atomic<Int32>(0)

    /// Says on stderr why standard output failed, when it did; true then.
    static func reportOutputFailure() -> Bool {
        let code = outputError.load(ordering: .relaxed)
        guard code != 0 else { return false }
        StandardStream.error.write("second-opinion: could not write to standard output: \(String(cString: strerror(code)))\n")
        return true
    }

    /// Writes all of `text` (after flushing stdio, so it lands after anything `print` buffered).
    /// Interrupted writes are retried; any other error drops the rest (and, on stdout, is remembered
    /// in `outputError`).
    func write(_ text: String) {
        fflush(nil)
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    if self == .output { _ = Self.outputError.compareExchange(expected: 0, desired: errno, ordering: .relaxed) }
                    return
                }
                offset += written
            }
        }
    }
}
