import { request } from 'node:http';
import type { EventStreamOpener } from '../../app/api/index.js';

/**
 * A Server-Sent Events reader for Node (which has no EventSource), so Node
 * hosts and the contract suite use the very same HTTP transport as browsers.
 * Returns the opener and a function that closes every stream it opened.
 */
export function createNodeEventStream(): { open: EventStreamOpener; closeAll: () => void } {
  const open = new Set<() => void>();
  let closed = false;
  const opener: EventStreamOpener = (url, handlers) => {
    if (closed) return;
    const req = request(url, { headers: { Accept: 'text/event-stream' } }, (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length === 0) continue;
          if (event === 'hello') handlers.onHello((JSON.parse(data.join('\n')) as { streamId: string }).streamId);
          else handlers.onMessage(data.join('\n'));
        }
      });
      response.on('end', () => { if (!closed) handlers.onClosed(); });
    });
    req.on('error', () => { if (!closed) handlers.onClosed(); });
    req.end();
    open.add(() => req.destroy());
  };
  return {
    open: opener,
    closeAll: () => {
      closed = true;
      for (const close of open) close();
      open.clear();
    },
  };
}
