// swift-tools-version:6.0
// The fuzz targets: a package of their own, so the root build and `swift test` never pay for them.
// Built only with libFuzzer linked in (the driver calls `LLVMFuzzerRunDriver`); `scripts/fuzz.sh` does it:
//
//     swift build -c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address
//     DIALOG_FUZZ_TARGET=condition Fuzz/.build/release/DialogFuzz -max_total_time=60
import PackageDescription

let package = Package(
    name: "Fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The root package, whatever its folder is called.
        .package(name: "SecondOpinion", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "DialogFuzz",
            dependencies: [
                .product(name: "DialogCore", package: "SecondOpinion"),
                .product(name: "DialogLoading", package: "SecondOpinion"),
                .product(name: "DialogTools", package: "SecondOpinion"),
            ],
            // No main.swift: the entry point is `DialogFuzz_main` (SwiftPM links `main` to it), which hands
            // control to libFuzzer. lld, because gold fails on SwiftPM's `--defsym main=…` with libFuzzer.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])],
            linkerSettings: [.unsafeFlags(["-Xclang-linker", "-fuse-ld=lld"])]
        )
    ]
)
