import Foundation

/// The agenda's files besides its pages: calendars (`Calendar.swift`), the Atom feed of newly
/// announced events, the JSON feed of upcoming events and the widget member associations
/// embed on their own sites.
public enum AgendaFeeds {
    /// The agenda's files, in the folder of the collection declared with `calendar:`.
    public static func atomFile(_ site: Site) -> String { site.agendaPrefix + "atom.xml" }
    public static func jsonFile(_ site: Site) -> String { site.agendaPrefix + (site.calendarCollection?.schema.publishing.calendar?.json ?? "") }
    public static func widgetFile(_ site: Site) -> String { site.agendaPrefix + "widget.js" }
    public static func sharePage(_ site: Site) -> String { site.agendaPrefix + "partager/" }

    /// The declared description of the agenda (`calendar: {description}`), said of one region.
    static func describe(_ site: Site, region label: String? = nil) -> String {
        let text = site.calendarCollection?.schema.publishing.calendar?.description ?? ""
        guard let label, !text.isEmpty else { return text }
        return (text.hasSuffix(".") ? String(text.dropLast()) : text) + " pour « \(label) »."
    }

    /// Every file to write, by path under the output folder; none without a calendar.
    public static func files(_ site: Site, log: ReadLog? = nil) -> [(path: String, text: String)] {
        guard let collection = site.calendarCollection else { return [] }
        let config = site.config
        let label = collection.schema.label
        // Calendars carry every event whole.
        if let log {
            log.value(.order(collection.schema.id))
            for event in site.events { log.item(event.entry.relativePath) }
        }
        var files: [(String, String)] = []
        let all = AgendaScope.all(site)
        // Each event's VEVENT once, on every core: it is in the whole agenda, its region's and its own.
        let vevents = site.events.parallelMap { ICalendar.vevent($0, site: site) }
        files.append(
            (all.calendarFile,
             ICalendar.calendar(
                events: vevents, site: site, name: "\(label) — " + config.title, description: describe(site), source: all.calendarFile)))
        if collection.schema.publishing.calendar?.scope != nil {
            for (region, regionLabel) in config.vocabulary(CalendarSpec.scopeVocabulary) {
                let scope = AgendaScope.region(region, of: site)
                files.append(
                    (scope.calendarFile,
                     ICalendar.calendar(
                        events: zip(site.events, vevents).filter { scope.contains($0.0) }.map(\.1), site: site,
                        name: "\(label) : \(regionLabel) — " + config.title,
                        description: describe(site, region: regionLabel), source: scope.calendarFile)))
            }
        }
        for (event, text) in zip(site.events, vevents) {
            files.append((event.calendarFile, ICalendar.calendar(events: [text], site: site, name: nil)))
        }
        files.append((atomFile(site), atom(site)))
        files.append((jsonFile(site), json(site)))
        files.append((widgetFile(site), widget(site)))
        return files
    }

    // MARK: - Atom

    /// Atom 1.0 feed of the most recently announced events: by `announced`, or by their first
    /// day when the field is missing; cancelled and postponed events stay, marked in the title.
    public static func atom(_ site: Site, limit: Int = 50) -> String {
        let config = site.config
        let base = config.baseURL
        let feedURL = base + atomFile(site)
        let label = site.calendarCollection?.schema.label ?? ""
        let events = site.events.sorted { a, b in
            (a.announcementDate, a.start, b.title) > (b.announcementDate, b.start, a.title)
        }.prefix(limit)
        let updated = events.map(\.announcementDate).max().map(Feeds.stamp) ?? Feeds.stamp(site.today)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escape.xml(config.language))">
            <title>\(Escape.xml(config.title)) — \(Escape.xml(label.lowercased()))</title>
            <subtitle>Événements nouvellement annoncés</subtitle>
            <link rel="self" type="application/atom+xml" href="\(Escape.xml(feedURL))"/>
            <link rel="alternate" type="text/html" href="\(Escape.xml(base + site.agendaPrefix))"/>
            <id>\(Escape.xml(feedURL))</id>
            <updated>\(updated)</updated>
            <author><name>\(Escape.xml(config.title))</name></author>

            """
        for event in events {
            let url = base + event.entry.url
            var title = event.title
            if let label = event.statusLabel { title = label + " : " + title }
            var facts = [PageContext.capitalized(event.frenchDateLabel)]
            if let location = event.location { facts.append(location) }
            if let region = event.region { facts.append(config.label(CalendarSpec.scopeVocabulary, region)) }
            if event.online != nil { facts.append("En ligne") }
            var summary = facts.joined(separator: " · ")
            if !event.summary.isEmpty { summary += ". " + event.summary }
            var content = ""
            if let label = event.statusLabel { content += "<p><strong>\(Escape.xml(label))</strong></p>\n" }
            content += "<p>\(facts.map(Escape.xml).joined(separator: " · "))</p>\n"
            if !event.summary.isEmpty { content += "<p>\(Escape.xml(event.summary))</p>\n" }
            content += site.bodies[event.entry.relativePath]?.html ?? ""
            var dates = ""
            if let announced = event.announced { dates += "<published>\(Feeds.stamp(announced))</published>\n" }
            dates += "<updated>\(Feeds.stamp(event.announcementDate))</updated>"
            var categories = ""
            if let region = event.region {
                categories += "<category term=\"\(Escape.xml(region))\" label=\"\(Escape.xml(config.label(CalendarSpec.scopeVocabulary, region)))\"/>\n"
            }
            categories += "<category term=\"\(event.status.rawValue)\" label=\"\(Escape.xml(event.statusLabel ?? "Confirmé"))\"/>"
            xml += """
                <entry xml:base="\(Escape.xml(url))">
                <title>\(Escape.xml(title))</title>
                <link rel="alternate" type="text/html" href="\(Escape.xml(url))"/>
                <link rel="enclosure" type="text/calendar" href="\(Escape.xml(base + event.calendarFile))"/>
                <id>\(Escape.xml(url))</id>
                \(dates)
                \(categories)
                <summary>\(Escape.xml(summary))</summary>
                <content type="html">\(Escape.xml(content))</content>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }

    // MARK: - JSON Feed

    /// JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the upcoming events, soonest
    /// first, with an `_agenda` extension holding the dates, place and status.
    public static func json(_ site: Site) -> String {
        let config = site.config
        let base = config.baseURL
        let upcoming = site.events.filter { $0.isUpcoming(today: site.today) }
        let feed = JSONFeed(
            version: "https://jsonfeed.org/version/1.1", title: config.title + " — " + (site.calendarCollection?.schema.label.lowercased() ?? ""),
            homePageURL: base + site.agendaPrefix, feedURL: base + jsonFile(site),
            description: describe(site), language: config.language,
            items: upcoming.map { event in
                JSONFeed.Item(
                    id: event.uid(config: config), url: base + event.entry.url, title: event.title,
                    summary: event.summary.isEmpty ? nil : event.summary,
                    contentText: ICalendar.description(event, site: site),
                    datePublished: event.announced.map { ParisTime.rfc3339(LocalDateTime(date: $0, hour: 0, minute: 0)!) },
                    tags: event.region.map { [config.label(CalendarSpec.scopeVocabulary, $0)] },
                    agenda: agendaFields(event, site: site))
            })
        return encode(feed, pretty: true) + "\n"
    }

    static func agendaFields(_ event: Event, site: Site) -> JSONFeed.AgendaFields {
        let config = site.config
        func stamp(_ time: EventTime?) -> String? {
            switch time {
            case .day(let date)?: return date.iso
            case .time(let time)?: return ParisTime.rfc3339(time)
            case nil: return nil
            }
        }
        return JSONFeed.AgendaFields(
            about: config.baseURL + sharePage(site) + "#json", start: stamp(event.start), end: stamp(event.end),
            allDay: event.isAllDay, lastDay: event.lastDay.iso, dateLabel: PageContext.capitalized(event.frenchDateLabel),
            location: event.location, online: event.online, registration: event.registration, region: event.region,
            regionLabel: event.region.map { config.label(CalendarSpec.scopeVocabulary, $0) }, status: event.status.rawValue,
            statusLabel: event.statusLabel, ics: config.baseURL + event.calendarFile)
    }

    struct JSONFeed: Encodable {
        let version: String
        let title: String
        let homePageURL: String
        let feedURL: String
        let description: String
        let language: String
        let items: [Item]

        enum CodingKeys: String, CodingKey {
            case version, title, description, language, items
            case homePageURL = "home_page_url"
            case feedURL = "feed_url"
        }

        struct Item: Encodable {
            let id: String
            let url: String
            let title: String
            let summary: String?
            let contentText: String
            let datePublished: String?
            let tags: [String]?
            let agenda: AgendaFields

            enum CodingKeys: String, CodingKey {
                case id, url, title, summary, tags
                case contentText = "content_text"
                case datePublished = "date_published"
                case agenda = "_agenda"
            }
        }

        struct AgendaFields: Encodable {
            let about: String
            /// `2027-06-11` (whole day) or `2027-06-12T09:30:00+02:00`.
            let start: String?
            let end: String?
            let allDay: Bool
            let lastDay: String
            let dateLabel: String
            let location: String?
            let online: String?
            let registration: String?
            let region: String?
            let regionLabel: String?
            let status: String
            let statusLabel: String?
            let ics: String

            enum CodingKeys: String, CodingKey {
                case about, start, end, location, online, registration, region, status, ics
                case allDay = "all_day"
                case lastDay = "last_day"
                case dateLabel = "date_label"
                case regionLabel = "region_label"
                case statusLabel = "status_label"
            }
        }
    }

    /// Sorted keys, so the same site gives the same bytes.
    static func encode<T: Encodable>(_ value: T, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { encoder.outputFormatting.insert(.prettyPrinted) }
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: - Widget

    /// The data the widget carries: upcoming events, soonest first, with what a list shows.
    struct WidgetData: Encodable {
        struct Item: Encodable {
            let title: String
            let url: String
            let date: String
            let start: String
            let lastDay: String
            let place: String?
            let region: String?
            let status: String?
        }

        let title: String
        let agenda: String
        let regions: [String: String]
        let events: [Item]
    }

    /// `agenda/widget.js`: the script with its data inside, so a member association's site
    /// (another origin, whose server sends no CORS header) needs no request of its own.
    public static func widget(_ site: Site) -> String {
        let config = site.config
        let base = config.baseURL
        let items = site.events.filter { $0.isUpcoming(today: site.today) }.map { event in
            WidgetData.Item(
                title: event.title, url: base + event.entry.url, date: PageContext.capitalized(event.frenchDateLabel),
                start: event.start.date.iso, lastDay: event.lastDay.iso,
                place: event.location ?? (event.online != nil ? "En ligne" : nil), region: event.region,
                status: event.statusLabel)
        }
        let data = WidgetData(
            title: config.title, agenda: base + site.agendaPrefix,
            regions: Dictionary(uniqueKeysWithValues: config.vocabulary(CalendarSpec.scopeVocabulary).map { ($0.key, $0.value) }),
            events: items)
        // The only value written into the script: one JSON literal, escaped for a script.
        // (Never a value in a comment: `*/` would end it.)
        return widgetScript.replacingOccurrences(of: "__AGENDA__", with: Escape.scriptJSON(encode(data, pretty: false)))
    }

    /// Plain ES5, no dependency: runs where it is included, renders a list with the DOM API
    /// (never `innerHTML`), inherits the host site's styles (it only spaces the items, through
    /// the CSSOM, which a Content-Security-Policy allows). Options on the `<script>` tag:
    /// `data-region` (a slug of `regions`) and `data-max` (how many events, 5 by default).
    static let widgetScript = #"""
        /* Agenda de l'habitat participatif : prochains événements, à intégrer sur un autre site.
           Mode d'emploi : page « Partager l'agenda » du site (partager/, dans le dossier de l'agenda). */
        (function () {
          "use strict";
          var agenda = __AGENDA__;
          var script = document.currentScript;
          if (!script) {
            var all = document.querySelectorAll("script[src*='widget.js']:not([data-agenda-pret])");
            script = all.length ? all[0] : null;
          }
          if (!script || !script.parentNode) { return; }
          script.setAttribute("data-agenda-pret", "");

          function pad(n) { return (n < 10 ? "0" : "") + n; }
          function today() {
            try {
              var format = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });
              var parts = format.formatToParts(new Date());
              var v = {};
              for (var i = 0; i < parts.length; i++) { v[parts[i].type] = parts[i].value; }
              return v.year + "-" + v.month + "-" + v.day;
            } catch (e) {
              var d = new Date();
              return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
            }
          }
          function element(name, className, text) {
            var node = document.createElement(name);
            if (className) { node.className = className; }
            if (text) { node.appendChild(document.createTextNode(text)); }
            return node;
          }

          var region = script.getAttribute("data-region") || "";
          var max = parseInt(script.getAttribute("data-max") || "5", 10);
          if (!(max > 0)) { max = 5; }
          var known = !region || Object.prototype.hasOwnProperty.call(agenda.regions, region);
          if (!known && window.console) { console.warn("Agenda : région inconnue « " + region + " »"); }
          var now = today();
          var events = [];
          for (var i = 0; i < agenda.events.length && events.length < max; i++) {
            var e = agenda.events[i];
            if (e.lastDay >= now && (!region || e.region === region)) { events.push(e); }
          }

          var box = element("div", "agenda-widget");
          box.setAttribute("lang", "fr");
          box.setAttribute("role", "region");
          var scope = region && known ? " : " + agenda.regions[region] : "";
          box.setAttribute("aria-label", "Prochains événements" + scope + " — " + agenda.title);
          if (events.length) {
            var list = element("ul", "agenda-widget-liste");
            for (var j = 0; j < events.length; j++) {
              var ev = events[j];
              var item = element("li", "agenda-widget-evenement");
              item.style.marginBottom = "0.5em";
              if (ev.status) { item.appendChild(element("strong", "agenda-widget-statut", ev.status + " : ")); }
              var link = element("a", "agenda-widget-titre", ev.title);
              link.href = ev.url;
              item.appendChild(link);
              item.appendChild(document.createElement("br"));
              var time = element("time", "agenda-widget-date", ev.date);
              time.setAttribute("datetime", ev.start);
              item.appendChild(time);
              if (ev.place) { item.appendChild(document.createTextNode(" · " + ev.place)); }
              list.appendChild(item);
            }
            box.appendChild(list);
          } else {
            box.appendChild(element("p", "agenda-widget-vide", "Aucun événement à venir pour le moment."));
          }
          var more = element("p", "agenda-widget-plus");
          var moreLink = element("a", "", "Tout l'agenda" + scope);
          moreLink.href = agenda.agenda + (region && known ? "regions/" + region + "/" : "");
          more.appendChild(moreLink);
          box.appendChild(more);
          script.parentNode.insertBefore(box, script.nextSibling);
        })();

        """#
}
