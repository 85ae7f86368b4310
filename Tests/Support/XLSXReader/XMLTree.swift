import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element: enough of a DOM for the small parts of a package (workbook, styles,
/// relationships, drawings, charts). Names are local names: prefixes such as `c:` or `a:` are
/// dropped, because the parts we read never mix two elements of one name.
struct XMLTree {
    let name: String
    /// Attributes by qualified name (`r:id`) and also by local name (`id`).
    let attributes: [String: String]
    let children: [XMLTree]
    /// The text directly inside this element.
    let text: String

    subscript(attribute: String) -> String? { attributes[attribute] }

    /// The first child called `name`.
    func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    /// The children called `name`.
    func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// The first element called `name` at any depth below this one, depth first.
    func descendant(_ name: String) -> XMLTree? {
        for child in children {
            if child.name == name { return child }
            if let found = child.descendant(name) { return found }
        }
        return nil
    }

    /// Every element called `name` at any depth below this one, in document order.
    func descendants(_ name: String) -> [XMLTree] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
    }

    /// Follows a path of child names, e.g. `path("tx", "rich")`.
    func path(_ names: String...) -> XMLTree? {
        var element: XMLTree? = self
        for name in names { element = element?.child(name) }
        return element
    }

    /// Parses `data`, naming `part` in errors.
    static func parse(_ data: Data, part: String) throws -> XMLTree {
        let builder = Builder()
        // A stream feeds libxml2 in chunks; one chunk over 10 MB (a large sheet) fails to parse.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            let reason = parser.parserError.map { "\($0)" } ?? "no root element"
            throw XLSXReadError("The part \(part) is not well-formed XML: \(reason).")
        }
        return root
    }

    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    static func attributes(_ raw: [String: String]) -> [String: String] {
        var all = raw
        for (key, value) in raw where all[localName(key)] == nil { all[localName(key)] = value }
        return all
    }

    /// Builds the tree from parser events.
    private final class Builder: NSObject, XMLParserDelegate {
        private struct Open {
            var name: String
            var attributes: [String: String]
            var children: [XMLTree] = []
            var text = ""
        }
        private var stack: [Open] = []
        var root: XMLTree?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            stack.append(Open(name: XMLTree.localName(elementName), attributes: XMLTree.attributes(attributeDict)))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            guard let open = stack.popLast() else { return }
            let element = XMLTree(name: open.name, attributes: open.attributes, children: open.children, text: open.text)
            if stack.isEmpty {
                root = element
            } else {
                stack[stack.count - 1].children.append(element)
            }
        }
    }
}
