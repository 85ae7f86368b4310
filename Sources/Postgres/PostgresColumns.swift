/// The column names of one result, shared by all its rows.
struct PostgresColumns: Sendable {
    let names: [String]
    private let indexByName: [String: Int]

    init(_ names: [String]) {
        self.names = names
        // When two columns share a name the first wins, as with libpq's PQfnumber.
        var indexByName: [String: Int] = [:]
        for (index, name) in names.enumerated() where indexByName[name] == nil {
            indexByName[name] = index
        }
        self.indexByName = indexByName
    }

    func index(of name: String) -> Int? {
        indexByName[name]
    }
}
