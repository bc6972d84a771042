import XCTest

@testable import CastorKit

/// The memo graph of the preview (`QueryGraph`): a query is made again only when a value it
/// read came out different, whatever happened in between.
final class QueryGraphTests: XCTestCase {
    func testOnlyTheReadersOfAChangedValueAreStale() {
        var graph = QueryGraph<String>()
        graph.set("a", 1)
        graph.set("b", 1)
        graph.record("page-a", reads: ["a"])
        graph.record("page-ab", reads: ["a", "b"])
        graph.record("page-none", reads: [])
        graph.settle()
        graph.advance()
        XCTAssertEqual(graph.staleQueries(), [])
        XCTAssertFalse(graph.set("b", 1), "the same fingerprint is no change (early cutoff)")
        XCTAssertEqual(graph.staleQueries(), [])
        XCTAssertTrue(graph.set("b", 2))
        XCTAssertTrue(graph.changedNow("b"))
        XCTAssertFalse(graph.changedNow("a"))
        XCTAssertEqual(graph.staleQueries(), ["page-ab"])
        XCTAssertTrue(graph.isFresh("page-a"))
        XCTAssertFalse(graph.isFresh("page-ab"))
        graph.record("page-ab", reads: ["a", "b"])
        XCTAssertEqual(graph.staleQueries(), [], "made again: fresh")
        XCTAssertTrue(graph.isFresh("page-ab"))
    }

    /// Changes across revisions whose queries were not made again (a save with errors, then
    /// the fix) are all seen; a value set back to what a query read is still a change since.
    func testChangesOfEveryRevisionSinceAQueryWasMadeAreSeen() {
        var graph = QueryGraph<String>()
        graph.set("a", 1)
        graph.set("b", 1)
        graph.record("page-a", reads: ["a"])
        graph.record("page-b", reads: ["b"])
        graph.settle()
        graph.advance()
        graph.set("a", 2)  // this publication fails: nothing is made, nothing settled
        graph.advance()
        graph.set("b", 2)
        XCTAssertEqual(graph.staleQueries(), ["page-a", "page-b"])
        graph.record("page-a", reads: ["a"])
        graph.record("page-b", reads: ["b"])
        graph.settle()
        graph.advance()
        graph.set("a", 3)
        graph.advance()
        graph.set("a", 2)
        XCTAssertEqual(graph.staleQueries(), ["page-a"], "2 → 3 → 2: changed since it was made")
    }

    /// A result made off the owner's loop from an older state is recorded at that state's
    /// revision: a change since makes it stale at once.
    func testAQueryRecordedAtAnOlderRevisionSeesTheChangesSince() {
        var graph = QueryGraph<String>()
        graph.set("a", 1)
        graph.record("search", reads: ["a"])
        graph.settle()
        graph.advance()
        let made = graph.revision  // a slow job starts from this state
        graph.advance()
        graph.set("a", 2)  // a save while it runs
        graph.record("search", reads: ["a"], at: made)
        XCTAssertFalse(graph.isFresh("search"))
        XCTAssertEqual(graph.staleQueries(), ["search"])
        // A value read for the first time is known from then on, unchanged since revision 0.
        graph.record("search", reads: ["a", "new"], initial: { $0 == "new" ? 7 : nil })
        XCTAssertEqual(graph.fingerprint("new"), 7)
        XCTAssertTrue(graph.isFresh("search"))
        graph.advance()
        graph.set("new", 7)
        XCTAssertTrue(graph.isFresh("search"))
        graph.set("new", 8)
        XCTAssertEqual(graph.staleQueries(), ["search"])
    }

    func testForgottenQueriesAreNoLongerKnownNorStale() {
        var graph = QueryGraph<String>()
        graph.set("a", 1)
        graph.record("page", reads: ["a"])
        graph.record("feed", reads: ["a"])
        graph.forgetQueries { $0 == "feed" }
        XCTAssertFalse(graph.isKnown("page"))
        XCTAssertTrue(graph.isKnown("feed"))
        graph.advance()
        graph.set("a", 2)
        XCTAssertEqual(graph.staleQueries(), ["feed"])
        graph.forget("feed")
        XCTAssertEqual(graph.staleQueries(), [])
        XCTAssertEqual(graph.readValues { _ in true }, [], "no query reads anything")
    }
}
