/// A graph's nodes, found by id: stored one after another in `nodeOrder` order, with each dialog's
/// node names mapped to places (the table the linker resolves references with). A table of large
/// nodes hashed by full id is slow to build and scattered in memory.
///
/// The nodes may also be made each on first use from another form (`NodeSource`: a graph read from a compiled
/// form); reading the table looks the same either way, and editing it first makes them all.
public struct NodeTable: Sendable {
    /// Nodes by place; a removed node's entry stays here but is no longer indexed.
    private var storage: Storage
    /// Each dialog's node names with their places in `storage`.
    private var places: [String: [String: Int]]
    /// How many nodes are indexed.
    public private(set) var count: Int

    private enum Storage: Sendable {
        case nodes([Node])
        case deferred(DeferredNodes)
    }

    /// `nodes` in place order, each found through `places` (dialog id, then node name).
    package init(nodes: [Node], places: [String: [String: Int]]) {
        storage = .nodes(nodes)
        self.places = places
        count = places.values.reduce(0) { $0 + $1.count }
    }

    /// The nodes of `source` in place order, each made when first used.
    package init(source: any NodeSource, places: [String: [String: Int]]) {
        storage = .deferred(DeferredNodes(source))
        self.places = places
        count = places.values.reduce(0) { $0 + $1.count }
    }

    /// How many nodes are stored, indexed or not (places run from 0 to this).
    var storedCount: Int {
        switch storage {
        case .nodes(let nodes): return nodes.count
        case .deferred(let deferred): return deferred.count
        }
    }

    /// The node stored at `place`.
    func node(at place: Int) -> Node {
        switch storage {
        case .nodes(let nodes): return nodes[place]
        case .deferred(let deferred): return deferred.node(at: place)
        }
    }

    /// The id of the node stored at `place`, without making it.
    func id(at place: Int) -> NodeID {
        switch storage {
        case .nodes(let nodes): return nodes[place].id
        case .deferred(let deferred): return deferred.source.id(at: place)
        }
    }

    /// How many deferred nodes have been made so far; nil when the nodes are not deferred.
    package var madeCount: Int? {
        if case .deferred(let deferred) = storage { return deferred.madeCount }
        return nil
    }

    /// Every stored node, made.
    private var allStored: [Node] {
        switch storage {
        case .nodes(let nodes): return nodes
        case .deferred(let deferred): return (0..<deferred.count).map { deferred.node(at: $0) }
        }
    }

    /// The stored nodes and each dialog's name-to-place table, as `init(nodes:places:)` takes them (the
    /// compiled form writes these).
    package var layout: (nodes: [Node], places: [String: [String: Int]]) { (allStored, places) }

    /// Each dialog's name-to-place table.
    var placeTable: [String: [String: Int]] { places }

    /// Whether there are no nodes.
    public var isEmpty: Bool { count == 0 }

    /// Every node's id, in no particular order.
    public var keys: [NodeID] {
        places.flatMap { dialog, names in names.keys.map { NodeID(dialog: dialog, node: $0) } }
    }

    /// Every node, in place order.
    public var values: [Node] {
        if case .nodes(let nodes) = storage, count == nodes.count { return nodes }
        return (0..<storedCount).filter { place(of: id(at: $0)) == $0 }.map { node(at: $0) }
    }

    /// Where the node with this id is stored, nil when none is.
    func place(of id: NodeID) -> Int? { places[id.dialog]?[id.node] }

    /// The node with this id; setting nil removes it.
    public subscript(id: NodeID) -> Node? {
        get { place(of: id).map { node(at: $0) } }
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
    /// The nodes as stored, whether deferred or not: two tables of the same nodes reflect alike.
    public var customMirror: Mirror {
        Mirror(self, children: ["storage": allStored, "places": places, "count": count], displayStyle: .struct)
    }
}
