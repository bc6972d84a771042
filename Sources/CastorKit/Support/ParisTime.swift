import Foundation

/// Wall-clock times of Europe/Paris and their UTC offsets.
///
/// From 1981 on, France follows the European rule: summer time (UTC+2) from the last
/// Sunday of March to the last Sunday of October (of September until 1995), the clocks
/// changing at 01:00 UTC. That rule is written out here, and in the VTIMEZONE of the
/// calendar files, so both always agree. Earlier times use Foundation's time zone data.
public enum ParisTime {
    /// The first year the European rule covers.
    public static let ruleStartYear = 1981

    /// The UTC offset, in seconds, of a wall-clock time in Paris. As RFC 5545 asks, a time
    /// that does not exist (skipped in March) takes the offset before the change, and a
    /// time that happens twice (October) is the first one, still in summer time.
    public static func offset(_ time: LocalDateTime) -> Int {
        let date = time.date
        guard date.year >= ruleStartYear else { return historicOffset(time) }
        let start = lastSunday(month: 3, year: date.year)
        let end = lastSunday(month: date.year >= 1996 ? 10 : 9, year: date.year)
        let minutes = time.hour * 60 + time.minute
        // On both change days the wall clock is unambiguous again from 03:00.
        let isSummer: Bool
        if date < start || date > end {
            isSummer = false
        } else if date == start {
            isSummer = minutes >= 3 * 60
        } else if date == end {
            isSummer = minutes < 3 * 60
        } else {
            isSummer = true
        }
        return isSummer ? 7200 : 3600
    }

    /// The offset of a whole day's start (midnight, Paris).
    public static func offset(_ date: LocalDate) -> Int {
        offset(LocalDateTime(date: date, hour: 0, minute: 0)!)
    }

    /// Seconds since 1970-01-01T00:00Z of a wall-clock time in Paris.
    public static func epochSeconds(_ time: LocalDateTime) -> Int {
        (time.date.dayNumber * 1440 + time.hour * 60 + time.minute) * 60 - offset(time)
    }

    /// The same instant in UTC: `20270612T073000Z`.
    public static func utcStamp(_ time: LocalDateTime) -> String {
        let seconds = epochSeconds(time)
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let rest = seconds - days * 86_400
        let date = LocalDate(dayNumber: days)
        return compact(date) + "T" + String(format2: rest / 3600) + String(format2: rest % 3600 / 60)
            + String(format2: rest % 60) + "Z"
    }

    /// RFC 3339 with the Paris offset: `2027-06-12T09:30:00+02:00`.
    public static func rfc3339(_ time: LocalDateTime) -> String {
        let offsetMinutes = Int((Double(offset(time)) / 60).rounded())
        let sign = offsetMinutes < 0 ? "-" : "+"
        let absolute = abs(offsetMinutes)
        return time.iso + ":00" + sign + String(format2: absolute / 60) + ":" + String(format2: absolute % 60)
    }

    /// `20270612`: the basic ISO form calendars use.
    public static func compact(_ date: LocalDate) -> String {
        String(format4: date.year) + String(format2: date.month) + String(format2: date.day)
    }

    /// `20270612T093000`.
    public static func compact(_ time: LocalDateTime) -> String {
        compact(time.date) + "T" + String(format2: time.hour) + String(format2: time.minute) + "00"
    }

    public static func lastSunday(month: Int, year: Int) -> LocalDate {
        let last = LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
        return last.adding(days: -((last.weekday + 1) % 7))
    }

    static let zone = TimeZone(identifier: "Europe/Paris")

    /// Before 1981 (archives only): Foundation's time zone database.
    static func historicOffset(_ time: LocalDateTime) -> Int {
        guard let zone else { return 3600 }
        let wall = Double((time.date.dayNumber * 1440 + time.hour * 60 + time.minute) * 60)
        // The offset at the instant the wall time would be in standard time, then refined once.
        let first = zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall - 3600))
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall - Double(first)))
    }
}
