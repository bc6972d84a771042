import Foundation

/// `<prefix>carte.js` of each collection with `map:` (issue 13): the map to embed on a member
/// association's site with one script line, like the agenda's widget. The outlines, counts and
/// markers are inside the script, so the host page makes no request of its own (no CORS);
/// `data-region="bretagne"` zooms on one region and shows only its markers.
enum FranceMapWidget {
    static let fileName = "carte.js"

    struct Data: Encodable {
        struct Region: Encodable {
            let slug: String
            let name: String
            let text: String
            let count: Int
            let level: Int
            let url: String
            let path: String
            /// x, y, width, height of its outline, in the drawing's pixels.
            let box: [Double]
        }

        struct Marker: Encodable {
            let title: String
            let url: String
            let x: Double
            let y: Double
            let regions: [String]
        }

        let label: String
        let title: String
        let url: String
        let more: String
        let width: Double
        let height: Double
        let attribution: String
        let regions: [Region]
        let markers: [Marker]
    }

    /// The widget of each collection with a map.
    /// `log` records what they read (every item's card, and the collection's order).
    /// `only`: the widget of that collection alone.
    static func files(_ site: Site, only: String? = nil, log: ReadLog? = nil) -> [Feeds.File] {
        guard let data = site.franceMap else { return [] }
        return site.collections.filter { only == nil || $0.schema.id == only }.compactMap { collection in
            guard let map = collection.schema.publishing.map else { return nil }
            if let log {
                log.value(.order(collection.schema.id))
                for item in collection.items { log.card(item.entry.relativePath) }
            }
            return Feeds.File(file: collection.schema.publishedPrefix + fileName, text: script(site, collection, map: map, data: data))
        }
    }

    static func script(_ site: Site, _ collection: PublishedCollection, map: CollectionMap, data: FranceMapData) -> String {
        let schema = collection.schema
        let base = site.config.baseURL
        var counts: [String: Int] = [:]
        var markers: [Data.Marker] = []
        for item in collection.items {
            let regions = item.terms(map.field)
            for slug in regions { counts[slug, default: 0] += 1 }
            if let latitudeKey = map.latitude, let longitudeKey = map.longitude,
                let latitude = CollectionMap.number(item.entry[latitudeKey]), let longitude = CollectionMap.number(item.entry[longitudeKey])
            {
                let point = data.point(latitude: latitude, longitude: longitude)
                markers.append(.init(title: item.title, url: base + item.entry.url, x: round(point.x), y: round(point.y), regions: regions))
            }
        }
        let plural = schema.label.lowercased(), singular = schema.singular.lowercased()
        func countText(_ count: Int) -> String { "\(count) " + (count > 1 ? plural : singular) }
        let vocabulary = site.config.vocabulary(CollectionMap.vocabulary)
        let largest = counts.values.max() ?? 0
        let regions = data.regions.map { outline in
            let count = counts[outline.slug] ?? 0
            let name = vocabulary[outline.slug] ?? outline.name
            let linked = vocabulary[outline.slug] != nil && schema.publishing.listings.contains { $0.field == map.field }
            return Data.Region(
                slug: outline.slug, name: name, text: "\(name) : \(countText(count))", count: count,
                level: FranceMap.level(count, max: largest),
                url: linked ? base + SitePlan.termsURL(schema, field: map.field) + outline.slug + "/" : "",
                path: outline.path, box: box(outline.path))
        }
        let title = "\(schema.label) par région"
        let widget = Data(
            label: "Carte : \(title.lowercasedFirst) — \(site.config.title)", title: title, url: base + schema.publishedPrefix,
            more: "Voir les \(plural)", width: data.width, height: data.height, attribution: data.attribution,
            regions: regions, markers: markers)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(widget)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return widgetScript.replacingOccurrences(of: "__CARTE__", with: Escape.scriptJSON(json))
    }

    static func round(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// The bounding box of an `M x yL x y…Z` path.
    static func box(_ path: String) -> [Double] {
        var xs: [Double] = [], ys: [Double] = []
        for pair in path.split(whereSeparator: { $0 == "M" || $0 == "L" || $0 == "Z" }) {
            let numbers = pair.split(separator: " ").compactMap { Double($0) }
            guard numbers.count == 2 else { continue }
            xs.append(numbers[0])
            ys.append(numbers[1])
        }
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return [0, 0, 0, 0] }
        return [minX, minY, maxX - minX, maxY - minY]
    }

    /// Plain ES5, DOM API only (never `innerHTML`), colours written on the shapes so the host
    /// site's styles need nothing. Options on the `<script>` tag: `data-region` (a slug of
    /// `regions`: zoom on it, its markers only) and `data-width` (largest width, in pixels).
    static let widgetScript = #"""
        /* Carte de l'habitat participatif, à intégrer sur un autre site.
           <script src="…/carte.js" data-region="bretagne" async></script> */
        (function () {
          "use strict";
          var carte = __CARTE__;
          var NS = "http://www.w3.org/2000/svg";
          var COLORS = ["#f4f5f2", "#d6e4f2", "#a5c4e4", "#6b9fd0", "#2f6eab"];
          var script = document.currentScript;
          if (!script) {
            var all = document.querySelectorAll("script[src*='carte.js']:not([data-carte-prete])");
            script = all.length ? all[0] : null;
          }
          if (!script || !script.parentNode) { return; }
          script.setAttribute("data-carte-prete", "");

          function svg(name, attributes) {
            var node = document.createElementNS(NS, name);
            for (var key in attributes) {
              if (Object.prototype.hasOwnProperty.call(attributes, key)) { node.setAttribute(key, attributes[key]); }
            }
            return node;
          }
          function titled(node, text) {
            var title = document.createElementNS(NS, "title");
            title.appendChild(document.createTextNode(text));
            node.appendChild(title);
            return node;
          }

          var wanted = script.getAttribute("data-region") || "";
          var region = null;
          for (var r = 0; r < carte.regions.length; r++) {
            if (carte.regions[r].slug === wanted) { region = carte.regions[r]; }
          }
          if (wanted && !region && window.console) { console.warn("Carte : région inconnue « " + wanted + " »"); }
          var view = [0, 0, carte.width, carte.height];
          if (region) {
            var margin = Math.max(region.box[2], region.box[3]) * 0.08;
            view = [region.box[0] - margin, region.box[1] - margin, region.box[2] + 2 * margin, region.box[3] + 2 * margin];
          }
          var zoom = view[2] / carte.width;

          var figure = document.createElement("figure");
          figure.className = "carte-widget";
          figure.setAttribute("lang", "fr");
          figure.style.margin = "0";
          var drawing = svg("svg", {
            viewBox: view.join(" "),
            "aria-label": carte.label + (region ? " : " + region.name : "")
          });
          drawing.style.display = "block";
          drawing.style.width = "100%";
          drawing.style.height = "auto";
          drawing.style.maxWidth = (parseInt(script.getAttribute("data-width") || "480", 10) || 480) + "px";
          for (var i = 0; i < carte.regions.length; i++) {
            var item = carte.regions[i];
            var shown = !region || item === region;
            var shape = svg("path", {
              d: item.path, fill: shown ? COLORS[item.level] : "#e6e7e4", stroke: "#7f858b",
              "stroke-width": String(0.8 * zoom), "stroke-linejoin": "round"
            });
            if (shown && item.url) {
              var link = titled(svg("a", { href: item.url, "aria-label": item.text }), item.text);
              link.appendChild(shape);
              drawing.appendChild(link);
            } else {
              drawing.appendChild(shape);
            }
          }
          for (var m = 0; m < carte.markers.length; m++) {
            var marker = carte.markers[m];
            if (region && marker.regions.indexOf(region.slug) < 0) { continue; }
            var point = titled(svg("a", { href: marker.url, "aria-label": marker.title }), marker.title);
            point.appendChild(svg("circle", {
              cx: marker.x, cy: marker.y, r: String(6 * zoom), fill: "#a4161a", stroke: "#fff", "stroke-width": String(2 * zoom)
            }));
            drawing.appendChild(point);
          }
          figure.appendChild(drawing);
          var caption = document.createElement("figcaption");
          var more = document.createElement("a");
          more.href = region && region.url ? region.url : carte.url;
          more.appendChild(document.createTextNode(region ? region.text : carte.more));
          caption.appendChild(more);
          var source = document.createElement("small");
          source.style.display = "block";
          source.appendChild(document.createTextNode(carte.attribution));
          caption.appendChild(source);
          figure.appendChild(caption);
          script.parentNode.insertBefore(figure, script.nextSibling);
        })();

        """#
}
