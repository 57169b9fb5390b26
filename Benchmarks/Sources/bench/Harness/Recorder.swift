/// What one benchmark mode measured: figures, notes for the reader, and failures.
struct Recorder {
    private(set) var metrics: [Metric] = []
    private(set) var notes: [String] = []
    private(set) var failures: [String] = []

    mutating func record(_ key: String, _ value: Double, _ unit: String) { metrics.append(Metric(key, value, unit)) }
    mutating func note(_ text: String) { notes.append(text) }
    mutating func fail(_ text: String) { failures.append(text) }

    /// The lines a child prints for its parent (and a person running one mode directly reads).
    var lines: [String] {
        metrics.map(\.line) + notes.map { "@note " + $0 } + failures.map { "@fail " + $0 }
    }

    /// Reads the lines a child printed; other lines are ignored.
    static func parse(_ output: String) -> Recorder {
        var r = Recorder()
        for line in output.split(separator: "\n") {
            if let m = Metric(line: line) {
                r.metrics.append(m)
            } else if line.hasPrefix("@note ") {
                r.notes.append(String(line.dropFirst(6)))
            } else if line.hasPrefix("@fail ") {
                r.failures.append(String(line.dropFirst(6)))
            }
        }
        return r
    }

    mutating func merge(_ other: Recorder) {
        metrics += other.metrics
        notes += other.notes
        failures += other.failures
    }

    subscript(key: String) -> Double? { metrics.last { $0.key == key }?.value }
}
