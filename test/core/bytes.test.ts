import fc from 'fast-check';
import {
  binaryToText,
  decodeBase64Binary,
  decodeBase64Strict,
  decodeUtf8,
  encodeBase64,
} from '../../src/core/bytes';

describe('base64 as Go and kubectl do it', () => {
  test('encodes exactly as Node does (kubectl uses std base64 with padding)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
  });

  test('round trips and skips \\r and \\n like Go StdEncoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(50), (bytes, at) => {
        const text = encodeBase64(bytes);
        const cut = Math.min(at, text.length);
        const withNewline = text.slice(0, cut) + '\r\n' + text.slice(cut);
        expect(Array.from(decodeBase64Strict(withNewline) ?? [])).toEqual(Array.from(bytes));
      }),
    );
  });

  test('rejects missing padding, URL-safe characters, raw text and misplaced padding', () => {
    for (const bad of ['dXNlcjpwdw', 'dXNlcjpw-w==', 'user:pw', 'dX=lcjpw', 'ab=c', 'a===', 'dXNlcjpwdw=']) {
      expect(decodeBase64Strict(bad)).toBeNull();
    }
    expect(decodeBase64Strict('')).toEqual(new Uint8Array());
  });

  test('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.fullUnicodeString(), (text) => void decodeBase64Strict(text)));
  });
});

describe('decodeUtf8', () => {
  test('null for invalid UTF-8, the text otherwise (BOM kept)', () => {
    expect(decodeUtf8(Uint8Array.from([0xff]))).toBeNull();
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('\ufeffA');
  });
});

describe('decodeBase64Binary (the native path) agrees with decodeBase64Strict', () => {
  const toBinary = (bytes: Uint8Array) => String.fromCharCode(...bytes);
  test('on base64-like and arbitrary text', () => {
    const b64ish = fc
      .array(fc.constantFrom(...'AQgw+/9=\r\n -_é'.split('')), { maxLength: 16 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.oneof(b64ish, fc.string(), fc.uint8Array().map(encodeBase64)), (text) => {
        const strict = decodeBase64Strict(text);
        expect(decodeBase64Binary(text)).toBe(strict === null ? null : toBinary(strict));
      }),
      { numRuns: 3000 },
    );
  });

  test('binaryToText decodes UTF-8 and replaces invalid bytes as Go shows them', () => {
    expect(binaryToText('plain')).toBe('plain');
    expect(binaryToText(toBinary(new TextEncoder().encode('jürgen')))).toBe('jürgen');
    expect(binaryToText('\xff')).toBe('\ufffd');
  });
});
