import Mustache

/// A partial rendered once and reused (`CardPartials`, `PagePartials`): the user's partial is
/// registered under another name, and under its own name a wrapper that shows the text already
/// rendered that the context holds at `key`, else renders the partial itself:
///
///     {{{.<key>}}}{{^.<key>}}{{>original}}{{/.<key>}}
enum WrappedPartial {
    /// Registers both; false, and nothing registered, when either cannot be parsed.
    static func register(
        _ name: String, text: String, original: String, key: String, pragma: String, in library: inout MustacheLibrary
    ) -> Bool {
        let mark = "." + key
        // `{{{.key}}}` writes the text (a `MustacheCustomRenderable`) without the section's
        // context push and second lookup of `{{#.key}}{{{.}}}{{/.key}}`; nothing when it is missing.
        let wrapper = "{{{\(mark)}}}{{^\(mark)}}{{>\(original)}}{{/\(mark)}}"
        guard let parsed = try? MustacheTemplate(string: pragma + text), let wrapped = try? MustacheTemplate(string: pragma + wrapper)
        else { return false }
        library.register(parsed, named: original)
        library.register(wrapped, named: name)
        return true
    }
}
