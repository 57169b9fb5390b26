import DialogLoading

/// Finds the shipped dialogs when none are named: `$SECOND_OPINION_DIALOGS`, then `./Dialogs`, then
/// a copy installed beside the binary (`<bin>/Dialogs`, `<bin>/../share/second-opinion/Dialogs`),
/// then the source checkout the binary was built from (so `swift run` works from any folder).
/// Candidates are tried lazily: the common case (`./Dialogs`) costs one directory read at start.
enum DialogLocator {
    static func locate() -> String? {
        if let env = Environment.value("SECOND_OPINION_DIALOGS"), !env.isEmpty { return env }
        let candidates: [() -> String?] = [
            { FilePaths.currentDirectory().map { $0 + "/Dialogs" } },
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
        if let path = linkTarget("/proc/self/exe") {
            return parent(of: path)
        }
        let argument = CommandLine.arguments[0]
        guard argument.contains("/") else { return nil }
        return parent(of: linkTarget(argument) ?? argument)
    }

    /// Where the symbolic link at `path` points, or nil when it is not one.
    private static func linkTarget(_ path: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = buffer.withUnsafeMutableBufferPointer { raw -> Int in
            raw.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress else { return -1 }
                return readlink(path, base, chars.count - 1)
            }
        }
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    private static func parent(of path: String) -> String { FilePaths.parent(of: path) }

    private static func isDialogFolder(_ path: String) -> Bool {
        FileBytes.entries(inFolder: path)?.contains { $0.hasSuffix(".json") } ?? false
    }
}
