/// What one dialog file declared about itself.
public struct DialogInfo: Sendable {
    public var id: String
    public var title: String?
    public var start: NodeID
    public var file: String
    public var location: SourceLocation
    /// Node ids in file order.
    public var nodes: [String]

    package init(id: String, title: String?, start: NodeID, file: String, location: SourceLocation, nodes: [String]) {
        self.id = id
        self.title = title
        self.start = start
        self.file = file
        self.location = location
        self.nodes = nodes
    }
}
