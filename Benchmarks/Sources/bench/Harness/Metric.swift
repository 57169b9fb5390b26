/// One measured figure. A child process prints each as a line `@metric KEY VALUE UNIT`, which the
/// parent reads back; running a mode directly prints the same lines for a person to read.
struct Metric: Equatable {
    var key: String
    var value: Double
    var unit: String

    var line: String { "@metric \(key) \(value) \(unit)" }

    init(_ key: String, _ value: Double, _ unit: String) {
        self.key = key
        self.value = value
        self.unit = unit
    }

    /// Parses a `@metric` line; nil for any other line.
    init?(line: Substring) {
        let parts = line.split(separator: " ")
        guard parts.count == 4, parts[0] == "@metric", let value = Double(parts[2]) else { return nil }
        self.init(String(parts[1]), value, String(parts[3]))
    }
}
