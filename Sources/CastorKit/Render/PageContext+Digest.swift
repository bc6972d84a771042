/// The page of a newsletter issue (a collection declared with `digest:`) shows what Castor
/// added to it, as its e-mail does: `digest` (`sections` [{id, title, items [{title, url,
/// summary, dateLabel, dateISO, kindLabel}]}], `hasSections`, `mailUrl`, `textUrl`, absent
/// for the items of other collections.
extension PageContext {
    func addDigest(_ context: inout [String: Any], entry: Entry) {
        guard entry.collection.publishing.digest != nil,
            let issue = Digest.issues(site, log: log, only: entry.collection.id, bodies: false).first?.issues
                .first(where: { $0.entry.relativePath == entry.relativePath })
        else { return }
        let sections: [[String: Any]] = issue.parts.filter { !$0.entries.isEmpty }.map { part in
            let items = part.entries.map { item -> [String: Any] in
                var result = DigestMail.item(item, section: part.section, base: "")
                result["url"] = item.url
                return result
            }
            return ["id": part.section.id, "title": part.section.title, "items": items]
        }
        context["digest"] = [
            "sections": sections, "hasSections": !sections.isEmpty,
            "mailUrl": entry.url + DigestMail.htmlFile, "textUrl": entry.url + DigestMail.textFile,
        ]
    }
}
