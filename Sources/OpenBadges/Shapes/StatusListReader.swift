/// Reads BitstringStatusListCredential and StatusList2021Credential documents.
enum StatusListReader {
    static func read(_ object: JSONObject, document: JSONValue) throws(InvalidReason) -> StatusList {
        let subject = object["credentialSubject"]?.asList.first { $0.objectValue != nil }
        guard let encoded = Field.string(subject?["encodedList"]) else {
            throw Field.missing("credentialSubject.encodedList", "a status list credential must carry its bitstring")
        }
        return StatusList(id: Field.id(object["id"]), issuerID: Field.id(object["issuer"]),
                          purpose: Field.string(subject?["statusPurpose"]).map(Text.lowercasedASCII),
                          encodedList: encoded, document: document)
    }
}
