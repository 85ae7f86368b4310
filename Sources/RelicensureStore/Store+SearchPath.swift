import Postgres

extension Store {
    /// Makes the session find the ledger's tables whatever `search_path` the role or database
    /// sets: the one schema that holds `schema_migrations` is put first; on a database with no
    /// ledger yet and no usable schema on the path (`search_path = ''`), `public` is used.
    func findLedgerSchema() throws {
        let holders = try connection.query("""
            SELECT n.nspname FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relname = 'schema_migrations' AND c.relkind IN ('r', 'p')
            """, [])
        let current = try connection.query("SELECT current_schema()", []).first?[0]
        let schema: String
        if holders.count == 1, let holder = holders.first?[0] {
            guard holder != current else { return }
            schema = holder
        } else if current == nil {
            schema = "public"
        } else {
            return
        }
        try connection.query("SELECT pg_catalog.set_config('search_path', pg_catalog.quote_ident($1), false)", [schema])
    }
}
