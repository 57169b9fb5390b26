/// Why a compiled form could not be read. Any of these makes the cache a miss; none is shown to a person.
enum CompiledFormError: Error, Equatable {
    /// The bytes end before the value does.
    case truncated
    /// A value that cannot occur in a valid form (an unknown case tag, a string index past the table, too deep).
    case malformed
}

/// Reads what `ByteWriter` wrote, checking every read against the end: a damaged or hostile file fails
/// with `CompiledFormError`, never traps, and never makes it allocate more than its own size. It reads a
/// buffer it does not own: use it only inside the `withUnsafeBytes` call that lends the buffer.
struct ByteReader {
    private let buffer: UnsafeRawBufferPointer
    private(set) var offset: Int
    /// Where each string of the table lies in the buffer, by index (`readStringTable`).
    var stringSpans: [ByteSpan] = []
    /// Strings already made, by index, when this reader shares them (`readStringTable(sharing: true)`):
    /// one decode of a whole form makes each distinct string once. A reader decoding one node later
    /// leaves it empty and makes its own (it may run on any thread, so it shares nothing).
    private var made: [String?] = []
    /// When true, every read checks its bytes exactly as a decode does but keeps nothing: strings read as
    /// "" and lists as empty. A form's nodes are read this way when it is opened, so a node that would not
    /// decode refuses the whole form, while each is still decoded only when first used (`CompiledNodes`).
    var checkOnly = false
    /// How deep nested values (conditions) may go: a damaged file must not exhaust the stack.
    static let maxDepth = 512

    init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
        self.buffer = buffer
        self.offset = offset
    }

    var remaining: Int { buffer.count - offset }

    @inline(__always)
    mutating func byte() throws -> UInt8 {
        guard offset < buffer.count else { throw CompiledFormError.truncated }
        defer { offset += 1 }
        return buffer[offset]
    }

    @inline(__always)
    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw CompiledFormError.malformed
        }
    }

    /// A varint: one byte for values below 128 (nearly all of them: indexes, counts, tags), read inline.
    @inline(__always)
    mutating func unsigned() throws -> UInt64 {
        if offset < buffer.count, buffer[offset] < 0x80 {
            defer { offset += 1 }
            return UInt64(buffer[offset])
        }
        return try longUnsigned()
    }

    @inline(never)
    private mutating func longUnsigned() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw CompiledFormError.malformed }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    /// A count of items that each take at least one byte: never more than the bytes left, so a damaged
    /// count cannot make an array reserve gigabytes.
    @inline(__always)
    mutating func count() throws -> Int {
        let value = try unsigned()
        guard value <= UInt64(remaining) else { throw CompiledFormError.malformed }
        return Int(value)
    }

    /// An index below `limit`.
    @inline(__always)
    mutating func index(below limit: Int) throws -> Int {
        let value = try unsigned()
        guard value < UInt64(limit) else { throw CompiledFormError.malformed }
        return Int(value)
    }

    mutating func int() throws -> Int {
        let z = try unsigned()
        let value = Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
        guard let int = Int(exactly: value) else { throw CompiledFormError.malformed }
        return int
    }

    mutating func double() throws -> Double {
        guard remaining >= 8 else { throw CompiledFormError.truncated }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(buffer[offset + i]) << UInt64(8 * i) }
        offset += 8
        return Double(bitPattern: bits)
    }

    /// A string of the table, by its index: made from its bytes on first reference.
    @inline(__always)
    mutating func string() throws -> String {
        let i = try index(below: stringSpans.count)
        if checkOnly { return "" }
        if !made.isEmpty, let string = made[i] { return string }
        let span = stringSpans[i]
        let string = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[span.range]), as: UTF8.self)
        if !made.isEmpty { made[i] = string }
        return string
    }

    /// A reader of the same buffer and string table at `offset`, making its own strings.
    func reading(at offset: Int) -> ByteReader {
        var other = ByteReader(buffer, offset: offset)
        other.stringSpans = stringSpans
        return other
    }

    /// Reads the string table (a count, then each string with its length) without making any string yet.
    mutating func readStringTable(sharing: Bool) throws {
        let n = try count()
        var spans: [ByteSpan] = []
        spans.reserveCapacity(n)
        for _ in 0..<n { spans.append(try span()) }
        stringSpans = spans
        if sharing { made = Array(repeating: nil, count: n) }
    }

    /// Where the next blob's bytes are (skipping them).
    mutating func span() throws -> ByteSpan {
        let n = try count()
        defer { offset += n }
        return ByteSpan(offset: UInt32(offset), count: UInt32(n))
    }

    @inline(__always)
    mutating func optional<T>(_ read: (inout ByteReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    @inline(__always)
    mutating func array<T>(_ read: (inout ByteReader) throws -> T) throws -> [T] {
        let n = try count()
        if checkOnly {
            for _ in 0..<n { _ = try read(&self) }
            return []
        }
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try read(&self)) }
        return values
    }

    mutating func strings() throws -> [String] { try array { try $0.string() } }

    /// A dictionary written by `ByteWriter.dictionary`.
    mutating func dictionary<V>(_ read: (inout ByteReader) throws -> V) throws -> [String: V] {
        let n = try count()
        if checkOnly {
            for _ in 0..<n { _ = (try string(), try read(&self)) }
            return [:]
        }
        var values: [String: V] = [:]
        values.reserveCapacity(n)
        for _ in 0..<n {
            let key = try string()
            values[key] = try read(&self)
        }
        return values
    }

    /// Raw bytes written by `ByteWriter.blob`, without copying them.
    mutating func blob() throws -> UnsafeRawBufferPointer {
        let n = try count()
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + n])
    }

    /// A string written raw (UTF-8 with its length), not through the table (source names).
    mutating func rawString() throws -> String {
        String(decoding: try blob(), as: UTF8.self)
    }
}

/// Where some bytes lie in a buffer (offsets fit in 32 bits: forms are limited to 256 MiB).
struct ByteSpan: Sendable {
    var offset: UInt32
    var count: UInt32

    var range: Range<Int> { Int(offset)..<Int(offset) + Int(count) }
}
