import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { problem, PROBLEM_CONTENT_TYPE } from '@lms/core';

/**
 * Requests Node's HTTP parser refuses before Express sees them (e.g. a URL
 * with raw, unencoded Cyrillic, or oversized headers) get a problem like any
 * other error, instead of Node's empty `400 Bad Request`.
 */
export function answerUnparseableRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!error.code?.startsWith('HPE_') || !socket.writable) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify(
      error.code === 'HPE_HEADER_OVERFLOW'
        ? problem(431, 'headers-too-large', 'The request headers are too large')
        : problem(
            400,
            'malformed-request',
            'The request could not be parsed; characters outside ASCII in the URL must be percent-encoded',
          ),
    );
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
}
