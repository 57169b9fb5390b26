import DialogTools

/// `replay --coverage` output: a table per dialog and in total, or JSON; and the CI thresholds.
enum CoverageReport {
    static let titles = ["nodes", "edges", "conditions", "variants", "reprompts", "doc items"]

    static func counts(_ row: Coverage.Row) -> [Coverage.Count] {
        [row.nodes, row.edges, row.conditions, row.variants, row.reprompts, row.documentItems]
    }

    /// The table, then what was missed (at most `limit` entries per kind).
    static func text(_ coverage: Coverage, limit: Int = 12) -> String {
        let rows = coverage.dialogs + [coverage.total]
        let nameWidth = max(6, rows.map(\.dialog.count).max() ?? 0)
        let cells: [[String]] = rows.map { counts($0).map(cell) }
        let widths = titles.indices.map { c in max(titles[c].count, cells.map { $0[c].count }.max() ?? 0) }
        func line(_ name: String, _ values: [String]) -> String {
            let padded = values.enumerated().map { String(repeating: " ", count: widths[$0.offset] - $0.element.count) + $0.element }
            var text = CFormat.padded(name, to: nameWidth) + "  " + padded.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        var out = [line("dialog", titles)]
        out.append(String(repeating: "-", count: out[0].count))
        for (i, row) in rows.enumerated() {
            if i == rows.count - 1 { out.append(String(repeating: "-", count: out[0].count)) }
            out.append(line(row.dialog, cells[i]))
        }
        let missed = coverage.missed
        let lists: [(String, [String])] = [
            ("nodes never entered", missed.nodes), ("edges never taken", missed.edges),
            ("condition outcomes never seen", missed.conditions), ("variants never picked", missed.variants),
            ("questions never re-prompted", missed.reprompts), ("document items never included", missed.documentItems),
        ]
        for (title, items) in lists where !items.isEmpty {
            out.append("")
            out.append("\(title) (\(items.count)):")
            for item in items.prefix(limit) { out.append("  " + item) }
            if items.count > limit { out.append("  … and \(items.count - limit) more (--format json lists all)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func json(_ coverage: Coverage) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(coverage), as: UTF8.self) + "\n"
    }

    /// "12/14  85.7%", or "-" when there is nothing to cover.
    static func cell(_ count: Coverage.Count) -> String {
        if count.total == 0 { return "-" }
        return "\(count.covered)/\(count.total) " + CFormat.string("%5.1f%%", count.percent)
    }

    /// Messages for each threshold the total misses; empty when all hold.
    static func shortfalls(_ coverage: Coverage, minNodes: Double?, minEdges: Double?) -> [String] {
        var out: [String] = []
        let total = coverage.total
        if let minNodes, total.nodes.percent < minNodes {
            out.append(
                CFormat.string("node coverage %.1f%% is below the required %.1f%%", total.nodes.percent, minNodes)
                    + " (\(total.nodes.total - total.nodes.covered) nodes never entered)")
        }
        if let minEdges, total.edges.percent < minEdges {
            out.append(
                CFormat.string("edge coverage %.1f%% is below the required %.1f%%", total.edges.percent, minEdges)
                    + " (\(total.edges.total - total.edges.covered) edges never taken)")
        }
        return out
    }
}
