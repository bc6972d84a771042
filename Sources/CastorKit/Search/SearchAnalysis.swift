import Foundation

extension SearchIndex {
    /// The terms of a run of consecutive documents, analysed on one core: each distinct word of
    /// the run is made a string and stemmed once, not once per document (issue 15).
    struct Analysis: Sendable {
        /// The run's distinct terms.
        var terms: [String] = []
        /// Each term's postings (same order as `terms`), in document order.
        var postings: [[Posting]] = []
        /// Each document's length (its words that are terms) and what results show of it.
        var lengths: [Float] = []
        var shown: [(title: String, excerpt: String)] = []
    }

    /// Documents analysed together, sharing their words' terms.
    static let analysisRun = 64

    /// Counts every term of each document of `documents` (numbered from `first`), with the
    /// fields it appears in.
    static func analyse(_ documents: ArraySlice<Document>, from first: Int) -> Analysis {
        var counter = TermCounter()
        for (offset, doc) in documents.enumerated() {
            let title = SearchText.clean(doc.title)
            let summary = SearchText.clean(doc.summary)
            let body = SearchText.fromHTML(doc.html)
            counter.count(title, Field.title, placeholder: doc.placeholder)
            counter.count(summary, Field.summary, placeholder: doc.placeholder)
            for heading in doc.headings { counter.count(SearchText.clean(heading), Field.headings, placeholder: doc.placeholder) }
            for label in doc.labels { counter.count(SearchText.clean(label), Field.labels, placeholder: doc.placeholder) }
            for title in doc.attachments { counter.count(SearchText.clean(title), Field.attachments, placeholder: doc.placeholder) }
            counter.count(body, 0, placeholder: doc.placeholder)
            counter.analysis.lengths.append(counter.endDocument(Int32(first + offset)))
            counter.analysis.shown.append((title, excerpt(summary: summary, body: body)))
        }
        return counter.analysis
    }

    /// What results show under a title: the summary, then the start of the body (at most
    /// `excerptLength` characters of them, cut at a space, with « … » when cut).
    static func excerpt(summary: String, body: String) -> String {
        excerptOfSimpleText(summary: summary, body: body) ?? excerptOfAnyText(summary: summary, body: body)
    }

    /// `excerpt` counted in characters (grapheme clusters): the definition, for any text.
    static func excerptOfAnyText(summary: String, body: String) -> String {
        var start = body.utf8.startIndex
        while start < body.utf8.endIndex, body.utf8[start] <= 0x20 { start = body.utf8.index(after: start) }
        let head = body[start...].prefix(SearchIndex.excerptLength * 2)
        let text = SearchText.collapse(summary + " " + head)
        var excerpt = SearchText.prefix(text, limit: SearchIndex.excerptLength)
        if excerpt.utf8.count < text.utf8.count { excerpt += " …" }
        return excerpt
    }

    /// `excerpt` where every scalar read is below U+0300 and none is a carriage return: each
    /// scalar is then a character of its own (no combining mark, no CR LF pair), so characters
    /// are counted as scalars, from the UTF-8 bytes, without grapheme breaking. Nil otherwise.
    static func excerptOfSimpleText(summary: String, body: String) -> String? {
        let limit = SearchIndex.excerptLength
        // A scalar starts at every byte but 10xxxxxx; below U+0300: a lead byte below 0xCC.
        func isSimple(_ byte: UInt8) -> Bool { byte < 0xCC && byte != 0x0D }
        guard summary.utf8.allSatisfy(isSimple) else { return nil }
        let bytes = body.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex, bytes[start] <= 0x20 { start = bytes.index(after: start) }
        // The first 2 × `limit` scalars of the body, and the next one (it must not be a mark).
        var end = start
        var scalars = 0
        while end < bytes.endIndex {
            let byte = bytes[end]
            guard isSimple(byte) else { return nil }
            if byte & 0xC0 != 0x80 {
                if scalars == 2 * limit { break }
                scalars += 1
            }
            end = bytes.index(after: end)
        }
        let text = SearchText.collapse(summary + " " + body[start..<end])
        // The first `limit` scalars of `text`, cut at its last space if that leaves more than half.
        var cut = 0
        var count = 0
        var lastSpace: (offset: Int, scalar: Int)? = nil
        for byte in text.utf8 {
            if byte & 0xC0 != 0x80 {
                if count == limit { break }
                if byte == 0x20 { lastSpace = (cut, count) }
                count += 1
            }
            cut += 1
        }
        guard cut < text.utf8.count else { return text }
        if let lastSpace, lastSpace.scalar > limit / 2 { cut = lastSpace.offset }
        return String(decoding: text.utf8.prefix(cut), as: UTF8.self) + " …"
    }
}

/// The word counting of `SearchIndex.analyse`: each word met is looked up by its bytes in
/// `words`, which gives its term's number in the run (-1: a stop word or a one-letter word);
/// the current document's counts are kept per term number.
private struct TermCounter {
    var analysis = SearchIndex.Analysis()
    private var words = WordTable(capacity: 8192)
    private var termNumbers: [String: Int32] = [:]
    /// The current document's count and fields of each term of the run (0 where unused).
    private var counts: [Float] = []
    private var fields: [UInt8] = []
    /// The terms of the current document, in the order met.
    private var used: [Int32] = []

    mutating func count(_ text: String, _ field: UInt8, placeholder: String?) {
        FrenchAnalyzer.forEachWordBytes(SearchText.withoutPlaceholders(text, also: placeholder)) { word in
            let term: Int32
            if let known = words.value(of: word) {
                term = known
            } else {
                term = number(of: String(decoding: word, as: UTF8.self))
                words.add(word, term)
            }
            guard term >= 0 else { return }
            let index = Int(term)
            if counts[index] == 0 { used.append(term) }
            counts[index] += 1
            fields[index] |= field
        }
    }

    /// The number of the term of `word`, -1 if it has none.
    private mutating func number(of word: String) -> Int32 {
        guard let term = FrenchAnalyzer.term(word) else { return -1 }
        if let number = termNumbers[term] { return number }
        let number = Int32(analysis.terms.count)
        termNumbers[term] = number
        analysis.terms.append(term)
        analysis.postings.append([])
        counts.append(0)
        fields.append(0)
        return number
    }

    /// Adds the current document's postings, numbered `doc`; returns its length.
    mutating func endDocument(_ doc: Int32) -> Float {
        var length: Float = 0
        for term in used {
            let index = Int(term)
            length += counts[index]
            analysis.postings[index].append(SearchIndex.Posting(doc: doc, count: counts[index], fields: fields[index]))
            counts[index] = 0
            fields[index] = 0
        }
        used.removeAll(keepingCapacity: true)
        return length
    }
}
