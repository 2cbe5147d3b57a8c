/** `attachment` (or `inline`) with an ASCII fallback name and the exact UTF-8 one (RFC 6266, RFC 8187). */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]+/g, '_');
  // encodeURIComponent leaves ' ( ) * alone, which RFC 8187 does not allow in a value.
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
