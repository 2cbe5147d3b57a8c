import { contentDisposition } from './send-report';

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('attachment', 'execution-report-№ 345-ALM-2026-06-30.pdf')).toBe(
      `attachment; filename="execution-report-_345-ALM-2026-06-30.pdf"; filename*=UTF-8''execution-report-%E2%84%96%20345-ALM-2026-06-30.pdf`,
    );
  });

  it('encodes what would end the value or inject a header', () => {
    const header = contentDisposition('inline', `a'b"(c)*\r\nX: y.html`);
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(`inline; filename="a_b_c_X_y.html"; filename*=UTF-8''a%27b%22%28c%29%2A%0D%0AX%3A%20y.html`);
  });
});
