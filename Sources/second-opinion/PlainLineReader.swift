/// Reads lines from a pipe, file or dumb terminal: no prompt, no editing, no history, nothing written to stdout.
///
/// Bytes are read with `read(2)`, so invalid UTF-8 is decoded lossily (U+FFFD) instead of dropping the line,
/// and NUL bytes are kept. One trailing "\r" is stripped. A last line without "\n" is still returned before
/// `.endOfInput`.
///
/// Over-long lines are not cut to `maxLineBytes`: a line is returned whole up to `hardCapBytes`
/// (at least 1 MiB + 1 byte), and the rest of that line is read and discarded. The caller sees a line
/// longer than its limit and can refuse it with a message, instead of silently acting on a truncated answer.
final class PlainLineReader: LineReading {
    /// The longest line a caller should accept; the reader itself returns longer lines up to `hardCapBytes`.
    let maxLineBytes: Int
    /// Bytes kept of one line: `max(maxLineBytes, 1 MiB) + 1`, so "longer than the limit" is always visible.
    let hardCapBytes: Int
    /// Ignored: plain input has no Tab completion.
    var completions: [String] = []

    /// The smallest hard cap, shared with `ReadlineReader` so both readers hand over the same longest line.
    static let minimumHardCapBytes = 1 << 20 + 1

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Start of unread bytes in `buffer` (consumed lines are dropped in bulk, not one `removeFirst` per line).
    private var start = 0
    /// The kept head of an over-long line whose tail is being discarded.
    private var overflow: [UInt8]?
    private var reachedEnd = false
    private var chunk = [UInt8](repeating: 0, count: 65_536)

    /// A reader of `input` (standard input by default); `maxLineBytes` is the caller's limit (see the type's notes).
    init(input: StandardStream = .input, maxLineBytes: Int = 16_384) {
        self.descriptor = input.descriptor
        self.maxLineBytes = maxLineBytes
        self.hardCapBytes = Swift.max(maxLineBytes + 1, Self.minimumHardCapBytes)
    }

    /// Reads one line; `prompt` is ignored so pipes and transcripts stay clean.
    func readLine(prompt: String) -> ReadResult {
        fflush(nil)  // questions printed without a newline must be visible before we block
        while true {
            if let line = nextBufferedLine() { return .line(line) }
            if reachedEnd || !fill() {
                reachedEnd = true
                return finalLine().map(ReadResult.line) ?? .endOfInput
            }
        }
    }

    /// No history for plain input.
    func remember(_ line: String) {}

    /// A complete line from the buffer, or nil when more bytes are needed. Handles discarding an over-long tail.
    private func nextBufferedLine() -> String? {
        let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n"))
        if let kept = overflow {
            // Discarding the tail of an over-long line: drop everything up to and including its newline.
            guard let newline else {
                dropBuffered(upTo: buffer.count)
                return nil
            }
            dropBuffered(upTo: newline + 1)
            overflow = nil
            return Self.decode(kept, stripCarriageReturn: false)
        }
        guard let newline else {
            if buffer.count - start > hardCapBytes {  // certainly over the cap, whatever ends it
                overflow = Array(buffer[start..<(start + hardCapBytes)])
                dropBuffered(upTo: buffer.count)
            }
            return nil
        }
        let length = newline - start
        let line: String
        if length > hardCapBytes {
            line = Self.decode(buffer[start..<(start + hardCapBytes)], stripCarriageReturn: false)
        } else {
            line = Self.decode(buffer[start..<newline], stripCarriageReturn: true)
        }
        dropBuffered(upTo: newline + 1)
        return line
    }

    /// At end of input: the last line if it had no "\n", else nil.
    private func finalLine() -> String? {
        if let kept = overflow {
            overflow = nil
            return Self.decode(kept, stripCarriageReturn: false)
        }
        guard start < buffer.count else { return nil }
        let rest = buffer[start...]
        dropBuffered(upTo: buffer.count)
        return Self.decode(rest.prefix(hardCapBytes), stripCarriageReturn: rest.count <= hardCapBytes)
    }

    /// Appends one `read(2)` worth of bytes; false at end of input or on a read error.
    private func fill() -> Bool {
        while true {
            let count = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return read(descriptor, base, raw.count)
            }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return true
            }
            if count < 0 && errno == EINTR { continue }
            return false
        }
    }

    private func dropBuffered(upTo index: Int) {
        start = index
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 65_536 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }

    private static func decode<Bytes: BidirectionalCollection<UInt8>>(
        _ bytes: Bytes, stripCarriageReturn: Bool
    ) -> String {
        if stripCarriageReturn, bytes.last == UInt8(ascii: "\r") {
            return String(decoding: bytes.dropLast(), as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
