/**
 * The PDF container: numbered objects, Flate-compressed streams, the cross-reference table and
 * the trailer (PDF 1.7, ISO 32000-1 §7.5). Knows nothing of maps or fonts: the page writer
 * (map-pdf.ts) fills it with pages, fonts and drawings.
 *
 * Why our own: Chromium's printer needs the drawing loaded as a page and laid out before it
 * prints, over a second on a 2,000-touchpoint map; writing the same shapes and words straight
 * into content streams takes a fraction of that.
 */
import { zlibSync } from 'fflate';

const encoder = new TextEncoder();

/**
 * Flate's effort: 3 packs a 2,000-touchpoint map's pages within a tenth of level 6's size in about
 * half its time — the writing is part of the export's wait, the bytes are not.
 */
const FLATE_LEVEL = 3;

/** A reference to object `n`: `n 0 R`. */
export const ref = (n: number): string => `${n} 0 R`;

/** A number as PDF writes it: at most three decimals, no exponent, no "-0". */
export function num(v: number): string {
  const rounded = Math.round(v * 1000) / 1000;
  return rounded === 0 ? '0' : String(rounded);
}

/**
 * A text string for the document's metadata (Title, Producer): UTF-16BE with its byte-order mark,
 * in hex, so any script survives and nothing needs escaping.
 * @example textString('Кафе') // '<FEFF041A043004440435>'
 */
export function textString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** A name object with the characters PDF names cannot hold written as #xx. */
export function pdfName(name: string): string {
  return `/${name.replace(/[^!-~]|[#()<>[\]{}/%]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;
}

/** A stream object waiting for its compression, done for all streams at once when the file is finished. */
export interface PendingStream {
  readonly dict: string;
  readonly data: Uint8Array;
  readonly compress: boolean;
}

/** Streams this big go to the platform's own zlib (CompressionStream): a map's page is megabytes of operators, a face tens of KB. */
const NATIVE_FLATE_FROM = 8 * 1024;

/**
 * zlib (RFC 1950, what /FlateDecode reads). Big data goes through the platform's CompressionStream
 * — native code, several times faster than zlib in JavaScript on a cold start, which every export
 * is — and small data through fflate, where a stream's promise hops would cost more than the work.
 */
async function flate(data: Uint8Array): Promise<Uint8Array> {
  if (data.length < NATIVE_FLATE_FROM || typeof CompressionStream === 'undefined') return zlibSync(data, { level: FLATE_LEVEL });
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export class PdfFile {
  private readonly bodies: (Uint8Array | PendingStream | null)[] = [];

  /** A number for an object written later (pages point at their parent before it exists). */
  reserve(): number {
    this.bodies.push(null);
    return this.bodies.length;
  }

  /** Writes object `n`'s body: a dictionary, an array, or a stream made by `stream`. */
  set(n: number, body: string | Uint8Array | PendingStream): void {
    this.bodies[n - 1] = typeof body === 'string' ? encoder.encode(body) : body;
  }

  add(body: string | Uint8Array | PendingStream): number {
    const n = this.reserve();
    this.set(n, body);
    return n;
  }

  /**
   * A stream object's body: `dict` holds the entries besides /Length and /Filter. Compressed with
   * Flate (when the file is finished) unless `compress` is false.
   */
  stream(dict: string, data: Uint8Array | string, compress = true): PendingStream {
    return { dict, data: typeof data === 'string' ? encoder.encode(data) : data, compress };
  }

  /** The whole file: header, objects, xref, trailer pointing at the catalog and the document info. */
  async finish(root: number, info: number): Promise<Uint8Array> {
    const bodies = await Promise.all(this.bodies.map((body, i) => {
      if (body === null) throw new Error(`PDF object ${i + 1} was reserved but never written.`);
      return body instanceof Uint8Array ? body : streamBytes(body);
    }));
    const chunks: Uint8Array[] = [];
    // The binary comment tells transfer tools the file is not text.
    chunks.push(new Uint8Array([...encoder.encode('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]));
    let offset = (chunks[0] as Uint8Array).length;
    const offsets: number[] = [];
    bodies.forEach((body, i) => {
      offsets.push(offset);
      const head = encoder.encode(`${i + 1} 0 obj\n`);
      const tail = encoder.encode('\nendobj\n');
      chunks.push(head, body, tail);
      offset += head.length + body.length + tail.length;
    });
    const xref =
      `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n` +
      offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
      `trailer\n<< /Size ${bodies.length + 1} /Root ${ref(root)} /Info ${ref(info)} >>\nstartxref\n${offset}\n%%EOF\n`;
    chunks.push(encoder.encode(xref));
    const total = chunks.reduce((sum, c) => sum + c.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

async function streamBytes(pending: PendingStream): Promise<Uint8Array> {
  const bytes = pending.compress ? await flate(pending.data) : pending.data;
  const head = encoder.encode(`<< ${pending.dict}${pending.compress ? ' /Filter /FlateDecode' : ''} /Length ${bytes.length} >>\nstream\n`);
  const tail = encoder.encode('\nendstream');
  const out = new Uint8Array(head.length + bytes.length + tail.length);
  out.set(head, 0);
  out.set(bytes, head.length);
  out.set(tail, head.length + bytes.length);
  return out;
}
