import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('execution-report-№ 345-ALM-2026-06-30.pdf')).toBe(
      `attachment; filename="execution-report-_345-ALM-2026-06-30.pdf"; filename*=UTF-8''execution-report-%E2%84%96%20345-ALM-2026-06-30.pdf`,
    );
  });

  it('keeps a Cyrillic and Kazakh name exact in filename* and gives a safe ASCII fallback', () => {
    const header = contentDisposition('Тренинг қағидалары.pdf');
    expect(header).toBe(
      `attachment; filename="_.pdf"; filename*=UTF-8''${encodeURIComponent('Тренинг қағидалары.pdf')}`,
    );
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)![1];
    expect(decodeURIComponent(encoded)).toBe('Тренинг қағидалары.pdf');
  });

  it('leaves a plain ASCII name alone in both forms', () => {
    expect(contentDisposition('roster.csv')).toBe(`attachment; filename="roster.csv"; filename*=UTF-8''roster.csv`);
  });

  it('encodes quotes and whatever would end the value or inject a header', () => {
    const header = contentDisposition(`a'b"(c)*\r\nX: y.html`, 'inline');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(`inline; filename="a_b_c_X_y.html"; filename*=UTF-8''a%27b%22%28c%29%2A%0D%0AX%3A%20y.html`);
  });

  it('never lets a quote into the quoted fallback', () => {
    const header = contentDisposition('«Приказ "№ 17"».docx');
    const fallback = /filename="([^"]*)";/.exec(header)![1];
    expect(fallback).toBe('_17_.docx');
    expect(header.match(/"/g)).toHaveLength(2);
  });
});
