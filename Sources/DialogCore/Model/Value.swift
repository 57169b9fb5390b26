/// A slot's value at run time.
///
/// `choice` and `set` hold option *values* (the stable ids authors write in conditions), never labels.
public enum Value: Hashable, Sendable, Codable {
    case bool(Bool)
    case number(Double)
    case text(String)
    case choice(String)
    /// Option values in the order the options are declared, without duplicates.
    case set([String])
}

extension Value {
    /// The value as an author would write it in a condition, for summaries and debugging.
    public var literal: String {
        switch self {
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return Value.format(n)
        case .text(let s): return "'\(s)'"
        case .choice(let v): return "'\(v)'"
        case .set(let vs): return "[" + vs.map { "'\($0)'" }.joined(separator: ", ") + "]"
        }
    }

    /// Formats a number without a trailing `.0` when it is whole.
    public static func format(_ n: Double) -> String {
        if n.isFinite, n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return String(n)
    }
}
