/// The nodes of a graph read from a compiled form, each decoded the first time it is used.
///
/// A chat's first question needs a handful of the graph's nodes; decoding the others (and making their
/// texts) can wait until the conversation reaches them. What a node is depends only on the form's bytes,
/// so when it is decoded changes nothing, and each is decoded at most once however many threads ask.
///
/// The form was checked whole when it was read (checksum, header, every other part), and the program
/// only writes nodes it can read back (tests and the `compiled` fuzz target hold it to that), so a node
/// fails to decode only in a form forged with a matching checksum. Such a node reads as unreadable
/// (`node(_:)` gives nil) and the engine reports it missing, as it does a `goto` to no node: it never traps.
final class CompiledNodes: Sendable {
    /// The form's string table and graph, copied out of the file (which may be replaced meanwhile).
    private let body: [UInt8]
    /// Where each string of the table lies in `body`.
    private let strings: [ByteSpan]
    /// Where each node's bytes lie in `body`, in storage order.
    private let spans: [ByteSpan]
    /// Each node's id, read ahead: ids name the nodes without decoding them.
    let ids: [NodeID]
    private let slots: [Slot]

    /// Where a node is kept once decoded (nil inside: it could not be).
    private final class Slot: Sendable {
        let built = LazyReference<Box>()
    }

    private final class Box: Sendable {
        let node: Node?
        init(_ node: Node?) { self.node = node }
    }

    init(body: [UInt8], strings: [ByteSpan], spans: [ByteSpan], ids: [NodeID]) {
        self.body = body
        self.strings = strings
        self.spans = spans
        self.ids = ids
        slots = spans.map { _ in Slot() }
    }

    var count: Int { spans.count }

    /// How many nodes have been decoded so far.
    var decodedCount: Int { slots.reduce(0) { $0 + ($1.built.isBuilt ? 1 : 0) } }

    /// Node `i` (storage order), decoded on first use; nil when its bytes do not decode.
    func node(_ i: Int) -> Node? {
        slots[i].built.withValue({ Box(decode(i)) }) { $0.node }
    }

    /// What stands in for an unreadable node where a node must be given (a graph materialized for
    /// editing or writing): its id, and nothing to say or ask.
    func standIn(_ i: Int) -> Node {
        Node(id: ids[i], location: .unknown, exit: .end)
    }

    @inline(never)
    private func decode(_ i: Int) -> Node? {
        let span = spans[i]
        return body.withUnsafeBytes { raw -> Node? in
            var reader = ByteReader(raw, offset: Int(span.offset))
            reader.stringSpans = strings
            guard let node = try? reader.node(), reader.offset == Int(span.offset) + Int(span.count), node.id == ids[i]
            else { return nil }
            return node
        }
    }
}
