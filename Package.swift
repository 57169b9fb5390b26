// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SecondOpinion",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "second-opinion", targets: ["second-opinion"]),
        .library(name: "DialogEngine", targets: ["DialogEngine"]),
        .library(name: "Understanding", targets: ["Understanding"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The pure engine: model, loading + diagnostics, expressions, runtime, analysis, transcripts.
        .target(name: "DialogEngine", dependencies: ["Understanding"]),
        // Reading what people type: the normaliser, concepts and patterns, context, red flags, answers.
        // Built from language data (Dialogs/language/); knows nothing of the engine.
        .target(name: "Understanding"),
        // GNU readline's headers, from Debian's libreadline-dev. Not linked: LineReader opens the library with
        // dlopen only at a terminal. No pkgConfig: Debian's readline.pc adds flags SwiftPM rejects.
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .executableTarget(
            name: "second-opinion",
            dependencies: [
                "DialogEngine",
                "Understanding",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "UnderstandingTests",
            dependencies: ["Understanding"]
        ),
        .testTarget(
            name: "DialogEngineTests",
            dependencies: ["DialogEngine", "Understanding"],
            // Fixtures are read from the source tree (via #filePath), not bundled.
            exclude: ["Fixtures"]
        ),
        // The command-line layer: settings, formatting and file helpers of `second-opinion`.
        .testTarget(
            name: "CommandLineTests",
            dependencies: ["second-opinion", "DialogEngine", "Understanding"]
        ),
    ]
)
