/// One région of metropolitan France drawn alone, larger, with the outlines of its
/// départements (issue 13, « département outlines where useful »): the map of a région's
/// listing page. Each département is a shape with an accessible name and its count (a link
/// when the département has a listing page), shaded by count; each item with coordinates a
/// marker linking to its page. Drawn at build time, no script.
struct FranceRegionMap {
    struct Departement {
        let outline: FranceDepartements.Departement
        /// « Rhône (69) », as the site's list names it.
        let name: String
        let count: Int
        /// Root-relative; nil when the collection has no listing by département.
        let url: String?
    }

    let data: FranceMapData
    /// Accessible name of the whole map.
    let label: String
    let countText: (Int) -> String

    /// The box around the départements' outlines, with a margin of 3 % of its larger side,
    /// widened or heightened to the proportions of the map of France (`ratio`, width over
    /// height): the région is drawn in the same frame, at the same size on the page.
    static func box(_ paths: [String], ratio: Double) -> (x: Double, y: Double, width: Double, height: Double)? {
        guard let tight = box(paths) else { return nil }
        let width = max(tight.width, tight.height * ratio), height = width / ratio
        return (tight.x - (width - tight.width) / 2, tight.y - (height - tight.height) / 2, width, height)
    }

    static func box(_ paths: [String]) -> (x: Double, y: Double, width: Double, height: Double)? {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for path in paths {
            for ring in FranceRegionMap.rings(path) {
                for (x, y) in ring {
                    minX = min(minX, x)
                    maxX = max(maxX, x)
                    minY = min(minY, y)
                    maxY = max(maxY, y)
                }
            }
        }
        guard minX < maxX, minY < maxY else { return nil }
        let margin = max(maxX - minX, maxY - minY) * 0.03
        return (minX - margin, minY - margin, maxX - minX + 2 * margin, maxY - minY + 2 * margin)
    }

    /// The rings of a path written `M x yL x y…Z` (the data files' form).
    static func rings(_ path: String) -> [[(Double, Double)]] {
        path.split(separator: "M").map { ring in
            ring.split(whereSeparator: { $0 == "L" || $0 == "Z" }).compactMap { pair -> (Double, Double)? in
                let numbers = pair.split(separator: " ").compactMap { Double($0) }
                return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
            }
        }
    }

    /// The `<svg>` element, nil when no département has an outline; `root` leads to the site's root.
    func svg(departements: [Departement], markers: [FranceMap.Marker], root: String) -> String? {
        guard let box = FranceRegionMap.box(departements.map(\.outline.path), ratio: data.width / data.height) else { return nil }
        let largest = departements.map(\.count).max() ?? 0
        // Lines and markers keep the size they have on the map of France (600 units wide):
        // widths inherited from the `<svg>` and the markers' group (assets/carte.css).
        let unit = box.width / data.width
        func size(_ value: Double) -> String {
            let hundredths = max(1, Int((value * unit * 100).rounded()))
            let whole = hundredths / 100, rest = hundredths % 100
            if rest == 0 { return "\(whole)" }
            return "\(whole)." + (rest % 10 == 0 ? "\(rest / 10)" : (rest < 10 ? "0\(rest)" : "\(rest)"))
        }
        let viewBox = [box.x, box.y, box.width, box.height].map(FranceMap.show).joined(separator: " ")
        var out = "<svg class=\"carte-france carte-region\" viewBox=\"\(viewBox)\" stroke-width=\"\(size(0.8))\" aria-label=\"\(Escape.xml(label))\">\n"
        for departement in departements {
            out += FranceMap.shape(
                name: "\(departement.name) : \(countText(departement.count))", level: FranceMap.level(departement.count, max: largest),
                path: departement.outline.path, url: departement.url, attribute: "data-departement=\"\(departement.outline.code)\"", root: root)
        }
        out += FranceMap.markers(markers, data: data, root: root, radius: size(6), strokeWidth: size(2))
        return out + "</svg>"
    }
}
