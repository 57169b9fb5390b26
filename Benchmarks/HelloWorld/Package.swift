// swift-tools-version:6.0
// The yardsticks for Benchmarks/cold-start.sh, built the same way as second-opinion:
// - `hello`: a Swift hello world (the figure's yardstick);
// - `hello-linked`: the same hello world linked with the libraries second-opinion loads at start
//   (FoundationEssentials, which ArgumentParser imports; Synchronization; GNU readline). It does no
//   work, so it shows the part of the cold start that is the libraries' loading alone.
import PackageDescription

let package = Package(
    name: "HelloWorld",
    platforms: [.macOS(.v15)],
    targets: [
        .executableTarget(name: "hello"),
        .executableTarget(name: "hello-linked", linkerSettings: [.linkedLibrary("readline")]),
    ]
)
