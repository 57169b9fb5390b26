/// Where a graph's nodes come from when each is made the first time it is used: a compiled form's, in
/// DialogLoading. Every place below `count` gives its node, and the table's places name each node once,
/// by its own id: a source whose nodes do not all read, or whose places do not match its ids, is not used
/// (the dialogs are loaded from their files instead), so the engine never meets a node it cannot read.
package protocol NodeSource: Sendable {
    /// How many nodes there are; places run from 0 to this.
    var count: Int { get }
    /// The id of the node at `place`, without making the node.
    func id(at place: Int) -> NodeID
    /// The node at `place`, made afresh on every call (`DeferredNodes` keeps it).
    func node(at place: Int) -> Node
}
