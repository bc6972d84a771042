/// The inline SVG map of metropolitan France's regions, drawn at build time (issue 13): each
/// region a link to its listing with an accessible name holding its count, shaded by count;
/// each item with coordinates a marker linking to its page. No script, no outside file.
struct FranceMap {
    /// One region of the map: `url` (root-relative) nil when it has no listing page.
    struct Region {
        let slug: String
        let name: String
        let count: Int
        let url: String?
    }

    struct Marker {
        let title: String
        let url: String
        let latitude: Double
        let longitude: Double
    }

    let data: FranceMapData
    /// Accessible name of the whole map (« Carte des partenaires par région »).
    let label: String
    /// Counts: `countText(3)` → « 3 partenaires ».
    let countText: (Int) -> String

    /// The shade of a count: 0 for none, then 1…4 by fourths of the largest count.
    static func level(_ count: Int, max: Int) -> Int {
        guard count > 0, max > 0 else { return 0 }
        return min(4, Int((4 * Double(count) / Double(max)).rounded(.up)))
    }

    /// One shape of a map (a region, a département): a link with its accessible name when it
    /// has a page (`url`), else a group; `attribute` says which (`data-region="bretagne"`).
    static func shape(name: String, level: Int, path: String, url: String?, attribute: String, root: String) -> String {
        let name = Escape.xml(name)
        let shape = "<path class=\"n\(level)\" d=\"\(path)\"/>"
        if let url {
            return "<a href=\"\(Escape.xml(root + url))\" aria-label=\"\(name)\" \(attribute)><title>\(name)</title>\(shape)</a>\n"
        }
        return "<g \(attribute)><title>\(name)</title>\(shape)</g>\n"
    }

    /// The markers' group, each a link to its item; `strokeWidth` set on the group when given.
    static func markers(_ markers: [Marker], data: FranceMapData, root: String, radius: String, strokeWidth: String? = nil) -> String {
        guard !markers.isEmpty else { return "" }
        var out = "<g class=\"points\"" + (strokeWidth.map { " stroke-width=\"\($0)\"" } ?? "") + ">\n"
        for marker in markers {
            let point = data.point(latitude: marker.latitude, longitude: marker.longitude)
            let title = Escape.xml(marker.title)
            out += "<a href=\"\(Escape.xml(root + marker.url))\" aria-label=\"\(title)\"><title>\(title)</title>"
                + "<circle cx=\"\(show(point.x))\" cy=\"\(show(point.y))\" r=\"\(radius)\"/></a>\n"
        }
        return out + "</g>\n"
    }

    /// « Bretagne : 3 partenaires ».
    func regionName(_ region: Region) -> String { "\(region.name) : \(countText(region.count))" }

    /// The `<svg>` element; `root` is the page's way back to the site's root (`../`).
    func svg(regions: [Region], markers: [Marker], root: String) -> String {
        let largest = regions.map(\.count).max() ?? 0
        var out = "<svg class=\"carte-france\" viewBox=\"0 0 \(Int(data.width)) \(Int(data.height))\" aria-label=\"\(Escape.xml(label))\">\n"
        let bySlug = Dictionary(regions.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        for outline in data.regions {
            let region = bySlug[outline.slug] ?? Region(slug: outline.slug, name: outline.name, count: 0, url: nil)
            out += FranceMap.shape(
                name: regionName(region), level: FranceMap.level(region.count, max: largest), path: outline.path, url: region.url,
                attribute: "data-region=\"\(outline.slug)\"", root: root)
        }
        out += FranceMap.markers(markers, data: data, root: root, radius: "6")
        return out + "</svg>"
    }

    /// One decimal, no trailing `.0`.
    static func show(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10, rest = abs(tenths) % 10
        return rest == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(rest)"
    }
}
