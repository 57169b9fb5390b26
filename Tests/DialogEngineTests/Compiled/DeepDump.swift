/// Every stored property of a value, recursively, as text (through `Mirror`), with dictionary and set
/// entries sorted so two equal values give the same text whatever their hash order. Tests compare
/// whole graphs with it: a property that one side lost or changed shows up, including properties added
/// to the model after the test was written.
///
/// ```swift
/// #expect(DeepDump.text(decoded) == DeepDump.text(loaded))
/// ```
enum DeepDump {
    static func text(_ value: Any) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Any, into out: inout String) {
        let mirror = Mirror(reflecting: value)
        let type = String(describing: Swift.type(of: value))
        switch mirror.displayStyle {
        case .optional:
            if let child = mirror.children.first {
                write(child.value, into: &out)
            } else {
                out += "nil"
            }
        case .dictionary, .set:
            let entries = mirror.children.map { text($0.value) }.sorted()
            out += type + "{" + entries.joined(separator: ", ") + "}"
        case .collection:
            out += "["
            for (i, child) in mirror.children.enumerated() {
                if i > 0 { out += ", " }
                write(child.value, into: &out)
            }
            out += "]"
        case .enum:
            out += type + "."
            if let child = mirror.children.first {
                out += (child.label ?? "?") + "("
                write(child.value, into: &out)
                out += ")"
            } else {
                out += String(describing: value)
            }
        case .struct, .class, .tuple:
            out += type + "("
            for (i, child) in mirror.children.enumerated() {
                if i > 0 { out += ", " }
                out += (child.label ?? "_") + ": "
                write(child.value, into: &out)
            }
            out += ")"
        default:
            // Leaves: String, Int, Double (its shortest exact spelling), Bool.
            out += type + ":" + String(reflecting: value)
        }
    }
}
