import fs from 'node:fs';
import path from 'node:path';
import { fileTypeFromFile } from 'file-type';
import { ALLOWED_FILE_TYPES } from '../../../shared/contracts/files';

export type AllowedType = (typeof ALLOWED_FILE_TYPES)[number];

/** For messages: "PDF, PNG, JPG, …". */
export const ALLOWED_LIST = ALLOWED_FILE_TYPES.map((t) => t.ext.toUpperCase()).join(', ');

const TEXT_EXTENSIONS: Record<string, AllowedType> = Object.fromEntries(
  ALLOWED_FILE_TYPES.filter((t) => t.mediaType.startsWith('text/')).map((t) => [`.${t.ext}`, t]),
);

/**
 * The file's real type, judged from its bytes, if it is one we accept. The name
 * counts only for plain text, which has no magic number: a .csv or .txt is
 * accepted when its bytes are valid UTF-8 without NUL bytes (so a renamed binary
 * is refused). Anything else — a renamed .exe or an HTML page called .pdf — is null.
 */
export async function sniffAllowedType(filePath: string, filename: string): Promise<AllowedType | null> {
  const detected = await fileTypeFromFile(filePath);
  if (detected) return ALLOWED_FILE_TYPES.find((t) => t.mediaType === detected.mime) ?? null;
  const text = TEXT_EXTENSIONS[path.extname(filename).toLowerCase()];
  if (!text) return null;
  return (await isUtf8Text(filePath)) ? text : null;
}

async function isUtf8Text(filePath: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 64 * 1024 })) {
      const bytes = chunk as Buffer;
      if (bytes.includes(0)) return false;
      decoder.decode(bytes, { stream: true });
    }
    decoder.decode(); // a truncated multi-byte sequence at the end throws here
    return true;
  } catch {
    return false;
  }
}
