import XCTest

@testable import CastorKit

/// Which templates a page made with a template may use (`TemplateUses`): the preview renders a
/// page again when one of them changes, and only then.
final class TemplateUsesTests: XCTestCase {
    func testParentsAndPartialsAreFollowed() {
        let uses = TemplateUses(texts: [
            "base": "<html>{{>partials/header}}{{$main}}{{/main}}{{>partials/footer}}</html>",
            "list": "{{<base}}{{$main}}{{#items}}{{>partials/card}}{{/items}}{{/main}}{{/base}}",
            "event": "{{<base}}{{$main}}{{title}}{{/main}}{{/base}}",
            "partials/header": "<header>{{site.title}}</header>",
            "partials/footer": "<footer>{{>partials/links}}</footer>",
            "partials/links": "{{#links}}<a href=\"{{url}}\">{{label}}</a>{{/links}}",
            "partials/card": "<li>{{title}}</li>",
        ])
        XCTAssertEqual(
            uses.used(by: "list"), ["base", "list", "partials/card", "partials/footer", "partials/header", "partials/links"])
        XCTAssertEqual(uses.used(by: "event"), ["base", "event", "partials/footer", "partials/header", "partials/links"])
        XCTAssertFalse(uses.used(by: "event").contains("partials/card"), "an edited card changes the listings, not the events")
        XCTAssertEqual(uses.used(by: "partials/card"), ["partials/card"])
        XCTAssertNotEqual(uses.fingerprints["list"], uses.fingerprints["event"])
    }

    /// A dynamic partial or other delimiters: which template is used cannot be read from the
    /// text, so every page counts as using every template.
    func testADynamicPartialMakesEveryTemplateUsed() {
        let all = ["base", "item", "partials/card"]
        let dynamic = TemplateUses(texts: ["base": "{{>*kind}}", "item": "{{title}}", "partials/card": "{{title}}"])
        XCTAssertEqual(dynamic.used(by: "item"), all)
        let delimiters = TemplateUses(texts: ["base": "{{=<% %>=}}<%>partials/card%>", "item": "{{title}}", "partials/card": "{{title}}"])
        XCTAssertEqual(delimiters.used(by: "item"), all)
    }
}
