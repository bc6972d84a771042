import Foundation
import XCTest

@testable import CastorKit

/// The preview's watcher: a save is one change, even when the editor makes it in two halves.
final class ContentWatcherTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("castor-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content/fiches"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "avant".write(to: folder.appendingPathComponent("content/fiches/scic.md"), atomically: false, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The next change the watcher reports while `save` runs on this thread, and whether the
    /// fiche existed at that moment (the preview reads the files as soon as it is told).
    func change(during save: () throws -> Void) throws -> (change: SiteStore.Change, ficheExisted: Bool) {
        let fiche = folder.appendingPathComponent("content/fiches/scic.md").path
        let content = folder.appendingPathComponent("content").path
        let templates = folder.appendingPathComponent("templates").path
        let result = Locked<(polling: Bool, change: SiteStore.Change?, ficheExisted: Bool)>((false, nil, false))
        let ready = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread {
            let watcher = ContentWatcher(content: content, templates: templates)
            result.withLock { $0.polling = watcher.usesPolling }
            ready.signal()
            let change = watcher.usesPolling ? nil : watcher.next(timeout: 10)
            let existed = FileManager.default.fileExists(atPath: fiche)
            result.withLock { $0.change = change; $0.ficheExisted = existed }
            done.signal()
        }.start()
        ready.wait()
        try XCTSkipIf(result.withLock { $0.polling }, "no inotify here")
        Thread.sleep(forTimeInterval: 0.05)  // the watcher is waiting
        try save()
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success)
        let (change, existed) = result.withLock { ($0.change, $0.ficheExisted) }
        return (try XCTUnwrap(change), existed)
    }

    func testAFileWrittenInPlaceIsOneChange() throws {
        let (change, existed) = try change {
            try "après".write(to: folder.appendingPathComponent("content/fiches/scic.md"), atomically: false, encoding: .utf8)
        }
        XCTAssertEqual(change.contentPaths, ["fiches/scic.md"])
        XCTAssertFalse(change.templatesChanged)
        XCTAssertTrue(existed)
    }

    /// vim's save: the file is renamed to its backup, then the new one is written, then the
    /// backup removed. With a pause between the halves (a busy machine), the change still holds
    /// the new file: the preview never sees the fiche deleted.
    func testASaveInTwoHalvesIsOneChange() throws {
        let file = folder.appendingPathComponent("content/fiches/scic.md")
        let backup = folder.appendingPathComponent("content/fiches/scic.md~")
        let (change, existed) = try change {
            XCTAssertEqual(rename(file.path, backup.path), 0)
            Thread.sleep(forTimeInterval: 0.01)
            try "après".write(to: file, atomically: false, encoding: .utf8)
            XCTAssertEqual(unlink(backup.path), 0)
        }
        XCTAssertTrue(change.contentPaths.contains("fiches/scic.md"), "\(change.contentPaths)")
        XCTAssertTrue(existed, "the change was reported between the two halves of the save")
    }
}
