/// The declaration keys that shape a collection's listings beyond `listings` itself:
/// `listing_paths` (the address segment of a listing, rather than the field's name),
/// `site_listings` (the items also go on the site-wide page of a value, `regions/<value>/`,
/// declared at the top of the file: `SiteListingPage`), and `feed: {per_value}` (a feed per value).
extension CollectionDeclarations.Reader {
    /// The fields of the vocabularies named by `entry` (each one of `listings`); nil when one is
    /// not (reported).
    mutating func listedFields(
        _ entry: YAMLTree.Entry, listings: [(vocabulary: String, field: String)], owner: String, collection id: String
    ) -> [String]? {
        guard let names = list(entry.value) else {
            error(entry.value.position, "\(owner) doit être une liste de listes de site.yml", hint: "par exemple : [regions]")
            return nil
        }
        var fields: [String] = []
        var valid = true
        for name in names {
            if let listing = listings.first(where: { $0.vocabulary == name }) {
                fields.append(listing.field)
            } else {
                error(entry.value.position, "\(owner) : « \(name) » n'est pas dans « listings » de la collection « \(id) »"
                    + CollectionDeclarations.suggestion(name, among: listings.map(\.vocabulary)),
                    hint: "seules les listes de « listings » ont une page par valeur : ajoutez « \(name) » à « listings »")
                valid = false
            }
        }
        return valid ? fields : nil
    }

    /// Reads `listing_paths` and `site_listings` into `result`; false when
    /// one is wrong (reported).
    mutating func listingKeys(
        _ values: [String: YAMLTree.Entry], listings: [(vocabulary: String, field: String)], fields: [FieldSpec], collection id: String,
        into result: inout CollectionPublishing
    ) -> Bool {
        let before = diagnostics.count
        if let entry = values["listing_paths"] {
            let example = "listing_paths: {regions: regions}"
            if case .map(let paths, _) = entry.value {
                var used: Set<String> = []
                for path in paths {
                    guard let listing = listings.first(where: { $0.vocabulary == path.key }) else {
                        error(path.keyPosition, "« listing_paths » : « \(path.key) » n'est pas dans « listings » de la collection « \(id) »"
                            + CollectionDeclarations.suggestion(path.key, among: listings.map(\.vocabulary)),
                            hint: "listes de « listings » : " + listings.map(\.vocabulary).joined(separator: ", "))
                        continue
                    }
                    guard let segment = path.value.text, !path.value.isEmpty, Slug.make(segment) == segment else {
                        error(path.value.position, "« listing_paths » : le chemin de « \(path.key) » s'écrit en minuscules, chiffres et tirets",
                            hint: "par exemple : \(example)")
                        continue
                    }
                    guard used.insert(segment).inserted else {
                        error(path.value.position, "« listing_paths » : le chemin « \(segment) » sert deux fois", hint: "chaque liste a son propre chemin")
                        continue
                    }
                    result.listingPaths[listing.field] = segment
                }
            } else {
                error(entry.value.position, "« listing_paths » de la collection « \(id) » associe une liste de « listings » à un chemin",
                    hint: "par exemple : \(example)")
            }
        }
        if let entry = values["site_listings"] {
            if let names = list(entry.value) {
                for name in names {
                    let onList = fields.contains { field in
                        switch field.type {
                        case .term(let vocabulary), .terms(let vocabulary): return vocabulary == name
                        default: return false
                        }
                    }
                    if onList {
                        // Checked once the top-level `site_listings:` is read (`checkSiteListingUses`).
                        siteListingUses.append((name, entry.value.position, id))
                    } else {
                        error(entry.value.position, "« site_listings » : aucun champ de « \(id) » ne prend ses valeurs dans la liste « \(name) »",
                            hint: "déclarez un champ de type term ou terms avec « vocabulary: \(name) », ou retirez « \(name) » de « site_listings »")
                    }
                }
                result.siteListings = names
            } else {
                error(entry.value.position, "« site_listings » doit être une liste de listes de site.yml", hint: "par exemple : site_listings: [regions]")
            }
        }
        return diagnostics.count == before
    }
}
