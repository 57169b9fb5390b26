/// A line diff in unified format (`---`/`+++`, `@@` hunks with 3 lines of context).
package enum UnifiedDiff {
    /// The diff from `a` (named `fromName`) to `b` (`toName`), with `context` lines around each change;
    /// empty when the lines are equal.
    package static func diff(_ a: [String], _ b: [String], fromName: String, toName: String, context: Int = 3) -> String {
        let ops = editScript(a, b)
        guard ops.contains(where: { if case .same = $0 { return false } else { return true } }) else { return "" }
        var out = ["--- \(fromName)", "+++ \(toName)"]
        // Group operations into hunks.
        var i = 0
        var aLine = 0
        var bLine = 0
        var positions: [(op: Op, a: Int, b: Int)] = []
        for op in ops {
            positions.append((op, aLine, bLine))
            switch op {
            case .same: aLine += 1; bLine += 1
            case .delete: aLine += 1
            case .insert: bLine += 1
            }
        }
        while i < positions.count {
            guard !positions[i].op.isSame else { i += 1; continue }
            let start = max(0, i - context)
            var end = i
            var lastChange = i
            while end < positions.count, end - lastChange <= context * 2 {
                if !positions[end].op.isSame { lastChange = end }
                end += 1
            }
            end = min(positions.count, lastChange + context + 1)
            let slice = positions[start..<end]
            let aCount = slice.filter { !$0.op.isInsert }.count
            let bCount = slice.filter { !$0.op.isDelete }.count
            let aStart = slice.first.map { $0.a + 1 } ?? 0
            let bStart = slice.first.map { $0.b + 1 } ?? 0
            out.append("@@ -\(aStart),\(aCount) +\(bStart),\(bCount) @@")
            for p in slice {
                switch p.op {
                case .same(let s): out.append(" " + s)
                case .delete(let s): out.append("-" + s)
                case .insert(let s): out.append("+" + s)
                }
            }
            i = end
        }
        return out.joined(separator: "\n") + "\n"
    }

    enum Op {
        case same(String), delete(String), insert(String)
        var isSame: Bool { if case .same = self { return true } else { return false } }
        var isInsert: Bool { if case .insert = self { return true } else { return false } }
        var isDelete: Bool { if case .delete = self { return true } else { return false } }
    }

    /// Longest-common-subsequence edit script (transcripts are small; O(n·m) is fine). Shared
    /// prefixes and suffixes are trimmed first so typical one-line changes cost almost nothing.
    static func editScript(_ a: [String], _ b: [String]) -> [Op] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let a2 = Array(a[prefix..<(a.count - suffix)])
        let b2 = Array(b[prefix..<(b.count - suffix)])
        let n = a2.count
        let m = b2.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        if n > 0, m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] = a2[i] == b2[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var ops = a[..<prefix].map { Op.same($0) }
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, a2[i] == b2[j] {
                ops.append(.same(a2[i])); i += 1; j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                ops.append(.delete(a2[i])); i += 1
            } else {
                ops.append(.insert(b2[j])); j += 1
            }
        }
        ops += a[(a.count - suffix)...].map { Op.same($0) }
        return ops
    }
}
