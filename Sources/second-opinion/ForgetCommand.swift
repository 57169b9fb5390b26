import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `second-opinion forget`: deletes everything the tool has stored (history, saved session,
/// default saved documents). Files you saved elsewhere by name are yours and are left alone.
struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Delete the answer history, the saved conversation and the default saved documents.")

    func run() throws {
        var removed: [String] = []
        for directory in [try? PrivateFiles.stateDirectory(), try? PrivateFiles.dataDirectory()].compactMap({ $0 }) {
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
