// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SecondOpinion",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "second-opinion", targets: ["second-opinion"]),
        .library(name: "DialogCore", targets: ["DialogCore"]),
        .library(name: "DialogLoading", targets: ["DialogLoading"]),
        .library(name: "DialogTools", targets: ["DialogTools"]),
        .library(name: "Understanding", targets: ["Understanding"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The engine: the dialog model, conditions and templates, the runtime step. The standard library and
        // Understanding only: no files, no clock, no C library.
        .target(name: "DialogCore", dependencies: ["Understanding"]),
        // Dialog files to the core's graph: JSON with locations, the linker, lint and its diagnostics, the
        // compiled form and its file access (the only engine target that imports the C library).
        .target(name: "DialogLoading", dependencies: ["DialogCore", "Understanding"]),
        // What maintainers run on a graph: explore, mutate, coverage, graph export, transcripts, replay, diff.
        .target(name: "DialogTools", dependencies: ["DialogCore", "Understanding"]),
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
                "DialogCore",
                "DialogLoading",
                "DialogTools",
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
            // The engine's three targets together: most tests load a fixture folder, then step or explore it.
            dependencies: ["DialogCore", "DialogLoading", "DialogTools", "Understanding"],
            // Fixtures are read from the source tree (via #filePath), not bundled.
            exclude: ["Fixtures"]
        ),
        // The command-line layer: settings, formatting and file helpers of `second-opinion`.
        .testTarget(
            name: "CommandLineTests",
            dependencies: ["second-opinion", "DialogCore", "DialogLoading", "DialogTools", "Understanding"]
        ),
    ]
)
