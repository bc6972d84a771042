/// How dates, sizes and prices are written for French readers.
public enum French {
    public static let months = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]
    public static let weekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

    /// « 1er mars 2026 », « 3 mars 2026 ».
    public static func date(_ date: LocalDate) -> String {
        "\(dayOrdinal(date.day)) \(months[date.month - 1]) \(date.year)"
    }

    /// « samedi 12 juin 2027 ».
    public static func longDate(_ date: LocalDate) -> String {
        "\(weekdays[date.weekday]) \(self.date(date))"
    }

    /// « juin 2027 ».
    public static func monthYear(_ date: LocalDate) -> String {
        "\(months[date.month - 1]) \(date.year)"
    }

    static func dayOrdinal(_ day: Int) -> String { day == 1 ? "1er" : "\(day)" }

    /// « 9 h 30 », « 17 h ».
    public static func time(hour: Int, minute: Int) -> String {
        minute == 0 ? "\(hour) h" : "\(hour) h \(String(format2: minute))"
    }

    /// « 12 Ko », « 1,4 Mo ».
    public static func fileSize(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) octets" }
        if bytes < 1_000_000 { return "\(Int((Double(bytes) / 1000).rounded())) Ko" }
        let tenths = Int((Double(bytes) / 100_000).rounded())
        let whole = tenths / 10
        let fraction = tenths % 10
        return fraction == 0 ? "\(whole) Mo" : "\(whole),\(fraction) Mo"
    }

    /// « 120 000 € », « 450,50 € » (narrow no-break spaces between groups and before €).
    public static func price(_ amount: Double) -> String {
        let cents = Int((amount * 100).rounded())
        let whole = cents / 100
        let rest = cents % 100
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "\u{202F}" + String(digits.suffix(3)) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        if rest != 0 { grouped += "," + String(format2: rest) }
        return grouped + "\u{00A0}€"
    }

    /// « 12 », « 2019 », « 12 500 », « 4,5 », « −1,68 »: a declared `number` field. Whole
    /// numbers are grouped by three from five digits on (years stay « 2019 »).
    public static func number(_ value: Double) -> String {
        let sign = value < 0 ? "\u{2212}" : ""
        let magnitude = abs(value)
        if magnitude == magnitude.rounded(), magnitude < 1e15 {
            var digits = String(Int(magnitude))
            guard digits.count > 4 else { return sign + digits }
            var grouped = ""
            while digits.count > 3 {
                grouped = "\u{202F}" + String(digits.suffix(3)) + grouped
                digits = String(digits.dropLast(3))
            }
            return sign + digits + grouped
        }
        return sign + "\(magnitude)".replacingOccurrences(of: ".", with: ",")
    }
}
