/// A graph's nodes, found by id: stored one after another in `nodeOrder` order, with each dialog's
/// node names mapped to places (the table the linker resolves references with). A table of large
/// nodes hashed by full id is slow to build and scattered in memory.
public struct NodeTable: Sendable {
    /// Nodes by place; a removed node's entry stays here but is no longer indexed.
    private var storage: [Node]
    /// Each dialog's node names with their places in `storage`.
    private var places: [String: [String: Int]]
    /// How many nodes are indexed.
    public private(set) var count: Int

    /// `nodes` in place order, each found through `places` (dialog id, then node name).
    init(nodes: [Node], places: [String: [String: Int]]) {
        storage = nodes
        self.places = places
        count = places.values.reduce(0) { $0 + $1.count }
    }

    /// The stored nodes and each dialog's name-to-place table, as `init(nodes:places:)` takes them (the
    /// compiled form writes these).
    var layout: (nodes: [Node], places: [String: [String: Int]]) { (storage, places) }

    /// Whether there are no nodes.
    public var isEmpty: Bool { count == 0 }

    /// Every node's id, in no particular order.
    public var keys: [NodeID] {
        places.flatMap { dialog, names in names.keys.map { NodeID(dialog: dialog, node: $0) } }
    }

    /// Every node, in place order.
    public var values: [Node] {
        if count == storage.count { return storage }
        return storage.indices.filter { place(of: storage[$0].id) == $0 }.map { storage[$0] }
    }

    /// Where the node with this id is stored, nil when none is.
    func place(of id: NodeID) -> Int? { places[id.dialog]?[id.node] }

    /// The node with this id; setting nil removes it.
    public subscript(id: NodeID) -> Node? {
        get { place(of: id).map { storage[$0] } }
        set {
            if let place = place(of: id) {
                if let newValue {
                    storage[place] = newValue
                } else {
                    places[id.dialog]?[id.node] = nil
                    count -= 1
                }
            } else if let newValue {
                places[id.dialog, default: [:]][id.node] = storage.count
                storage.append(newValue)
                count += 1
            }
        }
    }
}
