import Foundation

/// Paths into the source tree for tests (fixtures are not bundled).
enum Fixtures {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let dialogs = root.appendingPathComponent("Dialogs").path
    static let transcripts = root.appendingPathComponent("Dialogs/transcripts").path
    static let broken = root.appendingPathComponent("Tests/DialogEngineTests/Fixtures/broken").path
    static let small = root.appendingPathComponent("Tests/DialogEngineTests/Fixtures/small").path

    /// Sub-folders of a folder, sorted.
    static func folders(in path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: path + "/" + $0, isDirectory: &d) && d.boolValue }
            .sorted()
    }

    /// Files with an extension under a folder, recursively, sorted.
    static func files(in path: String, ending suffix: String) -> [String] {
        let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
        return found.filter { $0.hasSuffix(suffix) }.sorted().map { path + "/" + $0 }
    }
}
