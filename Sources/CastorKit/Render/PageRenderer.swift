import Foundation

/// Renders one job with its template.
enum PageRenderer {
    /// The template of a declared collection's item: the declared one, else
    /// `<collection id>.mustache` when the templates folder has it, else the generic `item`.
    static func itemTemplate(_ schema: CollectionSchema, templates: TemplateSet) -> String {
        if let template = schema.template { return template }
        return templates.names.contains(schema.id) && !TemplateSet.required.contains(schema.id) ? schema.id : "item"
    }

    /// The finished page, as written to the site.
    static func page(_ job: RenderJob, context: PageContext, templates: TemplateSet) -> String {
        FrenchTypography.apply(render(job, context: context, templates: templates))
    }

    static func render(_ job: RenderJob, context: PageContext, templates: TemplateSet) -> String {
        let context = context.renderingCards(templates.cards)
        switch job.kind {
        case .home: return templates.render(context.home(), template: "home")
        case .item(let collection, let index):
            let schema = context.site.collections[collection].schema
            return templates.render(context.item(collection: collection, index: index), template: PageRenderer.itemTemplate(schema, templates: templates))
        case .listing(let listing, let page):
            return templates.render(context.listing(listing, pageNumber: page), template: "list")
        case .terms(let terms): return templates.render(context.terms(terms), template: "terms")
        case .share: return templates.render(context.share(), template: "share")
        case .search: return templates.render(context.search(), template: "recherche")
        case .notFound: return templates.render(context.notFound(), template: "404")
        }
    }
}
