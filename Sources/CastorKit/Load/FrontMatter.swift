/// Splits a Markdown file into its YAML front matter and its body.
public struct FrontMatter: Sendable {
    /// The YAML text between the two `---` lines.
    public let yaml: String
    /// The Markdown after the closing `---`.
    public let body: String
    /// The 1-based line of the file where the body starts.
    public let bodyFirstLine: Int

    public enum Failure: Error, Sendable, Equatable {
        case missingOpening
        case missingClosing
    }

    /// The file must start with a line `---`; the front matter ends at the next line that is
    /// `---` or `...`. Windows line ends and a byte order mark are accepted.
    public static func split(_ text: String) throws(Failure) -> FrontMatter {
        // Work on bytes: "\r\n" is a single Character for Swift.
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { lineStart = bytes.index(lineStart, offsetBy: 3) }
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            var line = bytes[lineStart..<lineEnd]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            lineNumber += 1
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : bytes.endIndex
            let isDashes = line.elementsEqual("---".utf8)
            if let yamlStartIndex = yamlStart {
                if isDashes || line.elementsEqual("...".utf8) {
                    var yaml = String(text[yamlStartIndex..<lineStart])
                    if yaml.utf8.contains(UInt8(ascii: "\r")) { yaml = yaml.replacingOccurrences(of: "\r\n", with: "\n") }
                    return FrontMatter(yaml: yaml, body: String(text[next...]), bodyFirstLine: lineNumber + 1)
                }
            } else {
                guard isDashes else { throw .missingOpening }
                yamlStart = next
            }
            lineStart = next
        }
        throw yamlStart == nil ? .missingOpening : .missingClosing
    }
}

extension Substring {
    func trimmingTrailingCR() -> Substring {
        hasSuffix("\r") ? dropLast() : self
    }
}

import Foundation

/// Text decoding that says where a file stops being UTF-8.
public enum TextDecoding {
    /// Returns the text, or the 1-based line and column (in characters) of the first invalid byte.
    public static func utf8(_ bytes: [UInt8]) -> Result<String, SourcePositionError> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        var line = 1
        var lineText = String.UnicodeScalarView()
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    lineText = String.UnicodeScalarView()
                } else {
                    lineText.append(scalar)
                }
            case .emptyInput, .error:
                let column = String(lineText).count + 1
                return .failure(SourcePositionError(position: SourcePosition(line: line, column: column)))
            }
        }
    }
}

public struct SourcePositionError: Error, Sendable {
    public let position: SourcePosition
}
