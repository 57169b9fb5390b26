import DialogCore

/// Reads a dialog folder's `messages.json`: `{ "messages": { "goodbye": "…", … } }`. Every key must be
/// one the program says (`Messages.Key`), every `{part}` one the program fills in for that key; keys
/// left out are reported once (the shipped English is said for them).
enum MessagesReader {
    /// Whether the file is a folder's messages file (by its name).
    static func isMessagesFile(_ name: String) -> Bool {
        name == fileName || name.hasSuffix("/" + fileName)
    }
    static let fileName = "messages.json"
    static let topKeys: [StaticString] = ["$schema", "$comment", "messages"]

    static func read(_ source: DialogLoader.Source, sink: DiagnosticSink, warnings: Bool = true) -> Messages? {
        let parsed = JSONParser.parseTree(source.bytes, file: source.name, maxDepth: DialogLoader.maxDepth)
        sink.append(contentsOf: parsed.diagnostics)
        guard let tree = parsed.tree,
            let top = ShapeReader(
                tree.root, in: tree, file: source.name, pointer: "", what: "a messages file", allowed: topKeys, required: ["messages"],
                sink: sink),
            let object = top.object("messages")
        else { return nil }
        let keys = Messages.Key.allCases.map(\.rawValue)
        var texts: [String: String] = [:]
        for m in tree.members(object) {
            let name = tree.string(m)
            let pointer = ShapeReader.join("/messages", name)
            guard let key = Messages.Key(rawValue: name) else {
                sink.report(
                    .unknownMessage, tree.location(m, in: source.name), pointer, "the program says no message '\(name)'",
                    hint: Suggestion.hint(for: name, in: keys) ?? "the keys are listed in the authoring guide (Texts the program says)")
                continue
            }
            guard
                let text = ShapeReader.string(
                    m + 1, in: tree, file: source.name, pointer: pointer, what: "message '\(name)'", sink: sink)
            else { continue }
            var ok = true
            for part in Messages.partsNamed(in: text.value) where !key.parts.contains(part.name) {
                ok = false
                sink.report(
                    .unknownMessage, text.location.inString(offset: part.offset), pointer,
                    "message '\(name)' names the part '{\(part.name)}', which the program does not fill in here",
                    hint: key.parts.isEmpty
                        ? "this message takes no parts; write the text as it should be said"
                        : "it may use " + key.parts.map { "{\($0)}" }.joined(separator: ", "))
            }
            if ok { texts[name] = text.value }
        }
        let missing = keys.filter { name in tree.members(object).allSatisfy { tree.string($0) != name } }
        if warnings, !missing.isEmpty {
            let shown = missing.prefix(6).map { "'\($0)'" }.joined(separator: ", ") + (missing.count > 6 ? " …" : "")
            sink.report(
                .missingMessage, tree.location(object, in: source.name), "/messages",
                "\(missing.count) message\(missing.count == 1 ? " is" : "s are") missing, so the shipped English is said for \(missing.count == 1 ? "it" : "them"): \(shown)",
                hint: "add \(missing.count == 1 ? "it" : "them") in the folder's language; second-opinion new writes a complete messages.json")
        }
        return Messages(texts: texts)
    }
}
