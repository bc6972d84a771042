import Foundation

/// The site's search index: small JavaScript files under `recherche/index/` that call
/// `window.__castorIndex(key, data)`, loaded by `assets/recherche-moteur.js` with `<script>` tags
/// (so they work from disk, where `fetch()` cannot read files, and under any sub-path).
///
/// - `index.js`: the manifest: version, document count, term shard keys, document types (with
///   the range of document numbers each holds), themes and regions.
/// - `t/<key>.js`: the terms whose stem starts with `key` (3 letters, longer where a shard
///   would be too big), each with its posting list: document numbers and precomputed scores.
/// - `d/<n>.js`: title, address, excerpt source and detail of documents `n × docsPerChunk …`.
/// - `f/theme-<slug>.js`, `f/region-<slug>.js`: which documents have a theme or a region.
///
/// A query downloads the manifest, one term shard per word, the chunks of the documents it
/// shows, and a facet file per filter in use.
public struct SearchIndex: Sendable {
    public struct File: Sendable {
        public let path: String
        public let text: String
    }

    /// Where the index goes, root-relative.
    public static let folder = "recherche/index/"

    public let files: [File]
    /// Documents indexed.
    public let documentCount: Int

    /// A document type, with the documents it holds (contiguous numbers).
    struct DocType {
        let slug: String
        let label: String
        /// Root-relative prefix of its documents' addresses.
        let prefix: String
        /// The collection (`Site.collections`) it holds.
        let collection: Int
        /// With `search: {groups: true}`: the group of the collection it holds.
        var group: String? = nil
        var start = 0
        var end = 0
    }

    /// One document before indexing.
    struct Document: Sendable {
        let type: Int
        let title: String
        let path: String
        let summary: String
        let headings: [String]
        let labels: [String]
        let attachments: [String]
        /// Rendered body, contacts masked.
        let html: String
        let meta: String
        let themes: [String]
        let regions: [String]
        /// What stands for a contact in its collection's texts (`contact_placeholder`), not indexed.
        let placeholder: String?
    }

    /// One document's use of a term, before scoring, in 8 bytes: the count (a whole number of
    /// at most 2^24, exact in a `Float`) and the fields it appears in (5 bits).
    struct Posting {
        let doc: Int32
        private let packed: UInt32

        init(doc: Int32, count: Float, fields: UInt8) {
            self.doc = doc
            packed = UInt32(count) << 5 | UInt32(fields & 31)
        }

        var count: Float { Float(packed >> 5) }
        var fields: UInt8 { UInt8(packed & 31) }
    }

    /// Documents analysed at once (`init`).
    static let analysisBatch = 1024

    enum Field {
        static let title: UInt8 = 1
        static let summary: UInt8 = 2
        static let headings: UInt8 = 4
        static let labels: UInt8 = 8
        static let attachments: UInt8 = 16
    }

    /// Characters of text kept per document for excerpts.
    public static let excerptLength = 280
    /// Documents per `d/<n>.js` file: one, so a result shown costs only its own few hundred bytes
    /// (two per file: +16 % to +40 % bytes per query on bench/search.sh, see docs/SPEC-internal.md).
    public static let docsPerChunk = 1
    /// A term shard bigger than this (in bytes) is split on the next letter.
    public static let shardLimit = 16_000

    public init(site: Site, log readLog: ReadLog? = nil) {
        let config = site.config
        // 1. Documents, grouped by type.
        var types: [DocType] = []
        // Collections with `search: {label}`: one type each, labelled as declared; with
        // `search: {groups: true}`, one type per group, under the group's label.
        for (index, collection) in site.collections.enumerated() {
            let schema = collection.schema
            if schema.publishing.searchGroups, case .grouped(let vocabulary) = schema.layout {
                for (slug, label) in config.vocabulary(vocabulary) {
                    types.append(DocType(slug: slug, label: label, prefix: schema.publishedPrefix + slug + "/", collection: index, group: slug))
                }
                continue
            }
            guard let label = collection.schema.publishing.searchLabel else { continue }
            types.append(DocType(slug: collection.schema.id, label: label, prefix: collection.schema.publishedPrefix, collection: index))
        }
        var documents: [Document] = []
        func add(_ type: Int, _ entry: Entry, summary: String, labels: [String], attachments: [String] = [],
                 meta: String = "", themes: [String] = [], regions: [String] = []) {
            let rendered = site.bodies[entry.relativePath]
            readLog?.item(entry.relativePath)
            documents.append(
                Document(
                    type: type, title: entry.title, path: entry.url, summary: summary,
                    headings: rendered?.headings.map(\.text) ?? [], labels: labels, attachments: attachments,
                    html: rendered?.html ?? "", meta: meta, themes: themes, regions: regions,
                    placeholder: entry.collection.publishing.contactPlaceholder))
        }
        if let readLog {
            for collection in site.collections { readLog.value(.order(collection.schema.id)) }
        }
        for (typeIndex, type) in types.enumerated() {
            types[typeIndex].start = documents.count
            let collection = type.collection
            // The type's label, then the labels of the item's term fields; the titles of its
            // attachments; its themes and regions for the search page's filters.
            let schema = site.collections[collection].schema
            for (itemIndex, item) in site.collections[collection].items.enumerated() {
                if let group = type.group, item.entry.group != group { continue }
                var labels = [type.label]
                var themes: [String] = []
                var regions: [String] = []
                var attachments: [String] = []
                for field in schema.fields {
                    switch field.type {
                    case .term(let vocabulary), .terms(let vocabulary):
                        let slugs = item.terms(field.key)
                        labels += slugs.map { config.label(vocabulary, $0) }
                        if vocabulary == "regions" { regions += slugs }
                        if vocabulary == "themes" { themes += slugs }
                    case .attachments:
                        if case .attachments(let files)? = item.entry[field.key] { attachments += files.map(\.title) }
                    default: continue
                    }
                }
                // A group's type is the item's kind already: no line under the title.
                var meta = type.group == nil ? labels.dropFirst().joined(separator: " · ") : ""
                if collection == site.calendar {
                    // An event: its place is searched, its dates are shown.
                    let event = site.events[itemIndex]
                    if let location = event.location { labels.append(location) }
                    meta = PageContext.capitalized(event.frenchDateLabel)
                }
                add(typeIndex, item.entry, summary: item.summary, labels: labels, attachments: attachments, meta: meta,
                    themes: themes, regions: regions)
            }
            types[typeIndex].end = documents.count
        }
        documentCount = documents.count

        // 2. Terms of each document, on every core, a batch at a time: each batch goes into
        // compact posting lists before the next one is analysed, so the documents' term lists
        // never all exist at once (they were the build's peak memory).
        var postings: [String: [Posting]] = [:]
        var lengths: [Float] = []
        var shownSoFar: [(title: String, excerpt: String)] = []
        lengths.reserveCapacity(documents.count)
        shownSoFar.reserveCapacity(documents.count)
        let analysed = documents
        for start in stride(from: 0, to: documents.count, by: SearchIndex.analysisBatch) {
            let end = min(start + SearchIndex.analysisBatch, documents.count)
            // Runs of documents, each analysed on one core; their postings follow each other
            // in document order.
            let runs = Array(stride(from: start, to: end, by: SearchIndex.analysisRun)).parallelMap { first in
                SearchIndex.analyse(analysed[first..<min(first + SearchIndex.analysisRun, end)], from: first)
            }
            for run in runs {
                lengths += run.lengths
                shownSoFar += run.shown
                for (term, list) in zip(run.terms, run.postings) { postings[term, default: []] += list }
            }
        }

        // What results show.
        let shown = shownSoFar

        // 3. Scores: BM25 on the whole document, plus a bonus per field where the term appears.
        var totalLength: Float = 0
        for length in lengths { totalLength += length }
        let count = Float(max(1, documents.count))
        let averageLength = max(1, totalLength / count)
        let norms = lengths.map { 1.2 * (0.25 + 0.75 * $0 / averageLength) }

        // 4. Term shards, split on the next letter while too big. Each list is in document
        // order (documents were added in order).
        let lists = postings
        postings = [:]
        let encoded: [(term: String, text: String)] = lists.keys.sorted().parallelMap { term in
            (term, SearchIndex.encodeTerm(term, SearchIndex.scores(lists[term]!, documents: count, norms: norms)))
        }
        var shards: [String: [String]] = [:]
        SearchIndex.split(encoded[...], key: nil, into: &shards)

        // 5. Files.
        var files: [File] = []
        let keys = shards.keys.sorted()
        for key in keys {
            files.append(File(path: "t/\(key).js", text: SearchIndex.call("t/" + key, "[" + shards[key]!.joined(separator: ",") + "]")))
        }
        let chunk = SearchIndex.docsPerChunk
        let prefixes = types.map(\.prefix)
        let docs = documents
        files += Array(stride(from: 0, to: documents.count, by: chunk)).parallelMap { start -> File in
            var values: [String] = []
            for number in start..<min(start + chunk, docs.count) {
                let doc = docs[number]
                let prefix = prefixes[doc.type]
                var path = doc.path
                if path.hasPrefix(prefix) && path.hasSuffix("/") { path = String(path.dropFirst(prefix.count).dropLast()) } else { path = "/" + path }
                values += [shown[number].title, path, shown[number].excerpt, doc.meta].map(JSONText.string)
            }
            return File(path: "d/\(start / chunk).js", text: SearchIndex.call("d/\(start / chunk)", "[" + values.joined(separator: ",") + "]"))
        }
        var facetLists: [String] = []
        for (facet, vocabulary, values) in [
            ("theme", "themes", documents.map(\.themes)), ("region", "regions", documents.map(\.regions)),
        ] {
            var used: [String] = []
            for (slug, label) in config.vocabulary(vocabulary) {
                var bits = [UInt8](repeating: 0, count: (documents.count + 7) / 8)
                var any = false
                for (number, list) in values.enumerated() where list.contains(slug) {
                    bits[number / 8] |= 1 << UInt8(number % 8)
                    any = true
                }
                guard any else { continue }
                used.append("[" + JSONText.string(slug) + "," + JSONText.string(label) + "]")
                let key = "f/\(facet)-\(slug)"
                files.append(File(path: key + ".js", text: SearchIndex.call(key, JSONText.string(Data(bits).base64EncodedString()))))
            }
            facetLists.append("\"\(facet)s\":[" + used.joined(separator: ",") + "]")
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in files {
            for byte in file.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            for byte in file.text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        let typeList = types.map { type in
            "[" + [type.slug, type.label, type.prefix].map(JSONText.string).joined(separator: ",") + ",\(type.start),\(type.end)]"
        }
        let manifest = "{\"v\":\"\(String(hash, radix: 36))\",\"n\":\(documents.count),\"c\":\(chunk),"
            + "\"k\":\(JSONText.string(SearchIndex.frontCoded(keys))),\"types\":[\(typeList.joined(separator: ","))],"
            + facetLists.joined(separator: ",") + "}"
        files.append(File(path: "index.js", text: SearchIndex.call("index", manifest)))
        self.files = files.map { File(path: SearchIndex.folder + $0.path, text: $0.text) }
    }

    /// Sorted keys, each written as the number of letters it shares with the previous one
    /// (one base-36 digit) and the rest: `coo coop cor` → `0coo 3p 2r`, joined by spaces.
    static func frontCoded(_ keys: [String]) -> String {
        var previous: [UInt8] = []
        return keys.map { key in
            let bytes = Array(key.utf8)
            var shared = 0
            while shared < min(35, previous.count, bytes.count) && previous[shared] == bytes[shared] { shared += 1 }
            previous = bytes
            return String(shared, radix: 36) + String(decoding: bytes[shared...], as: UTF8.self)
        }.joined(separator: " ")
    }

    static func call(_ key: String, _ json: String) -> String {
        "__castorIndex(\"\(key)\",\(json));\n"
    }

    /// The score of each posting of a term: BM25 (`norms`: each document's length norm,
    /// `documents`: how many there are) plus a bonus per field where the term appears.
    static func scores(_ list: [Posting], documents count: Float, norms: [Float]) -> [(doc: Int32, score: Float)] {
        let df = Float(list.count)
        let idf = log(1 + (count - df + 0.5) / (df + 0.5))
        return list.map { posting in
            let norm = norms[Int(posting.doc)]
            var weight = posting.count * 2.2 / (posting.count + norm)
            if posting.fields & Field.title != 0 { weight += 2.0 }
            if posting.fields & Field.summary != 0 { weight += 0.6 }
            if posting.fields & Field.headings != 0 { weight += 0.4 }
            if posting.fields & Field.labels != 0 { weight += 0.5 }
            if posting.fields & Field.attachments != 0 { weight += 0.4 }
            return (posting.doc, idf * weight)
        }
    }

    /// Alphabet of the posting lists (base64url order).
    static let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// `"term",scale,"postings"`: each posting is the gap from the previous document number
    /// (the first: the number itself) in 5-bit groups, most significant first, every group
    /// but the last with 32 added; then one character for the score, 1–63, in 63ths of `scale`.
    static func encodeTerm(_ term: String, _ list: [(doc: Int32, score: Float)]) -> String {
        let scale = list.map(\.score).max() ?? 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(list.count * 2)
        var previous: Int32 = 0
        for (doc, score) in list {
            let gap = Int(doc - previous)
            previous = doc
            // The groups written from the most significant one, without an array per posting.
            var shift = 0
            while gap >> (shift + 5) > 0 { shift += 5 }
            while shift > 0 {
                bytes.append(digits[((gap >> shift) & 31) + 32])
                shift -= 5
            }
            bytes.append(digits[gap & 31])
            let quantized = scale > 0 ? Int((score / scale * 63).rounded()) : 63
            bytes.append(digits[min(63, max(1, quantized))])
        }
        let scaleText = String(format: "%.4g", Double(scale))
        return JSONText.string(term) + "," + scaleText + ",\"" + String(decoding: bytes, as: UTF8.self) + "\""
    }

    /// Groups sorted terms into shards: by their first 3 letters, then by one more letter
    /// while a shard is bigger than `shardLimit`. A term exactly as long as a split key stays
    /// in the shard of that key.
    static func split(_ terms: ArraySlice<(term: String, text: String)>, key: String?, into shards: inout [String: [String]]) {
        var groups: [(String, ArraySlice<(term: String, text: String)>)] = []
        let depth = (key?.count ?? 2) + 1
        var start = terms.startIndex
        while start < terms.endIndex {
            let groupKey = terms[start].term.prefix(depth)
            var end = start + 1
            while end < terms.endIndex && terms[end].term.prefix(depth) == groupKey { end += 1 }
            groups.append((String(groupKey), terms[start..<end]))
            start = end
        }
        for (groupKey, group) in groups {
            let size = group.reduce(0) { $0 + $1.text.utf8.count }
            let longer = group.filter { $0.term.count > groupKey.count }
            if size > shardLimit && !longer.isEmpty && group.count > 1 {
                let exact = group.filter { $0.term == groupKey }
                if !exact.isEmpty { shards[groupKey, default: []] += exact.map(\.text) }
                split(ArraySlice(longer), key: groupKey, into: &shards)
            } else {
                shards[groupKey, default: []] += group.map(\.text)
            }
        }
    }
}

/// JSON string literals that are also safe JavaScript: `<`, `>`, `&`, U+2028 and U+2029 escaped.
enum JSONText {
    static func string(_ text: String) -> String {
        // Bytes in, bytes out (appending to a string scalar by scalar was most of this).
        var text = text
        return text.withUTF8 { input in
            var output: [UInt8] = []
            output.reserveCapacity(input.count + 2)
            output.append(UInt8(ascii: "\""))
            func escape(_ escaped: StaticString) {
                escaped.withUTF8Buffer { output.append(contentsOf: $0) }
            }
            var index = 0
            while index < input.count {
                let byte = input[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""): escape("\\\"")
                case UInt8(ascii: "\\"): escape("\\\\")
                case UInt8(ascii: "\n"): escape("\\n")
                case UInt8(ascii: "\r"): escape("\\r")
                case UInt8(ascii: "\t"): escape("\\t")
                case UInt8(ascii: "<"): escape("\\u003c")
                case UInt8(ascii: ">"): escape("\\u003e")
                case UInt8(ascii: "&"): escape("\\u0026")
                case 0..<0x20:
                    escape("\\u00")
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 15)])
                case 0xE2 where index + 1 < input.count && input[index] == 0x80 && (input[index + 1] == 0xA8 || input[index + 1] == 0xA9):
                    // U+2028, U+2029.
                    escape(input[index + 1] == 0xA8 ? "\\u2028" : "\\u2029")
                    index += 2
                default: output.append(byte)
                }
            }
            output.append(UInt8(ascii: "\""))
            return String(decoding: output, as: UTF8.self)
        }
    }

    static let hexDigits = Array("0123456789abcdef".utf8)
}
