// Uses one symbol of FoundationEssentials and Synchronization so both stay linked, then prints as
// `hello` does. No readline: second-opinion loads it only at a terminal, never on a piped start.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif
import Synchronization

let counter = Mutex(0)
counter.withLock { $0 += 1 }
#if canImport(FoundationEssentials)
    if CommandLine.arguments.count > 99 { print(URL(fileURLWithPath: "/").path) }
#endif
print("Hello, world!")
