/// A graph's nodes while most of them are not needed yet: each is made from its `NodeSource` the first
/// time it is used and kept. A chat's first question needs a handful of the graph's nodes; the others
/// can wait until the conversation reaches them. What a node is depends only on its source, so when it is
/// made changes nothing, and each is made at most once however many threads ask.
final class DeferredNodes: Sendable {
    let source: any NodeSource
    private let slots: [Slot]

    /// Where a node is kept once made.
    private final class Slot: Sendable {
        let built = LazyReference<Box>()
    }

    private final class Box: Sendable {
        let node: Node
        init(_ node: Node) { self.node = node }
    }

    init(_ source: any NodeSource) {
        self.source = source
        slots = (0..<source.count).map { _ in Slot() }
    }

    var count: Int { slots.count }

    /// The node at `place`, made on first use.
    func node(at place: Int) -> Node {
        slots[place].built.withValue({ Box(source.node(at: place)) }) { $0.node }
    }

    /// How many nodes have been made so far (for tests and figures: what a start made).
    var madeCount: Int { slots.reduce(0) { $0 + ($1.built.isBuilt ? 1 : 0) } }
}
