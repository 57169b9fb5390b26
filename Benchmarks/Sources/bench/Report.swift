import Foundation

/// The results table: every figure, its target, whether it is met, and the peak memory of the
/// process that measured it.
struct Report {
    struct Row {
        var measure: String
        var result: String
        var target: String
        /// nil when the figure has no target.
        var met: Bool?
        var peakRSS: String
    }

    private(set) var rows: [Row] = []
    private(set) var notes: [String] = []

    /// Builds the rows from each mode's figures and its child's peak RSS (bytes).
    init(_ runs: [(mode: Mode, recorder: Recorder, peakRSS: Int)]) {
        var all = Recorder()
        var rss: [String: Int] = [:]
        for run in runs {
            rss[run.mode.arguments.joined(separator: " ")] = run.peakRSS
            all.merge(run.recorder)
        }
        notes = all.notes + all.failures.map { "FAILED: " + $0 }
        func mem(_ mode: String) -> String { rss[mode].map(Self.megabytes) ?? "–" }
        func add(_ measure: String, _ result: String, _ target: String = "", _ met: Bool? = nil, _ mode: String) {
            rows.append(Row(measure: measure, result: result, target: target, met: met, peakRSS: mem(mode)))
        }
        add("process baseline (no work)", "", "", nil, "baseline")
        for (key, mode, what) in [("turn.transcripts", "turns", "shipped transcripts"), ("turn.synthetic", "synthetic", "synthetic walks")] {
            guard let median = all[key + ".median"], let p99 = all[key + ".p99"] else {
                add("per-turn latency, \(what)", "not measured", "", false, mode)
                continue
            }
            let n = Int(all[key + ".count"] ?? 0)
            let convs = Int(all[key + ".conversations"] ?? 0)
            let cpu = all[key + ".cpu_mean"].map { " (CPU mean \(Self.duration($0)))" } ?? ""
            add("per-turn median, \(what) (\(convs) conversations, \(n.formatted()) steps)", Self.duration(median) + cpu, "≤ 5 µs", median <= 5_000, mode)
            add("per-turn p99, \(what)", Self.duration(p99), "≤ 50 µs", p99 <= 50_000, mode)
            if let p999 = all[key + ".p999"], let max = all[key + ".max"] {
                add("per-turn p99.9 / max, \(what)", "\(Self.duration(p999)) / \(Self.duration(max))", "", nil, mode)
            }
        }
        for (key, what) in [("replay.raw", "engine steps only"), ("replay.full", "Replayer.replay + diff")] {
            guard let t = all[key + ".cpu_turns"], let c = all[key + ".cpu_transcripts"] else { continue }
            let wall = (all[key + ".turns"]).map { " (wall: \(Self.count($0)) turns/s)" } ?? ""
            add(
                "replay throughput, \(what), one core",
                "\(Self.count(t)) turns/s, \(Self.count(c)) transcripts/s\(wall)", "≥ 200,000 turns/s", t >= 200_000, "replay")
        }
        func load(_ key: String) -> (text: String, cpu: Double)? {
            guard let m = all[key + ".median"], let cpu = all[key + ".cpu_median"] else { return nil }
            return ("\(Self.duration(cpu)) (wall \(Self.duration(m)), min \(Self.duration(all[key + ".min"] ?? 0)))", cpu)
        }
        if let l = load("load.shipped") {
            let nodes = Int(all["load.shipped.nodes"] ?? 0)
            let files = Int(all["load.shipped.files"] ?? 0)
            add("load + validate shipped (\(files) files, \(nodes) nodes), in memory", l.text, "", nil, "load-shipped")
        }
        if let l = load("load.shipped_from_disk") {
            add("load + validate shipped, files read from disk", l.text, "", nil, "load-shipped")
        }
        var generated: [Int: Double] = [:]
        for n in [1_000, 10_000, 100_000] {
            let mode = "load-generated \(n)"
            guard let l = load("load.gen.\(n)") else {
                add("load + validate \(n.formatted()) generated nodes", "not measured", n == 10_000 ? "≤ 100 ms" : "", n == 10_000 ? false : nil, mode)
                continue
            }
            generated[n] = l.cpu
            let files = Int(all["gen.\(n).files"] ?? 0)
            let mb = (all["gen.\(n).bytes"] ?? 0) / 1_048_576
            let warnings = Int(all["gen.\(n).warnings"] ?? 0)
            let desc = "load + validate \(n.formatted()) generated nodes (\(files) files, \(String(format: "%.1f", mb)) MiB, 0 errors, \(warnings) warnings)"
            add(desc, l.text, n == 10_000 ? "≤ 100 ms" : "", n == 10_000 ? l.cpu <= 100_000_000 : nil, mode)
        }
        if let a = generated[1_000], let b = generated[10_000], let c = generated[100_000] {
            func wall(_ x: Int, _ y: Int) -> String {
                guard let p = all["load.gen.\(x).median"], let q = all["load.gen.\(y).median"] else { return "" }
                return String(format: " (wall %.1f×)", p / q)
            }
            add("growth 10k / 1k", String(format: "%.1f×", b / a) + wall(10_000, 1_000), "", nil, "")
            add("growth 100k / 10k", String(format: "%.1f×", c / b) + wall(100_000, 10_000), "≤ 11×", c / b <= 11, "")
        }
        if let ns = all["explore.cpu_ns"] ?? all["explore.ns"] {
            let states = Int(all["explore.states"] ?? 0)
            let transitions = Int(all["explore.transitions"] ?? 0)
            let paths = all["explore.paths"].map { $0 < 1e15 ? Int($0).formatted() : String(format: "%.3g", $0) }
                ?? "cyclic through \(Int(all["explore.cyclic_states"] ?? 0)) states, so no count of"
            add(
                "explore shipped (\(states.formatted()) states, \(transitions.formatted()) steps, \(paths) paths)",
                "\(Self.duration(ns)) (wall \(Self.duration(all["explore.ns"] ?? 0)))", "≤ 1 s", ns <= 1e9, "explore")
        } else {
            add("explore shipped", "not measured", "≤ 1 s", false, "explore")
        }
        if let turn = all["understand.line2000.turn_median"] {
            let read = all["understand.line2000.read_median"] ?? 0
            add(
                "a 2,000-character line understood (read alone / whole turn)", "\(Self.duration(read)) / \(Self.duration(turn))", "≤ 200 µs",
                turn <= 200_000, "understand")
        }
    }

    /// The table as aligned plain text (it is also valid Markdown).
    var text: String {
        let header = Row(measure: "measure", result: "result", target: "target", met: nil, peakRSS: "peak RSS")
        let cells = [[header.measure, header.result, header.target, "ok", header.peakRSS]]
            + rows.map { r in [r.measure, r.result, r.target, r.met.map { $0 ? "yes" : "NO" } ?? "", r.peakRSS] }
        let widths = (0..<5).map { c in cells.map { $0[c].count }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            "| " + row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |"
        }
        var out = [line(cells[0]), "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"]
        out += cells.dropFirst().map(line)
        return out.joined(separator: "\n")
    }

    static func duration(_ ns: Double) -> String {
        if ns < 1_000 { return String(format: "%.0f ns", ns) }
        if ns < 1_000_000 { return String(format: "%.2f µs", ns / 1_000) }
        if ns < 1_000_000_000 { return String(format: "%.1f ms", ns / 1_000_000) }
        return String(format: "%.2f s", ns / 1_000_000_000)
    }

    static func count(_ n: Double) -> String { Int(n.rounded()).formatted() }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
}
