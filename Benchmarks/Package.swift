// swift-tools-version:6.0
// The benchmarks: a package of their own, so the root build and `swift test` never compile them.
//
//     swift run -c release --package-path Benchmarks bench
import PackageDescription

let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The root package, whatever its folder is called.
        .package(name: "SecondOpinion", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "bench",
            dependencies: [
                .product(name: "DialogCore", package: "SecondOpinion"),
                .product(name: "DialogLoading", package: "SecondOpinion"),
                .product(name: "DialogTools", package: "SecondOpinion"),
                .product(name: "Understanding", package: "SecondOpinion"),
            ]
        )
    ]
)
