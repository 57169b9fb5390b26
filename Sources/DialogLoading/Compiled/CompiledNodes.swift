import DialogCore

/// The nodes of a graph read from a compiled form, each decoded the first time it is used.
///
/// A chat's first question needs a handful of the graph's nodes; decoding the others (and making their
/// texts) can wait until the conversation reaches them. What a node is depends only on the form's bytes,
/// so when it is decoded changes nothing, and each is decoded at most once however many threads ask.
///
/// Every node was read through when the form was opened (`ByteReader.checkOnly`, the same reads that
/// decode it), and a node that would not decode refused the whole form, so the dialogs were loaded from
/// their JSON instead: the nodes kept here all decode, and the engine never meets one that does not.
final class CompiledNodes: DeferredNodes {
    /// The form's string table and graph, copied out of the file (which may be replaced meanwhile).
    private let body: [UInt8]
    /// Where each string of the table lies in `body`.
    private let strings: [ByteSpan]
    /// Where each node's bytes lie in `body`, in storage order.
    private let spans: [ByteSpan]
    /// Each node's id, read ahead: ids name the nodes without decoding them.
    private let ids: [NodeID]
    private let slots: [Slot]

    /// Where a node is kept once decoded.
    private final class Slot: Sendable {
        let built = LazyReference<Box>()
    }

    private final class Box: Sendable {
        let node: Node
        init(_ node: Node) { self.node = node }
    }

    /// `spans` must each hold a node that decodes (`ByteReader.graph` checks them).
    init(body: [UInt8], strings: [ByteSpan], spans: [ByteSpan], ids: [NodeID]) {
        self.body = body
        self.strings = strings
        self.spans = spans
        self.ids = ids
        slots = spans.map { _ in Slot() }
    }

    var count: Int { spans.count }

    func id(at place: Int) -> NodeID { ids[place] }

    /// How many nodes have been decoded so far.
    var madeCount: Int { slots.reduce(0) { $0 + ($1.built.isBuilt ? 1 : 0) } }

    /// Node `place` (storage order), decoded on first use.
    func node(at place: Int) -> Node {
        slots[place].built.withValue({ Box(decode(place)) }) { $0.node }
    }

    @inline(never)
    private func decode(_ i: Int) -> Node {
        let span = spans[i]
        return body.withUnsafeBytes { raw -> Node in
            var reader = ByteReader(raw, offset: Int(span.offset))
            reader.stringSpans = strings
            // The same reads succeeded on the same bytes when the form was opened.
            guard let node = try? reader.node(), reader.offset == span.range.upperBound, node.id == ids[i] else {
                preconditionFailure("compiled node \(ids[i]) was checked when the form was read, yet does not decode")
            }
            return node
        }
    }
}
