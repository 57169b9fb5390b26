import DialogCore

/// A parsed JSON value with where it started.
///
/// The position is two small integers, not a `SourceLocation`: the file name is the same for every
/// node of a document, so it is attached only when a location is wanted (`location(in:)`).
package struct JSONNode: Sendable, Hashable {
    package var value: JSONValue
    /// The line (from 1) of the value's first character (its `{`, `[`, `"`, first digit or letter).
    package var line: Int32
    /// The column (from 1, in Unicode scalars) of the value's first character.
    package var column: Int32

    package init(value: JSONValue, line: Int32, column: Int32) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// Where the value's first character is, in `file`.
    package func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: Int(line), column: Int(column))
    }
}

/// One JSON value, as RFC 8259 defines it; containers hold located nodes.
package enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object(JSONObject)

    /// The JSON type's name for messages: "null", "boolean", "number", "string", "array", "object".
    package var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

/// Object members in file order; duplicates are reported by the parser and only the FIRST is kept.
package struct JSONObject: Sendable, Hashable {
    /// One `"key": value` pair, with where its key starts.
    package struct Member: Sendable, Hashable {
        package var key: String
        /// The line and column (from 1, in Unicode scalars) of the key's opening quote.
        package var keyLine: Int32
        package var keyColumn: Int32
        package var value: JSONNode

        /// Where the key's opening quote is, in `file`.
        package func keyLocation(in file: String) -> SourceLocation {
            SourceLocation(file: file, line: Int(keyLine), column: Int(keyColumn))
        }
    }

    package var members: [Member]

    /// The value of the first member named `key`, if any (a linear scan: objects are small or iterated).
    package subscript(key: String) -> JSONNode? {
        for member in members where member.key == key { return member.value }
        return nil
    }

    /// The member keys in file order.
    package var keys: [String] { members.map(\.key) }
}

/// A parsed document as one flat array of entries in document order, for the loader: no object,
/// array or key string is allocated per value, and strings are decoded only when they are read.
///
/// A container's entry is followed by its contents: an object's by key, value, key, value…, an
/// array's by its elements; each value is one entry, or a container's entry and everything in it.
/// Keys and strings are byte ranges into the source (escaped strings are decoded once, at parse).
/// Only the first of duplicate keys is kept, as in `JSONObject`.
final class JSONTree {
    enum Kind: UInt8 {
        case null, bool, number, string, array, object
    }

    /// One value or key.
    struct Entry {
        /// A string: its first byte after the quote, or its index in `decoded` if it has escapes.
        /// A number: its bit pattern. A boolean: 0 or 1. A container: how many members or elements.
        var a: Int
        /// A string: the offset of its closing quote. A container: the index after its last entry.
        var b: Int
        /// Where the value (or the key's opening quote) starts: line and column (from 1, in Unicode scalars).
        var line: Int32
        var column: Int32
        var kind: Kind
        /// For strings: `escaped` and `nonASCII` bits.
        var flags: UInt8
    }

    /// `Entry.flags`: the string had escapes, its text is in `decoded`.
    static let escaped: UInt8 = 1
    /// `Entry.flags`: the string's text has a non-ASCII character.
    static let nonASCII: UInt8 = 2

    let bytes: [UInt8]
    let entries: [Entry]
    let decoded: [String]

    init(bytes: [UInt8], entries: [Entry], decoded: [String]) {
        self.bytes = bytes
        self.entries = entries
        self.decoded = decoded
    }

    /// The index of the root value.
    var root: Int { 0 }

    func kind(_ i: Int) -> Kind { entries[i].kind }

    /// The index after entry `i` and everything in it: the next sibling.
    func after(_ i: Int) -> Int {
        let e = entries[i]
        return e.kind == .array || e.kind == .object ? e.b : i + 1
    }

    /// How many members (object) or elements (array) entry `i` has.
    func count(_ i: Int) -> Int { entries[i].a }

    /// Where entry `i` starts, in `file`.
    func location(_ i: Int, in file: String) -> SourceLocation {
        let e = entries[i]
        return SourceLocation(file: file, line: Int(e.line), column: Int(e.column))
    }

    /// The text of string (or key) entry `i`.
    func string(_ i: Int) -> String {
        let e = entries[i]
        if e.flags & JSONTree.escaped != 0 { return decoded[e.a] }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[e.a..<e.b]), as: UTF8.self) }
    }

    func number(_ i: Int) -> Double { Double(bitPattern: UInt64(UInt(bitPattern: entries[i].a))) }

    func bool(_ i: Int) -> Bool { entries[i].a != 0 }

    /// True when key (or string) entry `i` is `key` (an ASCII format key), by `String` equality;
    /// plain ASCII keys compare bytes.
    func keyIs(_ i: Int, _ key: StaticString) -> Bool {
        bytes.withUnsafeBufferPointer { buf in
            entries.withUnsafeBufferPointer { es in keyIs(es[i], i, key, buf) }
        }
    }

    @inline(__always)
    private func keyIs(_ e: Entry, _ i: Int, _ key: StaticString, _ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        guard e.flags == 0, key.hasPointerRepresentation else { return textIs(i, key) }
        let n = key.utf8CodeUnitCount
        guard e.b - e.a == n, n <= buf.count - e.a else { return false }
        let k = key.utf8Start
        guard let base = buf.baseAddress else { return n == 0 }
        let p = base + e.a
        var q = 0
        while q < n, p[q] == k[q] { q += 1 }
        return q == n
    }

    /// `String` equality of string entry `i` and `key` (for keys with escapes or non-ASCII text).
    @inline(never)
    private func textIs(_ i: Int, _ key: StaticString) -> Bool { string(i) == key.description }

    /// The value of the first member named `key` (an ASCII format key) of object entry `object`.
    func member(_ object: Int, _ key: StaticString) -> Int? {
        guard key.hasPointerRepresentation, key.utf8CodeUnitCount > 0 else { return memberSlowly(object, key) }
        let n = key.utf8CodeUnitCount
        let k = key.utf8Start
        let first = k[0]
        return bytes.withUnsafeBufferPointer { buf in
            entries.withUnsafeBufferPointer { es in
                var i = object + 1
                let end = es[object].b
                while i < end {
                    let e = es[i]
                    if e.flags != 0 {
                        if textIs(i, key) { return i + 1 }
                    } else if e.b - e.a == n, buf[e.a] == first {
                        // Plain ASCII keys: same length and first byte, then the rest.
                        var q = 1
                        while q < n, buf[e.a + q] == k[q] { q += 1 }
                        if q == n { return i + 1 }
                    }
                    let value = es[i + 1]
                    i = value.kind == .array || value.kind == .object ? value.b : i + 2
                }
                return nil
            }
        }
    }

    /// `member` for the empty key, or one held as a single scalar.
    private func memberSlowly(_ object: Int, _ key: StaticString) -> Int? {
        for k in members(object) where keyIs(k, key) { return k + 1 }
        return nil
    }

    /// The key entries of object entry `object` that are none of `allowed` (ASCII format keys).
    func unknownKeys(_ object: Int, allowed: [StaticString]) -> [Int] {
        bytes.withUnsafeBufferPointer { buf in
            entries.withUnsafeBufferPointer { es in
                var unknown: [Int] = []
                var k = object + 1
                let end = es[object].b
                while k < end {
                    let e = es[k]
                    var known = false
                    for key in allowed where keyIs(e, k, key, buf) {
                        known = true
                        break
                    }
                    if !known { unknown.append(k) }
                    let value = es[k + 1]
                    k = value.kind == .array || value.kind == .object ? value.b : k + 2
                }
                return unknown
            }
        }
    }

    /// The key entries of object entry `object`, in file order (each member's value is at key + 1).
    func members(_ object: Int) -> Children {
        Children(tree: self, cursor: object + 1, end: entries[object].b, pairs: true, count: entries[object].a)
    }

    /// The element entries of array entry `array`, in file order.
    func elements(_ array: Int) -> Children {
        Children(tree: self, cursor: array + 1, end: entries[array].b, pairs: false, count: entries[array].a)
    }

    /// No members or elements (for a list that is missing).
    var noChildren: Children { Children(tree: self, cursor: 0, end: 0, pairs: false, count: 0) }

    /// A container's members (their key entries) or elements.
    struct Children: Sequence, IteratorProtocol {
        let tree: JSONTree
        var cursor: Int
        let end: Int
        let pairs: Bool
        /// How many members or elements the container has.
        let count: Int

        mutating func next() -> Int? {
            guard cursor < end else { return nil }
            let i = cursor
            cursor = tree.after(pairs ? i + 1 : i)
            return i
        }
    }

    /// Entry `i` as a `JSONNode` (with copies of everything in it).
    func node(_ i: Int) -> JSONNode {
        let e = entries[i]
        let value: JSONValue
        switch e.kind {
        case .null: value = .null
        case .bool: value = .bool(e.a != 0)
        case .number: value = .number(number(i))
        case .string: value = .string(string(i))
        case .array:
            var items: [JSONNode] = []
            items.reserveCapacity(e.a)
            for element in elements(i) { items.append(node(element)) }
            value = .array(items)
        case .object:
            var members: [JSONObject.Member] = []
            members.reserveCapacity(e.a)
            for k in self.members(i) {
                let key = entries[k]
                members.append(JSONObject.Member(key: string(k), keyLine: key.line, keyColumn: key.column, value: node(k + 1)))
            }
            value = .object(JSONObject(members: members))
        }
        return JSONNode(value: value, line: e.line, column: e.column)
    }

    /// "a number (3)", "a string ('x')", "a list", for messages.
    func typeAndValue(_ i: Int) -> String {
        switch entries[i].kind {
        case .array: return "a list"
        case .object: return "an object"
        default: return node(i).value.typeAndValue
        }
    }
}
