import ArgumentParser

/// `second-opinion forget`: deletes everything the tool has stored (history, saved session and the
/// conversations set aside, default saved documents, compiled dialogs and their key, temporary files a
/// killed chat left). Only files the tool writes, by name (`OwnFiles`): the data folder is also where
/// the dialogs are installed, and anything else in these folders is left alone. Files you saved
/// elsewhere by name are yours and are left alone too. A folder that is a symbolic link is not followed.
struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Delete the answer history, the saved conversation, the default saved documents and the compiled dialogs.")

    func run() throws {
        var removed: [String] = []
        var skipped: [String] = []
        for folder in OwnFiles.Folder.allCases {
            guard let path = OwnFiles.path(of: folder) else { continue }
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                skipped.append(path)
                continue
            }
            removed += OwnFiles.remove(in: path) { name, _ in OwnFiles.isOwn(name, in: folder) }
            _ = rmdir(path)  // only when nothing else is in it
        }
        for path in skipped {
            StandardStream.output.write("Left alone: \(TerminalText.clean(path)) is not a folder (a symbolic link is not followed).\n")
        }
        if removed.isEmpty {
            StandardStream.output.write("Nothing stored; nothing to delete.\n")
        } else {
            StandardStream.output.write("Deleted:\n" + removed.map { "  \(TerminalText.clean($0))\n" }.joined())
        }
    }
}
