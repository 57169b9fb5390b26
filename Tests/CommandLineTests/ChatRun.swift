import DialogLoading
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif
import Foundation

@testable import second_opinion

/// Runs the built `second-opinion` binary as a person or a script would: piped input, a home folder of
/// its own, no inherited XDG variables. The end-to-end tests of the chat's files use it.
struct ChatRun {
    /// What the run printed and how it ended.
    struct Result {
        var output: String
        var errors: String
        var status: Int32
    }

    /// A fresh home folder (removed by `cleanUp`), with the shipped dialogs named explicitly.
    let home: String

    init() throws {
        home = "/tmp/second-opinion-run-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: home) }

    /// The project's root folder (for `Dialogs`).
    static let root = FilePaths.parent(of: FilePaths.parent(of: FilePaths.parent(of: #filePath)))
    static let dialogs = root + "/Dialogs"

    /// The binary `swift build` made beside the test bundle.
    static var binary: String {
        let runner = CommandLine.arguments[0]
        var folder = FilePaths.parent(of: runner)
        // The runner is `.build/<config>/<Package>PackageTests.xctest` (a file on Linux, maybe a bundle elsewhere).
        while !folder.isEmpty, folder != "/", !FileManager.default.fileExists(atPath: folder + "/second-opinion") {
            folder = FilePaths.parent(of: folder)
        }
        return folder + "/second-opinion"
    }

    var statePath: String { home + "/.local/state/second-opinion" }
    var dataPath: String { home + "/.local/share/second-opinion" }
    var cachePath: String { home + "/.cache/second-opinion" }

    /// Runs `second-opinion ARGUMENTS` with `input` on stdin, in `directory` (the home by default).
    @discardableResult
    func run(
        _ arguments: [String], input: String = "", environment: [String: String]? = nil, directory: String? = nil,
        dialogs: Bool = true, stdout: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments + (dialogs ? ["--dialogs", Self.dialogs] : [])
        process.environment = environment ?? ["HOME": home, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? home)
        let stdinPipe = Pipe()
        let outPipe = Pipe()
        // stderr goes to a file, read after the end: no second reader thread.
        let errorsPath = home + ".stderr-\(UInt64.random(in: 0...UInt64.max))"
        _ = FileManager.default.createFile(atPath: errorsPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorsPath) }
        process.standardInput = stdinPipe
        process.standardOutput = stdout.map { FileHandle(forWritingAtPath: $0) as Any } ?? outPipe
        process.standardError = FileHandle(forWritingAtPath: errorsPath)
        try process.run()
        stdinPipe.fileHandleForWriting.write(Data(input.utf8))
        try stdinPipe.fileHandleForWriting.close()
        let output = stdout == nil ? outPipe.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        let errors = FileManager.default.contents(atPath: errorsPath) ?? Data()
        return Result(
            output: String(decoding: output, as: UTF8.self), errors: String(decoding: errors, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// The names in a folder, sorted (empty when it does not exist).
    static func names(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    static func text(of path: String) -> String? {
        guard case .bytes(let bytes) = FileBytes.read(path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
