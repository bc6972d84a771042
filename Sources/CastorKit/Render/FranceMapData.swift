import Foundation

/// The outlines of metropolitan France's 13 regions, already projected and simplified
/// (`templates/data/france-regions.json`, made by scripts/derive-france-map.py from IGN
/// Admin Express COG 2018, Licence Ouverte), and the Lambert-93 projection that places
/// points on them.
public struct FranceMapData: Sendable, Decodable {
    public struct Region: Sendable, Decodable {
        /// The slug of the region's name, a value of the `regions` list of site.yml.
        public let slug: String
        public let name: String
        /// INSEE code.
        public let code: String
        /// SVG path in the viewBox's pixels.
        public let path: String
    }

    struct ViewBox: Sendable, Decodable {
        let width: Double
        let height: Double
    }

    /// px = (X − originX) × scale, py = (originY − Y) × scale, for Lambert-93 metres X, Y.
    struct Transform: Sendable, Decodable {
        let originX: Double
        let originY: Double
        let scale: Double
    }

    public let attribution: String
    public let regions: [Region]
    let viewBox: ViewBox
    let transform: Transform

    enum CodingKeys: String, CodingKey { case attribution, regions, viewBox, transform }

    public var width: Double { viewBox.width }
    public var height: Double { viewBox.height }

    /// Where the data file is, under the templates folder.
    public static let file = "data/france-regions.json"

    /// A point in the viewBox (pixels, y downwards).
    public func point(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        let projected = FranceMapData.lambert93(latitude: latitude, longitude: longitude)
        return ((projected.x - transform.originX) * transform.scale, (transform.originY - projected.y) * transform.scale)
    }

    // MARK: - Lambert-93

    /// Lambert-93 (EPSG:2154): Lambert conformal conic with two standard parallels on GRS80.
    /// Formulas: J. P. Snyder, « Map Projections — A Working Manual », USGS Professional Paper
    /// 1395 (1987), p. 107-109, eq. 14-15 (m), 15-9 (t), 15-8 (n), 15-10 (F), 15-7 (ρ),
    /// 15-1 and 15-2 (x, y); parameters from IGN notice NT/G 71 (φ1 44°, φ2 49°, φ0 46.5°,
    /// λ0 3° E, X0 700 000 m, Y0 6 600 000 m). The same as scripts/derive-france-map.py.
    public static func lambert93(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        let p = Lambert93.shared
        let rho = p.a * p.bigF * pow(p.t(latitude * .pi / 180), p.n)
        let theta = p.n * (longitude - 3) * .pi / 180
        return (700_000 + rho * sin(theta), 6_600_000 + p.rho0 - rho * cos(theta))
    }

    private struct Lambert93: Sendable {
        let a = 6_378_137.0
        let e: Double
        let n: Double
        let bigF: Double
        let rho0: Double

        static let shared = Lambert93()

        init() {
            let f = 1 / 298.257222101
            e = (2 * f - f * f).squareRoot()
            let phi1 = 44.0 * .pi / 180, phi2 = 49.0 * .pi / 180, phi0 = 46.5 * .pi / 180
            let m1 = Lambert93.m(phi1, e), m2 = Lambert93.m(phi2, e)
            let t1 = Lambert93.t(phi1, e), t2 = Lambert93.t(phi2, e)
            n = (log(m1) - log(m2)) / (log(t1) - log(t2))
            bigF = m1 / (n * pow(t1, n))
            rho0 = a * bigF * pow(Lambert93.t(phi0, e), n)
        }

        func t(_ phi: Double) -> Double { Lambert93.t(phi, e) }

        static func m(_ phi: Double, _ e: Double) -> Double { cos(phi) / (1 - pow(e * sin(phi), 2)).squareRoot() }

        static func t(_ phi: Double, _ e: Double) -> Double {
            let s = e * sin(phi)
            return tan(.pi / 4 - phi / 2) / pow((1 - s) / (1 + s), e / 2)
        }
    }

    // MARK: - Loading

    /// Reads the data file when a collection has a map; the problem (at `map:` of
    /// collections.yml, shown as `declarationsFile`) when it is missing or unreadable.
    public static func load(templates: String, collections: [CollectionSchema], declarationsFile: String) -> (FranceMapData?, [Diagnostic]) {
        guard let (collection, map) = collections.lazy.compactMap({ schema in schema.publishing.map.map { (schema.id, $0) } }).first else {
            return (nil, [])
        }
        let path = templates + "/" + file
        func problem(_ message: String) -> (FranceMapData?, [Diagnostic]) {
            (nil, [.error(declarationsFile, map.position, "la carte de « \(collection) » : \(message)",
                hint: "remettez le fichier \(path) du dépôt de Castor, ou refaites-le avec scripts/derive-france-map.py (docs/gabarits.md, « La carte des régions »)")])
        }
        guard FileIO.exists(path), !FileIO.isDirectory(path) else { return problem("le fichier des contours \(path) est introuvable") }
        do {
            let data = try FranceMapData.decode(Data(FileIO.read(path)))
            return (data, [])
        } catch {
            return problem("le fichier des contours \(path) est illisible (\(error))")
        }
    }

    static func decode(_ data: Data) throws -> FranceMapData {
        try JSONDecoder().decode(FranceMapData.self, from: data)
    }
}
