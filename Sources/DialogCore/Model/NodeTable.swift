/// A graph's nodes, found by id: stored one after another in `nodeOrder` order, with each dialog's
/// node names mapped to places (the table the linker resolves references with). A table of large
/// nodes hashed by full id is slow to build and scattered in memory.
///
/// A graph read from a compiled form keeps its nodes compiled and decodes each on first use
/// (`CompiledNodes`); reading it looks the same either way, and editing it first decodes them all.
public struct NodeTable: Sendable {
    /// Nodes by place; a removed node's entry stays here but is no longer indexed.
    private var storage: Storage
    /// Each dialog's node names with their places in `storage`.
    private var places: [String: [String: Int]]
    /// How many nodes are indexed.
    public private(set) var count: Int

    private enum Storage: Sendable {
        case nodes([Node])
        case compiled(CompiledNodes)
    }

    /// `nodes` in place order, each found through `places` (dialog id, then node name).
    init(nodes: [Node], places: [String: [String: Int]]) {
        storage = .nodes(nodes)
        self.places = places
        count = places.values.reduce(0) { $0 + $1.count }
    }

    /// Compiled nodes in place order, decoded when first used.
    init(compiled: CompiledNodes, places: [String: [String: Int]]) {
        storage = .compiled(compiled)
        self.places = places
        count = places.values.reduce(0) { $0 + $1.count }
    }

    /// How many nodes are stored, indexed or not (places run from 0 to this).
    var storedCount: Int {
        switch storage {
        case .nodes(let nodes): return nodes.count
        case .compiled(let compiled): return compiled.count
        }
    }

    /// The node stored at `place`; nil only for a compiled node that cannot be read (see `CompiledNodes`).
    func node(at place: Int) -> Node? {
        switch storage {
        case .nodes(let nodes): return nodes[place]
        case .compiled(let compiled): return compiled.node(place)
        }
    }

    /// The id of the node stored at `place`, without decoding it.
    func id(at place: Int) -> NodeID {
        switch storage {
        case .nodes(let nodes): return nodes[place].id
        case .compiled(let compiled): return compiled.ids[place]
        }
    }

    /// How many compiled nodes have been decoded so far; nil when the nodes are not kept compiled.
    var decodedCount: Int? {
        if case .compiled(let compiled) = storage { return compiled.decodedCount }
        return nil
    }

    /// Every stored node, decoded (an unreadable compiled node as its stand-in).
    private var allStored: [Node] {
        switch storage {
        case .nodes(let nodes): return nodes
        case .compiled(let compiled): return (0..<compiled.count).map { compiled.node($0) ?? compiled.standIn($0) }
        }
    }

    /// The stored nodes and each dialog's name-to-place table, as `init(nodes:places:)` takes them (the
    /// compiled form writes these).
    var layout: (nodes: [Node], places: [String: [String: Int]]) { (allStored, places) }

    /// Each dialog's name-to-place table.
    var placeTable: [String: [String: Int]] { places }

    /// Whether there are no nodes.
    public var isEmpty: Bool { count == 0 }

    /// Every node's id, in no particular order.
    public var keys: [NodeID] {
        places.flatMap { dialog, names in names.keys.map { NodeID(dialog: dialog, node: $0) } }
    }

    /// Every node, in place order (a compiled node that cannot be read is left out).
    public var values: [Node] {
        if case .nodes(let nodes) = storage, count == nodes.count { return nodes }
        return (0..<storedCount).filter { place(of: id(at: $0)) == $0 }.compactMap { node(at: $0) }
    }

    /// Where the node with this id is stored, nil when none is.
    func place(of id: NodeID) -> Int? { places[id.dialog]?[id.node] }

    /// The node with this id; setting nil removes it.
    public subscript(id: NodeID) -> Node? {
        get { place(of: id).flatMap { node(at: $0) } }
        set {
            var nodes = allStored
            storage = .nodes([])  // so `nodes` is the only reference and is edited in place
            if let place = place(of: id) {
                if let newValue {
                    nodes[place] = newValue
                } else {
                    places[id.dialog]?[id.node] = nil
                    count -= 1
                }
            } else if let newValue {
                places[id.dialog, default: [:]][id.node] = nodes.count
                nodes.append(newValue)
                count += 1
            }
            storage = .nodes(nodes)
        }
    }
}

extension NodeTable: CustomReflectable {
    /// The nodes as stored, whether kept compiled or not: two tables of the same nodes reflect alike.
    public var customMirror: Mirror {
        Mirror(self, children: ["storage": allStored, "places": places, "count": count], displayStyle: .struct)
    }
}
