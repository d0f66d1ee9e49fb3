// Routes under /test-api/ that browser tests use as a real HTTP backend (see test/support/README).
export async function testApiMiddleware(context, next) {
  return next();
}
