import Foundation

/// Which declared field a volunteer meant when writing a key the collection does not declare.
extension CollectionSchema {
    public struct IntendedField: Sendable, Hashable {
        public let spec: FieldSpec
        /// The key is one of the field's French names (`lieu`), not a misspelling (`loaction`).
        public let isAlias: Bool
    }

    /// The field meant by `key`: same name but for case or accents (`Title`, `thèmes`), one of
    /// its aliases (`lieu`), or a near miss of its name or of an alias (`themse`, `lieux`). Nil
    /// when nothing is close enough: the key is then only an unknown field.
    public func intendedField(for key: String) -> IntendedField? {
        let wanted = CollectionSchema.fold(key)
        guard !wanted.isEmpty else { return nil }
        if let spec = fields.first(where: { CollectionSchema.fold($0.key) == wanted }) {
            return IntendedField(spec: spec, isAlias: false)
        }
        if let spec = fields.first(where: { $0.aliases.contains { CollectionSchema.fold($0) == wanted } }) {
            return IntendedField(spec: spec, isAlias: true)
        }
        var best: (spec: FieldSpec, distance: Int, isAlias: Bool)?
        for spec in fields {
            let names = [(spec.key, false)] + spec.aliases.map { ($0, true) }
            for (name, isAlias) in names {
                let folded = CollectionSchema.fold(name)
                // `où` or `pj` are near anything of two letters.
                guard folded.count >= 3 else { continue }
                let distance = CollectionSchema.distance(Array(wanted), Array(folded))
                // One slip in a short name, two in a longer one: `id` is not `end`.
                let allowed = min(wanted.count, folded.count) <= 4 ? 1 : 2
                if distance <= allowed, distance < (best?.distance ?? Int.max) { best = (spec, distance, isAlias) }
            }
        }
        return best.map { IntendedField(spec: $0.spec, isAlias: $0.isAlias) }
    }

    /// Lower case, no accents, words joined by `-`: `Mise à jour` → `mise-a-jour`.
    static func fold(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
        let words = folded.split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" || $0 == "\t" })
        return words.joined(separator: "-").replacingOccurrences(of: "’", with: "'")
    }

    /// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
