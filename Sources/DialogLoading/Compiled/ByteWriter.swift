/// Appends the compiled form's primitives: LEB128 varints, zigzag for signed numbers, raw bit patterns for
/// doubles, and strings as indexes into a table of distinct strings (written once, shared when decoded).
struct ByteWriter {
    private(set) var bytes: [UInt8] = []
    /// Each distinct string's index in `strings`.
    private var stringIndex: [String: Int] = [:]
    /// Distinct strings in first-use order.
    private(set) var strings: [String] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// A non-negative count or index (varint).
    mutating func count(_ value: Int) { unsigned(UInt64(value)) }

    /// Any `Int` (zigzag varint: small magnitudes take one byte whatever their sign).
    mutating func int(_ value: Int) {
        let v = Int64(value)
        unsigned(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func unsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func double(_ value: Double) {
        let bits = value.bitPattern
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    /// A string, as its index in the string table.
    mutating func string(_ value: String) {
        if let index = stringIndex[value] {
            count(index)
            return
        }
        let index = strings.count
        stringIndex[value] = index
        strings.append(value)
        count(index)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        guard let value else { return bool(false) }
        bool(true)
        write(&self, value)
    }

    mutating func array<T>(_ values: [T], _ write: (inout ByteWriter, T) -> Void) {
        count(values.count)
        for value in values { write(&self, value) }
    }

    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    /// A string-keyed dictionary, entries in key order (so the same dictionary always gives the same bytes).
    mutating func dictionary<V>(_ values: [String: V], _ write: (inout ByteWriter, V) -> Void) {
        array(values.sorted { $0.key < $1.key }) { w, entry in
            w.string(entry.key)
            write(&w, entry.value)
        }
    }

    /// What `write` writes, as a blob (its length in front), so a reader can find it without decoding it.
    /// Its strings still go to the shared table.
    mutating func blob(of write: (inout ByteWriter) -> Void) {
        let start = bytes.count
        write(&self)
        let written = Array(bytes[start...])
        bytes.removeSubrange(start...)
        blob(written)
    }

    /// Raw bytes with their length in front (not through the string table).
    mutating func blob(_ value: [UInt8]) {
        count(value.count)
        bytes.append(contentsOf: value)
    }

    mutating func append(contentsOf other: [UInt8]) { bytes.append(contentsOf: other) }
}
