/// `castor check`'s warning on the items of a collection declaring `stale`: published items
/// whose date field is more than `after_days` days before today (`--now`).
enum StaleItems {
    static func warnings(_ inventory: ContentInventory, today: LocalDate) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for entry in inventory.entries where inventory.published.contains(entry.relativePath) {
            guard let rule = entry.collection.publishing.stale, let day = entry[rule.field]?.day else { continue }
            let age = today.dayNumber - day.dayNumber
            guard age > rule.afterDays else { continue }
            let label = entry.collection.field(rule.field)?.label.lowercased() ?? rule.field
            // A message with « {date} » is the whole sentence, the date in its place.
            let message = rule.message.flatMap { $0.contains("{date}") ? $0.replacingOccurrences(of: "{date}", with: French.date(day)) : nil }
            result.append(
                .warning(entry.displayPath, entry.position(of: rule.field),
                    message ?? "« \(rule.field) » (\(label)) date du \(French.date(day)), il y a plus de \(StaleItems.duration(rule.afterDays))"
                        + (rule.message.map { " : \($0)" } ?? ""),
                    hint: "vérifiez les informations, puis écrivez la date du jour dans « \(rule.field) » (\(today.iso))"))
        }
        return result
    }

    /// « deux ans », « 90 jours ».
    static func duration(_ days: Int) -> String {
        if days % 365 == 0 {
            let years = days / 365
            let words = [1: "un an", 2: "deux ans", 3: "trois ans", 4: "quatre ans", 5: "cinq ans"]
            return words[years] ?? "\(years) ans"
        }
        return "\(days) jours"
    }
}
