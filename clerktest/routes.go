package clerktest

// routeTable lists every implemented route, relative to /v1.
func (e *Emulator) routeTable() []route {
	var t []route
	t = e.userRoutes(t)
	t = e.sessionRoutes(t)
	t = e.jwtTemplateRoutes(t)
	t = e.orgRoutes(t)
	t = e.membershipRoutes(t)
	t = e.invitationRoutes(t)
	t = e.apiKeyRoutes(t)
	t = e.m2mRoutes(t)
	t = e.billingRoutes(t)
	t = e.identifierRoutes(t)
	t = e.oneTimeTokenRoutes(t)
	t = e.identificationRoutes(t)
	t = e.instanceResourceRoutes(t)
	t = e.waitlistRoutes(t)
	t = e.roleRoutes(t)
	t = e.machineRoutes(t)
	t = e.instanceRoutes(t)
	t = e.clientRoutes(t)
	t = e.signUpRoutes(t)
	t = e.orgDomainRoutes(t)
	t = e.emailTemplateRoutes(t)
	t = e.oauthAppRoutes(t)
	t = e.samlRoutes(t)
	t = e.roleSetRoutes(t)
	t = e.enterpriseRoutes(t)
	t = e.directoryRoutes(t)
	t = e.directoryV2026Routes(t)
	return t
}
