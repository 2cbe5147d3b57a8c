import type { Response } from 'express';
import { contentDisposition } from '@lms/core';

/** A lesson file as a download under its own name; its own policy forbids anything in it to run. */
export function sendAttachment(response: Response, file: { fileName: string; contentType: string; data: Buffer }) {
  response
    .type(file.contentType)
    .set('Content-Disposition', contentDisposition(file.fileName))
    .set('Content-Security-Policy', "default-src 'none'")
    .send(file.data);
}
