/// Nodes kept in another form, each made the first time it is read: a graph's nodes while most of them are
/// not needed yet (a compiled form's, in DialogLoading). Every place below `count` gives its node: a form
/// whose nodes do not all read is not kept this way, so the engine never meets a node it cannot read.
package protocol DeferredNodes: AnyObject, Sendable {
    /// How many nodes there are; places run from 0 to this.
    var count: Int { get }
    /// The id of the node at `place`, without making the node.
    func id(at place: Int) -> NodeID
    /// The node at `place`, made on first use (the same node however often, and from whichever thread, it
    /// is asked for).
    func node(at place: Int) -> Node
    /// How many nodes have been made so far (for tests and figures: what a start made).
    var madeCount: Int { get }
}
