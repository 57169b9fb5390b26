import DialogCore

/// Reads `sources.json` beside the dialogs into a `SourceCatalog`, reporting every problem to the sink.
struct SourcesFileReader {
    static let fileName = "sources.json"
    static let topKeys: [StaticString] = ["$schema", "$comment", "reviewed", "next_review", "needs_source", "sources"]
    static let topRequired: [StaticString] = ["reviewed", "next_review", "sources"]
    static let entryKeys: [StaticString] = ["$comment", "title", "url"]
    static let entryRequired: [StaticString] = ["title", "url"]

    let file: String
    let sink: DiagnosticSink

    /// Whether the source named `name` is the sources file: `sources.json` in the dialog folder.
    static func isSourcesFile(_ name: String) -> Bool {
        name == fileName || name.hasSuffix("/" + fileName)
    }

    func read(_ tree: JSONTree) -> SourceCatalog? {
        guard
            let top = ShapeReader(
                tree.root, in: tree, file: file, pointer: "", what: "the sources file", allowed: Self.topKeys, required: Self.topRequired,
                sink: sink),
            let reviewed = date(top, "reviewed")?.value, let next = date(top, "next_review")
        else { return nil }
        var entries: [String: SourceCatalog.Entry] = [:]
        var order: [String] = []
        if let sources = top.object("sources") {
            for member in tree.members(sources) {
                let key = tree.string(member)
                let pointer = ShapeReader.join("/sources", key)
                if !Identifier.isSimple(key) {
                    sink.report(
                        .invalidValue, tree.location(member, in: file), pointer, "source key '\(key)' is not a valid key",
                        hint: "use lowercase letters, digits and '_', starting with a letter")
                }
                guard
                    let r = ShapeReader(
                        member + 1, in: tree, file: file, pointer: pointer, what: "source '\(key)'", allowed: Self.entryKeys,
                        required: Self.entryRequired, sink: sink),
                    let title = r.string("title"), let url = r.string("url")
                else { continue }
                entries[key] = SourceCatalog.Entry(
                    key: key, title: title.value, url: url.value, location: tree.location(member, in: file))
                order.append(key)
            }
        }
        return SourceCatalog(
            entries: entries, order: order, reviewed: reviewed, nextReview: next.value,
            needsSource: (top.strings("needs_source") ?? []).map(\.value).filter { !$0.isEmpty }, location: next.location)
    }

    /// A `YYYY-MM-DD` date, or nil (reported).
    private func date(_ r: ShapeReader, _ key: StaticString) -> Located<String>? {
        guard let s = r.string(key) else { return nil }
        let parts = s.value.split(separator: "-", omittingEmptySubsequences: false)
        let ok = parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
        guard ok else {
            sink.report(.invalidValue, s.location, "/\(key)", "'\(s.value)' is not a date written YYYY-MM-DD", hint: "write it like 2026-12-07")
            return nil
        }
        return s
    }

    /// Checks every document item's sources against the catalog (E033), the placeholders in sources'
    /// titles and addresses (E043), and warns about claims with no source (W072) when `warnings` is on.
    static func check(_ graph: DialogGraph, catalog: SourceCatalog?, sink: DiagnosticSink, warnings: Bool) {
        for key in catalog?.order ?? [] {
            guard let entry = catalog?.entries[key] else { continue }
            for (field, text) in [("title", entry.title), ("url", entry.url)] where Template.hasDoubleBrace(text) {
                let pointer = ShapeReader.join("/sources", key) + "/" + field
                switch Template.parse(text) {
                case .failure(let e):
                    sink.report(.templateSlot, entry.location, pointer, "the source's \(field) has a broken placeholder: \(e.message)", hint: e.hint)
                case .success(let t):
                    for name in t.slots where graph.slots[name] == nil {
                        sink.report(
                            .templateSlot, entry.location, pointer, "the source's \(field) shows '{{\(name)}}', which is no slot",
                            hint: Suggestion.hint(for: name, in: graph.slotOrder) ?? "name a declared slot, like {{country.name}}")
                    }
                }
            }
        }
        for id in graph.documentOrder {
            guard let doc = graph.documents[id] else { continue }
            for (i, item) in doc.items.enumerated() {
                let pointer = "/documents/\(id)/items/\(i)"
                for key in item.sources where catalog?.entries[key] == nil {
                    sink.report(
                        .unknownSource, item.location, pointer + "/source",
                        catalog == nil
                            ? "the item cites '\(key)', but the folder has no \(fileName)"
                            : "the item cites '\(key)', which \(fileName) does not list",
                        hint: catalog.flatMap { Suggestion.hint(for: key, in: $0.order) })
                }
                if warnings, item.sources.isEmpty, let catalog, let word = catalog.claim(in: item.template) {
                    sink.report(
                        .missingSource, item.location, pointer,
                        "this item states something to check ('\(word)') but names no source",
                        hint: "add \"source\": a key of \(fileName), so a reader can check it")
                }
            }
        }
    }
}
