/// Renders declared documents as Markdown with the person's answers.
public enum DocumentRenderer {
    /// A document filled in: what is saved and shown.
    public struct Rendered: Sendable {
        /// The title, placeholders filled in.
        public var title: String
        /// The whole document, title and included items, as Markdown (or the document's own marks).
        public var markdown: String
        /// Indexes of the items whose `when` held.
        public var itemsIncluded: [Int]
        /// Slots a placeholder needed but the person has not answered (and there was no fallback).
        public var missing: [String]
    }

    /// `document` filled in with the answers in `slots`: the items whose `when` holds, in order, each
    /// placeholder formatted as the graph's slot types say.
    public static func render(_ document: DocumentTemplate, slots: [String: Value], graph: DialogGraph) -> Rendered {
        render(document, slots: slots, graph: graph) { i in
            document.items[i].condition.map { ConditionProgram($0).evaluate(slots) } ?? true
        }
    }

    /// Same, from the document's plan (`plan` must be `DocumentPlan(document, …)` with the graph's slot
    /// types): each slot looked up once, however many placeholders read it.
    static func render(_ document: DocumentTemplate, plan: DocumentPlan, slots: [String: Value], graph: DialogGraph) -> Rendered {
        let values = plan.slots.map { slots[$0] }
        var missing: [String] = []
        var title = ""
        write(plan.title, values, into: &title, missing: &missing)
        var markdown = document.marks.title
        markdown.reserveCapacity(title.utf8.count + 8 + plan.length)
        markdown += title
        var included: [Int] = []
        included.reserveCapacity(plan.items.count)
        var previousIsList = false
        let conditions = plan.conditions
        let items = plan.items
        for i in items.indices {
            if let condition = conditions[i], !condition.evaluate(values) { continue }
            included.append(i)
            let isList = items[i].isList
            markdown += isList && previousIsList ? items[i].inList : items[i].afterBreak
            if !items[i].pieces.isEmpty { write(items[i].pieces, values, into: &markdown, missing: &missing) }
            previousIsList = isList
        }
        if let catalog = graph.sources {
            appendSources(catalog, cited: included.flatMap { document.items[$0].sources }, answers: { slots[$0] }, to: &markdown)
        }
        markdown += "\n"
        return Rendered(title: title, markdown: markdown, itemsIncluded: included, missing: missing)
    }

    /// Writes a text's pieces with the answers in `values` (positions as in the plan's `slots`): an
    /// unanswered slot shows its fallback, or nothing, and its name goes to `missing` (once).
    static func write(_ pieces: [DocumentPlan.Piece], _ values: [Value?], into out: inout String, missing: inout [String]) {
        for piece in pieces {
            switch piece {
            case .text(let text):
                out += text
            case .choose(let condition, let then, let otherwise):
                write(condition.evaluate(values) ? then : otherwise, values, into: &out, missing: &missing)
            case .slot(let at, let name, let fallback, let type, let format):
                if let value = values[at] {
                    out += Template.display(value, type: type, format: format, fallback: fallback)
                } else if let fallback {
                    out += fallback
                } else if !missing.contains(name) {
                    missing.append(name)
                }
            }
        }
    }

    /// The rendering, with `includes(i)` telling whether item `i`'s condition holds.
    private static func render(
        _ document: DocumentTemplate, slots: [String: Value], graph: DialogGraph, includes: (Int) -> Bool
    ) -> Rendered {
        var missing: [String] = []
        let lookup: (String) -> Value? = { slots[$0] }
        let type: (String) -> SlotType? = { graph.slotType($0) }
        let title = document.title.render(lookup, slotType: type, missing: &missing)
        // Lines are appended to one string as they come (no array of lines to join).
        var markdown = document.marks.title
        markdown.reserveCapacity(title.utf8.count + 8 + document.items.reduce(0) { $0 + $1.template.textLength + 8 })
        markdown += title
        var included: [Int] = []
        var previous: DocumentTemplate.Kind?
        // Items are read in place by index: copying each one out would retain all its parts.
        for i in document.items.indices {
            if !includes(i) { continue }
            included.append(i)
            let kind = document.items[i].kind
            let isList = kind == .bullet || kind == .check
            if !(isList && (previous == .bullet || previous == .check)) { markdown += "\n" }
            markdown += "\n" + document.marks.lead(kind)
            document.items[i].template.render(into: &markdown, lookup, slotType: type, missing: &missing)
            previous = kind
        }
        if let catalog = graph.sources { appendSources(catalog, cited: included.flatMap { document.items[$0].sources }, answers: lookup, to: &markdown) }
        markdown += "\n"
        return Rendered(title: title, markdown: markdown, itemsIncluded: included, missing: missing)
    }

    /// The end of every document when the dialogs have a sources file: the sources its included items
    /// cite (each once, in the order first cited, with the answers in their placeholders; one whose
    /// placeholder has no answer is left out), and when the content was last reviewed.
    static func appendSources(
        _ catalog: SourceCatalog, cited: [String], answers: (String) -> Value? = { _ in nil }, to markdown: inout String
    ) {
        var seen: Set<String> = []
        var lines: [String] = []
        for key in cited where seen.insert(key).inserted {
            guard let (title, url) = catalog.entries[key]?.rendered(answers) else { continue }
            // Two keys may come to the same source for this person: listed once.
            let line = "\n- " + title + ": <" + url + ">"
            if !lines.contains(line) { lines.append(line) }
        }
        if !lines.isEmpty {
            markdown += "\n\n## Sources\n"
            for line in lines { markdown += line }
        }
        markdown += "\n\n_Content last reviewed: " + catalog.reviewed + "; next review by " + catalog.nextReview + "._"
    }

    /// The `missing` of `render(document, slots:, graph:)`, without rendering: the slots that placeholders
    /// without a fallback need and that have no answer, in the same order (title, then included items).
    package static func missingSlots(_ document: DocumentTemplate, slots: [String: Value]) -> [String] {
        var missing: [String] = []
        func collect(_ template: Template) {
            // Rendering (into a scratch string) decides each `choose` as the conversation would.
            var scratch = ""
            template.render(into: &scratch, { slots[$0] }, slotType: { _ in nil }, missing: &missing)
        }
        collect(document.title)
        for i in document.items.indices {
            if let c = document.items[i].condition, !ConditionProgram(c).evaluate(slots) { continue }
            collect(document.items[i].template)
        }
        return missing
    }

    /// Every declared document, in declaration order, separated by rules: what `save` writes.
    package static func renderAll(graph: DialogGraph, slots: [String: Value]) -> String {
        graph.documentOrder.compactMap { graph.documents[$0] }
            .map { render($0, slots: slots, graph: graph).markdown }
            .joined(separator: "\n---\n\n")
    }
}
