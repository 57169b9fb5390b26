import ArgumentParser
import DialogCore

/// `second-opinion sources`: what the documents' claims rest on, the review dates, and which document
/// items cite each source.
struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "List the sources the documents cite, and when the content was last reviewed.")

    @OptionGroup var dialogOptions: DialogOptions

    func run() throws {
        let graph = try dialogOptions.load()
        guard let catalog = graph.sources else {
            print("no sources.json beside the dialogs")
            return
        }
        print("Content last reviewed: \(catalog.reviewed); next review by \(catalog.nextReview).")
        var citing: [String: [String]] = [:]
        for id in graph.documentOrder {
            guard let doc = graph.documents[id] else { continue }
            for (i, item) in doc.items.enumerated() {
                for key in item.sources { citing[key, default: []].append("\(id) item \(i)") }
            }
        }
        for key in catalog.order {
            guard let entry = catalog.entries[key] else { continue }
            print("")
            print("\(key): \(entry.title)")
            // A placeholder is filled from the person's answers (a country's own page, for instance).
            print("  \(entry.url)" + (entry.url.contains("{{") ? "  (from the answers; listed only when they are known)" : ""))
            let items = citing[key] ?? []
            print("  cited by \(items.isEmpty ? "no document item" : items.joined(separator: ", "))")
        }
    }
}
