import ArgumentParser
import DialogEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `second-opinion forget`: deletes everything the tool has stored (history, saved session,
/// default saved documents, compiled dialogs). Files you saved elsewhere by name are yours and are left alone.
struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Delete the answer history, the saved conversation, the default saved documents and the compiled dialogs.")

    func run() throws {
        var removed: [String] = []
        let directories = [PrivateFiles.stateDirectoryPath(), PrivateFiles.dataDirectoryPath(), PrivateFiles.cacheDirectoryPath()]
        for directory in directories.compactMap({ $0 }) where FileBytes.isDirectory(directory) == true {
            let items = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for item in items.sorted() {
                let path = FilePaths.join(directory, item)
                do {
                    try FileManager.default.removeItem(atPath: path)
                    removed.append(path)
                } catch {
                    print("could not delete \(path): \(error)")
                }
            }
            try? FileManager.default.removeItem(atPath: directory)
        }
        if removed.isEmpty {
            print("Nothing stored; nothing to delete.")
        } else {
            print("Deleted:")
            for path in removed { print("  \(path)") }
        }
    }
}
