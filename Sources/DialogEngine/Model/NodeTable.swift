/// A graph's nodes, found by id: stored one after another in `nodeOrder` order, with a small index
/// from id to place (a table of large nodes hashed by id is slow to build and scattered in memory).
public struct NodeTable: Sendable {
    /// Nodes by place; a removed node's entry stays here but is no longer indexed.
    private var storage: [Node]
    private var places: [NodeID: Int]

    /// `nodes` in place order, each found by its id through `places`.
    init(nodes: [Node], places: [NodeID: Int]) {
        storage = nodes
        self.places = places
    }

    /// How many nodes there are.
    public var count: Int { places.count }

    /// Whether there are no nodes.
    public var isEmpty: Bool { places.isEmpty }

    /// Every node's id, in no particular order.
    public var keys: Dictionary<NodeID, Int>.Keys { places.keys }

    /// Every node, in place order.
    public var values: [Node] {
        if places.count == storage.count { return storage }
        return storage.indices.filter { places[storage[$0].id] == $0 }.map { storage[$0] }
    }

    /// The node with this id; setting nil removes it.
    public subscript(id: NodeID) -> Node? {
        get { places[id].map { storage[$0] } }
        set {
            if let place = places[id] {
                if let newValue { storage[place] = newValue } else { places[id] = nil }
            } else if let newValue {
                places[id] = storage.count
                storage.append(newValue)
            }
        }
    }
}
