/// "a, b and c".
enum ListFormatter {
    static func join(_ items: [String], conjunction: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
        }
    }
}

/// "a number from 0 to 120".
enum NumberRange {
    static func describe(_ type: SlotType?) -> String {
        guard case .number(let min, let max, let integer)? = type else { return "a number" }
        let kind = integer ? "a whole number" : "a number"
        switch (min, max) {
        case let (lo?, hi?): return "\(kind) from \(Value.format(lo)) to \(Value.format(hi))"
        case let (lo?, nil): return "\(kind) of at least \(Value.format(lo))"
        case let (nil, hi?): return "\(kind) up to \(Value.format(hi))"
        default: return kind
        }
    }
}
