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

    /// The page's HTML before typography; the template it is made with is recorded as read.
    static func render(_ job: RenderJob, context: PageContext, templates: TemplateSet) -> String {
        let context = context.renderingCards(templates.cards)
        var values: [String: Any]
        let template: String
        switch job.kind {
        case .home: (values, template) = (context.home(), "home")
        case .item(let collection, let index):
            let schema = context.site.collections[collection].schema
            (values, template) = (context.item(collection: collection, index: index), PageRenderer.itemTemplate(schema, templates: templates))
        case .listing(let listing, let page): (values, template) = (context.listing(listing, pageNumber: page), "list")
        case .terms(let terms): (values, template) = (context.terms(terms), "terms")
        case .share: (values, template) = (context.share(), "share")
        case .search: (values, template) = (context.search(), "recherche")
        case .notFound: (values, template) = (context.notFound(), "404")
        }
        context.readsTemplate(template)
        templates.pages?.mark(&values, store: context.pageStore)
        return templates.render(values, template: template)
    }
}
