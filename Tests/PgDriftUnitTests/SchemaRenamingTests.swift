import PgDriftSQL
import Testing

/// A tenant's names moved to the template's schema by PostgreSQL's scanner (issue 24): qualified names and
/// regclass literals, and nothing else.
@Suite struct SchemaRenamingTests {
    @Test(arguments: [
        ("nextval('tenant_7.t_id_seq'::regclass)", "nextval('public.t_id_seq'::regclass)"),
        ("SELECT t.id FROM tenant_7.t JOIN tenant_7.u ON u.id = t.id", "SELECT t.id FROM public.t JOIN public.u ON u.id = t.id"),
        ("EXECUTE FUNCTION tenant_7.touch()", "EXECUTE FUNCTION public.touch()"),
        ("CHECK ((n OPERATOR(tenant_7.=) 1))", "CHECK ((n OPERATOR(public.=) 1))"),
        ("\"Tenant 7\".t", "\"Tenant 7\".t"),
        ("tenant_7_idx", "tenant_7_idx"),
        ("'tenant_7.x'::text", "'tenant_7.x'::text"),
        ("-- tenant_7.t in a comment", "-- tenant_7.t in a comment"),
        ("tenant_7", "tenant_7"),
    ])
    func renamesQualifiedNamesOnly(_ pair: (String, String)) {
        #expect(SchemaRenaming.rename(pair.0, from: "tenant_7", to: "public") == pair.1)
    }

    @Test func quotedSchemasOnBothSides() {
        #expect(SchemaRenaming.rename("SELECT \"Tenant 7\".t.a, 'Tenant 7'", from: "Tenant 7", to: "public") == "SELECT public.t.a, 'Tenant 7'")
        #expect(SchemaRenaming.rename("nextval('\"Tenant 7\".s'::regclass)", from: "Tenant 7", to: "My App")
            == "nextval('\"My App\".s'::regclass)")
        #expect(SchemaRenaming.rename("tenant_7.t", from: "tenant_7", to: "My App") == "\"My App\".t")
    }
}
