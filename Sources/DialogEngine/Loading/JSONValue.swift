/// A parsed JSON value with where it started.
///
/// The position is two small integers, not a `SourceLocation`: the file name is the same for every
/// node of a document, so it is attached only when a location is wanted (`location(in:)`).
public struct JSONNode: Sendable, Hashable {
    public var value: JSONValue
    /// The line (from 1) of the value's first character (its `{`, `[`, `"`, first digit or letter).
    public var line: Int32
    /// The column (from 1, in Unicode scalars) of the value's first character.
    public var column: Int32

    public init(value: JSONValue, line: Int32, column: Int32) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// Where the value's first character is, in `file`.
    public func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: Int(line), column: Int(column))
    }
}

/// One JSON value, as RFC 8259 defines it; containers hold located nodes.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object(JSONObject)

    /// The JSON type's name for messages: "null", "boolean", "number", "string", "array", "object".
    public var typeName: String {
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
public struct JSONObject: Sendable, Hashable {
    /// One `"key": value` pair, with where its key starts.
    public struct Member: Sendable, Hashable {
        public var key: String
        /// The line and column (from 1, in Unicode scalars) of the key's opening quote.
        public var keyLine: Int32
        public var keyColumn: Int32
        public var value: JSONNode

        /// Where the key's opening quote is, in `file`.
        public func keyLocation(in file: String) -> SourceLocation {
            SourceLocation(file: file, line: Int(keyLine), column: Int(keyColumn))
        }
    }

    public var members: [Member]

    /// The value of the first member named `key`, if any (a linear scan: objects are small or iterated).
    public subscript(key: String) -> JSONNode? {
        for member in members where member.key == key { return member.value }
        return nil
    }

    /// The member keys in file order.
    public var keys: [String] { members.map(\.key) }
}
