import Synchronization

/// An immutable object made on first use and kept: the engine's tables that only some conversations
/// need (option indexes, phrase words, interrupt and keyword indexes) are built when first asked for,
/// not at load. Reading one that is built is a single atomic load (no lock, no call).
///
/// Two threads asking at once may both build it; the first stored is kept and the other dropped. The
/// objects are pure functions of immutable input, so which one is kept changes no result.
struct LazyReference<Instance: AnyObject & Sendable>: ~Copyable, Sendable {
    private let storage = Atomic<Unmanaged<Instance>?>(nil)

    init() {}

    /// The object, made by `make` when none is stored yet.
    @inline(__always)
    func value(_ make: () -> Instance) -> Instance {
        if let stored = storage.load(ordering: .acquiring) { return stored.takeUnretainedValue() }
        return store(make())
    }

    /// `body` applied to the object (made by `make` when none is stored yet), without taking a reference
    /// to it: the stored object lives as long as this reference, so reading it needs no retain.
    @inline(__always)
    func withValue<R>(_ make: () -> Instance, _ body: (Instance) -> R) -> R {
        if let stored = storage.load(ordering: .acquiring) { return stored._withUnsafeGuaranteedRef(body) }
        return body(store(make()))
    }

    /// Whether the object has been made (for tests and figures: what a start decoded).
    var isBuilt: Bool { storage.load(ordering: .acquiring) != nil }

    /// Stores `made` unless another thread stored first; the stored object.
    @inline(never)
    private func store(_ made: Instance) -> Instance {
        let new = Unmanaged.passRetained(made)
        let (exchanged, original) = storage.compareExchange(expected: nil, desired: new, ordering: .acquiringAndReleasing)
        if exchanged { return made }
        new.release()
        return original?.takeUnretainedValue() ?? made
    }

    deinit {
        storage.load(ordering: .acquiring)?.release()
    }
}
