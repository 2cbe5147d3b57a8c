/** Asserts an RFC 9457 problem response: status, content type and (when given) its stable type. */
export function expectProblem(
  res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
  status: number,
  type?: string,
): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.status).toBe(status);
  if (type) expect(res.body.type).toBe(`/problems/${type}`);
}
