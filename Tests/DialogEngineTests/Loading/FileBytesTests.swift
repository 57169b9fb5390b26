import DialogLoading
import Foundation
import Testing

/// Comparing a file with bytes in hand, and mapping a file: every odd case answers plainly, none traps.
@Suite struct FileBytesTests {
    /// A fresh folder for one test.
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "filebytes-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test func contentsAreEqualOnlyToTheSameBytes() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Bigger than the 64 KiB buffer, so the comparison takes more than one read.
        let bytes = (0..<150_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let file = dir + "/a.json"
        try Self.write(bytes, to: file)
        func same(_ other: [UInt8]) -> Bool { other.withUnsafeBytes { FileBytes.contents(of: file, equal: $0) } }
        #expect(same(bytes))
        var changed = bytes
        changed[140_000] ^= 1  // in the last read
        #expect(!same(changed))
        changed = bytes
        changed[0] ^= 0x80
        #expect(!same(changed))
        #expect(!same(Array(bytes.dropLast())))
        #expect(!same(bytes + [0]))
        #expect(!same([]))
        try Self.write([], to: file)
        #expect(same([]))
        #expect(!same([1]))
        #expect(![UInt8]([1]).withUnsafeBytes { FileBytes.contents(of: dir + "/missing.json", equal: $0) })
        #expect(![UInt8]().withUnsafeBytes { FileBytes.contents(of: dir, equal: $0) })  // a folder is no file
    }

    @Test func mappingGivesTheBytesOrNil() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/form.bin"
        try Self.write(Array("compiled".utf8), to: file)
        #expect(FileBytes.withMapped(file, limit: 100) { Array($0) } == Array("compiled".utf8))
        #expect(FileBytes.withMapped(file, limit: 7) { Array($0) } == nil)  // over the limit
        try Self.write([], to: file)
        #expect(FileBytes.withMapped(file, limit: 100) { $0.count } == 0)
        #expect(FileBytes.withMapped(dir + "/missing", limit: 100) { $0.count } == nil)
        #expect(FileBytes.withMapped(dir, limit: 1 << 30) { $0.count } == nil)  // a folder
    }
}
