import DialogLoading
import Foundation
import Testing

/// FIFOs, devices and files that lie about their size (issue 15, item 10): refused at once, never a
/// hang, never read past the limit.
@Suite struct SpecialFileTests {
    @Test func fifoIsRefusedWithoutBlocking() throws {
        let dir = try FileBytesTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/main.json"
        #expect(mkfifo(fifo, 0o600) == 0)
        guard case .unreadable = FileBytes.read(fifo) else {
            Issue.record("a FIFO was read")
            return
        }
        #expect(![UInt8]().withUnsafeBytes { FileBytes.contents(of: fifo, equal: $0) })
        #expect(FileBytes.withMapped(fifo, limit: 1 << 20) { _ in true } == nil)
        // A dialog folder with a FIFO in it: an error, not a hang.
        #expect(DialogLoader.load(paths: [dir]).graph == nil)
    }

    @Test func deviceIsRefused() throws {
        let dir = try FileBytesTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let link = dir + "/zero.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/zero")
        guard case .unreadable = FileBytes.read(link, limit: 1 << 20) else {
            Issue.record("/dev/zero was read")
            return
        }
        #expect(DialogLoader.load(paths: [dir]).graph == nil)
    }

    @Test func limitHoldsForBytesActuallyRead() {
        // /proc files report size 0 but are not empty.
        guard case .tooLarge(let count) = FileBytes.read("/proc/self/maps", limit: 16) else {
            Issue.record("read past the limit")
            return
        }
        #expect(count == 17)
        guard case .bytes(let all) = FileBytes.read("/proc/self/maps") else {
            Issue.record("/proc/self/maps unreadable")
            return
        }
        #expect(all.count > 16)
    }
}
