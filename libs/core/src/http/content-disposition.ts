/**
 * The Content-Disposition of every download (RFC 6266): a plain ASCII
 * `filename` for old clients and the exact name as UTF-8 in `filename*`
 * (RFC 8187), so Cyrillic and Kazakh names arrive intact. `inline` opens in
 * the browser (printable HTML); everything else downloads.
 */
export function contentDisposition(fileName: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]+/g, '_');
  // encodeURIComponent leaves ' ( ) * alone, which RFC 8187 does not allow in a value.
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
