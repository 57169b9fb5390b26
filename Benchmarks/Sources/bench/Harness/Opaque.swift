/// Keeps a computed value alive so the optimizer cannot drop the work that made it.
enum Opaque {
    @inline(never) static func consume<T>(_ value: T) { withExtendedLifetime(value) {} }
}
