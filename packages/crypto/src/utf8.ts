import { nativeBuffer } from './native-buffer.js';
import { paddingFor } from './pkcs7.js';

const encoder = new TextEncoder();
/** Fatal: malformed UTF-8 throws rather than turning into U+FFFD. A BOM is kept, not skipped. */
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The UTF-8 bytes of `text` followed by their PKCS#7 padding, in one array. */
export function encodeUtf8Padded(text: string): Uint8Array {
  if (nativeBuffer !== undefined) {
    const length = nativeBuffer.byteLength(text, 'utf8');
    const padding = paddingFor(length);
    const out = nativeBuffer.allocUnsafe(length + padding);
    out.write(text, 0, 'utf8');
    return out.fill(padding, length);
  }
  return encodeUtf8PaddedPortable(text);
}

/** The portable path of {@link encodeUtf8Padded}. */
export function encodeUtf8PaddedPortable(text: string): Uint8Array {
  const bytes = encoder.encode(text);
  const padding = paddingFor(bytes.length);
  const out = new Uint8Array(bytes.length + padding);
  out.set(bytes);
  return out.fill(padding, bytes.length);
}

/** Decodes UTF-8, rejecting malformed input (bad sequences, overlongs, surrogates) as `undefined`. */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}
