/// iCalendar files (RFC 5545) of the agenda, which calendar applications import or
/// subscribe to: CRLF line ends, lines folded at 75 octets, escaped text, local times in
/// Europe/Paris with its VTIMEZONE.
///
/// Choices, pinned by the tests:
/// - `UID` comes from the file's path and the site's host (`Event.uid`): the same across
///   builds and edits, new when the file is renamed.
/// - `DTSTAMP` is midnight UTC of the build's day (`--now`), so a build is reproducible.
/// - Whole-day events are `VALUE=DATE` with an exclusive `DTEND`; an event with a start
///   time and no end has no `DTEND`.
/// - Times before 1981, which the VTIMEZONE rules do not cover, are written in UTC.
/// - `STATUS`: `CONFIRMED`, `CANCELLED`, `TENTATIVE` for a postponed event; the summary of a
///   cancelled or postponed event also starts with « Annulé : » / « Reporté : ».
public enum ICalendar {
    public static let timeZone = "Europe/Paris"

    /// A whole calendar: every event given, after the VTIMEZONE (so an empty calendar is still valid).
    /// - Parameters:
    ///   - name: the calendar's name in the applications; nil for a single event to import.
    ///   - source: root-relative address of this file, for subscribers (`SOURCE`).
    public static func calendar(
        _ events: [Event], site: Site, name: String?, description: String? = nil, source: String? = nil
    ) -> String {
        calendar(events: events.map { vevent($0, site: site) }, site: site, name: name, description: description, source: source)
    }

    /// The same from the events' `VEVENT`s as `vevent(_:site:)` made them (an agenda's event is
    /// in three calendars: made once).
    public static func calendar(
        events: [String], site: Site, name: String?, description: String? = nil, source: String? = nil
    ) -> String {
        let config = site.config
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Castor//Agenda de l'habitat participatif//FR",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        ]
        if let name {
            lines += ["NAME:" + escape(name), "X-WR-CALNAME:" + escape(name)]
            if let description {
                lines += ["DESCRIPTION:" + escape(description), "X-WR-CALDESC:" + escape(description)]
            }
            lines += [
                "X-WR-TIMEZONE:" + timeZone, "REFRESH-INTERVAL;VALUE=DURATION:PT12H", "X-PUBLISHED-TTL:PT12H",
            ]
            if let source { lines.append("SOURCE;VALUE=URI:" + config.baseURL + source) }
        }
        lines += vtimezone
        var text = ""
        text.reserveCapacity(lines.count * 60 + events.reduce(0) { $0 + $1.utf8.count })
        for line in lines { text += fold(line) }
        for event in events { text += event }
        text += fold("END:VCALENDAR")
        return text
    }

    /// An event's `VEVENT`, folded, as calendars hold it.
    public static func vevent(_ event: Event, site: Site) -> String {
        let stamp = ParisTime.compact(site.today) + "T000000Z"
        var text = ""
        for line in vevent(event, site: site, stamp: stamp) { text += fold(line) }
        return text
    }

    /// Europe/Paris since 1981: summer time from the last Sunday of March, back to standard
    /// time on the last Sunday of September (until 1995), then of October, at 01:00 UTC.
    static let vtimezone = [
        "BEGIN:VTIMEZONE", "TZID:" + timeZone, "X-LIC-LOCATION:" + timeZone,
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
        "DTSTART:19810329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
        "DTSTART:19810927T030000", "RRULE:FREQ=YEARLY;BYMONTH=9;BYDAY=-1SU;UNTIL=19951231T235959Z", "END:STANDARD",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
        "DTSTART:19961027T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    static func vevent(_ event: Event, site: Site, stamp: String) -> [String] {
        let config = site.config
        var lines = ["BEGIN:VEVENT", "UID:" + escape(event.uid(config: config)), "DTSTAMP:" + stamp]
        lines += times(event)
        var summary = event.title
        if let label = event.statusLabel { summary = label + " : " + summary }
        lines.append("SUMMARY:" + escape(summary))
        lines.append("DESCRIPTION:" + escape(description(event, site: site)))
        if let location = event.location ?? event.online {
            lines.append("LOCATION:" + escape(location))
        }
        lines.append("URL:" + config.baseURL + event.entry.url)
        switch event.status {
        case .confirmed: lines.append("STATUS:CONFIRMED")
        case .cancelled: lines.append("STATUS:CANCELLED")
        case .postponed: lines.append("STATUS:TENTATIVE")
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// The text under the event in the applications: status, summary, then the useful links.
    /// Paragraphs are separated by an empty line, the links by a line break.
    public static func description(_ event: Event, site: Site) -> String {
        var blocks: [String] = []
        switch event.status {
        case .confirmed: break
        case .cancelled: blocks.append("Événement annulé.")
        case .postponed: blocks.append("Événement reporté : la nouvelle date sera annoncée sur le site.")
        }
        if !event.summary.isEmpty { blocks.append(event.summary) }
        var links: [String] = []
        if let online = event.online { links.append("En ligne : " + online) }
        if let registration = event.registration { links.append("Inscription : " + registration) }
        links.append("Détails : " + site.config.baseURL + event.entry.url)
        blocks.append(links.joined(separator: "\n"))
        return blocks.joined(separator: "\n\n")
    }

    /// `DTSTART` and `DTEND` (or `DURATION` past the year 9999).
    static func times(_ event: Event) -> [String] {
        switch (event.start, event.end) {
        case (.day(let first), _):
            // A whole-day start makes a whole-day event, even with an end time.
            let last = event.lastDay
            let exclusive = last.adding(days: 1)
            var lines = ["DTSTART;VALUE=DATE:" + ParisTime.compact(first)]
            if exclusive.year <= 9999 {
                lines.append("DTEND;VALUE=DATE:" + ParisTime.compact(exclusive))
            } else {
                lines.append("DURATION:P\(last.dayNumber - first.dayNumber + 1)D")
            }
            return lines
        case (.time(let start), nil):
            return [dateTime("DTSTART", start)]
        case (.time(let start), .time(let end)?):
            return [dateTime("DTSTART", start), dateTime("DTEND", end)]
        case (.time(let start), .day(let last)?):
            // Until the end of its last day.
            let next = last.adding(days: 1)
            if next.year <= 9999 {
                return [dateTime("DTSTART", start), dateTime("DTEND", LocalDateTime(date: next, hour: 0, minute: 0)!)]
            }
            return [dateTime("DTSTART", start), dateTime("DTEND", LocalDateTime(date: last, hour: 23, minute: 59)!)]
        }
    }

    static func dateTime(_ name: String, _ time: LocalDateTime) -> String {
        if time.date.year >= ParisTime.ruleStartYear {
            return name + ";TZID=" + timeZone + ":" + ParisTime.compact(time)
        }
        return name + ":" + ParisTime.utcStamp(time)
    }

    /// TEXT values (RFC 5545, 3.3.11): `\` `;` `,` and line breaks escaped; other control
    /// characters, which TEXT may not hold, left out.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One content line, folded so that no line is longer than 75 octets (CRLF apart),
    /// never inside a UTF-8 character; continuation lines start with a space.
    public static func fold(_ line: String) -> String {
        var out = ""
        out.reserveCapacity(line.utf8.count + line.utf8.count / 70 * 3 + 2)
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if octets + width > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += width
        }
        return out + "\r\n"
    }
}
