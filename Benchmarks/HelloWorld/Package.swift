// swift-tools-version:6.0
// The yardstick for Benchmarks/cold-start.sh: a Swift hello world, built the same way as second-opinion.
import PackageDescription

let package = Package(
    name: "HelloWorld",
    targets: [.executableTarget(name: "hello")]
)
