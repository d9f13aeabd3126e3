import Foundation
import PgDrift
import Testing

@Suite struct SnapshotDecodingTests {
    @Test func rejectsOtherFilesAndVersions() {
        let cases: [(String, String)] = [
            ("[1,2]", "not a JSON object"),
            ("{\"format\":\"other\",\"version\":1}", "not a pgdrift snapshot"),
            ("{\"format\":\"pgdrift-snapshot\",\"version\":7,\"catalog\":{}}", "unsupported snapshot version 7"),
        ]
        for (json, expected) in cases {
            let error = #expect(throws: SnapshotError.self) { try Snapshot.decode(Data(json.utf8)) }
            #expect(error?.message.hasPrefix(expected) == true, "\(error?.message ?? "")")
        }
    }

    @Test func namesTheMalformedField() {
        let json = """
            {"format":"pgdrift-snapshot","version":1,"catalog":{"tables":[
              {"name":{"schema":"public","name":"t"},"kind":"ordinary","is_unlogged":false,"inherits":[],
               "columns":[{"name":"a","type":{"name":"integer","array_dimensions":"one"},"is_not_null":false}],
               "constraints":[],"indexes":[],"row_level_security":false,"force_row_level_security":false,
               "policies":[],"triggers":[],"options":[],"grants":[]}]}}
            """
        let error = #expect(throws: SnapshotError.self) { try Snapshot.decode(Data(json.utf8)) }
        #expect(error?.message == "field 'catalog.tables[0].columns[0].type.array_dimensions': expected Int")
    }

    @Test func emptyCatalogRoundTrips() throws {
        let snapshot = Snapshot(catalog: Catalog())
        #expect(try Snapshot.decode(snapshot.jsonData()) == snapshot)
    }
}
