import ArgumentParser
import DialogLoading
import DialogTools

/// `second-opinion new DIR`: writes a small, valid dialog set to start from.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a small, valid dialog set to start from (a question of each kind, a document, a red flag, a transcript).")

    @Argument(help: "The folder to write (made if missing; must not hold dialog files already).")
    var folder: String

    func run() throws {
        let files = Starter.files()
        for file in files + [("schema/dialog.schema.json", ""), ("schema/messages.schema.json", "")] {
            if FileBytes.isDirectory(FilePaths.join(folder, file.0)) != nil {
                throw ValidationError("\(FilePaths.join(folder, file.0)) already exists; choose a new folder")
            }
        }
        var written: [String] = []
        for (path, text) in files + [
            ("schema/dialog.schema.json", SchemaText.dialog + "\n"), ("schema/messages.schema.json", SchemaText.messages + "\n"),
        ] {
            let full = FilePaths.join(folder, path)
            try Self.makeFolders(FilePaths.parent(of: full))
            do {
                // Each file appears whole or not at all, and never replaces one.
                try NamedFile.write(Array(text.utf8), to: full, replace: false)
            } catch {
                throw ValidationError("cannot write \(full): \(error)")
            }
            written.append(path)
        }
        print("wrote \(folder): " + written.joined(separator: ", "))
        print("next: second-opinion validate \(folder)   then   second-opinion chat --dialogs \(folder)")
    }

    /// Makes `path` and the folders above it that are missing.
    static func makeFolders(_ path: String) throws {
        if FileBytes.isDirectory(path) == true { return }
        if path != "/", path != "." { try makeFolders(FilePaths.parent(of: path)) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw ValidationError("cannot make the folder \(path): \(String(cString: strerror(errno)))")
        }
    }
}
