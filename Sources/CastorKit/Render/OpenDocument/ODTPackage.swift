import Foundation
import ZIPFoundation

/// An OpenDocument package: a ZIP whose first entry is `mimetype`, stored (not compressed),
/// then the XML parts (deflated) and the manifest. Every entry has the same fixed date, so the
/// same parts give the same bytes (two builds, `castor build` and `castor serve`, agree).
enum ODTPackage {
    struct Failure: Error, Sendable {
        let reason: String
    }

    /// The ZIP bytes of the parts. `day` dates every entry (noon, so that no time zone moves
    /// it to another day); without it, 1 January 2000.
    static func zip(content: String, styles: String, meta: String, day: LocalDate?) throws(Failure) -> Data {
        let date = entryDate(day ?? LocalDate(year: 2000, month: 1, day: 1)!)
        do {
            let archive = try Archive(accessMode: .create)
            try add(archive, "mimetype", Data(ODTWriter.mimetype.utf8), date: date, compressed: false)
            try add(archive, "content.xml", Data(content.utf8), date: date, compressed: true)
            try add(archive, "styles.xml", Data(styles.utf8), date: date, compressed: true)
            try add(archive, "meta.xml", Data(meta.utf8), date: date, compressed: true)
            try add(archive, "META-INF/manifest.xml", Data(ODTWriter.manifest.utf8), date: date, compressed: true)
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
