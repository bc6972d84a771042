import XCTest

@testable import CastorKit

/// The guard in front of FlyingFox finds the end of a request head in one pass and refuses
/// oversized ones as soon as they pass the limit (issue 11, item 6).
final class ServeGuardTests: XCTestCase {
    func scan(_ bytes: [UInt8]) -> (step: HeadScanner.Step, read: Int) {
        var scanner = HeadScanner()
        for (index, byte) in bytes.enumerated() {
            let step = scanner.feed(byte)
            if step != .more { return (step, index + 1) }
        }
        return (.more, bytes.count)
    }

    func testAHeadEndsAtItsFirstEmptyLine() {
        let head = Array("GET /agenda/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\nreste".utf8)
        XCTAssertEqual(scan(head).step, .complete)
        XCTAssertEqual(scan(head).read, head.count - "reste".count)
        XCTAssertEqual(scan(Array("GET / HTTP/1.1\nHost: x\n\n".utf8)).step, .complete)
        XCTAssertEqual(scan(Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8)).step, .more)
    }

    func testALongRequestLineIsRefusedRightAfterTheLimit() {
        let line = Array("GET /".utf8) + [UInt8](repeating: 0x61, count: 1_000_000)
        let (step, read) = scan(line)
        XCTAssertEqual(step, .refused(.lineTooLong))
        XCTAssertEqual(read, RequestGuard.maxRequestLine + 1)
        // Carriage returns count too: they cannot make a line endless.
        XCTAssertEqual(scan([UInt8](repeating: 0x0D, count: 100_000)).step, .refused(.lineTooLong))
    }

    func testTooManyHeaderBytesAreRefused() {
        let head = Array("GET / HTTP/1.1\r\n".utf8) + Array([String](repeating: "X-A: b\r\n", count: 5000).joined().utf8)
        XCTAssertEqual(scan(head).step, .refused(.headersTooLong))
        let blankish = Array("GET / HTTP/1.1\r\n".utf8) + [UInt8](repeating: 0x0D, count: 9000)
        XCTAssertEqual(scan(blankish).step, .refused(.headersTooLong))
    }

    func testRefusalsAreCompleteFrenchAnswersThatCloseTheConnection() {
        for (refusal, status) in [(RequestGuard.Refusal.lineTooLong, "414"), (.headersTooLong, "431"), (.unavailable, "503")] {
            let text = String(decoding: refusal.response, as: UTF8.self)
            XCTAssertTrue(text.hasPrefix("HTTP/1.1 \(status) "), text)
            XCTAssertTrue(text.contains("\r\nConnection: close\r\n"), text)
            let parts = text.components(separatedBy: "\r\n\r\n")
            XCTAssertEqual(parts.count, 2)
            XCTAssertTrue(text.contains("Content-Length: \(parts[1].utf8.count)\r\n"), text)
        }
    }
}
