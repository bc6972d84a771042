import Foundation
import ZIPFoundation

/// An OpenDocument package: a ZIP whose first entry is `mimetype`, stored (not compressed),
/// then the parts every document of a site has (styles, manifest), then the document's own
/// (content, meta), deflated. The shared parts are dated 1 January 2000, the document's own
/// its day, so the same parts give the same bytes (two builds, `castor build` and `castor serve`,
/// agree).
enum ODTPackage {
    struct Failure: Error, Sendable {
        let reason: String
    }

    /// What the packages of a site share: `styles.xml`, and the start of a package holding the
    /// parts every document has (mimetype, styles, manifest), compressed once. The styles are
    /// 16 KB of a package's 29 KB of XML, deflated for every document until then.
    final class Shared: Sendable {
        let styles: String
        private let made = Locked<Data?>(nil)

        init(styles: String) { self.styles = styles }

        /// The package with the shared parts only, made once, at the first call (a package
        /// asked for meanwhile waits for it).
        func start() throws -> Data {
            try made.once {
                let date = ODTPackage.sharedDate
                let archive = try Archive(accessMode: .create)
                try ODTPackage.add(archive, "mimetype", Data(ODTWriter.mimetype.utf8), date: date, compressed: false)
                try ODTPackage.add(archive, "styles.xml", Data(styles.utf8), date: date, compressed: true)
                try ODTPackage.add(archive, "META-INF/manifest.xml", Data(ODTWriter.manifest.utf8), date: date, compressed: true)
                guard let data = archive.data else { throw Failure(reason: "archive vide") }
                return data.withUnsafeBytes { Data($0) }
            }
        }
    }

    /// The date of the parts every package has.
    static let sharedDate = entryDate(LocalDate(year: 2000, month: 1, day: 1)!)

    /// The ZIP bytes of a document's parts after those it shares with the site's other documents.
    /// `day` dates the document's own entries (noon, so that no time zone moves it to another
    /// day); without it, 1 January 2000.
    static func zip(content: String, meta: String, day: LocalDate?, shared: Shared) throws(Failure) -> Data {
        let date = day.map(entryDate) ?? sharedDate
        do {
            let archive = try Archive(data: try shared.start(), accessMode: .update)
            try add(archive, "content.xml", Data(content.utf8), date: date, compressed: true)
            try add(archive, "meta.xml", Data(meta.utf8), date: date, compressed: true)
            guard let data = archive.data else { throw Failure(reason: "archive vide") }
            // A copy of its exact size: the archive's buffer has grown by doubling, and the
            // build keeps every package until it is written.
            return data.withUnsafeBytes { Data($0) }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(reason: "\(error)")
        }
    }

    /// ZIPFoundation turns an entry's date into its ZIP fields with `gmtime`, whose result is one
    /// buffer for the whole process: two packages made at once (the build makes them on all
    /// cores) could each get the other's year. One entry is added at a time.
    private static let entryLock = Locked(())

    private static func add(_ archive: Archive, _ path: String, _ data: Data, date: Date, compressed: Bool) throws {
        try entryLock.withLock { _ in try addEntry(archive, path, data, date: date, compressed: compressed) }
    }

    private static func addEntry(_ archive: Archive, _ path: String, _ data: Data, date: Date, compressed: Bool) throws {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date, permissions: 0o644,
            compressionMethod: compressed ? .deflate : .none
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// A date whose ZIP (MS-DOS) fields are `day` at noon whatever the machine's time zone:
    /// ZIPFoundation writes them in UTC (`gmtime`).
    static func entryDate(_ day: LocalDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 946_728_000)
    }
}
