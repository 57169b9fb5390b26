import DialogCore

/// The nodes of a graph read from a compiled form, each decoded when the graph first uses it (the node
/// table keeps it: `DeferredNodes`).
///
/// Every node was read through when the form was opened (`ByteReader.checkOnly`, the same reads that
/// decode it), and the graph's place table was checked to name each node exactly once, by its own id
/// (`ByteReader.checkPlaces`). A form that failed either check was refused whole, so the dialogs were
/// loaded from their JSON instead: the nodes here all decode, each where the table says it is, and the
/// engine never meets one that does not.
struct CompiledNodes: NodeSource {
    /// The form's string table and graph, copied out of the file (which may be replaced meanwhile).
    private let body: [UInt8]
    /// Where each string of the table lies in `body`.
    private let strings: [ByteSpan]
    /// Where each node's bytes lie in `body`, in storage order.
    private let spans: [ByteSpan]
    /// Each node's id, read ahead: ids name the nodes without decoding them.
    private let ids: [NodeID]

    /// `spans` must each hold a node that decodes (`ByteReader.graph` checks them).
    init(body: [UInt8], strings: [ByteSpan], spans: [ByteSpan], ids: [NodeID]) {
        self.body = body
        self.strings = strings
        self.spans = spans
        self.ids = ids
    }

    var count: Int { spans.count }

    func id(at place: Int) -> NodeID { ids[place] }

    /// Node `place` (storage order), decoded.
    @inline(never)
    func node(at place: Int) -> Node {
        let span = spans[place]
        return body.withUnsafeBytes { raw -> Node in
            var reader = ByteReader(raw, offset: Int(span.offset))
            reader.stringSpans = strings
            // The same reads succeeded on the same bytes when the form was opened.
            guard let node = try? reader.node(), reader.offset == span.range.upperBound, node.id == ids[place] else {
                preconditionFailure("compiled node \(ids[place]) was checked when the form was read, yet does not decode")
            }
            return node
        }
    }
}
