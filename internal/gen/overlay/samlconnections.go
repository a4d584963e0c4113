package overlay

// samlConnectionsOps names the (deprecated) SAML connection calls.
func samlConnectionsOps() map[string]Op {
	idp := map[string]string{
		"idp_entity_id":    "IdPEntityID",
		"idp_sso_url":      "IdPSSOURL",
		"idp_certificate":  "IdPCertificate",
		"idp_metadata_url": "IdPMetadataURL",
		"idp_metadata":     "IdPMetadata",
	}
	idpUpdate := map[string]string{"allow_idp_initiated": "AllowIdPInitiated"}
	for k, v := range idp {
		idpUpdate[k] = v
	}
	return map[string]Op{
		"ListSAMLConnections":  {Package: "samlconnections", Method: "List", Doc: "returns one page of the instance's SAML connections; use enterpriseconnections instead."},
		"CreateSAMLConnection": {Package: "samlconnections", Method: "Create", Doc: "adds a SAML connection to an identity provider; use enterpriseconnections instead.", Params: idp},
		"GetSAMLConnection":    {Package: "samlconnections", Method: "Get", Doc: "fetches one SAML connection by ID; use enterpriseconnections instead."},
		"UpdateSAMLConnection": {Package: "samlconnections", Method: "Update", Doc: "changes the given settings of a SAML connection; use enterpriseconnections instead.", Params: idpUpdate},
		"DeleteSAMLConnection": {Package: "samlconnections", Method: "Delete", Doc: "removes a SAML connection; use enterpriseconnections instead."},
	}
}
