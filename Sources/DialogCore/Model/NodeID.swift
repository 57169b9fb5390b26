/// A node's full name: its dialog and its id inside that dialog, written `dialog.node`.
public struct NodeID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var dialog: String
    public var node: String

    public init(dialog: String, node: String) {
        self.dialog = dialog
        self.node = node
    }

    /// Parses `dialog.node`; nil when there is no dot.
    public init?(qualified: String) {
        guard let dot = qualified.firstIndex(of: ".") else { return nil }
        self.init(dialog: String(qualified[..<dot]), node: String(qualified[qualified.index(after: dot)...]))
    }

    public var description: String { "\(dialog).\(node)" }

    public static func < (a: NodeID, b: NodeID) -> Bool { (a.dialog, a.node) < (b.dialog, b.node) }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = NodeID(qualified: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a node id: \(text)"))
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
