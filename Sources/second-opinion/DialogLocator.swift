#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds the shipped dialogs when none are named: `$SECOND_OPINION_DIALOGS`, then `./Dialogs`, then
/// a copy installed beside the binary (`<bin>/Dialogs`, `<bin>/../share/second-opinion/Dialogs`),
/// then the source checkout the binary was built from (so `swift run` works from any folder).
/// Candidates are tried lazily: the common case (`./Dialogs`) costs one directory read at start.
enum DialogLocator {
    static func locate() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let env = environment["SECOND_OPINION_DIALOGS"], !env.isEmpty { return env }
        let candidates: [() -> String?] = [
            { FileManager.default.currentDirectoryPath + "/Dialogs" },
            { executableDirectory().map { $0 + "/Dialogs" } },
            { executableDirectory().map { parent(of: $0) + "/share/second-opinion/Dialogs" } },
            // Built from a checkout: Sources/second-opinion/DialogLocator.swift → ../../Dialogs.
            { parent(of: parent(of: parent(of: #filePath))) + "/Dialogs" },
        ]
        for candidate in candidates {
            if let path = candidate(), isDialogFolder(path) { return path }
        }
        return nil
    }

    /// The folder holding the running executable, symlinks resolved (`/proc/self/exe`, else argv[0]).
    private static func executableDirectory() -> String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return parent(of: path)
        }
        let argument = CommandLine.arguments[0]
        guard argument.contains("/") else { return nil }
        let resolved = (try? FileManager.default.destinationOfSymbolicLink(atPath: argument)) ?? argument
        return parent(of: resolved)
    }

    /// `path` without its last component ("/a/b/c" → "/a/b", "c" → ".").
    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func isDialogFolder(_ path: String) -> Bool {
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        return items.contains { $0.hasSuffix(".json") }
    }
}
