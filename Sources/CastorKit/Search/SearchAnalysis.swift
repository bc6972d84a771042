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

    /// What results show under a title: the summary, then the start of the body.
    static func excerpt(summary: String, body: String) -> String {
        var start = body.utf8.startIndex
        while start < body.utf8.endIndex, body.utf8[start] <= 0x20 { start = body.utf8.index(after: start) }
        let head = body[start...].prefix(SearchIndex.excerptLength * 2)
        let text = SearchText.collapse(summary + " " + head)
        var excerpt = SearchText.prefix(text, limit: SearchIndex.excerptLength)
        if excerpt.utf8.count < text.utf8.count { excerpt += " …" }
        return excerpt
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
