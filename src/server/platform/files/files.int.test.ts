import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type Session, type TestApp } from '../../test/harness';
import { auditLog } from '../audit/audit.tables';
import { systemCtx } from '../context';
import { cleanTempUploads } from './clean-temp';
import { files } from './files.tables';
import { storeFile } from './store-file';

// ---- tiny but valid files, made here -------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** A 2×2 RGB PNG. */
function tinyPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]); // filter byte + 2 pixels per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with a correct cross-reference table. */
function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, // the content stream, below
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = 'BT /F1 12 Tf 20 50 Td (Seedbed) Tj ET';
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The start of a Windows executable (MZ header, PE signature). */
function fakeExe(): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'ascii');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

function multipart(fields: { name: string; filename?: string; contentType?: string; data: Buffer | string }[]) {
  const boundary = `----seedbed${Math.random().toString(16).slice(2)}`;
  const parts = fields.map((f) => {
    const disposition = `form-data; name="${f.name}"${f.filename !== undefined ? `; filename="${f.filename}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${f.filename !== undefined ? `Content-Type: ${f.contentType ?? 'application/octet-stream'}\r\n` : ''}\r\n`;
    return Buffer.concat([Buffer.from(head, 'utf8'), Buffer.isBuffer(f.data) ? f.data : Buffer.from(f.data, 'utf8'), Buffer.from('\r\n')]);
  });
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// ---- tests ---------------------------------------------------------------------------

describe('file storage', () => {
  let t: TestApp;
  let member: Session;
  let other: Session;
  let admin: Session;

  beforeAll(async () => {
    t = await makeTestApp({ maxUploadBytes: 2 * 1024 * 1024 }); // above the 1 MB JSON body limit on purpose
    member = await t.signIn('enterprise_member');
    other = await t.signIn('investor');
    admin = await t.signIn('admin');
  });
  afterAll(() => t.close());

  const upload = (session: Session, filename: string, data: Buffer | string, contentType = 'application/pdf', headers: Record<string, string> = {}) => {
    const body = multipart([{ name: 'file', filename, contentType, data }]);
    return t.app.inject({ method: 'POST', url: '/api/v1/files', payload: body.payload, headers: { ...session.headers, ...body.headers, ...headers } });
  };
  const rowCount = async () => (await t.database.db.select({ id: files.id }).from(files)).length;
  const blobCount = () => {
    const root = path.join(t.config.dataDir, 'files');
    if (!fs.existsSync(root)) return 0;
    return fs
      .readdirSync(root)
      .filter((d) => d !== 'tmp')
      .flatMap((d) => fs.readdirSync(path.join(root, d))).length;
  };
  const tmpLeft = () => {
    const tmp = path.join(t.config.dataDir, 'files', 'tmp');
    return fs.existsSync(tmp) ? fs.readdirSync(tmp) : [];
  };

  it('stores a real PNG under its SHA-256, records it and audits it', async () => {
    const png = tinyPng();
    const res = await upload(member, 'logo.png', png, 'image/png');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      id: expect.any(String),
      originalName: 'logo.png',
      mediaType: 'image/png',
      sizeBytes: png.length,
      sha256: sha(png),
      createdAt: expect.any(String),
    });
    const onDisk = path.join(t.config.dataDir, 'files', body.sha256.slice(0, 2), body.sha256);
    expect(fs.readFileSync(onDisk).equals(png)).toBe(true);
    const [row] = await t.database.db.select().from(files).where(eq(files.id, body.id));
    expect(row).toMatchObject({ ownerId: member.userId, extension: 'png', storageKey: `${body.sha256.slice(0, 2)}/${body.sha256}` });
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, body.id));
    expect(entry).toMatchObject({
      action: 'file.upload',
      entityType: 'file',
      actorId: member.userId,
      after: { originalName: 'logo.png', mediaType: 'image/png', sha256: body.sha256 },
    });
    expect(tmpLeft()).toEqual([]);
  });

  it('stores a real PDF and serves it back, byte for byte, as an attachment', async () => {
    const pdf = tinyPdf();
    const res = await upload(member, 'Business plan 商业计划.pdf', pdf, 'application/octet-stream');
    expect(res.statusCode).toBe(201);
    const { id, mediaType } = res.json();
    expect(mediaType).toBe('application/pdf');

    const meta = await t.app.inject({ method: 'GET', url: `/api/v1/files/${id}`, headers: member.headers });
    expect(meta.statusCode).toBe(200);
    expect(meta.json()).toMatchObject({ id, originalName: 'Business plan 商业计划.pdf', sizeBytes: pdf.length });

    const dl = await t.app.inject({ method: 'GET', url: `/api/v1/files/${id}/content`, headers: member.headers });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="Business plan ____.pdf"; filename*=UTF-8''Business%20plan%20${encodeURIComponent('商业计划')}.pdf`,
    );
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    // inline is for images only: a PDF stays an attachment
    const inline = await t.app.inject({ method: 'GET', url: `/api/v1/files/${id}/content?inline=true`, headers: member.headers });
    expect(inline.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('accepts CSV and plain text that is valid UTF-8, larger than the JSON body limit', async () => {
    const csv = `name,城市,مقام\n${'Acme,深圳,کراچی\n'.repeat(70_000)}`; // ≈ 1.6 MB
    expect(Buffer.byteLength(csv)).toBeGreaterThan(t.config.maxBodyBytes);
    const res = await upload(member, 'enterprises.csv', csv, 'text/csv');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mediaType: 'text/csv', sizeBytes: Buffer.byteLength(csv) });
    const txt = await upload(member, 'notes.TXT', 'plain words\n', 'text/plain');
    expect(txt.json().mediaType).toBe('text/plain');
    const dl = await t.app.inject({ method: 'GET', url: `/api/v1/files/${txt.json().id}/content`, headers: member.headers });
    expect(dl.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('refuses disguised and unknown types, whatever their name or declared type', async () => {
    const before = { rows: await rowCount(), blobs: blobCount() };
    const cases: [string, Buffer | string][] = [
      ['invoice.pdf', fakeExe()], // a Windows program renamed
      ['report.pdf', '<!doctype html><html><script>alert(1)</script></html>'], // HTML dressed as PDF
      ['page.html', '<html></html>'],
      ['data.csv', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x41])], // binary named .csv
      ['latin1.txt', Buffer.from('caf\xe9', 'latin1')], // not UTF-8
      ['archive.zip', Buffer.from('504b0304140000000000', 'hex')],
    ];
    for (const [name, data] of cases) {
      const res = await upload(member, name, Buffer.isBuffer(data) ? data : Buffer.from(data), 'application/pdf');
      expect(res.statusCode, name).toBe(415);
      expect(res.json().error.code).toBe('file_type_not_allowed');
      expect(res.json().error.message).toBe('Files of this type are not accepted. Allowed: PDF, PNG, JPG, WEBP, GIF, XLSX, DOCX, CSV, TXT.');
    }
    expect(await rowCount()).toBe(before.rows);
    expect(blobCount()).toBe(before.blobs);
    expect(tmpLeft()).toEqual([]);
    const zh = await upload(member, 'x.pdf', fakeExe(), 'application/pdf', { 'accept-language': 'zh' });
    expect(zh.json().error.message).toContain('PDF, PNG');
  });

  it('refuses an upload over the limit with 413, leaving nothing behind', async () => {
    const before = { rows: await rowCount(), blobs: blobCount() };
    const big = Buffer.concat([tinyPng(), Buffer.alloc(2 * 1024 * 1024)]); // a PNG header and 2 MB more
    const res = await upload(member, 'huge.png', big, 'image/png');
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'payload_too_large', message: 'The upload is too large. The limit is 2 MB.' });
    expect(await rowCount()).toBe(before.rows);
    expect(blobCount()).toBe(before.blobs);
    expect(tmpLeft()).toEqual([]);

    // Exactly at the limit is fine.
    const exact = Buffer.alloc(t.config.maxUploadBytes, 'a');
    expect((await upload(member, 'exact.txt', exact, 'text/plain')).statusCode).toBe(201);
  });

  it('over real HTTP, answers an over-size upload with 413 at once and closes the connection (the client is not left pushing)', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(12 * 1024 * 1024).fill(97)]), 'big.txt');
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/files`, {
      method: 'POST',
      body: form,
      headers: member.headers,
      signal: AbortSignal.timeout(10_000),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    expect((await res.json()).error.code).toBe('payload_too_large');
    const small = new FormData();
    small.append('file', new Blob([new Uint8Array(tinyPng())]), 'ok.png');
    const ok = await fetch(`http://127.0.0.1:${port}/api/v1/files`, { method: 'POST', body: small, headers: member.headers });
    expect(ok.status).toBe(201);
  });

  it('answers 404 for another user’s file; its owner and admins may read it', async () => {
    const { id } = (await upload(member, 'mine.png', tinyPng(), 'image/png')).json();
    for (const url of [`/api/v1/files/${id}`, `/api/v1/files/${id}/content`]) {
      const res = await t.app.inject({ method: 'GET', url, headers: other.headers });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('not_found');
      expect((await t.app.inject({ method: 'GET', url, headers: admin.headers })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    const inline = await t.app.inject({ method: 'GET', url: `/api/v1/files/${id}/content?inline=true`, headers: member.headers });
    expect(inline.headers['content-disposition']).toMatch(/^inline;/);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/files/00000000-0000-4000-8000-000000000000', headers: admin.headers })).statusCode).toBe(404);
  });

  it('stores identical content once, with a row per upload', async () => {
    const png = tinyPng();
    const blobs = blobCount();
    const a = (await upload(member, 'a.png', png, 'image/png')).json();
    const b = (await upload(other, 'b.png', png, 'image/png')).json();
    expect(a.id).not.toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
    expect(blobCount()).toBe(blobs); // the PNG was stored by an earlier test
    const dl = await t.app.inject({ method: 'GET', url: `/api/v1/files/${b.id}/content`, headers: other.headers });
    expect(dl.rawPayload.equals(png)).toBe(true);
  });

  it('explains a request without a file, or that is not multipart', async () => {
    const noFile = multipart([{ name: 'note', data: 'hello' }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/files', payload: noFile.payload, headers: { ...member.headers, ...noFile.headers } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('file_required');
    const wrongField = multipart([{ name: 'document', filename: 'a.png', data: tinyPng() }]);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/files', payload: wrongField.payload, headers: { ...member.headers, ...wrongField.headers } })).json()
        .error.code,
    ).toBe('file_required');
    const empty = await upload(member, 'empty.txt', Buffer.alloc(0), 'text/plain');
    expect(empty.statusCode).toBe(400);
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/files', payload: { file: 'x' }, headers: member.headers });
    expect(json.statusCode).toBe(415);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/files', payload: noFile.payload, headers: noFile.headers })).statusCode).toBe(401);
  });

  it('storeFile takes a buffer too (for the CLI and jobs), and strips folder names', async () => {
    const ctx = {
      ...systemCtx(t.database, t.config, t.app.log),
      actor: { ...systemCtx(t.database, t.config, t.app.log).actor!, via: 'token' as const, userId: member.userId },
    };
    const stored = await storeFile(ctx, { buffer: tinyPdf(), filename: 'C:\\fakepath\\plan.pdf' });
    expect(stored).toMatchObject({ originalName: 'plan.pdf', mediaType: 'application/pdf' });
  });

  it('clears temp files a crashed upload left behind, but not fresh ones', async () => {
    const tmp = path.join(t.config.dataDir, 'files', 'tmp');
    fs.mkdirSync(tmp, { recursive: true });
    const old = path.join(tmp, 'crashed.part');
    const fresh = path.join(tmp, 'in-progress.part');
    fs.writeFileSync(old, 'half an upload');
    fs.writeFileSync(fresh, 'being written');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    fs.utimesSync(old, twoHoursAgo, twoHoursAgo);
    expect(await cleanTempUploads(t.config)).toBe(1);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    fs.rmSync(fresh);
  });
});
