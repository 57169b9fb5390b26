// swift-tools-version:6.0
// The yardsticks for Benchmarks/cold-start.sh, built the same way as second-opinion:
// - `hello`: a Swift hello world (the figure's yardstick);
// - `hello-linked`: the same hello world linked with the libraries second-opinion loads at start
//   (FoundationEssentials, which ArgumentParser imports; Synchronization). It does no work, so it
//   shows the part of the cold start that is the libraries' loading alone. GNU readline is not among
//   them: second-opinion opens it with dlopen only at a terminal, so a piped start never loads it.
import PackageDescription

let package = Package(
    name: "HelloWorld",
    platforms: [.macOS(.v15)],
    targets: [
        .executableTarget(name: "hello"),
        .executableTarget(name: "hello-linked"),
    ]
)
