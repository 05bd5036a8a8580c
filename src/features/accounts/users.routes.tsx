export function usersRoutes(_app: any, _deps: any) {}
