import Foundation

/// Finds the shipped dialogs when none are named: `$SECOND_OPINION_DIALOGS`, then `./Dialogs`, then
/// a copy installed beside the binary (`<bin>/Dialogs`, `<bin>/../share/second-opinion/Dialogs`),
/// then the source checkout the binary was built from (so `swift run` works from any folder).
enum DialogLocator {
    static func locate() -> String? {
        let fm = FileManager.default
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["SECOND_OPINION_DIALOGS"], !env.isEmpty { return env }
        candidates.append(fm.currentDirectoryPath + "/Dialogs")
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let binDir = (try? exe.checkResourceIsReachable()) == true ? exe.deletingLastPathComponent() : executableDirectory()
        if let binDir {
            candidates.append(binDir.appendingPathComponent("Dialogs").path)
            candidates.append(binDir.deletingLastPathComponent().appendingPathComponent("share/second-opinion/Dialogs").path)
        }
        // Built from a checkout: Sources/second-opinion/DialogLocator.swift → ../../Dialogs.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Dialogs").path
        candidates.append(source)
        return candidates.first { isDialogFolder($0) }
    }

    private static func executableDirectory() -> URL? {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        return URL(fileURLWithPath: path).deletingLastPathComponent()
    }

    private static func isDialogFolder(_ path: String) -> Bool {
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        return items.contains { $0.hasSuffix(".json") }
    }
}
