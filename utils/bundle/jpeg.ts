// The browser's JPEG encoder for the AliExpress pack: createImageBitmap + OffscreenCanvas where they
// exist (Chrome, Firefox 105+), a <canvas> otherwise. Asynchronous all the way, so the page stays
// responsive while a long capture is re-encoded. In a page, the work runs in a worker
// (jpeg-worker.ts) when one can be started: the browser encodes a canvas's JPEG on the thread that
// asks, and on the page's thread that was a third of a large export's time.
import type { DecodedImage, JpegEncoder } from './venues/aliexpress';
import { encodeRect } from './jpeg-draw';
import type { JpegReply, JpegRequest } from './jpeg-worker';

export const canvasJpegEncoder: JpegEncoder = {
  async decode(source, mime) {
    const bitmap = await createImageBitmap(source instanceof Blob ? source : new Blob([source as BlobPart], { type: mime }));
    const image: DecodedImage = {
      width: bitmap.width,
      height: bitmap.height,
      encode: (rect, scale, quality) => encodeRect(bitmap, rect, scale, quality),
      close: () => bitmap.close(),
    };
    return image;
  },
};

/** One JPEG worker: requests by id, every pending one refused when the worker fails or is stopped. */
function startWorker() {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./jpeg-worker.ts', import.meta.url));
  } catch {
    return undefined;
  }
  let nextId = 1;
  let broken = false;
  const pending = new Map<number, { resolve: (r: JpegReply) => void; reject: (e: Error) => void }>();
  const fail = (why: string) => {
    broken = true;
    for (const p of pending.values()) p.reject(new WorkerGone(why));
    pending.clear();
  };
  worker.onmessage = (e: MessageEvent<JpegReply>) => {
    const p = pending.get(e.data.id);
    pending.delete(e.data.id);
    if (!p) return;
    if ('error' in e.data) p.reject(new Error(e.data.error));
    else p.resolve(e.data);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    fail(e.message || 'the JPEG worker stopped');
  };
  return {
    ask: (req: WithoutId<JpegRequest>): Promise<JpegReply> =>
      new Promise((resolve, reject) => {
        if (broken) return reject(new WorkerGone('the JPEG worker stopped'));
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ ...req, id } as JpegRequest);
      }),
    close: (img: number) => {
      if (!broken) worker.postMessage({ type: 'close', img, id: 0 } as JpegRequest);
    },
    stop() {
      fail('stopped');
      worker.terminate();
    },
  };
}

/** Workers for the JPEG copies: the page zips while they decode and encode. */
const JPEG_WORKERS = 2;

/**
 * The same encoder, run in workers (images handed out in turn). Falls back to this page's canvas when
 * no worker can be started or one stops working. `stop()` ends the workers.
 */
export function workerJpegEncoder(count = JPEG_WORKERS): JpegEncoder & { stop(): void } {
  const workers = Array.from({ length: count }, startWorker).filter((w) => w !== undefined);
  let turn = 0;
  return {
    async decode(image, mime) {
      const w = workers[turn++ % Math.max(1, workers.length)];
      let reply: JpegReply;
      try {
        if (!w) throw new WorkerGone('no JPEG worker');
        reply = await w.ask({ type: 'decode', image, mime });
      } catch (e) {
        if (e instanceof WorkerGone) return canvasJpegEncoder.decode(image, mime);
        throw e;
      }
      const img = reply.id;
      const size = reply as Extract<JpegReply, { width: number }>;
      return {
        width: size.width,
        height: size.height,
        async encode(rect, scale, quality) {
          const r = (await w.ask({ type: 'encode', img, rect, scale, quality })) as Extract<JpegReply, { jpeg: Blob }>;
          return r.jpeg;
        },
        close: () => w.close(img),
      };
    },
    stop() {
      for (const w of workers) w.stop();
    },
  };
}

class WorkerGone extends Error {}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
