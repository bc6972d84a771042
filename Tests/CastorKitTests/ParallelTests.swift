import XCTest

@testable import CastorKit

/// `parallelMap` hands back its results without keeping them: a build's steps hand thousands of
/// large values (documents, entries, rendered bodies, search terms) through it.
final class ParallelTests: XCTestCase {
    /// Counts the instances alive.
    final class Tracked: Sendable {
        let value: Int
        let alive: Locked<Int>

        init(_ value: Int, alive: Locked<Int>) {
            self.value = value
            self.alive = alive
            alive.withLock { $0 += 1 }
        }

        deinit { alive.withLock { $0 -= 1 } }
    }

    func testResultsComeBackInOrderAndAreReleasedWithTheArray() {
        let alive = Locked(0)
        do {
            let results = Array(0..<1_000).parallelMap { Tracked($0 * 2, alive: alive) }
            XCTAssertEqual(results.map(\.value), Array(0..<1_000).map { $0 * 2 })
            XCTAssertEqual(alive.withLock { $0 }, 1_000)
        }
        // Before the fix, the results stayed in the deallocated buffer's copy: 1,000 alive here.
        XCTAssertEqual(alive.withLock { $0 }, 0)
    }

    func testOptionalResultsAndEmptyInputs() {
        let alive = Locked(0)
        do {
            let results = Array(0..<100).parallelMap { $0.isMultiple(of: 2) ? Tracked($0, alive: alive) : nil }
            XCTAssertEqual(results.compactMap { $0?.value }, Array(stride(from: 0, to: 100, by: 2)))
            XCTAssertEqual(results.filter { $0 == nil }.count, 50)
        }
        XCTAssertEqual(alive.withLock { $0 }, 0)
        XCTAssertEqual([Int]().parallelMap { Tracked($0, alive: alive) }.count, 0)
    }
}

/// `alongside`: the build makes the pages' folders while it makes the search index.
final class AlongsideTests: XCTestCase {
    struct Stop: Error {}

    func testBothRunAtOnceAndBothResultsComeBack() {
        // Each waits for the other to have started: run one after the other, they never return.
        let started = (side: DispatchSemaphore(value: 0), main: DispatchSemaphore(value: 0))
        let (side, main) = alongside({
            started.side.signal()
            return started.main.wait(timeout: .now() + 10) == .success ? "côté" : "seul"
        }) {
            started.main.signal()
            return started.side.wait(timeout: .now() + 10) == .success ? 2 : 0
        }
        XCTAssertEqual(side, "côté")
        XCTAssertEqual(main, 2)
    }

    func testAThrowingMainStillWaitsForTheSide() {
        let done = Locked(false)
        XCTAssertThrowsError(
            try alongside({
                Thread.sleep(forTimeInterval: 0.2)
                done.withLock { $0 = true }
            }) { throw Stop() })
        XCTAssertTrue(done.withLock { $0 }, "returned before the side work ended")
    }

    /// Every folder of the files, parents included and before their children, once each.
    func testFoldersOfFilesComeParentsFirst() {
        let folders = OutputWriter.folders(of: ["index.html", "fiches/a/index.html", "fiches/b/c/index.html", "fiches/a/doc.odt", "x.xml"])
        XCTAssertEqual(folders, ["fiches", "fiches/a", "fiches/b", "fiches/b/c"])
    }
}
