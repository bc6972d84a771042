import Foundation

/// Mistakes the YAML parser cannot name, found by reading the front matter's own lines: a quote
/// inside a quoted value, a quote never closed, a value cut short by « # ».
public enum YAMLSourceCheck {
    // MARK: Values cut by a comment

    /// Plain values of free-text fields followed on their line by ` #`: YAML reads the rest as
    /// a comment, so the value is cut (`location: Salle #2` gives « Salle »). A comment after a
    /// date, a yes/no, a number or a value from a list is left alone: `castor new` writes such
    /// comments, and the value is checked anyway. Positions count characters.
    public static func cutValues(_ tree: YAMLTree?, text: String, lineOffset: Int, schema: CollectionSchema) -> [YAMLReader.Failure] {
        // No `#`, no comment: nothing can have been cut (the common case, checked on bytes).
        guard case .map(let entries, _)? = tree, text.utf8.contains(UInt8(ascii: "#")) else { return [] }
        let lines = SourceLines(text)
        var notes: [YAMLReader.Failure] = []
        func visit(_ entries: [YAMLTree.Entry]) {
            for entry in entries {
                switch entry.value {
                case .scalar(_, .quoted, _): break
                case .scalar(_, .null, _):
                    if let note = emptiedByComment(entry, lines: lines, lineOffset: lineOffset) { notes.append(note) }
                case .scalar(let value, _, let position):
                    if let note = cut(value, at: position, key: entry.key, prefix: entry.key + ": ", lines: lines, lineOffset: lineOffset) {
                        notes.append(note)
                    }
                case .list(let items, _):
                    for item in items {
                        switch item {
                        case .scalar(_, .quoted, _), .scalar(_, .null, _): break
                        case .scalar(let value, _, let position):
                            if let note = cut(value, at: position, key: entry.key, prefix: "- ", lines: lines, lineOffset: lineOffset) {
                                notes.append(note)
                            }
                        case .map(let inner, _): visit(inner)
                        case .list: break
                        }
                    }
                case .map(let inner, _): visit(inner)
                }
            }
        }
        visit(entries.filter { schema.field($0.key)?.type.isFreeText == true })
        return notes
    }

    static let commentHint = "en YAML, « # » après une espace commence un commentaire ; mettez la valeur entre guillemets : "

    /// `key: text #rest` where the plain scalar `text` starts at `position`.
    static func cut(
        _ value: String, at position: SourcePosition, key: String, prefix: String, lines: SourceLines, lineOffset: Int
    ) -> YAMLReader.Failure? {
        guard !value.contains("\n"), let line = lines[position.line - lineOffset],
            let start = line.index(line.startIndex, offsetBy: position.column - 1, limitedBy: line.endIndex)
        else { return nil }
        let rest = line[start...]
        guard rest.hasPrefix(value) else { return nil }
        let after = rest.dropFirst(value.count)
        let comment = after.drop(while: isBlank)
        guard comment.first == "#", comment.count < after.count else { return nil }
        return YAMLReader.Failure(
            position: SourcePosition(line: position.line, column: position.column + value.count + after.count - comment.count),
            message: "la valeur de « \(key) » est coupée au « # » : seul « \(value) » serait publié",
            hint: commentHint + prefix + quoted(trimmedEnd(rest)))
    }

    /// `key: #rest`: the whole value is a comment, so the field is empty.
    static func emptiedByComment(_ entry: YAMLTree.Entry, lines: SourceLines, lineOffset: Int) -> YAMLReader.Failure? {
        let position = entry.keyPosition
        guard let line = lines[position.line - lineOffset],
            let start = line.index(line.startIndex, offsetBy: position.column - 1, limitedBy: line.endIndex)
        else { return nil }
        let rest = line[start...]
        guard rest.hasPrefix(entry.key) else { return nil }
        let colon = rest.dropFirst(entry.key.count).drop(while: isBlank)
        guard colon.first == ":" else { return nil }
        let after = colon.dropFirst()
        let comment = after.drop(while: isBlank)
        guard comment.first == "#", comment.count < after.count else { return nil }
        return YAMLReader.Failure(
            position: SourcePosition(line: position.line, column: line[..<comment.startIndex].count + 1),
            message: "la valeur de « \(entry.key) » est coupée au « # » : le champ serait vide",
            hint: commentHint + entry.key + ": " + quoted(trimmedEnd(comment)))
    }

    /// The value written so YAML reads it whole.
    static func quoted(_ value: Substring) -> String {
        if value.contains("\"") || value.contains("\\") { return "'" + value.replacingOccurrences(of: "'", with: "''") + "'" }
        return "\"" + value + "\""
    }

    static func isBlank(_ character: Character) -> Bool { character == " " || character == "\t" }

    static func trimmedEnd(_ text: Substring) -> Substring {
        var text = text
        while let last = text.last, isBlank(last) { text = text.dropLast() }
        return text
    }

    // MARK: Quote mistakes

    /// A line `key: value` or `- value` of the front matter.
    struct ValueLine {
        /// The field the value belongs to (for a list item, the field above it).
        var key: String?
        /// What comes before the value when the line is rewritten: `title: ` or `- `.
        var prefix: String
        /// The value, from its first character to the end of the line.
        var value: Substring
        var indent: Int
    }

    static func valueLine(_ line: Substring) -> ValueLine? {
        var rest = line.drop(while: { $0 == " " })
        let indent = line.count - rest.count
        if rest.hasPrefix("- ") {
            rest = rest.dropFirst(2).drop(while: isBlank)
            if rest.first == "'" || rest.first == "\"" { return ValueLine(key: nil, prefix: "- ", value: rest, indent: indent) }
        }
        let colon = rest.range(of: ": ") ?? (rest.hasSuffix(":") ? rest.index(before: rest.endIndex)..<rest.endIndex : nil)
        guard let colon else { return nil }
        let key = rest[..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, !key.contains(where: { "'\"[]{}#,".contains($0) }) else { return nil }
        return ValueLine(
            key: key, prefix: key + ": ", value: rest[colon.upperBound...].drop(while: isBlank), indent: indent)
    }

    /// The key of the field a list item on line `number` belongs to.
    static func parentKey(of number: Int, indent: Int, in lines: SourceLines) -> String? {
        var candidate = number - 1
        while candidate >= 1 {
            if let line = lines[candidate], let parsed = valueLine(line), parsed.indent <= indent,
                !line.drop(while: { $0 == " " }).hasPrefix("-"), let key = parsed.key
            {
                return key
            }
            candidate -= 1
        }
        return nil
    }

    /// The closing quote of a quoted value whose opening quote was just dropped.
    static func closingQuote(in text: Substring, _ quote: Character) -> Substring.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if quote == "\"" && character == "\\" {
                index = next < text.endIndex ? text.index(after: next) : next
                continue
            }
            if character == quote {
                if quote == "'" && next < text.endIndex && text[next] == "'" {
                    index = text.index(after: next)
                    continue
                }
                return index
            }
            index = next
        }
        return nil
    }

    /// When libyaml fails: the first line up to `lastLine` whose quoted value ends before the
    /// end of the line (a quote inside the value), or the line `unclosedQuoteLine` whose quote
    /// is never closed. Lines are 1-based in the YAML text.
    static func quoteMistake(_ lines: SourceLines, upTo lastLine: Int, unclosedQuoteLine: Int?, lineOffset: Int) -> YAMLReader.Failure? {
        guard lastLine >= 1 else { return nil }
        for number in 1...min(lastLine, lines.lines.count) {
            guard let line = lines[number], var parsed = valueLine(line), let quote = parsed.value.first,
                quote == "'" || quote == "\""
            else { continue }
            if parsed.key == nil { parsed.key = parentKey(of: number, indent: parsed.indent, in: lines) }
            let inner = parsed.value.dropFirst()
            let field = parsed.key.map { "dans la valeur de « \($0) »" } ?? "dans cette valeur"
            let single = quote == "'"
            if let closing = closingQuote(in: inner, quote) {
                let after = inner[inner.index(after: closing)...]
                let rest = after.drop(while: isBlank)
                if rest.isEmpty || (rest.first == "#" && rest.count < after.count) { continue }
                // `'L'atelier'`: the outer quotes were meant to quote the value. `"Atelier" du jeudi`:
                // the quotes belong to the text.
                var content = trimmedEnd(inner)
                if content.last == quote {
                    content = content.dropLast()
                } else if after.first.map(isBlank) == true {
                    content = trimmedEnd(parsed.value)
                }
                return YAMLReader.Failure(
                    position: SourcePosition(line: number + lineOffset, column: line[..<closing].count + 1),
                    message: single
                        ? "apostrophe « ' » en trop \(field) : la valeur entre apostrophes s'arrête ici"
                        : "guillemet « \" » en trop \(field) : la valeur entre guillemets s'arrête ici",
                    hint: single ? singleQuoteHint(content, prefix: parsed.prefix) : doubleQuoteHint(content, prefix: parsed.prefix))
            }
            guard number == unclosedQuoteLine else { continue }
            let content = trimmedEnd(inner)
            return YAMLReader.Failure(
                position: SourcePosition(line: number + lineOffset, column: line[..<parsed.value.startIndex].count + 1),
                message: single
                    ? "apostrophe « ' » ouverte ici mais jamais refermée \(field)"
                    : "guillemet « \" » ouvert ici mais jamais refermé \(field)",
                hint: single
                    ? "ajoutez l'apostrophe fermante à la fin de la valeur : \(parsed.prefix)'\(content)'"
                    : "ajoutez le guillemet fermant à la fin de la valeur : \(parsed.prefix)\"\(content)\"")
        }
        return nil
    }

    static func singleQuoteHint(_ content: Substring, prefix: String) -> String {
        let doubled = "doublez chaque apostrophe intérieure : \(prefix)'\(content.replacingOccurrences(of: "'", with: "''"))'"
        if content.contains("\"") || content.contains("\\") { return doubled }
        return "écrivez \(prefix)\"\(content)\" (entre guillemets droits), ou " + doubled
    }

    static func doubleQuoteHint(_ content: Substring, prefix: String) -> String {
        let escaped =
            "faites précéder chaque guillemet intérieur d'une barre oblique inversée : \(prefix)\"\(content.replacingOccurrences(of: "\"", with: "\\\""))\""
        if content.contains("'") { return escaped }
        return "écrivez \(prefix)'\(content)' (entre apostrophes), ou " + escaped
    }
}
