/// A parsed JSON value with where it started.
public struct JSONNode: Sendable, Hashable {
    public var value: JSONValue
    /// Where the value's first character is (its `{`, `[`, `"`, first digit or letter).
    public var location: SourceLocation
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
        /// Where the key's opening quote is.
        public var keyLocation: SourceLocation
        public var value: JSONNode
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
