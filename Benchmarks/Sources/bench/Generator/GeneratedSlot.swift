import DialogCore

/// A slot the generator declared, with the conditions a dialog author might test on it.
struct GeneratedSlot {
    enum Kind {
        case bool
        case choice([String])
        case multi([String])
        case number(min: Int, max: Int)
        case text
    }

    var name: String
    var kind: Kind

    /// One realistic condition on this slot alone.
    func condition(_ rng: inout SplitMix64) -> String {
        switch kind {
        case .bool:
            return rng.pick(3) == 0 ? "not \(name)" : name
        case .choice(let values):
            let v = values[rng.pick(values.count)]
            switch rng.pick(4) {
            case 0 where values.count > 2:
                let w = values.first { $0 != v } ?? v
                return "\(name) in ['\(v)', '\(w)']"
            case 1: return "\(name) != '\(v)'"
            default: return "\(name) == '\(v)'"
            }
        case .multi(let values):
            let v = values[rng.pick(values.count)]
            return rng.pick(4) == 0 ? "not ('\(v)' in \(name))" : "'\(v)' in \(name)"
        case .number(let min, let max):
            // Thresholds strictly inside the range: a bound at min or max makes the test always or never true.
            let a = min + 1 + rng.pick(Swift.max(1, max - min - 2))
            switch rng.pick(3) {
            case 0: return "\(name) >= \(a)"
            case 1: return "\(name) < \(a)"
            default:
                let b = Swift.min(max - 1, a + 1 + rng.pick(Swift.max(1, max - a - 1)))
                return b > a ? "\(name) > \(a) and \(name) <= \(b)" : "\(name) > \(a)"
            }
        case .text:
            return "answered(\(name))"
        }
    }
}
